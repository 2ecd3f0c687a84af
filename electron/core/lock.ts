/**
 * One process per data folder. The lock is an exclusive SQLite transaction held open on
 * `<data folder>/folder.lock` for the life of the process: an OS-level advisory lock (fcntl on POSIX,
 * LockFileEx on Windows) that the operating system releases when the process ends, however it ends, so
 * a lock left by a crash or kill -9 is never stale. `folder.lock.json` beside it says who holds it, so
 * the second process can name the first.
 */
import Database from 'better-sqlite3';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** `browser mode` or `desktop app`. */
  app: string;
}

export const LOCK_FILE = 'folder.lock';
export const LOCK_INFO_FILE = 'folder.lock.json';

function describeOwner(owner: LockOwner | null): string {
  if (!owner) return 'another Maturity Workbench process';
  return `Maturity Workbench (${owner.app}), process ${owner.pid} on ${owner.host}, started ${owner.startedAt}`;
}

function readOwner(dataDir: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, LOCK_INFO_FILE), 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? 'at an unknown time'), app: String(parsed.app ?? 'unknown') };
  } catch {
    return null;
  }
}

export class FolderLock {
  private constructor(
    private readonly db: Database.Database,
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {}

  /**
   * Takes the data folder or throws `folder_in_use` naming the process that holds it. Never waits:
   * a second process is told at once.
   */
  static acquire(dataDir: string, app: string, opts: { nativeBinding?: string; now?: () => Date } = {}): FolderLock {
    const path = join(dataDir, LOCK_FILE);
    let db: Database.Database;
    try {
      db = new Database(path, { nativeBinding: opts.nativeBinding, timeout: 0 });
    } catch (err) {
      throw new ApiError('folder_in_use', `The data folder ${dataDir} cannot be locked: ${(err as Error).message}.`, { dataDir });
    }
    try {
      db.pragma('journal_mode = OFF');
      db.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      db.close();
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
        const owner = readOwner(dataDir);
        throw new ApiError(
          'folder_in_use',
          `The data folder ${dataDir} is in use by ${describeOwner(owner)}. Close it first, or use another data folder.`,
          { dataDir, owner },
        );
      }
      throw new ApiError('folder_in_use', `The data folder ${dataDir} cannot be locked: ${(err as Error).message}.`, { dataDir });
    }
    const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: (opts.now ?? (() => new Date()))().toISOString(), app };
    // Written to a temporary name and renamed, so a reader never sees half of it.
    const info = join(dataDir, LOCK_INFO_FILE);
    try {
      writeFileSync(`${info}.${process.pid}.tmp`, `${JSON.stringify(owner)}\n`);
      renameSync(`${info}.${process.pid}.tmp`, info);
    } catch {
      // Who holds the folder is a courtesy for the next process; the lock itself is held.
      rmSync(`${info}.${process.pid}.tmp`, { force: true });
    }
    return new FolderLock(db, dataDir, owner);
  }

  release(): void {
    if (!this.db.open) return;
    if (readOwner(this.dataDir)?.pid === this.owner.pid) rmSync(join(this.dataDir, LOCK_INFO_FILE), { force: true });
    try {
      this.db.exec('ROLLBACK');
    } finally {
      this.db.close();
    }
  }
}
