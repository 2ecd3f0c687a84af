/**
 * The built interface as browser mode serves it: each file read once and kept in memory, sent compressed
 * (brotli or gzip, as the browser accepts: the build writes `.br` and `.gz` copies beside each file; a file
 * without them is gzipped once, on its first request), and cached by the browser for good when its name
 * carries a content hash (`assets/index-D7d9uUB.js`). The page itself (`index.html`) is never cached, so a
 * new build and a new launch token are picked up at once; other files are revalidated by ETag.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/** Smaller than this, compression saves less than its headers cost. */
const MIN_COMPRESS = 1024;

/** A build output whose name carries a content hash: it never changes under that name. */
const HASHED = /(^|[\\/])assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const CACHE_FOREVER = 'public, max-age=31536000, immutable';

interface Entry {
  body: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  type: string;
  cacheControl: string;
  etag: string;
  mtimeMs: number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the request accepts of those the file has (an `Accept-Encoding` with q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined, has: { br: boolean; gzip: boolean }): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (has.br && ok('br')) return 'br';
  if (has.gzip && ok('gzip')) return 'gzip';
  return 'identity';
}

export class StaticFiles {
  private readonly entries = new Map<string, Entry>();

  /** The file at `path` (absolute, already checked to be inside the interface's folder), loaded on first use. */
  private load(path: string): Entry {
    const mtimeMs = statSync(path).mtimeMs;
    const cached = this.entries.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readFileSync(path);
    const ext = extname(path).toLowerCase();
    const compressible = COMPRESSIBLE.has(ext) && body.length >= MIN_COMPRESS;
    const sibling = (suffix: string) => (compressible && existsSync(path + suffix) && statSync(path + suffix).mtimeMs >= mtimeMs ? readFileSync(path + suffix) : null);
    const br = sibling('.br');
    const gzip = sibling('.gz') ?? (compressible ? gzipSync(body, { level: 6 }) : null);
    const entry: Entry = {
      body,
      br,
      gzip,
      type: MIME[ext] ?? 'application/octet-stream',
      cacheControl: basename(path) === 'index.html' ? 'no-store' : HASHED.test(path) ? CACHE_FOREVER : 'no-cache',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      mtimeMs,
    };
    this.entries.set(path, entry);
    return entry;
  }

  /** Answers a GET or HEAD for the file at `path` with `headers` added (security headers, for instance). */
  send(req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): void {
    let entry: Entry;
    try {
      entry = this.load(path);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Not found.');
      return;
    }
    const common: Record<string, string> = { ...headers, 'Content-Type': entry.type, 'Cache-Control': entry.cacheControl, Vary: 'Accept-Encoding' };
    if (entry.cacheControl !== 'no-store') common.ETag = entry.etag;
    if (entry.cacheControl !== 'no-store' && req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding'], { br: !!entry.br, gzip: !!entry.gzip });
    const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.body;
    res.writeHead(200, { ...common, ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
