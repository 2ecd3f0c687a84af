/**
 * The engagement files of a data folder: one SQLite file per engagement, checked, opened (and migrated) on
 * first use and kept open. A file hands out a read handle; writes go through `mutation`, which asks the file
 * for its only write transaction. A file that fails its check opens read-only. New files are written under a
 * temporary name and renamed into place whole, so a crash or a full disk never leaves half a file.
 */

import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/errors';
import { slug } from '../../shared/slug';
import type { DataFolderHealth, HalfCreatedFile } from '../../shared/files';
import type { BackupStore } from './backups';
import type { Clock } from './clock';
import { inWriteTransaction, Statements, type ReadHandle, type TxHandle } from './db/handle';
import { engagementMigrations } from './db/migrations';
import { latestVersion, openDatabase, type Db } from './db/sqlite';
import { diskFull, isDiskFull } from './disk';
import { LibraryIndex } from './library';
import { checkIntegrity, fingerprint, openReadOnly, probeFile, type Probe } from './probe';
import { reconcileFolder } from './reconcile';
import { UploadStore } from './upload';

export const ENGAGEMENT_EXT = '.mwb';

/** The file an engagement is kept in: the client's name as a slug and the end of its id, `northwind-bank-4f2a91c0.mwb`. */
export function engagementFileName(client: string, id: string): string {
  return `${slug(client, 40, 'engagement')}-${id.slice(-8)}${ENGAGEMENT_EXT}`;
}
/** Past this size the write-ahead log is checkpointed and truncated after a commit. */
export const WAL_TRUNCATE_BYTES = 16 * 1024 * 1024;

const LATEST = latestVersion(engagementMigrations);

export interface FileHooks {
  /** Why the file is read-only: what its check found. */
  damaged?: string | null;
  afterCommit?: (file: EngagementFile) => void;
}

export class EngagementFile {
  readonly read: ReadHandle;
  private readonly statements: Statements;
  /** The file's identity on disk when it was opened: a file replaced or removed since is not this one. */
  private readonly inode: number | bigint | null;
  damaged: string | null;

  constructor(
    readonly engagementId: string,
    readonly path: string,
    private readonly db: Db,
    private readonly hooks: FileHooks = {},
  ) {
    this.statements = new Statements(db);
    this.read = this.statements;
    this.inode = statSync(path, { throwIfNoEntry: false })?.ino ?? null;
    this.damaged = hooks.damaged ?? null;
  }

  get name(): string {
    return basename(this.path);
  }

  /** Whether the file this connection has open is still the one at its path. */
  stillOnDisk(): 'same' | 'gone' | 'replaced' {
    const st = statSync(this.path, { throwIfNoEntry: false });
    if (!st) return 'gone';
    return st.ino === this.inode ? 'same' : 'replaced';
  }

  /** Refuses a write to a damaged file (open read-only), saying what to do. */
  assertWritable(): void {
    if (this.damaged) {
      throw new ApiError(
        'read_only',
        `${this.name} is damaged (${this.damaged}): it is open read-only and nothing was saved. Restore it from a backup on its Backups screen.`,
        { file: this.name, engagementId: this.engagementId, reason: this.damaged },
      );
    }
  }

  /** The file's one write transaction (IMMEDIATE): see `mutation`. A damaged file refuses it. */
  transaction<T>(fn: (tx: TxHandle) => T): { result: T; tables: string[] } {
    this.assertWritable();
    const out = inWriteTransaction(this.statements, fn);
    this.hooks.afterCommit?.(this);
    return out;
  }

