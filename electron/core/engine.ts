/**
 * The engine: the data folder (library index + one SQLite file per engagement), the command registry,
 * and the change events both transports push to their windows. Plain Node: never imports electron.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { EngineEvent, EngineEventListener } from '../../shared/events';
import { engagementMigrations, libraryMigrations } from './db/migrations';
import type { EngagementRow, IndexRow } from './db/rows';
import { openDatabase, type Db } from './db/sqlite';
import { writeTransaction, type WriteMeta } from './db/write';
import { handlers } from './handlers';
import { newId } from './ids';
import { buildRegistry, dispatch, type Outcome, type Registry } from './registry';

export interface EngineOptions {
  dataDir: string;
  transport: 'ipc' | 'http';
  nativeBinding?: string;
  now?: () => Date;
  version?: string;
}

export interface ChangeMeta {
  command: string;
  entity: string;
  entityId?: string | null;
  /** Tables the change touched, for the `changed` event. */
  tables: string[];
  assessmentId?: string;
  capabilityId?: string | null;
}

export const ENGAGEMENT_EXT = '.mwb';

const DEFAULT_SETTINGS: Settings = { displayName: '', attachmentLimitMb: 100 };

export class Engine {
  readonly dataDir: string;
  readonly engagementsDir: string;
  readonly backupsDir: string;
  readonly transport: 'ipc' | 'http';
  readonly version: string;
  readonly registry: Registry;
  private readonly nativeBinding?: string;
  private readonly clock: () => Date;
  private readonly listeners = new Set<EngineEventListener>();
  private readonly openFiles = new Map<string, Db>();
  private readonly opening = new Map<string, Promise<Db>>();
  private cachedSettings: Settings | null = null;
  /** Engagement files found at start-up that could not be opened (left untouched). */
  unreadable: { file: string; message: string }[] = [];

  private constructor(
    opts: EngineOptions,
    readonly library: Db,
  ) {
    this.dataDir = opts.dataDir;
    this.engagementsDir = join(opts.dataDir, 'engagements');
    this.backupsDir = join(opts.dataDir, 'backups');
    this.transport = opts.transport;
    this.version = opts.version ?? '0.1.0';
    this.nativeBinding = opts.nativeBinding;
    this.clock = opts.now ?? (() => new Date());
    this.registry = buildRegistry(handlers);
  }

  static async open(opts: EngineOptions): Promise<Engine> {
    mkdirSync(join(opts.dataDir, 'engagements'), { recursive: true });
    const now = opts.now ?? (() => new Date());
    const { db } = await openDatabase(join(opts.dataDir, 'library.sqlite'), {
      kind: 'library',
      migrations: libraryMigrations,
      nativeBinding: opts.nativeBinding,
      backupDir: join(opts.dataDir, 'backups'),
      now,
      create: true,
    });
    const engine = new Engine(opts, db);
    await engine.reconcile();
    return engine;
  }

  // ---- commands and events ----------------------------------------------------------------

