/**
 * Starts a CommonJS bundle with V8's code cache: the compiled code of the bundle (its top level and every
 * function its start ran) is kept beside it after a first start, so later starts skip compiling it. V8 checks
 * the cache against its own version and flags, and the cache carries the SHA-256 of the source it was made
 * from; a stale or foreign cache is ignored and replaced. Without a writable folder the bundle simply starts
 * without one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Written once the start is over, so the cache holds what the start compiled, not only the top level. */
const WRITE_AFTER_MS = 2000;

type ModuleInternals = Module & { filename: string; paths: string[] };
type ModuleStatics = typeof Module & { _nodeModulePaths(dir: string): string[]; _resolveFilename(request: string, parent: Module): string };

/**
 * Runs `file` as the main module would run, compiled with the cache at `cacheFile` when there is a usable one
 * (`usedCache`), else writing one `writeAfterMs` later.
 */
export function runWithCodeCache(file: string, cacheFile: string, writeAfterMs = WRITE_AFTER_MS): { usedCache: boolean } {
  const source = readFileSync(file, 'utf8');
  // V8 knows a source only by its length: the cache also carries the SHA-256 of the source it was made from.
  const digest = createHash('sha256').update(source).digest();
  let cachedData: Buffer | undefined;
  try {
    const stored = existsSync(cacheFile) ? readFileSync(cacheFile) : null;
    cachedData = stored && stored.length > digest.length && stored.subarray(0, digest.length).equals(digest) ? stored.subarray(digest.length) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const statics = Module as ModuleStatics;
  const mod = new Module(file) as ModuleInternals;
  mod.filename = file;
  mod.paths = statics._nodeModulePaths(dirname(file));
  const requireFrom = Object.assign((id: string) => mod.require(id), {
    resolve: (id: string) => statics._resolveFilename(id, mod),
  });
  if (!cachedData || script.cachedDataRejected) {
    setTimeout(() => {
      try {
        // Written whole under a name of its own, then renamed: two servers starting at once never mix their writes.
        const partial = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
        renameSync(partial, cacheFile);
      } catch {
        // A read-only install: start without a cache.
      }
    }, writeAfterMs).unref();
  }
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFrom, mod, file, dirname(file));
  return { usedCache: !!cachedData && !script.cachedDataRejected };
}