  /** The raw connection, for SQLite's backup API and the engine's own maintenance. */
  connection(): Db {
    return this.db;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export interface FilesOptions {
  dataDir: string;
  nativeBinding?: string;
  clock: Clock;
  backups: BackupStore;
}

export class EngagementFiles {
  readonly dir: string;
  readonly backupsDir: string;
  readonly setAsideDir: string;
  readonly backups: BackupStore;
  readonly uploads: UploadStore;
  /** Files in the folder that hold no engagement this app can read (left untouched), and why. */
  unreadableFiles: { file: string; message: string }[] = [];
  /** Per engagement id, the other files that hold it (not in use). */
  duplicates = new Map<string, string[]>();
  halfCreated: HalfCreatedFile[] = [];
  libraryRebuilt: DataFolderHealth['libraryRebuilt'] = null;
  private readonly open = new Map<string, EngagementFile>();
  private readonly opening = new Map<string, Promise<EngagementFile>>();
  /** Opens of a file by path, one after another. */
  private readonly pathQueue = new Map<string, Promise<unknown>>();
  /** Engagements whose daily backup was seen to this day (`id/date`). */
  private readonly dailyDone = new Set<string>();

  constructor(
    private readonly opts: FilesOptions,
    readonly library: LibraryIndex,
  ) {
    this.dir = join(opts.dataDir, 'engagements');
    this.backupsDir = join(opts.dataDir, 'backups');
    this.setAsideDir = join(opts.dataDir, 'set-aside');
    this.backups = opts.backups;
    this.uploads = new UploadStore(join(opts.dataDir, 'uploads'));
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  get clock(): Clock {
    return this.opts.clock;
  }

  pathOf(file: string): string {
    return join(this.dir, file);
  }

  /** Unreadable files and damaged engagement files, as the home screen lists them. */
  get unreadable(): { file: string; message: string }[] {
    const damaged = this.library.read.all<{ file: string; damaged: string }>('SELECT file, damaged FROM engagement_index WHERE damaged IS NOT NULL ORDER BY file');
    return [
      ...this.unreadableFiles,
      ...damaged.map((d) => ({ file: d.file, message: `${d.file} is damaged (${d.damaged}). It opens read-only; restore it from a backup.` })),
    ];
  }

  /**
   * The open file of an engagement, checked and opened on first use. A file removed from the folder behind
   * the app's back is refused (a write to it would be acknowledged and then lost) and its connection
   * dropped; a file replaced by another is checked and reopened.
   */
  async get(engagementId: string): Promise<EngagementFile> {
    const open = this.open.get(engagementId);
    if (open) {
      const state = open.stillOnDisk();
      if (state === 'same') return open;
      this.drop(engagementId);
      if (state === 'gone') {
        throw new ApiError(
          'not_found',
          `The file ${open.name} is no longer in the data folder (it was moved or deleted outside the app): nothing was saved to it.`,
          { engagementId, file: open.name },
        );
      }
    }
    const pending = this.opening.get(engagementId);
    if (pending) return pending;
    const promise = this.openChecked(engagementId).finally(() => this.opening.delete(engagementId));
    this.opening.set(engagementId, promise);
    return promise;
  }

  /** Whether the engagement's file is open now (its daily backup and checkpoints follow its writes). */
  isOpen(engagementId: string): boolean {
    return this.open.has(engagementId);
  }

  private async openChecked(engagementId: string): Promise<EngagementFile> {
    const row = this.library.row(engagementId);
    const path = this.pathOf(row.file);
    const fp = fingerprint(path);
    if (fp === null) throw new ApiError('not_found', `The file ${row.file} of ${row.client} is not in the data folder.`, { engagementId, file: row.file });
    const health = this.health(engagementId);
    let damaged: string | null = null;
    // A file unchanged since it last passed its check is not read twice.
    if (health.checked_fingerprint !== fp || health.damaged) {
      const probe = probeFile(path, { check: 'quick', latestVersion: LATEST });
      damaged = damageOf(probe);
      if (probe.kind === 'ok' && probe.row.id !== engagementId) {
        throw new ApiError('conflict', `${row.file} now holds another engagement (${probe.row.client}). Restart the app to read the folder again.`, { file: row.file });
      }
      if (probe.kind !== 'too_new') this.recordHealth(engagementId, fp, damaged);
    }
    if (damaged) {
      let db: Db;
      try {
        db = openReadOnly(path, this.opts.nativeBinding);
      } catch (err) {
        throw new ApiError('file_corrupt', `${row.file} is damaged and cannot be opened (${(err as Error).message}). Restore it from a backup.`, { engagementId, file: row.file, reason: damaged });
      }
      const file = new EngagementFile(engagementId, path, db, { damaged });
      this.open.set(engagementId, file);
      return file;
    }
    const db = await this.openPath(path, false, engagementId);
    return this.adopt(engagementId, path, db);
  }

  /** Opens (or creates) a file by path, migrating it (after a backup, for a known engagement); the caller owns the connection. */
  async openPath(path: string, create: boolean, engagementId?: string): Promise<Db> {
    // One open at a time per file: two connections must not both see an old version and both migrate it.
    const previous = this.pathQueue.get(path) ?? Promise.resolve();
    const opened = previous.catch(() => undefined).then(() =>
      openDatabase(path, {
        kind: 'engagement',
        migrations: engagementMigrations,
        nativeBinding: this.opts.nativeBinding,
        backupDir: this.backupsDir,
        now: () => this.opts.clock.now(),
        create,
        backupBeforeMigration: engagementId ? (source, version) => this.backups.create(engagementId, source, 'migration', version).then((b) => b.id) : false,
      }),
    );
    this.pathQueue.set(path, opened);
    try {
      return (await opened).db;
    } finally {
      if (this.pathQueue.get(path) === opened) this.pathQueue.delete(path);
    }
  }

  /** Keeps a connection opened by `openPath` as the engagement's open file. */
  adopt(engagementId: string, path: string, db: Db): EngagementFile {
    const file = new EngagementFile(engagementId, path, db, { afterCommit: (f) => this.afterCommit(f) });
    this.open.set(engagementId, file);
    return file;
  }

  /** After each commit: a large write-ahead log is folded back and truncated; the first change of the day is backed up. */
  private afterCommit(file: EngagementFile): void {
    const wal = statSync(`${file.path}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > WAL_TRUNCATE_BYTES) {
      try {
        file.connection().pragma('wal_checkpoint(TRUNCATE)');
      } catch (err) {
        console.error(`[engine] checkpoint of ${file.name} failed: ${(err as Error).message}`);
      }
    }
    const key = `${file.engagementId}/${this.opts.clock.today()}`;
    if (this.dailyDone.has(key)) return;
    this.dailyDone.add(key);
    if (this.backups.takenToday(file.engagementId, 'daily')) return;
    // Taken after the commit, off the write path: the change is already safe on disk.
    setImmediate(() => {
      if (!file.connection().open) return;
      this.backups.create(file.engagementId, file.connection(), 'daily').catch((err: unknown) => {
        if (file.connection().open) console.error(`[engine] daily backup of ${file.name} failed: ${(err as Error).message}`);
      });
    });
  }

  /** Closes the engagement's file; a file closed whole is recorded as checked, so the next start need not read it again. */
  close(engagementId: string): void {
    const file = this.open.get(engagementId);
    this.open.delete(engagementId);
    if (!file) return;
    file.close();
    if (!file.damaged && existsSync(file.path)) this.recordHealth(engagementId, fingerprint(file.path), null);
  }

  /** Forgets an open file without recording anything about it (it is gone or was replaced). */
  private drop(engagementId: string): void {
    this.open.get(engagementId)?.close();
    this.open.delete(engagementId);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  private health(engagementId: string): { checked_fingerprint: string | null; damaged: string | null } {
    return this.library.read.get<{ checked_fingerprint: string | null; damaged: string | null }>('SELECT checked_fingerprint, damaged FROM engagement_index WHERE id = ?', engagementId) ?? { checked_fingerprint: null, damaged: null };
  }

  /** Notes what a check found. Best effort: a full disk must not stop a file from being read. */
  recordHealth(engagementId: string, fp: string | null, damaged: string | null): void {
    try {
      this.library.write(null, (tx) => {
        tx.run('UPDATE engagement_index SET checked_fingerprint = ?, checked_at = ?, damaged = ? WHERE id = ?', fp, this.opts.clock.at(), damaged, engagementId);
        return { result: null };
      });
    } catch (err) {
      console.error(`[engine] could not note the check of ${engagementId}: ${(err as Error).message}`);
    }
  }

  /** A read found the file damaged: it becomes read-only and is listed as damaged. */
  markDamaged(engagementId: string, reason: string): void {
    const file = this.open.get(engagementId);
    if (file) file.damaged = reason;
    const path = file?.path ?? this.pathOf(this.library.row(engagementId).file);
    this.recordHealth(engagementId, fingerprint(path), reason);
  }

  /** The full `integrity_check`, on demand: a damaged file becomes read-only; a sound one is writable again. */
  async check(engagementId: string): Promise<{ ok: boolean; file: string; message: string }> {
    const row = this.library.row(engagementId);
    const open = this.open.get(engagementId);
    let problem: string | null;
    if (open && !open.damaged) {
      problem = checkIntegrity(open.connection(), true);
    } else {
      this.drop(engagementId);
      const probe = probeFile(this.pathOf(row.file), { check: 'full', latestVersion: LATEST });
      problem = damageOf(probe);
    }
    if (problem) this.markDamaged(engagementId, problem);
    else this.recordHealth(engagementId, fingerprint(this.pathOf(row.file)), null);
    return problem
      ? { ok: false, file: row.file, message: `${row.file} is damaged (${problem}). It is read-only until it is restored from a backup.` }
      : { ok: true, file: row.file, message: `${row.file} passed the full integrity check.` };
  }

  /**
   * Writes a new engagement file whole: created and filled under a temporary name, closed, then renamed to
   * `file`. Whatever fails (a full disk, a crash) leaves no file behind under the engagement's name.
   */
  async createFile<T>(engagementId: string, file: string, fill: (handle: EngagementFile) => T, from?: string): Promise<T> {
    const final = this.pathOf(file);
    const tmp = join(this.dir, `.${file}.${process.pid}.creating`);
    const parts = [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`];
    let db: Db | null = null;
    try {
      if (existsSync(final)) throw new ApiError('conflict', `${file} already exists in the data folder.`, { file });
      if (from) copyFileSync(from, tmp);
      db = await this.openPath(tmp, !from);
      const result = fill(new EngagementFile(engagementId, tmp, db));
      db.close();
      db = null;
      renameSync(tmp, final);
      syncFolder(this.dir);
      return result;
    } catch (err) {
      if (db?.open) db.close();
      for (const p of parts) rmSync(p, { force: true });
      if (isDiskFull(err)) throw diskFull(this.opts.dataDir, 'The new engagement');
      throw err;
    }
  }

  /**
   * Puts a copy of `source` (a backup) in place of the engagement's file: the current file is closed, its
   * write-ahead log removed with it, and the copy renamed over it whole.
   */
  async replaceFile(engagementId: string, source: string): Promise<void> {
    const row = this.library.row(engagementId);
    const final = this.pathOf(row.file);
    const tmp = join(this.dir, `.${row.file}.${process.pid}.restoring`);
    try {
      copyFileSync(source, tmp);
      // Brought to the current format (a copy taken before a migration has an older one).
      const db = await this.openPath(tmp, false);
      db.close();
    } catch (err) {
      for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true });
      if (isDiskFull(err)) throw diskFull(this.opts.dataDir, 'The restore');
      throw err;
    }
    this.drop(engagementId);
    for (const p of [`${final}-wal`, `${final}-shm`]) rmSync(p, { force: true });
    renameSync(tmp, final);
    syncFolder(this.dir);
    this.recordHealth(engagementId, fingerprint(final), null);
  }

  /** Moves a file out of the engagements folder into `set-aside/`, never deleting it. */
  setAside(file: string): string {
    mkdirSync(this.setAsideDir, { recursive: true });
    let target = join(this.setAsideDir, file);
    for (let n = 2; existsSync(target); n++) target = join(this.setAsideDir, file.replace(/\.mwb$/, ` (${n}).mwb`));
    renameSync(this.pathOf(file), target);
    for (const suffix of ['-wal', '-shm']) if (existsSync(this.pathOf(file) + suffix)) renameSync(this.pathOf(file) + suffix, target + suffix);
    return target;
  }

  /** Brings the library index in line with the files in the data folder (files are the truth). */
  async reconcile(): Promise<void> {
    this.backups.cleanUp();
    this.uploads.clear();
    const found = reconcileFolder({ dir: this.dir, library: this.library, clock: this.opts.clock, nativeBinding: this.opts.nativeBinding, latestVersion: LATEST });
    this.unreadableFiles = found.unreadable;
    this.duplicates = found.duplicates;
    this.halfCreated = found.halfCreated;
  }
}

/** What makes a probed file unusable for writing, or null. */
export function damageOf(probe: Probe): string | null {
  switch (probe.kind) {
    case 'ok':
    case 'too_new':
      return null;
    case 'damaged':
      return probe.reason;
    case 'unreadable':
      return probe.detail;
    case 'half_created':
    case 'empty':
      return 'the file holds no engagement';
  }
}

/** Makes a rename in `dir` durable (where the system allows opening a folder). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not possible on every system (Windows); the rename itself is atomic.
  }
}
