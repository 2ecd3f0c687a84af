/** Browser mode starts its engine through V8's code cache: written after a first start, used after, replaced when stale. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWithCodeCache } from '../../electron/core/code-cache';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('starting a bundle with the code cache', () => {
  it('runs it as a module, writes the cache after a first start, uses it next time and replaces a stale one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-cache-'));
    dirs.push(dir);
    const file = join(dir, 'bundle.cjs');
    const cache = join(dir, 'bundle.cache');
    const seen: unknown[] = [];
    (globalThis as Record<string, unknown>).__codeCacheTest = (v: unknown) => seen.push(v);
    const body = (n: number) =>
      `const path = require('node:path'); function work(x) { return x * ${n}; } globalThis.__codeCacheTest([path.basename(__filename), work(2), typeof module.exports]);`;
    writeFileSync(file, body(3));

    expect(runWithCodeCache(file, cache, 0)).toEqual({ usedCache: false });
    expect(seen).toEqual([['bundle.cjs', 6, 'object']]);
    await until(() => existsSync(cache));
    expect(existsSync(cache)).toBe(true);

    expect(runWithCodeCache(file, cache, 0)).toEqual({ usedCache: true });
    expect(seen[1]).toEqual(['bundle.cjs', 6, 'object']);

    // A new build of the very same length (which V8 alone would not notice): the cache is not used, and is written anew.
    writeFileSync(file, body(5));
    expect(runWithCodeCache(file, cache, 0)).toEqual({ usedCache: false });
    expect(seen[2]).toEqual(['bundle.cjs', 10, 'object']);
    await new Promise((r) => setTimeout(r, 50));
    expect(runWithCodeCache(file, cache, 0)).toEqual({ usedCache: true });
    delete (globalThis as Record<string, unknown>).__codeCacheTest;
  });
});
