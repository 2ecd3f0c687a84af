/**
 * The composition root: the engine with every handler registered. Called by the browser-mode entry
 * and by Electron's main process; the engine core itself imports no handler.
 */
import { Engine, type EngineOptions } from './engine';
import { handlers } from './handlers';
import { buildRegistry } from './registry';
import { withRollups } from './rollups';

export function openEngine(opts: EngineOptions): Promise<Engine> {
  return Engine.open(opts, buildRegistry(handlers)).then(withRollups);
}
