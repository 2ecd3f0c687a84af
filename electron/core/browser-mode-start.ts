/**
 * `npm run serve`: starts browser mode (./browser-mode.ts, bundled as serve-engine.cjs) through V8's code cache,
 * so that a start after the first skips compiling the engine.
 */
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';

runWithCodeCache(join(__dirname, 'serve-engine.cjs'), join(__dirname, 'serve-engine.cache'));
