/**
 * Start-up: the library index brought in line with the engagement files (the files are the truth).
 * - Every file changed since its last check is checked (`quick_check`) and its engagement re-read, so the
 *   index never keeps a name or archive state older than its file (a crash can fall between the two).
 * - A damaged file stays listed, marked damaged with the reason; a file nothing can be read from is listed
 *   as unreadable. Neither is touched.
 * - Two files holding one engagement are reported; the one the index points at stays in use, so a restart
 *   never switches between them.
 * - A file a crash left half-created (a schema and no engagement, or 0 bytes) is removed when it holds
 *   nothing, else kept and reported; temporary files of an interrupted create or restore are removed.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HalfCreatedFile } from '../../shared/files';
import type { Clock } from './clock';
import type { EngagementRow } from './db/rows';
import { LibraryIndex } from './library';
import { fingerprint, openReadOnly, probeFile, type Probe } from './probe';

const EXT = '.mwb';

export interface ReconcileInput {
  dir: string;
  library: LibraryIndex;
  clock: Clock;
  nativeBinding?: string;
  latestVersion: number;
}

export interface Reconciled {
  unreadable: { file: string; message: string }[];
  duplicates: Map<string, string[]>;
  halfCreated: HalfCreatedFile[];
}

interface IndexedFile {
  id: string;
  file: string;
  checked_fingerprint: string | null;
  damaged: string | null;
}

interface Seen {
  file: string;
  fp: string | null;
  /** Null when the file is unchanged since its last check and was not read again. */
  probe: Probe | null;
  mtimeMs: number;
}

function removeFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** The latest assessment of a file, for the home screen's "last assessment" column. */
function latestAssessment(path: string, nativeBinding?: string): { id: string; label: string; assessed_on: string } | null {
  try {
    const db = openReadOnly(path, nativeBinding);
    try {
      return (db.prepare('SELECT id, label, assessed_on FROM assessment ORDER BY assessed_on DESC, created_at DESC LIMIT 1').get() as { id: string; label: string; assessed_on: string } | undefined) ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function reconcileFolder(input: ReconcileInput): Reconciled {
  const { dir, library } = input;
  const names = existsSync(dir) ? readdirSync(dir) : [];
  // Temporary files of a create or restore that never finished: never acknowledged, so nothing is lost.
  for (const name of names) if (name.startsWith('.') && /\.(creating|restoring)(-wal|-shm|-journal)?$/.test(name)) rmSync(join(dir, name), { force: true });

  const files = names.filter((f) => f.endsWith(EXT) && !f.startsWith('.')).sort();
  const indexed = library.read.all<IndexedFile>('SELECT id, file, checked_fingerprint, damaged FROM engagement_index');
  const byFile = new Map(indexed.map((r) => [r.file, r]));
  const byId = new Map(indexed.map((r) => [r.id, r]));

  const unreadable: Reconciled['unreadable'] = [];
  const halfCreated: HalfCreatedFile[] = [];
  const groups = new Map<string, Seen[]>();
  const rowsById = new Map<string, { row: EngagementRow; file: string }[]>();
  /** What the check of each file read again found. */
  const checked = new Map<string, { fp: string | null; damaged: string | null }>();

  for (const file of files) {
    const path = join(dir, file);
    const fp = fingerprint(path);
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const known = byFile.get(file);
    const unchanged = known && known.checked_fingerprint !== null && known.checked_fingerprint === fp && !known.damaged;
    const probe = unchanged ? null : probeFile(path, { check: 'quick', latestVersion: input.latestVersion });
    let id: string | null = unchanged ? known.id : null;

    if (probe) {
      switch (probe.kind) {
        case 'empty':
          removeFile(path);
          halfCreated.push({ file, action: 'removed', message: `${file} was empty (a create that failed before anything was saved); it was removed.` });
          continue;
        case 'half_created':
          if (probe.rows === 0) {
            removeFile(path);
            halfCreated.push({ file, action: 'removed', message: `${file} held a schema but no engagement (a create interrupted by a crash); it held nothing else and was removed.` });
          } else {
            halfCreated.push({ file, action: 'kept', message: `${file} has ${probe.rows} rows but no engagement details; it was left as it is.` });
            unreadable.push({ file, message: `${file} has data but no engagement details (a create interrupted by a crash). It was left as it is.` });
          }
          continue;
        case 'unreadable':
          if (known) {
            id = known.id;
            checked.set(file, { fp, damaged: probe.detail });
          } else {
            unreadable.push({ file, message: probe.reason });
            console.error(`[engine] skipped ${file}: ${probe.reason}`);
            continue;
          }
          break;
        case 'too_new':
          if (!probe.row && !known) {
            unreadable.push({ file, message: `${file} was written by a newer version of Maturity Workbench (file format ${probe.version}). It was left untouched.` });
            continue;
          }
          id = probe.row?.id ?? known!.id;
          if (probe.row) rowsById.set(id, [...(rowsById.get(id) ?? []), { row: probe.row, file }]);
          break;
        case 'damaged':
          id = probe.row?.id ?? known?.id ?? null;
          if (!id) {
            unreadable.push({ file, message: `${file} is damaged (${probe.reason}) and its engagement cannot be read. It was left untouched.` });
            continue;
          }
          checked.set(file, { fp, damaged: probe.reason });
          if (probe.row) rowsById.set(id, [...(rowsById.get(id) ?? []), { row: probe.row, file }]);
          break;
        case 'ok':
          id = probe.row.id;
          checked.set(file, { fp, damaged: null });
          rowsById.set(id, [...(rowsById.get(id) ?? []), { row: probe.row, file }]);
          break;
      }
    }
    if (!id) continue;
    groups.set(id, [...(groups.get(id) ?? []), { file, fp, probe, mtimeMs }]);
  }

  const duplicates = new Map<string, string[]>();
  const chosen = new Map<string, Seen>();
  for (const [id, seen] of groups) {
    const current = byId.get(id);
    // The file the index already points at stays in use; otherwise the one written last.
    const pick = seen.find((s) => s.file === current?.file) ?? [...seen].sort((a, b) => b.mtimeMs - a.mtimeMs || a.file.localeCompare(b.file))[0]!;
    chosen.set(id, pick);
    const others = seen.filter((s) => s !== pick).map((s) => s.file);
    if (others.length) duplicates.set(id, others);
  }

  library.write(null, (tx) => {
    // A row whose file is gone, holds another engagement or is a copy not in use is dropped (and re-added below).
    for (const r of indexed) if (chosen.get(r.id)?.file !== r.file) tx.run('DELETE FROM engagement_index WHERE id = ?', r.id);
    for (const [id, pick] of chosen) {
      const row = (rowsById.get(id) ?? []).find((r) => r.file === pick.file)?.row;
      if (row) {
        LibraryIndex.upsert(tx, row, pick.file);
        const latest = latestAssessment(join(dir, pick.file), input.nativeBinding);
        if (latest) tx.run('UPDATE engagement_index SET last_assessment_id = ?, last_assessment_label = ?, last_assessment_date = ? WHERE id = ?', latest.id, latest.label, latest.assessed_on, id);
      }
      const check = checked.get(pick.file);
      if (check) tx.run('UPDATE engagement_index SET checked_fingerprint = ?, checked_at = ?, damaged = ? WHERE id = ?', check.fp, input.clock.at(), check.damaged, id);
    }
    return { result: null };
  });

  return { unreadable, duplicates, halfCreated };
}
