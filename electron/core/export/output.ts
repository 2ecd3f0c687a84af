/**
 * Where exports go: the path a command was given (Electron's save dialog), or the `exports` folder of
 * the data folder under a readable name; and how browser mode downloads a file from that folder.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, extname, join } from 'node:path';
import { ApiError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/report/format';
import type { WrittenFile } from '../../../shared/report/outcomes';

export const EXPORTS_DIR = 'exports';

export function exportsDir(dataDir: string): string {
  return join(dataDir, EXPORTS_DIR);
}

/** `name.ext` unless taken, else `name (2).ext`, `name (3).ext`, ... */
export function freeName(dir: string, name: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; existsSync(join(dir, candidate)) || taken.has(candidate); i++) candidate = `${stem} (${i})${ext}`;
  return candidate;
}

/**
 * The file an export writes: `requested` as given (with the extension added when missing; its folder
 * must exist), else a free readable name in the exports folder.
 */
export function outputPath(dataDir: string, requested: string | undefined, defaultName: string): string {
  const ext = extname(defaultName);
  if (requested) {
    const path = extname(requested).toLowerCase() === ext ? requested : `${requested}${ext}`;
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ApiError('invalid_input', `path: the folder ${dir} does not exist.`, { fields: [{ path: 'path', message: 'folder does not exist' }] });
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new ApiError('invalid_input', `path: ${path} is a folder; give the file to write.`, { fields: [{ path: 'path', message: 'is a folder' }] });
    }
    return path;
  }
  const dir = exportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  return join(dir, freeName(dir, defaultName));
}

/** A folder for several files: `requested` (created if missing), else a free folder in the exports folder. */
export function outputFolder(dataDir: string, requested: string | undefined, defaultName: string): string {
  if (requested) {
    if (existsSync(requested) && !statSync(requested).isDirectory()) {
      throw new ApiError('invalid_input', `path: ${requested} is a file; give a folder for several files.`, { fields: [{ path: 'path', message: 'not a folder' }] });
    }
    mkdirSync(requested, { recursive: true });
    return requested;
  }
  const dir = exportsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const folder = join(dir, freeName(dir, safeFileName(defaultName)));
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The download address of a file inside the exports folder (relative to it, `/`-separated), else null. */
export function downloadOf(dataDir: string, path: string): string | null {
  const root = exportsDir(dataDir);
  if (!path.startsWith(root + '/') && !path.startsWith(root + '\\')) return null;
  const rel = path.slice(root.length + 1).split(/[\\/]/);
  return `/api/download/${rel.map(encodeURIComponent).join('/')}`;
}

export function written(dataDir: string, path: string, bytes: number): WrittenFile {
  return { path, fileName: basename(path), bytes, download: downloadOf(dataDir, path) };
}

const TYPES: Record<string, string> = {
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.mwb': 'application/octet-stream',
};

/**
 * Streams a file of the exports folder as an attachment (browser mode's download). `rel` is the part
 * of the address after /api/download/; anything that leaves the folder or is not a written export is 404.
 */
export function serveDownload(dataDir: string, rel: string, req: IncomingMessage, res: ServerResponse): void {
  const notFound = () => {
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No such export: it may have been moved or deleted.' } }));
  };
  let parts: string[];
  try {
    parts = rel.split('/').map(decodeURIComponent);
  } catch {
    return notFound();
  }
  if (!parts.length || parts.some((p) => !p || p.startsWith('.') || p.includes('/') || p.includes('\\') || p.includes(String.fromCharCode(0)))) return notFound();
  const path = join(exportsDir(dataDir), ...parts);
  const type = TYPES[extname(path).toLowerCase()];
  if (!type || !existsSync(path) || !statSync(path).isFile()) return notFound();
  const name = basename(path);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': statSync(path).size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}
