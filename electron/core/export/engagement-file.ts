/**
 * An engagement as one file, to hand to a colleague: exported as a consistent snapshot through
 * SQLite's backup API (optionally without evidence files, or without evidence above a sensitivity,
 * purged from the file rather than hidden), and imported as a new engagement of this data folder.
 */
import { closeSync, copyFileSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ParsedInput } from '../../../shared/api';
import type { Sensitivity } from '../../../shared/domain';
import { sensitivities } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { exportFileName } from '../../../shared/report/format';
import type { EngagementImportResult, ExportResult } from '../../../shared/report/outcomes';
import type { CommandContext } from '../context';
import { engagementMigrations } from '../db/migrations';
import { indexToSummary, type EngagementRow } from '../db/rows';
import { APPLICATION_ID, latestVersion, type Db } from '../db/sqlite';
import { engagementFileName } from '../files';
import { LibraryIndex } from '../library';
import { libraryMutation, mutateFile } from '../mutation';
import { writeCarried } from '../upload';
import { outputPath, written } from './output';

const partialOf = (path: string, tag: string) => join(dirname(path), `.${basename(path)}.${tag}.partial`);
const sidecars = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
const removeAll = (path: string) => sidecars(path).forEach((p) => rmSync(p, { force: true }));

/** Evidence of these sensitivities is above `max`. */
export function above(max: Sensitivity): Sensitivity[] {
  return sensitivities.slice(sensitivities.indexOf(max) + 1);
}

/** Removes from a snapshot what must not leave: evidence files, or evidence above a sensitivity, with its history and search text. */
function purge(db: Db, withAttachments: boolean, maxSensitivity: Sensitivity | undefined): void {
  db.transaction(() => {
    if (maxSensitivity) {
      const ids = (db.prepare(`SELECT id FROM evidence WHERE sensitivity IN (SELECT value FROM json_each(?))`).all(JSON.stringify(above(maxSensitivity))) as { id: string }[]).map((r) => r.id);
      const list = JSON.stringify(ids);
      db.prepare('DELETE FROM evidence WHERE id IN (SELECT value FROM json_each(?))').run(list);
      // Their history holds their titles and descriptions; undo steps would point at rows that are gone.
      db.prepare('DELETE FROM audit_log WHERE entity_id IN (SELECT value FROM json_each(?))').run(list);
      const undo = db.prepare('DELETE FROM undo_entry WHERE instr(changes_json, ?) > 0');
      for (const id of ids) undo.run(`"${id}"`);
    }
    if (!withAttachments) db.prepare('UPDATE evidence SET attachment_sha256 = NULL, file_name = NULL WHERE attachment_sha256 IS NOT NULL').run();
    db.prepare('DELETE FROM attachment WHERE sha256 NOT IN (SELECT attachment_sha256 FROM evidence WHERE attachment_sha256 IS NOT NULL)').run();
  })();
  // Deleted rows linger in full-text segments and free pages until merged and vacuumed.
  db.exec("INSERT INTO fts_evidence (fts_evidence) VALUES ('optimize')");
}

export async function exportEngagementFile(ctx: CommandContext, input: ParsedInput<'engagement.exportFile'>): Promise<ExportResult> {
  const t0 = performance.now();
  const file = await ctx.files.get(input.engagementId);
  const client = file.read.get<{ client: string }>('SELECT client FROM engagement')!.client;
  const path = outputPath(ctx.app.dataDir, input.path, exportFileName('engagement', { client, date: ctx.clock.today() }));
  const taskId = `t${ctx.newId()}`;
  const partial = partialOf(path, taskId);
  try {
    await file.connection().backup(partial);
    const db = await ctx.files.openPath(partial, false);
    try {
      if (!input.withAttachments || input.maxSensitivity) purge(db, input.withAttachments, input.maxSensitivity);
      db.pragma('journal_mode = DELETE');
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    renameSync(partial, path);
  } catch (err) {
    removeAll(partial);
    throw err;
  }
  return { ...written(ctx.app.dataDir, path, statSync(path).size), ms: Math.round(performance.now() - t0), taskId };
}

// ---- import --------------------------------------------------------------------------------------

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** The file's SQLite header: whether it is SQLite at all, its user_version and application_id. */
function header(path: string): { sqlite: boolean; version: number; applicationId: number } {
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || !buf.subarray(0, 16).equals(SQLITE_HEADER)) return { sqlite: false, version: 0, applicationId: 0 };
  return { sqlite: true, version: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68) };
}

