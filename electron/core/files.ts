/**
 * The engagement files of a data folder: one SQLite file per engagement, opened (and migrated) on
 * first use and kept open. A file hands out a read handle; writes go through `mutation`, which asks the
 * file for its only write transaction.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/errors';
import type { Clock } from './clock';
import { inWriteTransaction, Statements, type ReadHandle, type TxHandle } from './db/handle';
import { engagementMigrations } from './db/migrations';
import type { EngagementRow } from './db/rows';
import { openDatabase, type Db } from './db/sqlite';
import { LibraryIndex } from './library';

export const ENGAGEMENT_EXT = '.mwb';

export class EngagementFile {
  readonly read: ReadHandle;
  private readonly statements: Statements;
  /** The file's identity on disk when it was opened: a file replaced or removed since is not this one. */
  private readonly inode: number | bigint | null;

  constructor(
    readonly engagementId: string,
    readonly path: string,
    private readonly db: Db,
  ) {
    this.statements = new Statements(db);
    this.read = this.statements;
    this.inode = statSync(path, { throwIfNoEntry: false })?.ino ?? null;
  }

  /** Whether the file this connection has open is still the one at its path. */
  stillOnDisk(): 'same' | 'gone' | 'replaced' {
    const st = statSync(this.path, { throwIfNoEntry: false });
    if (!st) return 'gone';
    return st.ino === this.inode ? 'same' : 'replaced';
  }

  /** The file's one write transaction (IMMEDIATE): see `mutation`. */
  transaction<T>(fn: (tx: TxHandle) => T): { result: T; tables: string[] } {
    return inWriteTransaction(this.statements, fn);
  }

  /** The raw connection, for SQLite's backup API and the engine's own maintenance. */
  connection(): Db {
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}

export interface FilesOptions {
  dataDir: string;
  nativeBinding?: string;
  clock: Clock;
}

export class EngagementFiles {
  readonly dir: string;
  readonly backupsDir: string;
  /** Files found in the data folder that could not be opened (left untouched), and why. */
  unreadable: { file: string; message: string }[] = [];
  private readonly open = new Map<string, EngagementFile>();
  private readonly opening = new Map<string, Promise<EngagementFile>>();

  constructor(
    private readonly opts: FilesOptions,
    private readonly library: LibraryIndex,
  ) {
    this.dir = join(opts.dataDir, 'engagements');
    this.backupsDir = join(opts.dataDir, 'backups');
  }

  pathOf(file: string): string {
    return join(this.dir, file);
  }

  /**
   * The open file of an engagement, opened (and migrated) on first use. A file removed from the folder
   * behind the app's back is refused (a write to it would be acknowledged and then lost) and its
   * connection dropped; a file replaced by another is reopened.
   */
  async get(engagementId: string): Promise<EngagementFile> {
    const open = this.open.get(engagementId);
    if (open) {
      const state = open.stillOnDisk();
      if (state === 'same') return open;
      this.close(engagementId);
      if (state === 'gone') {
        throw new ApiError(
          'not_found',
          `The file ${basename(open.path)} is no longer in the data folder (it was moved or deleted outside the app): nothing was saved to it.`,
          { engagementId, file: basename(open.path) },
        );
      }
    }
    const pending = this.opening.get(engagementId);
    if (pending) return pending;
    const path = this.pathOf(this.library.row(engagementId).file);
    const promise = this.openPath(path, false)
      .then((db) => {
        const file = new EngagementFile(engagementId, path, db);
        this.open.set(engagementId, file);
        return file;
      })
      .finally(() => this.opening.delete(engagementId));
    this.opening.set(engagementId, promise);
    return promise;
  }

  /** Opens (or creates) a file by path, migrating it; the caller owns the connection. */
  async openPath(path: string, create: boolean): Promise<Db> {
    const { db } = await openDatabase(path, {
      kind: 'engagement',
      migrations: engagementMigrations,
      nativeBinding: this.opts.nativeBinding,
      backupDir: this.backupsDir,
      now: () => this.opts.clock.now(),
      create,
    });
    return db;
  }

  /** Keeps a connection opened by `openPath` as the engagement's open file. */
  adopt(engagementId: string, path: string, db: Db): EngagementFile {
    const file = new EngagementFile(engagementId, path, db);
    this.open.set(engagementId, file);
    return file;
  }

  close(engagementId: string): void {
    this.open.get(engagementId)?.close();
    this.open.delete(engagementId);
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
  }

  /** Brings the library index in line with the files in the data folder (files are the truth). */
  async reconcile(): Promise<void> {
    const files = existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.endsWith(ENGAGEMENT_EXT)) : [];
    const indexed = this.library.read.all<{ id: string; file: string }>('SELECT id, file FROM engagement_index');
    const known = new Set(indexed.map((r) => r.file));
    const present = new Set(files);
    const found: { row: EngagementRow; file: string }[] = [];
    this.unreadable = [];
    for (const file of files) {
      if (known.has(file)) continue;
      try {
        const db = await this.openPath(this.pathOf(file), false);
        try {
          const row = db.prepare('SELECT * FROM engagement').get() as EngagementRow | undefined;
          if (row) found.push({ row, file });
        } finally {
          db.close();
        }
      } catch (err) {
        this.unreadable.push({ file, message: (err as Error).message });
        console.error(`[engine] skipped ${file}: ${(err as Error).message}`);
      }
    }
    const gone = indexed.filter((r) => !present.has(r.file));
    if (!gone.length && !found.length) return;
    this.library.write(null, (tx) => {
      for (const r of gone) tx.run('DELETE FROM engagement_index WHERE id = ?', r.id);
      for (const f of found) LibraryIndex.upsert(tx, f.row, f.file);
      return { result: null };
    });
  }
}
