/**
 * The engine: the data folder (library index + one SQLite file per engagement), a command registry
 * handed in by the composition root, and the change events both transports push to their windows.
 * Plain Node: never imports electron, and never imports a handler.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { CommandName } from '../../shared/api';
import type { EngineEvent, EngineEventListener } from '../../shared/events';
import { clockOf, type Clock } from './clock';
import type { AppFacts, CommandContext } from './context';
import { libraryMigrations } from './db/migrations';
import { openDatabase } from './db/sqlite';
import { EngagementFiles } from './files';
import { newId } from './ids';
import { LibraryIndex } from './library';
import { FolderLock } from './lock';
import { dispatch, type Outcome, type Registry } from './registry';

export interface EngineOptions {
  dataDir: string;
  transport: 'ipc' | 'http';
  nativeBinding?: string;
  now?: () => Date;
  version?: string;
}

export class Engine {
  readonly app: AppFacts;
  private readonly listeners = new Set<EngineEventListener>();

  private constructor(
    opts: EngineOptions,
    readonly library: LibraryIndex,
    readonly files: EngagementFiles,
    private readonly registry: Registry,
    readonly clock: Clock,
    private readonly lock: FolderLock,
  ) {
    this.app = { name: 'Maturity Workbench', version: opts.version ?? '0.1.0', dataDir: opts.dataDir, transport: opts.transport };
  }

  /**
   * Opens a data folder: takes its lock (a second process is refused with `folder_in_use`), opens the
   * library and brings its index in line with the engagement files.
   */
  static async open(opts: EngineOptions, registry: Registry): Promise<Engine> {
    mkdirSync(join(opts.dataDir, 'engagements'), { recursive: true });
    const clock = clockOf(opts.now ?? (() => new Date()));
    const lock = FolderLock.acquire(opts.dataDir, opts.transport === 'ipc' ? 'desktop app' : 'browser mode', { nativeBinding: opts.nativeBinding });
    try {
      const { db } = await openDatabase(join(opts.dataDir, 'library.sqlite'), {
        kind: 'library',
        migrations: libraryMigrations,
        nativeBinding: opts.nativeBinding,
        backupDir: join(opts.dataDir, 'backups'),
        now: clock.now,
        create: true,
      });
      const library = new LibraryIndex(db);
      const files = new EngagementFiles({ dataDir: opts.dataDir, nativeBinding: opts.nativeBinding, clock }, library);
      const engine = new Engine(opts, library, files, registry, clock, lock);
      await files.reconcile();
      return engine;
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** Who the audit log names: the display name from Settings, else the OS user. */
  actor(): string {
    const name = this.library.settings().displayName;
    if (name) return name;
    try {
      return userInfo().username || 'Facilitator';
    } catch {
      return 'Facilitator';
    }
  }

  /** The context one command runs with. */
  context(command: string): CommandContext {
    return {
      command,
      clock: this.clock,
      newId: () => newId(this.clock.now().getTime()),
      actor: () => this.actor(),
      settings: () => this.library.settings(),
      files: this.files,
      library: this.library,
      emit: (event) => this.emit(event),
      app: this.app,
    };
  }

  invoke(command: string, input: unknown): Promise<Outcome> {
    return dispatch(this.registry, (name: CommandName) => this.context(name), command, input);
  }

  on(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('[engine] event listener failed:', err);
      }
    }
  }

  close(): void {
    this.files.closeAll();
    this.library.close();
    this.listeners.clear();
    this.lock.release();
  }
}
