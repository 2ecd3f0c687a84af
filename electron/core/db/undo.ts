/**
 * Row-level undo: a change records each row it touched (its key, the row before and after).
 * Undo writes the "before" rows back, redo the "after" rows, through the same write path.
 */
import { ApiError } from '../../../shared/errors';
import type { ReadHandle, SqlParam, WriteHandle } from './handle';

export type Row = Record<string, unknown>;

export interface RowChange {
  table: UndoableTable;
  key: Row;
  before: Row | null;
  after: Row | null;
}

/** Tables whose rows an undo may rewrite, with their key columns. */
export const UNDOABLE = {
  rating: ['assessment_id', 'capability_id'],
  vote: ['assessment_id', 'capability_id', 'participant_id'],
  evidence_link: ['evidence_id', 'assessment_id', 'capability_id'],
  action_item: ['id'],
  criterion_tick: ['assessment_id', 'capability_id', 'criterion_id'],
  /** Only a deletion is tracked: rewriting a kept row would drop its links (ON DELETE CASCADE). */
  evidence: ['id'],
  // the engagement's roadmap (undo stream 'roadmap')
  roadmap_role: ['id'],
  initiative: ['id'],
  initiative_uplift: ['initiative_id', 'capability_id'],
  initiative_effort: ['initiative_id', 'role_id'],
  initiative_dependency: ['initiative_id', 'depends_on_id'],
  initiative_cost_share: ['initiative_id', 'business_unit_id'],
  scenario: ['id'],
  scenario_capacity: ['scenario_id', 'role_id'],
  scenario_choice: ['scenario_id', 'initiative_id'],
  scenario_module_weight: ['scenario_id', 'module_id'],
  scenario_manual_start: ['scenario_id', 'initiative_id'],
  scenario_schedule: ['scenario_id'],
} as const;
export type UndoableTable = keyof typeof UNDOABLE;

function where(table: UndoableTable): string {
  return UNDOABLE[table].map((c) => `${c} = @${c}`).join(' AND ');
}

/** The row as stored, without its integer rid: a restored row gets a fresh one. */
export function readRow(db: ReadHandle, table: UndoableTable, key: Row): Row | null {
  const row = db.get<Row>(`SELECT * FROM ${table} WHERE ${where(table)}`, key);
  if (!row) return null;
  const { rid: _rid, ...rest } = row;
  return rest;
}

/** Runs `mutate` and records the row identified by `key` before and after it. */
export function tracked(db: WriteHandle, table: UndoableTable, key: Row, mutate: () => void): RowChange {
  const before = readRow(db, table, key);
  mutate();
  return { table, key, before, after: readRow(db, table, key) };
}

/**
 * Puts the row back as it was: deleted when it did not exist, else inserted or updated in place (an
 * update, not a delete and insert, so rows that refer to it, such as an initiative's uplifts, stay).
 */
function putRow(db: WriteHandle, table: UndoableTable, key: Row, row: Row | null): void {
  if (!row) {
    db.run(`DELETE FROM ${table} WHERE ${where(table)}`, key);
    return;
  }
  const cols = Object.keys(row);
  const keyCols: readonly string[] = UNDOABLE[table];
  const rest = cols.filter((c) => !keyCols.includes(c));
  const onConflict = rest.length ? `DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
  try {
    db.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT (${keyCols.join(', ')}) ${onConflict}`, row);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ApiError('conflict', 'This step cannot be undone: something it refers to (a participant, evidence item, business unit or assessment) has since been removed.');
    }
    throw err;
  }
}

/**
 * An undo stream: the changes of one assessment, or of the engagement's roadmap (rate card,
 * initiatives, scenarios), each with its own Ctrl+Z.
 */
export type UndoStream = { scope: 'assessment'; assessmentId: string } | { scope: 'roadmap' };

/** Entries kept per stream. */
export const UNDO_DEPTH = 500;

function streamWhere(stream: UndoStream): { sql: string; params: SqlParam[] } {
  return stream.scope === 'assessment'
    ? { sql: "scope = 'assessment' AND assessment_id = ?", params: [stream.assessmentId] }
    : { sql: "scope = 'roadmap'", params: [] };
}

/** Records a change in its stream: a new change ends the redo history, as in every editor; the oldest entries beyond the depth go. */
export function pushUndo(db: WriteHandle, stream: UndoStream, label: string, changes: readonly RowChange[], at: string): void {
  const w = streamWhere(stream);
  db.run(`DELETE FROM undo_entry WHERE ${w.sql} AND undone = 1`, ...w.params);
  db.run(
    'INSERT INTO undo_entry (scope, assessment_id, label, changes_json, at) VALUES (?, ?, ?, ?, ?)',
    stream.scope,
    stream.scope === 'assessment' ? stream.assessmentId : null,
    label,
    JSON.stringify(changes),
    at,
  );
  db.run(`DELETE FROM undo_entry WHERE ${w.sql} AND seq <= (SELECT seq FROM undo_entry WHERE ${w.sql} ORDER BY seq DESC LIMIT 1 OFFSET ?)`, ...w.params, ...w.params, UNDO_DEPTH);
}

export interface UndoEntry {
  seq: number;
  label: string;
  changes_json: string;
}

/** The entry an undo (the last one done) or a redo (the first one undone) would replay, if any. */
export function nextEntry(db: ReadHandle, stream: UndoStream, direction: 'undo' | 'redo'): UndoEntry | undefined {
  const w = streamWhere(stream);
  return db.get<UndoEntry>(
    direction === 'undo'
      ? `SELECT seq, label, changes_json FROM undo_entry WHERE ${w.sql} AND undone = 0 ORDER BY seq DESC LIMIT 1`
      : `SELECT seq, label, changes_json FROM undo_entry WHERE ${w.sql} AND undone = 1 ORDER BY seq ASC LIMIT 1`,
    ...w.params,
  );
}

/** What Ctrl+Z and Ctrl+Shift+Z would do in a stream. */
export function streamState(db: ReadHandle, stream: UndoStream): { undo: string | null; redo: string | null } {
  return { undo: nextEntry(db, stream, 'undo')?.label ?? null, redo: nextEntry(db, stream, 'redo')?.label ?? null };
}

/** Writes back one side of the changes: "before" rows in reverse order to undo, "after" rows to redo. */
export function applyChanges(db: WriteHandle, changes: readonly RowChange[], direction: 'undo' | 'redo'): void {
  const list = direction === 'undo' ? [...changes].reverse() : changes;
  for (const c of list) putRow(db, c.table, c.key, direction === 'undo' ? c.before : c.after);
}
