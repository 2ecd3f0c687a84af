/**
 * Browser mode: the same registry as Electron IPC, over HTTP on 127.0.0.1 only.
 * POST /api/<command> with a JSON body and `Authorization: Bearer <token>`; GET /api/events streams
 * engine events as Server-Sent Events. The built renderer is served from `rendererDir`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ApiError, httpStatusFor, type ApiErrorShape } from '../../shared/errors';
import type { Engine } from './engine';
import { serveDownload } from './export/output';

export interface ServerOptions {
  engine: Engine;
  port?: number;
  rendererDir?: string;
  /** Largest request body accepted, in bytes, for commands that carry no file. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.toLowerCase());
  if (!m || !ALLOWED_HOSTS.has(m[1]!)) return false;
  return m[2] === undefined || Number(m[2]) === port;
}

function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && ALLOWED_HOSTS.has(u.hostname === '::1' ? '[::1]' : u.hostname) && Number(u.port) === port;
  } catch {
    return false;
  }
}

function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: ApiErrorShape): void {
  sendJson(res, httpStatusFor(error.code), { ok: false, error });
}

function readBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    // Read to the end even when too large, so the client gets the answer instead of a reset.
    req.on('end', () =>
      over
        ? reject(new ApiError('too_large', tooLarge))
        : resolveBody(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { engine } = opts;
  const token = randomBytes(24).toString('hex');
  const maxBody = opts.maxBodyBytes ?? 4 * 1024 * 1024;
  const rendererDir = opts.rendererDir ? resolve(opts.rendererDir) : undefined;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = engine.on((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 20_000);
  heartbeat.unref();

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = decodeURIComponent(url.pathname.slice('/api/'.length));
    if (name === 'events' && req.method === 'GET') {
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed when the app started.' });
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (name.startsWith('download/') && (req.method === 'GET' || req.method === 'HEAD')) {
      // A written export, as an attachment: a link cannot send a header, so the token comes in the query.
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed when the app started.' });
      }
      return serveDownload(engine.app.dataDir, url.pathname.slice('/api/download/'.length), req, res);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: `Use POST for /api/${name}.` } });
    }
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    if (!tokenMatches(given, token)) {
      return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed when the app started.' });
    }
    let input: unknown = {};
    // A file travels base64-encoded (4 bytes for 3), within the attachment limit from Settings.
    const withFile = name === 'evidence.add' || name === 'survey.import' || name === 'engagement.importFile' || name === 'engagement.setBranding';
    // An engagement file carries its evidence files: it may be far larger than one attachment.
    const limitMb = name === 'engagement.importFile' ? Math.max(1024, engine.library.settings().attachmentLimitMb) : engine.library.settings().attachmentLimitMb;
    const limit = withFile ? Math.ceil((limitMb * 1048576 * 4) / 3) + maxBody : maxBody;
    const tooLarge = withFile
      ? `file: the file is larger than the limit of ${limitMb} MB (change it in Settings).`
      : `The request is larger than ${Math.round(limit / 1048576)} MB, the most this command accepts.`;
    try {
      const body = await readBody(req, limit, tooLarge);
      if (body.length) input = JSON.parse(body.toString('utf8'));
    } catch (err) {
      if (err instanceof ApiError) return sendError(res, err.toJSON());
      return sendError(res, { code: 'invalid_input', message: `The request body is not valid JSON: ${(err as Error).message}` });
    }
    const outcome = await engine.invoke(name, input);
    if (outcome.ok) sendJson(res, 200, outcome);
    else sendError(res, outcome.error);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (!rendererDir || !existsSync(rendererDir)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The interface has not been built: run `npm run build` first.');
      return;
    }
    let path = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
    if (path !== rendererDir && !path.startsWith(rendererDir + sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) path = join(rendererDir, 'index.html');
    const type = MIME[extname(path)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': path.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  }

  const server = createServer((req, res) => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) {
      sendJson(res, 403, {
        ok: false,
        error: { code: 'unauthorized', message: 'This server only answers requests addressed to 127.0.0.1 or localhost.' },
      });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url).catch((err) => {
        console.error('[server]', err);
        if (!res.headersSent) sendError(res, { code: 'internal', message: 'The server failed to answer.' });
      });
    } else {
      serveStatic(req, res, url);
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const res of streams) res.end();
        streams.clear();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
