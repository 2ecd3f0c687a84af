/**
 * What a command handler is given: the clock, ids, who is acting, the engagement files, the library
 * index, settings and the event sink. A leaf: it imports no handler and no engine, so handlers and the
 * engine can both depend on it without a circle.
 */
import type { CommandName, Input, Result } from '../../shared/api';
import type { Settings } from '../../shared/domain';
import type { EngineEvent } from '../../shared/events';
import type { Clock } from './clock';
import type { EngagementFiles } from './files';
import type { LibraryIndex } from './library';


export interface AppFacts {
  name: string;
  version: string;
  dataDir: string;
  transport: 'ipc' | 'http';
}

export interface CommandContext {
  /** The command being run (`domain.verb`): the audit log and change events name it. */
  readonly command: string;
  readonly clock: Clock;
  newId(): string;
  /** Who the audit log says made a change. */
  actor(): string;
  settings(): Settings;
  readonly files: EngagementFiles;
  readonly library: LibraryIndex;
  emit(event: EngineEvent): void;
  readonly app: AppFacts;
  /**
   * Runs another command through the registry, its input parsed as if a user had sent it; answers its
   * result or throws its error. For commands made of others (the sample engagement).
   */
  run<C extends CommandName>(command: C, input: Input<C>): Promise<Result<C>>;
}
