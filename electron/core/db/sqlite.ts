/** Opening SQLite files: pragmas, identity check, migrations with a backup taken first. */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { Migration } from './migrations';

export type Db = Database.Database;

/** "MWBE" and "MWBL": marks a file as a Maturity Workbench engagement or library. */
export const APPLICATION_ID = { engagement: 0x4d574245, library: 0x4d57424c } as const;
export type FileKind = keyof typeof APPLICATION_ID;

export interface OpenOptions {
  kind: FileKind;
  migrations: readonly Migration[];
  /** Path of the better-sqlite3 native addon to load (Electron loads a copy built for its ABI). */
  nativeBinding?: string;
  /** Folder for the copy taken before migrating an existing file. */
  backupDir: string;
  now: () => Date;
  /** Create the file if it does not exist (otherwise a missing file is not_found). */
  create?: boolean;
  /**
   * Takes the copy before a migration instead of the default `<backupDir>/<file>.v<version>.bak`, and says
   * where it went; `false` takes none (the file is itself a copy).
   */
  backupBeforeMigration?: ((db: Db, fromVersion: number) => Promise<string | null>) | false;
  /** Decides the durability pragmas; the running system by default. */
  platform?: NodeJS.Platform;
}

/** Largest write-ahead log kept between checkpoints, in bytes. */
export const JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024;

/**
 * Durability: WAL with `synchronous=FULL` everywhere; on macOS `fsync` does not reach the platter, so
 * `fullfsync` (F_FULLFSYNC) is turned on there, for commits and for checkpoints.
 */
export function durabilityPragmas(platform: NodeJS.Platform): string[] {
  const pragmas = ['synchronous = FULL', `journal_size_limit = ${JOURNAL_SIZE_LIMIT}`];
  if (platform === 'darwin') pragmas.push('fullfsync = ON', 'checkpoint_fullfsync = ON');
  return pragmas;
}

/** SQLite's answer when a full disk leaves no room for a WAL file's shared-memory index. */
function noRoomForIndex(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR_SHM'));
}

export interface Opened {
  db: Db;
  /** Version found on disk before migrating (0 for a new file). */
  fromVersion: number;
  backupFile: string | null;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

/**
 * Opens (or creates) a file, refuses a file that is not ours, a corrupt one or one written by a newer
 * version, takes a backup through SQLite's backup API before migrating, then migrates in one transaction.
 */
export async function openDatabase(file: string, opts: OpenOptions): Promise<Opened> {
  const name = basename(file);
  const exists = existsSync(file);
  if (!exists && !opts.create) throw new ApiError('not_found', `The file ${name} does not exist.`, { file });
  if (exists && statSync(file).size === 0 && !opts.create) {
    throw new ApiError('file_corrupt', `${name} is empty: it is not a Maturity Workbench file.`, { file });
  }
  mkdirSync(dirname(file), { recursive: true });

  let db: Db;
  const connect = (exclusive: boolean): Db => {
    try {
      const conn = new Database(file, { fileMustExist: !opts.create, nativeBinding: opts.nativeBinding });
      // On a full disk, exclusive locking keeps the WAL index in memory: the file can still be read.
      if (exclusive) conn.pragma('locking_mode = EXCLUSIVE');
      return conn;
    } catch (err) {
      throw new ApiError('file_corrupt', `${name} could not be opened: ${(err as Error).message}.`, { file });
    }
  };
  db = connect(false);

  try {
    let version: number;
    let appId: number;
    try {
      try {
        version = db.pragma('user_version', { simple: true }) as number;
      } catch (err) {
        if (!noRoomForIndex(err)) throw err;
        db.close();
        db = connect(true);
        version = db.pragma('user_version', { simple: true }) as number;
      }
      appId = db.pragma('application_id', { simple: true }) as number;
    } catch (err) {
      throw new ApiError(
        'file_corrupt',
        `${name} is damaged or is not a Maturity Workbench file (${(err as Error).message}). It was left untouched.`,
        { file },
      );
    }
    const expectedId = APPLICATION_ID[opts.kind];
    const isNew = version === 0 && appId === 0 && isEmptySchema(db);
    if (!isNew && appId !== expectedId) {
      throw new ApiError(
        'file_corrupt',
        `${name} is a SQLite file but not a Maturity Workbench ${opts.kind} file. It was left untouched.`,
        { file, applicationId: appId },
      );
    }
    const latest = latestVersion(opts.migrations);
    if (version > latest) {
      throw new ApiError(
        'file_too_new',
        `${name} was written by a newer version of Maturity Workbench (file format ${version}, this version reads up to ${latest}). Update the app to open it; the file was left untouched.`,
        { file, fileVersion: version, supportedVersion: latest },
      );
    }

    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    for (const pragma of durabilityPragmas(opts.platform ?? process.platform)) db.pragma(pragma);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupFile: string | null = null;
    if (version > 0 && version < latest && opts.backupBeforeMigration !== false) {
      if (opts.backupBeforeMigration) {
        backupFile = await opts.backupBeforeMigration(db, version);
      } else {
        // One copy per version: a migration that fails at every start replaces its copy, never piles them up.
        mkdirSync(opts.backupDir, { recursive: true });
        backupFile = join(opts.backupDir, `${name}.v${version}.bak`);
        const tmp = `${backupFile}.${stamp(opts.now())}.tmp`;
        try {
          await db.backup(tmp);
          renameSync(tmp, backupFile);
        } finally {
          rmSync(tmp, { force: true });
        }
      }
    }
    if (version < latest) migrate(db, opts.migrations, version, expectedId);
    return { db, fromVersion: version, backupFile };
  } catch (err) {
    db.close();
    throw err;
  }
}

function isEmptySchema(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

/** Applies every migration above `from` in one transaction: all or nothing. */
export function migrate(db: Db, migrations: readonly Migration[], from: number, applicationId: number): void {
  const run = db.transaction(() => {
    // Read the version again under the write lock: another connection may have migrated the file meanwhile.
    const now = db.pragma('user_version', { simple: true }) as number;
    const pending = migrations.filter((m) => m.version > Math.max(from, now));
    if (now >= latestVersion(migrations) && now > 0) return;
    for (const m of pending) {
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new ApiError('internal', `Migration ${m.name} failed: ${(err as Error).message}. The file was not changed.`);
      }
    }
    db.pragma(`user_version = ${latestVersion(migrations)}`);
    db.pragma(`application_id = ${applicationId}`);
  });
  run.immediate();
}