  invoke(command: string, input: unknown): Promise<Outcome> {
    return dispatch(this.registry, this, command, input);
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

  // ---- clock, ids, who --------------------------------------------------------------------

  now(): Date {
    return this.clock();
  }

  at(): string {
    return this.clock().toISOString();
  }

  /** The engine's calendar date (UTC), against which evidence freshness is judged. */
  today(): string {
    return this.at().slice(0, 10);
  }

  newId(): string {
    return newId(this.clock().getTime());
  }

  /** Settings, read once and cached: every write asks for the author's name. */
  settings(): Settings {
    if (!this.cachedSettings) {
      const rows = this.library.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
      const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
      this.cachedSettings = { ...DEFAULT_SETTINGS, ...stored } as Settings;
    }
    return this.cachedSettings;
  }

  /** Forgets the cached settings after they were written. */
  settingsChanged(): void {
    this.cachedSettings = null;
  }

  actor(): string {
    const name = this.settings().displayName;
    if (name) return name;
    try {
      return userInfo().username || 'Facilitator';
    } catch {
      return 'Facilitator';
    }
  }

  // ---- writes -------------------------------------------------------------------------------

  private meta(change: ChangeMeta): WriteMeta {
    return {
      actor: this.actor(),
      at: this.at(),
      command: change.command,
      entity: change.entity,
      entityId: change.entityId,
      assessmentId: change.assessmentId,
      capabilityId: change.capabilityId,
    };
  }

  writeLibrary<T>(change: ChangeMeta, fn: Parameters<typeof writeTransaction<T>>[2]): T {
    const result = writeTransaction(this.library, this.meta(change), fn);
    this.emit({ type: 'changed', engagementId: null, tables: change.tables });
    return result;
  }

  writeEngagement<T>(engagementId: string, db: Db, change: ChangeMeta, fn: Parameters<typeof writeTransaction<T>>[2]): T {
    const result = writeTransaction(db, this.meta(change), fn);
    this.emit({ type: 'changed', engagementId, tables: change.tables });
    return result;
  }

  // ---- engagement files ---------------------------------------------------------------------

  indexRow(engagementId: string): IndexRow {
    const row = this.library.prepare('SELECT * FROM engagement_index WHERE id = ?').get(engagementId) as IndexRow | undefined;
    if (!row) throw new ApiError('not_found', `No engagement with id ${engagementId} in this data folder.`, { engagementId });
    return row;
  }

  fileOf(row: IndexRow): string {
    return join(this.engagementsDir, row.file);
  }

  /** The open database of an engagement, opened (and migrated) on first use. */
  async engagement(engagementId: string): Promise<Db> {
    const open = this.openFiles.get(engagementId);
    if (open) return open;
    const pending = this.opening.get(engagementId);
    if (pending) return pending;
    const row = this.indexRow(engagementId);
    const promise = this.openEngagementFile(this.fileOf(row), false).finally(() => this.opening.delete(engagementId));
    this.opening.set(engagementId, promise);
    const db = await promise;
    this.openFiles.set(engagementId, db);
    return db;
  }

  async openEngagementFile(file: string, create: boolean): Promise<Db> {
    const { db } = await openDatabase(file, {
      kind: 'engagement',
      migrations: engagementMigrations,
      nativeBinding: this.nativeBinding,
      backupDir: this.backupsDir,
      now: this.clock,
      create,
    });
    return db;
  }

  adoptEngagement(engagementId: string, db: Db): void {
    this.openFiles.set(engagementId, db);
  }

  closeEngagement(engagementId: string): void {
    const db = this.openFiles.get(engagementId);
    if (db) {
      db.close();
      this.openFiles.delete(engagementId);
    }
  }

  /** Brings the library index in line with the files in the data folder (files are the truth). */
  async reconcile(): Promise<void> {
    const files = existsSync(this.engagementsDir)
      ? readdirSync(this.engagementsDir).filter((f) => f.endsWith(ENGAGEMENT_EXT))
      : [];
    const indexed = this.library.prepare('SELECT id, file FROM engagement_index').all() as { id: string; file: string }[];
    const known = new Set(indexed.map((r) => r.file));
    const present = new Set(files);
    const drop = this.library.prepare('DELETE FROM engagement_index WHERE id = ?');
    this.unreadable = [];
    for (const r of indexed) if (!present.has(r.file)) drop.run(r.id);
    for (const file of files) {
      if (known.has(file)) continue;
      try {
        const db = await this.openEngagementFile(join(this.engagementsDir, file), false);
        try {
          const e = db.prepare('SELECT * FROM engagement').get() as EngagementRow | undefined;
          if (e) this.upsertIndex(e, file);
        } finally {
          db.close();
        }
      } catch (err) {
        this.unreadable.push({ file, message: (err as Error).message });
        console.error(`[engine] skipped ${file}: ${(err as Error).message}`);
      }
    }
  }

  upsertIndex(e: EngagementRow, file: string): void {
    this.library
      .prepare(
        `INSERT INTO engagement_index (id, file, client, industry, region, currency, fy_start_month, created_at, archived_at)
         VALUES (@id, @file, @client, @industry, @region, @currency, @fy_start_month, @created_at, @archived_at)
         ON CONFLICT (id) DO UPDATE SET file = excluded.file, client = excluded.client, industry = excluded.industry,
           region = excluded.region, currency = excluded.currency, fy_start_month = excluded.fy_start_month,
           archived_at = excluded.archived_at`,
      )
      .run({ ...e, file });
  }

  close(): void {
    for (const id of [...this.openFiles.keys()]) this.closeEngagement(id);
    this.library.close();
    this.listeners.clear();
  }
}
