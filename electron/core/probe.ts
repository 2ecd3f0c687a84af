/**
 * Looking at a file without changing it: is it ours, is it whole (`PRAGMA quick_check`, or the full
 * `integrity_check` on demand), which engagement does it hold. Read-only connections only, so a damaged or
 * foreign file is left exactly as it was found.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EngagementRow } from './db/rows';
import { APPLICATION_ID } from './db/sqlite';

export type Probe =
  /** An engagement file that passed its check. */
  | { kind: 'ok'; row: EngagementRow; version: number }
  /** Ours, but the check failed; the engagement row when it could still be read. */
  | { kind: 'damaged'; row: EngagementRow | null; reason: string }
  /** Ours, with a schema but no engagement: a create interrupted before its first commit. */
  | { kind: 'half_created'; rows: number }
  /** Empty (0 bytes): a create that failed before SQLite wrote anything. */
  | { kind: 'empty' }
  /** Not a Maturity Workbench engagement file, or unreadable beyond recognition; `detail` is SQLite's word for it. */
  | { kind: 'unreadable'; reason: string; detail: string }
  /** Written by a newer version: left alone. */
  | { kind: 'too_new'; row: EngagementRow | null; version: number };

export interface ProbeOptions {
  nativeBinding?: string;
  /** Which check to run: `quick` on open, `full` on demand, `none` to only read the engagement. */
  check: 'quick' | 'full' | 'none';
  latestVersion: number;
}

/**
 * The state of a file on disk that changes whenever its content may have: inode (a copy or a replacement is
 * another file), size and modification time of the file and of its write-ahead log.
 */
export function fingerprint(path: string): string | null {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return null;
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  return [st.ino, st.size, Math.trunc(st.mtimeMs), wal?.size ?? 0, Math.trunc(wal?.mtimeMs ?? 0)].join(':');
}

/** True for the errors SQLite gives when the disk has no room for its shared-memory index. */
export function isNoRoomError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR_SHM') || code === 'SQLITE_IOERR_LOCK');
}

/**
 * A read-only connection. On a full disk SQLite cannot create the shared-memory index a WAL file needs;
 * then the file is opened with exclusive locking, which keeps that index in memory (the data folder has one
 * process anyway), and still nothing is written.
 */
export function openReadOnly(path: string, nativeBinding?: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.pragma('schema_version', { simple: true });
    return db;
  } catch (err) {
    db.close();
    if (!isNoRoomError(err)) throw err;
  }
  const fallback = new Database(path, { fileMustExist: true, nativeBinding });
  fallback.pragma('locking_mode = EXCLUSIVE');
  fallback.pragma('query_only = ON');
  return fallback;
}

/** Runs `quick_check` or `integrity_check`; null when the file is whole, else what was found. */
export function checkIntegrity(db: Database.Database, full: boolean): string | null {
  try {
    const rows = db.prepare(full ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)').all() as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0] ?? '');
    if (messages.length === 1 && messages[0] === 'ok') return null;
    return messages.slice(0, 3).join('; ');
  } catch (err) {
    return (err as Error).message;
  }
}

function isEngagementFile(appId: number): boolean {
  return appId === APPLICATION_ID.engagement;
}

export function probeFile(path: string, opts: ProbeOptions): Probe {
  const name = basename(path);
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return { kind: 'unreadable', reason: `${name} is no longer in the folder.`, detail: 'the file is gone' };
  if (st.size === 0) return { kind: 'empty' };
  let db: Database.Database;
  try {
    db = openReadOnly(path, opts.nativeBinding);
  } catch (err) {
    return { kind: 'unreadable', reason: `${name} is damaged or is not a Maturity Workbench file (${(err as Error).message}). It was left untouched.`, detail: (err as Error).message };
  }
  try {
    let appId: number;
    let version: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      return { kind: 'unreadable', reason: `${name} is damaged or is not a Maturity Workbench file (${(err as Error).message}). It was left untouched.`, detail: (err as Error).message };
    }
    if (!isEngagementFile(appId)) {
      return { kind: 'unreadable', reason: `${name} is a SQLite file but not a Maturity Workbench engagement file. It was left untouched.`, detail: 'not a Maturity Workbench engagement file' };
    }
    const problem = opts.check === 'none' ? null : checkIntegrity(db, opts.check === 'full');
    let row: EngagementRow | null = null;
    let rowError: string | null = null;
    try {
      row = (db.prepare('SELECT * FROM engagement LIMIT 1').get() as EngagementRow | undefined) ?? null;
    } catch (err) {
      rowError = (err as Error).message;
    }
    if (version > opts.latestVersion) return { kind: 'too_new', row, version };
    if (problem || rowError) return { kind: 'damaged', row, reason: problem ?? rowError! };
    if (!row) return { kind: 'half_created', rows: countRows(db) };
    return { kind: 'ok', row, version };
  } finally {
    db.close();
  }
}

/** Rows in the file's own tables (search index and SQLite's tables left out). */
function countRows(db: Database.Database): number {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .all() as { name: string }[];
  let total = 0;
  for (const t of tables) total += (db.prepare(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return total;
}
