/** Browser mode's interface files: sent compressed, cached for good under a hashed name, never cached as the page itself. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../electron/core/static';
import { startHarness, tempDir, type Harness } from '../support/engine';

let h: Harness;
let ui: string;
/** A script of the size the interface's is, made of code-like lines (compressible as real code is). */
const script = Array.from({ length: 6000 }, (_, i) => `export const value${i} = computeSomething(${i}, "label ${i % 97}");`).join('\n');

/** A raw GET (fetch would decompress and hide the encoding), with its status, headers and bytes as sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the interface as browser mode serves it', () => {
  beforeEach(async () => {
    ui = tempDir('mw-ui-');
    mkdirSync(join(ui, 'assets'));
    writeFileSync(join(ui, 'index.html'), `<!doctype html><html><head><script type="module" src="./assets/index-Ab3dE_9x.js"></script></head><body>${' '.repeat(2000)}</body></html>`);
    writeFileSync(join(ui, 'assets', 'index-Ab3dE_9x.js'), script);
    // A brotli copy as the build writes it; the gzip one is left for the server to make.
    writeFileSync(join(ui, 'assets', 'index-Ab3dE_9x.js.br'), brotliCompressSync(Buffer.from(script)));
    writeFileSync(join(ui, 'robots.txt'), 'User-agent: *\nDisallow: /\n'.repeat(100));
    h = await startHarness(undefined, undefined, ui);
  });
  afterEach(async () => {
    await h.stop();
    rmSync(ui, { recursive: true, force: true });
  });

  it('sends the script brotli-compressed to a browser that accepts it, gzip to one that takes only gzip, plain otherwise', async () => {
    const br = await get('/assets/index-Ab3dE_9x.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    // Code-like text shrinks to well under a third.
    expect(br.body.length).toBeLessThan(script.length / 3);

    const gz = await get('/assets/index-Ab3dE_9x.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get('/assets/index-Ab3dE_9x.js', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('lets the browser keep a hashed script for good, never the page, and revalidates other files', async () => {
    const js = await get('/assets/index-Ab3dE_9x.js', { 'Accept-Encoding': 'br' });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(gunzipSync(page.body).toString()).toContain('index-Ab3dE_9x.js');
    // An address the interface routes itself gets the page too, uncached.
    expect((await get('/e/some/route')).headers['cache-control']).toBe('no-store');

    const robots = await get('/robots.txt');
    expect(robots.headers['cache-control']).toBe('no-cache');
    const again = await get('/robots.txt', { 'If-None-Match': String(robots.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get('/assets/index-Ab3dE_9x.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });
});

describe('content negotiation', () => {
  it('chooses the encoding by what the request accepts and what the file has', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', { br: true, gzip: true })).toBe('br');
    expect(chooseEncoding('gzip, deflate, br', { br: false, gzip: true })).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', { br: true, gzip: true })).toBe('gzip');
    expect(chooseEncoding('*', { br: true, gzip: true })).toBe('br');
    expect(chooseEncoding(undefined, { br: true, gzip: true })).toBe('identity');
    expect(chooseEncoding('identity', { br: true, gzip: true })).toBe('identity');
  });
});
