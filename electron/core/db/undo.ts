/**
 * Row-level undo: a change records each row it touched (its key, the row before and after).
 * Undo writes the "before" rows back, redo the "after" rows, through the same write path.
 */
import { ApiError } from '../../../shared/errors';
import type { ReadHandle, WriteHandle } from './handle';

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

function putRow(db: WriteHandle, table: UndoableTable, key: Row, row: Row | null): void {
  db.run(`DELETE FROM ${table} WHERE ${where(table)}`, key);
  if (!row) return;
  const cols = Object.keys(row);
  try {
    db.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`, row);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new ApiError('conflict', 'This step cannot be undone: something it refers to (a participant or evidence item) has since been removed.');
    }
    throw err;
  }
}

/** Writes back one side of the changes: "before" rows in reverse order to undo, "after" rows to redo. */
export function applyChanges(db: WriteHandle, changes: readonly RowChange[], direction: 'undo' | 'redo'): void {
  const list = direction === 'undo' ? [...changes].reverse() : changes;
  for (const c of list) putRow(db, c.table, c.key, direction === 'undo' ? c.before : c.after);
}