export async function importEngagementFile(ctx: CommandContext, input: ParsedInput<'engagement.importFile'>): Promise<EngagementImportResult> {
  const name = input.file ? input.file.name : basename(input.path!);
  const tag = ctx.newId();
  const temp = join(ctx.files.dir, `.import-${tag}.tmp`);
  let db: Db | null = null;
  try {
    if (input.file) {
      writeCarried(ctx.files.uploads, input.file, temp, 4096);
    } else {
      try {
        copyFileSync(input.path!, temp);
      } catch {
        throw new ApiError('not_found', `path: the file ${input.path} does not exist or cannot be read.`, { fields: [{ path: 'path', message: 'no such file' }] });
      }
    }
    const h = header(temp);
    if (!h.sqlite || h.applicationId !== APPLICATION_ID.engagement) {
      throw new ApiError('file_corrupt', `${name} is not a Maturity Workbench engagement file; nothing was imported.`, { file: name });
    }
    const latest = latestVersion(engagementMigrations);
    if (h.version > latest) {
      throw new ApiError('file_too_new', `${name} was written by a newer version of Maturity Workbench (file format ${h.version}, this version reads up to ${latest}). Update the app to import it.`, {
        file: name,
        fileVersion: h.version,
        supportedVersion: latest,
      });
    }
    const damaged = (reason: string) => new ApiError('file_corrupt', `${name} is damaged: ${reason}. Nothing was imported.`, { file: name });
    const backupsBefore = new Set(existingBackups(ctx, temp));
    try {
      db = await ctx.files.openPath(temp, false);
    } catch (err) {
      throw damaged(`it could not be opened (${(err as Error).message.replace(/\.$/, '')})`);
    } finally {
      // A copy taken before migrating an older file is of a file that is not in the data folder yet.
      for (const b of existingBackups(ctx, temp)) if (!backupsBefore.has(b)) rmSync(b, { force: true });
    }
    let check: unknown;
    try {
      check = db.pragma('integrity_check', { simple: true });
    } catch (err) {
      check = (err as Error).message;
    }
    if (check !== 'ok') throw damaged(`SQLite's integrity check failed (${String(check)})`);
    const rows = db.prepare('SELECT * FROM engagement').all() as EngagementRow[];
    if (rows.length !== 1) throw new ApiError('file_corrupt', `${name} holds no engagement; nothing was imported.`, { file: name });
    const row = rows[0]!;
    const clash = !!ctx.library.read.get('SELECT 1 FROM engagement_index WHERE id = ?', row.id);
    const id = clash ? ctx.newId() : row.id;
    if (clash) db.prepare('UPDATE engagement SET id = ? WHERE id = ?').run(id, row.id);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    db = null;
    const fileName = engagementFileName(row.client, id);
    const target = ctx.files.pathOf(fileName);
    renameSync(temp, target);
    const adopted = ctx.files.adopt(id, target, await ctx.files.openPath(target, false));
    const imported = mutateFile(ctx, adopted, { entity: 'engagement', entityId: id }, (tx) => ({
      result: tx.get<EngagementRow>('SELECT * FROM engagement')!,
      after: { importedFrom: name, fileFormat: h.version, ...(clash ? { previousId: row.id } : {}) },
    }));
    libraryMutation(ctx, 'engagement_index', (tx) => {
      LibraryIndex.upsert(tx, imported, fileName);
      return { result: null, after: { id, client: imported.client, file: fileName, importedFrom: name } };
    });
    return { engagement: indexToSummary(ctx.library.row(id)), newId: clash, fromVersion: h.version };
  } finally {
    db?.close();
    removeAll(temp);
  }
}

function existingBackups(ctx: CommandContext, path: string): string[] {
  const prefix = `${basename(path)}.`;
  try {
    return readdirSync(ctx.files.backupsDir).filter((f) => f.startsWith(prefix)).map((f) => join(ctx.files.backupsDir, f));
  } catch {
    return [];
  }
}
