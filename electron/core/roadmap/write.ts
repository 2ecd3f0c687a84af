/**
 * How roadmap changes are written: every row through `tx.track`, so the change can be undone in the
 * engagement's roadmap stream; and bad input refused with the planning core's own messages, at the
 * field they concern, before anything is written.
 */
import { ApiError } from '../../../shared/errors';
import { roadmapIssues, type FieldIssue } from '../../../shared/roadmap/validate';
import type { RoadmapInput } from '../../../shared/roadmap/types';
import { UNDOABLE, type Row, type RowChange, type UndoableTable } from '../db/undo';
import type { MutationTx } from '../mutation';

const keyOf = (table: UndoableTable, row: Row): Row => Object.fromEntries(UNDOABLE[table].map((c) => [c, row[c]]));
const sameRow = (a: Row, b: Row) => Object.keys(b).every((k) => a[k] === b[k]);

/** Inserts the row, or updates it in place when its key exists (an update never deletes, so rows that refer to it stay). */
export function putRow(tx: MutationTx, table: UndoableTable, row: Row, changes: RowChange[]): void {
  const key = keyOf(table, row);
  const where = UNDOABLE[table].map((c) => `${c} = @${c}`).join(' AND ');
  const existing = tx.get<Row>(`SELECT * FROM ${table} WHERE ${where}`, key);
  if (existing && sameRow(existing, row)) return;
  changes.push(
    tx.track(table, key, () => {
      const cols = Object.keys(row);
      if (existing) {
        const set = cols.filter((c) => !(c in key)).map((c) => `${c} = @${c}`);
        if (set.length) tx.run(`UPDATE ${table} SET ${set.join(', ')} WHERE ${where}`, row);
      } else tx.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`, row);
    }),
  );
}

export function deleteRow(tx: MutationTx, table: UndoableTable, key: Row, changes: RowChange[]): void {
  const where = UNDOABLE[table].map((c) => `${c} = @${c}`).join(' AND ');
  changes.push(tx.track(table, keyOf(table, key), () => tx.run(`DELETE FROM ${table} WHERE ${where}`, keyOf(table, key))));
}

/** Deletes every row of `table` where `column` = `value`, each recorded. */
export function deleteWhere(tx: MutationTx, table: UndoableTable, column: string, value: string, changes: RowChange[]): void {
  for (const row of tx.all<Row>(`SELECT * FROM ${table} WHERE ${column} = ?`, value)) deleteRow(tx, table, row, changes);
}

/** Makes the rows of `table` under `parent` (e.g. {initiative_id}) exactly `rows`: stale ones deleted, new and changed ones written. */
export function syncRows(tx: MutationTx, table: UndoableTable, parent: Row, rows: Row[], changes: RowChange[]): void {
  const [column, value] = Object.entries(parent)[0]!;
  const wanted = new Set(rows.map((r) => JSON.stringify(keyOf(table, r))));
  for (const old of tx.all<Row>(`SELECT * FROM ${table} WHERE ${column} = ?`, value as string)) {
    if (!wanted.has(JSON.stringify(keyOf(table, old)))) deleteRow(tx, table, old, changes);
  }
  for (const r of rows) putRow(tx, table, r, changes);
}

/**
 * Refuses a change with the problems it brings: issues of the planning inputs after the change that
 * were not there before (a problem caused elsewhere, such as a baseline score raised since, is not
 * blamed on this change). Paths are made relative to the command's input with `relative`.
 */
export function refuseNewIssues(
  pairs: { before: RoadmapInput | null; after: RoadmapInput }[],
  relative: (issue: FieldIssue) => string,
  drop?: (issue: FieldIssue) => boolean,
): void {
  const seen = new Set<string>();
  const fresh: FieldIssue[] = [];
  for (const { before, after } of pairs) {
    const old = new Set(before ? roadmapIssues(before).map((i) => `${i.path}\u0000${i.message}`) : []);
    for (const issue of roadmapIssues(after)) {
      const key = `${issue.path}\u0000${issue.message}`;
      if (old.has(key) || seen.has(key) || drop?.(issue)) continue;
      seen.add(key);
      fresh.push(issue);
    }
  }
  if (!fresh.length) return;
  const fields = fresh.map((i) => ({ path: relative(i), message: i.message }));
  const message = fields.length === 1 ? fields[0]!.message : `${fields.length} problems: ${fields.map((f) => f.message).join('; ')}`;
  throw new ApiError('invalid_input', message, { fields });
}

/** A path of the core's input made relative to a command's input: `prefix.x.y` -> `x.y`. */
export const under =
  (prefix: string) =>
  ({ path }: FieldIssue): string =>
    path === prefix ? '(input)' : path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
