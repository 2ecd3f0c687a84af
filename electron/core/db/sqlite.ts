/** Opening SQLite files: pragmas, identity check, migrations with a backup taken first. */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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
  try {
    db = new Database(file, { fileMustExist: !opts.create, nativeBinding: opts.nativeBinding });
  } catch (err) {
    throw new ApiError('file_corrupt', `${name} could not be opened: ${(err as Error).message}.`, { file });
  }

  try {
    let version: number;
    let appId: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
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

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupFile: string | null = null;
    if (version > 0 && version < latest) {
      mkdirSync(opts.backupDir, { recursive: true });
      backupFile = join(opts.backupDir, `${name}.v${version}.${stamp(opts.now())}.bak`);
      await db.backup(backupFile);
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
  const pending = migrations.filter((m) => m.version > from);
  const run = db.transaction(() => {
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
  run();
}
