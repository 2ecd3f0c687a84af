/**
 * Browser mode: the same registry as Electron IPC, over HTTP on 127.0.0.1 only.
 * POST /api/<command> with a JSON body and `Authorization: Bearer <token>`; GET /api/events streams
 * engine events as Server-Sent Events; POST /api/upload streams an evidence file in and GET /api/file
 * streams one out. The built renderer is served from `rendererDir`. Whatever a client sends is answered
 * (a malformed request with a 4xx); nothing a request does stops the server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { ApiError, httpStatusFor, type ApiErrorShape } from '../../shared/errors';
import type { Engine } from './engine';
import { StaticFiles } from './static';
import { attachmentStream, formatMb, INLINE_LIMIT_MB } from './upload';
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

/** `decodeURIComponent` that answers null to a malformed escape instead of throwing. */
function decodePath(text: string): string | null {
  try {
    const decoded = decodeURIComponent(text);
    return decoded.includes('\u0000') ? null : decoded;
  } catch {
    return null;
  }
}

function badRequest(res: ServerResponse, message: string): void {
  sendError(res, { code: 'invalid_input', message });
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
  const statics = new StaticFiles();
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
    const name = decodePath(url.pathname.slice('/api/'.length));
    if (name === null) return badRequest(res, 'The address of the request is not valid: it has a malformed escape.');
    if (name === 'file' && (req.method === 'GET' || req.method === 'HEAD')) {
      const auth = req.headers.authorization;
      const given = auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('token');
      if (!tokenMatches(given, token)) {
        return sendError(res, { code: 'unauthorized', message: 'Missing or wrong token: open the address printed when the app started.' });
      }
      return sendFile(req, res, url);
    }
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
    if (name === 'upload') return receiveUpload(req, res, url);
    let input: unknown = {};
    // A file travels base64-encoded (4 bytes for 3), within the attachment limit from Settings.
    const withFile = name === 'evidence.add' || name === 'survey.import' || name === 'engagement.importFile' || name === 'engagement.setBranding';
    // An engagement file carries its evidence files: it may be far larger than one attachment.
    const limitMb = name === 'engagement.importFile' ? Math.max(1024, engine.library.settings().attachmentLimitMb) : engine.library.settings().attachmentLimitMb;
    // Inline base64 is held to what a JSON text can carry; larger files go through POST /api/upload.
    const inlineMb = Math.min(limitMb, INLINE_LIMIT_MB);
    const limit = withFile ? Math.ceil((inlineMb * 1048576 * 4) / 3) + maxBody : maxBody;
    const tooLarge = !withFile
      ? `The request is larger than ${Math.round(limit / 1048576)} MB, the most this command accepts.`
      : limitMb <= INLINE_LIMIT_MB
        ? `file: the file is larger than the limit of ${limitMb} MB (change it in Settings).`
        : name === 'evidence.add'
          ? `file: a file sent inside the request as base64 may be at most ${INLINE_LIMIT_MB} MB; send larger files (up to the limit of ${limitMb} MB) to POST /api/upload and add them by uploadId.`
          : `file: a file sent inside the request may be at most ${INLINE_LIMIT_MB} MB; in the desktop app, choose the file from disk instead.`;
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

  /**
   * POST /api/upload?name=<file name>: the body is the file itself, streamed to the data folder while it is
   * hashed and held to the limit in Settings; answers an upload id for `evidence.add`.
   */
  async function receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const fileName = (url.searchParams.get('name') ?? '').trim();
    if (!fileName || fileName.length > 255 || fileName.includes('\u0000')) {
      return badRequest(res, 'name: give the file name in the address, as /api/upload?name=<file name> (1 to 255 characters).');
    }
    const mime = (req.headers['content-type'] ?? 'application/octet-stream').slice(0, 200);
    const limitMb = engine.library.settings().attachmentLimitMb;
    const declared = Number(req.headers['content-length'] ?? NaN);
    const refuse = (error: ApiErrorShape) => {
      // The rest of the body is read and dropped (never kept), so the client gets this answer rather than a reset.
      sendError(res, error);
      req.resume();
    };
    if (Number.isFinite(declared) && declared > limitMb * 1048576) {
      return refuse({ code: 'too_large', message: `file: ${fileName} is ${formatMb(declared)}; the limit is ${limitMb} MB (change it in Settings).`, details: { size: declared, limitMb } });
    }
    try {
      const ref = await engine.files.uploads.receive(req, { name: fileName, mime }, limitMb);
      sendJson(res, 200, { ok: true, result: ref });
    } catch (err) {
      refuse(err instanceof ApiError ? err.toJSON() : { code: 'invalid_input', message: `file: ${fileName} could not be received: ${(err as Error).message}` });
    }
  }

  /**
   * GET /api/file?engagementId=..&evidenceId=..&token=..: an evidence file, streamed part by part whatever
   * its size, always as a download (never shown as a page of this origin).
   */
  async function sendFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const engagementId = url.searchParams.get('engagementId') ?? '';
    const evidenceId = url.searchParams.get('evidenceId') ?? '';
    if (!/^[0-9a-z]{8,40}$/.test(engagementId) || !/^[0-9a-z]{8,40}$/.test(evidenceId)) {
      return badRequest(res, 'engagementId and evidenceId: give both ids in the address.');
    }
    let file: { name: string; size: number; parts: () => Iterable<Buffer> };
    try {
      file = await attachmentStream(engine, engagementId, evidenceId);
    } catch (err) {
      const shape = err instanceof ApiError ? err.toJSON() : { code: 'internal' as const, message: (err as Error).message };
      return sendError(res, shape);
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': file.size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Content-Security-Policy': 'sandbox',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    for (const part of file.parts()) {
      if (res.destroyed) return;
      if (!res.write(part)) await new Promise((r) => res.once('drain', r));
    }
    res.end();
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
    const requested = decodePath(url.pathname);
    if (requested === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The address is not valid: it has a malformed escape.');
      return;
    }
    let path = normalize(join(rendererDir, requested));
    if (path !== rendererDir && !path.startsWith(rendererDir + sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory()) path = join(rendererDir, 'index.html');
    statics.send(req, res, path, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' });
  }

  const server = createServer((req, res) => {
    if (!hostAllowed(req, port) || !originAllowed(req, port)) {
      sendJson(res, 403, {
        ok: false,
        error: { code: 'unauthorized', message: 'This server only answers requests addressed to 127.0.0.1 or localhost.' },
      });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return badRequest(res, 'The address of the request is not valid.');
    }
    try {
      if (url.pathname.startsWith('/api/')) {
        handleApi(req, res, url).catch((err) => {
          console.error('[server]', err);
          if (!res.headersSent) sendError(res, { code: 'internal', message: 'The server failed to answer.' });
        });
      } else {
        serveStatic(req, res, url);
      }
    } catch (err) {
      // Whatever a request makes the routing throw is answered, never left to stop the server.
      console.error('[server]', err);
      if (!res.headersSent) badRequest(res, 'The request could not be read.');
      else res.destroy();
    }
  });

  // An idle connection is kept for a minute: a long write (a large attachment) blocks the engine for seconds,
  // and a client reusing a connection the server just timed out would see a reset instead of an answer.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;

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
