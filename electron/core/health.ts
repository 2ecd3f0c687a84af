/** The data folder's health as the home screen shows it, and settling two files that hold one engagement. */
import { statSync } from 'node:fs';
import { ApiError } from '../../shared/errors';
import type { DataFolderHealth, DuplicateCopy, DuplicateGroup } from '../../shared/files';
import type { EngagementRow } from './db/rows';
import type { EngagementFiles } from './files';
import { LibraryIndex } from './library';
import { openReadOnly } from './probe';

function copyInfo(files: EngagementFiles, file: string, inUse: boolean): DuplicateCopy | null {
  const path = files.pathOf(file);
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return null;
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  const modified = Math.max(st.mtimeMs, wal?.mtimeMs ?? 0);
  let client = '';
  let changes = 0;
  let lastChange: DuplicateCopy['lastChange'] = null;
  try {
    const db = openReadOnly(path);
    try {
      client = (db.prepare('SELECT client FROM engagement LIMIT 1').get() as { client: string } | undefined)?.client ?? '';
      changes = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      lastChange = (db.prepare('SELECT at, actor, command FROM audit_log ORDER BY seq DESC LIMIT 1').get() as DuplicateCopy['lastChange'] | undefined) ?? null;
    } finally {
      db.close();
    }
  } catch {
    // A copy that cannot be read is still listed, by its size and date.
  }
  return { file, inUse, client, size: st.size + (wal?.size ?? 0), modifiedAt: new Date(modified).toISOString(), changes, lastChange };
}

export function folderHealth(files: EngagementFiles): DataFolderHealth {
  const damaged = files.library.read.all<{ id: string; client: string; file: string; damaged: string; checked_at: string | null }>(
    'SELECT id, client, file, damaged, checked_at FROM engagement_index WHERE damaged IS NOT NULL ORDER BY client COLLATE NOCASE',
  );
  const duplicates: DuplicateGroup[] = [];
  for (const [engagementId, others] of files.duplicates) {
    const row = files.library.read.get<{ client: string; file: string }>('SELECT client, file FROM engagement_index WHERE id = ?', engagementId);
    if (!row) continue;
    const copies = [copyInfo(files, row.file, true), ...others.map((f) => copyInfo(files, f, false))].filter((c): c is DuplicateCopy => c !== null);
    if (copies.length > 1) duplicates.push({ engagementId, client: row.client, copies });
  }
  return {
    damaged: damaged.map((d) => ({ engagementId: d.id, client: d.client, file: d.file, reason: d.damaged, checkedAt: d.checked_at ?? '' })),
    duplicates,
    halfCreated: files.halfCreated,
    libraryRebuilt: files.libraryRebuilt,
  };
}

/** One of the other files of an engagement, or not_found. */
export function duplicateFile(files: EngagementFiles, engagementId: string, file: string): string {
  const others = files.duplicates.get(engagementId) ?? [];
  if (!others.includes(file)) {
    const inUse = files.library.row(engagementId).file;
    throw new ApiError(
      file === inUse ? 'conflict' : 'not_found',
      file === inUse ? `${file} is already the file in use for this engagement.` : `${file} is not a copy of this engagement in the data folder.`,
      { engagementId, file },
    );
  }
  return file;
}

/** Makes `file` the engagement's file in use; the one used so far becomes the other copy. */
export function switchTo(files: EngagementFiles, engagementId: string, file: string, row: EngagementRow): void {
  const current = files.library.row(engagementId).file;
  files.close(engagementId);
  files.library.write(null, (tx) => {
    LibraryIndex.upsert(tx, row, file);
    tx.run('UPDATE engagement_index SET checked_fingerprint = NULL, damaged = NULL WHERE id = ?', engagementId);
    return { result: null };
  });
  files.duplicates.set(engagementId, [...(files.duplicates.get(engagementId) ?? []).filter((f) => f !== file), current]);
}

/** Forgets a copy that is no longer a second file of the engagement. */
export function forgetCopy(files: EngagementFiles, engagementId: string, file: string): void {
  const others = (files.duplicates.get(engagementId) ?? []).filter((f) => f !== file);
  if (others.length) files.duplicates.set(engagementId, others);
  else files.duplicates.delete(engagementId);
}
