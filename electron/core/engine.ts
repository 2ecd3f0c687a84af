/**
 * The engine: the data folder (library index + one SQLite file per engagement), a command registry
 * handed in by the composition root, and the change events both transports push to their windows.
 * Plain Node: never imports electron, and never imports a handler.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { CommandName, Result } from '../../shared/api';
import { ApiError, type ApiErrorShape } from '../../shared/errors';
import type { EngineEvent, EngineEventListener } from '../../shared/events';
import type { DataFolderHealth } from '../../shared/files';
import { BackupStore } from './backups';
import { clockOf, type Clock } from './clock';
import type { AppFacts, CommandContext } from './context';
import { libraryMigrations } from './db/migrations';
import { openDatabase, type Db } from './db/sqlite';
import { diskFull } from './disk';
import { EngagementFiles } from './files';
import { newId } from './ids';
import { LibraryIndex } from './library';
import { FolderLock } from './lock';
import { checkIntegrity, openReadOnly } from './probe';
import { dispatch, type Outcome, type Registry } from './registry';

export interface EngineOptions {
  dataDir: string;
  transport: 'ipc' | 'http';
  nativeBinding?: string;
  now?: () => Date;
  version?: string;
  /** Cap on one engagement's backups, in bytes (the oldest go first past it). */
  backupCapBytes?: number;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/**
 * Opens the library; a damaged one is moved aside (kept, never deleted) and a new one built, keeping the
 * settings that can still be read from the old one. The index itself is rebuilt from the engagement files.
 */
async function openLibrary(opts: EngineOptions, clock: Clock): Promise<{ db: Db; rebuilt: DataFolderHealth['libraryRebuilt'] }> {
  const path = join(opts.dataDir, 'library.sqlite');
  const open = () =>
    openDatabase(path, { kind: 'library', migrations: libraryMigrations, nativeBinding: opts.nativeBinding, backupDir: join(opts.dataDir, 'backups'), now: clock.now, create: true });
  let reason: string;
  try {
    const { db } = await open();
    const problem = checkIntegrity(db, false);
    if (!problem) return { db, rebuilt: null };
    db.close();
    reason = problem;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'file_corrupt') throw err;
    reason = err.message;
  }
  const keptAs = `library.damaged-${stamp(clock.now())}.sqlite`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, join(opts.dataDir, keptAs + suffix));
  console.error(`[engine] library.sqlite could not be used (${reason}); it was kept as ${keptAs} and the index rebuilt from the engagement files.`);
  let settings: { key: string; value: string }[] = [];
  try {
    const old = openReadOnly(join(opts.dataDir, keptAs), opts.nativeBinding);
    try {
      settings = old.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
    } finally {
      old.close();
    }
  } catch {
    // Settings that cannot be read go back to their defaults.
  }
  const { db } = await open();
  const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  db.transaction(() => settings.forEach((s) => put.run(s.key, s.value)))();
  return { db, rebuilt: { keptAs, reason } };
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
   * library (rebuilding a damaged one) and brings its index in line with the engagement files.
   */
  static async open(opts: EngineOptions, registry: Registry): Promise<Engine> {
    mkdirSync(join(opts.dataDir, 'engagements'), { recursive: true });
    const clock = clockOf(opts.now ?? (() => new Date()));
    const lock = FolderLock.acquire(opts.dataDir, opts.transport === 'ipc' ? 'desktop app' : 'browser mode', { nativeBinding: opts.nativeBinding });
    let library: LibraryIndex | undefined;
    try {
      const { db, rebuilt } = await openLibrary(opts, clock);
      library = new LibraryIndex(db);
      const backups = new BackupStore({ dir: join(opts.dataDir, 'backups'), dataDir: opts.dataDir, clock, capBytes: opts.backupCapBytes, nativeBinding: opts.nativeBinding });
      const files = new EngagementFiles({ dataDir: opts.dataDir, nativeBinding: opts.nativeBinding, clock, backups }, library);
      files.libraryRebuilt = rebuilt;
      await files.reconcile();
      return new Engine(opts, library, files, registry, clock, lock);
    } catch (err) {
      library?.close();
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
      run: async <C extends CommandName>(name: C, input: unknown) => {
        const outcome = await this.invoke(name, input);
        if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.details);
        return outcome.result as Result<C>;
      },
    };
  }

  async invoke(command: string, input: unknown): Promise<Outcome> {
    const outcome = await dispatch(this.registry, (name: CommandName) => this.context(name), command, input);
    return outcome.ok ? outcome : { ok: false, error: this.explain(command, input, outcome.error) };
  }

  /**
   * Errors from the files, made specific: a full disk says what failed and how much room is left; a file
   * found damaged by a read names itself, becomes read-only and is listed as damaged.
   */
  private explain(command: string, input: unknown, error: ApiErrorShape): ApiErrorShape {
    const details = (error.details ?? {}) as Record<string, unknown>;
    if (error.code === 'disk_full' && !('freeBytes' in details)) return diskFull(this.app.dataDir, `The change (${command})`).toJSON();
    const engagementId = typeof (input as { engagementId?: unknown } | null)?.engagementId === 'string' ? (input as { engagementId: string }).engagementId : null;
    if (error.code === 'file_corrupt' && typeof details.sqlite === 'string' && engagementId) {
      const row = this.library.read.get<{ file: string }>('SELECT file FROM engagement_index WHERE id = ?', engagementId);
      if (row) {
        this.files.markDamaged(engagementId, details.sqlite);
        return {
          code: 'file_corrupt',
          message: `${row.file} is damaged (${details.sqlite}): this could not be read, and nothing was saved. The file is read-only from now on; restore it from a backup on its Backups screen.`,
          details: { engagementId, file: row.file, reason: details.sqlite },
        };
      }
    }
    return error;
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
    this.files.uploads.clear();
    this.library.close();
    this.listeners.clear();
    this.lock.release();
  }
}
