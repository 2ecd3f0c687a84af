/**
 * The one write path: every change runs in a transaction that also appends an audit row and,
 * for undoable changes, an undo entry. The caller emits the change event after commit.
 */
import type { Db } from './sqlite';
import type { RowChange } from './undo';

export interface WriteMeta {
  actor: string;
  at: string;
  command: string;
  entity: string;
  entityId?: string | null;
  assessmentId?: string | null;
  capabilityId?: string | null;
}

export interface WriteOutcome<T> {
  result: T;
  before?: unknown;
  after?: unknown;
  entityId?: string | null;
  /** Rows touched, recorded so the change can be undone (needs meta.assessmentId). */
  undo?: { label: string; changes: RowChange[] };
}

/** Undo entries kept per assessment. */
const UNDO_DEPTH = 500;

export function writeTransaction<T>(db: Db, meta: WriteMeta, fn: () => WriteOutcome<T>): T {
  const tx = db.transaction(() => {
    const outcome = fn();
    const columns: Record<string, unknown> = {
      at: meta.at,
      actor: meta.actor,
      command: meta.command,
      entity: meta.entity,
      entity_id: outcome.entityId ?? meta.entityId ?? null,
      before_json: outcome.before === undefined ? null : JSON.stringify(outcome.before),
      after_json: outcome.after === undefined ? null : JSON.stringify(outcome.after),
    };
    // Engagement files also note the assessment and capability, for per-capability history.
    if (meta.assessmentId !== undefined) {
      columns.assessment_id = meta.assessmentId ?? null;
      columns.capability_id = meta.capabilityId ?? null;
    }
    const names = Object.keys(columns);
    db.prepare(`INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(columns);
    if (outcome.undo && meta.assessmentId && outcome.undo.changes.length) {
      // A new change ends the redo history, as in every editor.
      db.prepare('DELETE FROM undo_entry WHERE assessment_id = ? AND undone = 1').run(meta.assessmentId);
      db.prepare('INSERT INTO undo_entry (assessment_id, label, changes_json, at) VALUES (?, ?, ?, ?)').run(
        meta.assessmentId,
        outcome.undo.label,
        JSON.stringify(outcome.undo.changes),
        meta.at,
      );
      db.prepare(
        `DELETE FROM undo_entry WHERE assessment_id = ? AND seq <= (
           SELECT seq FROM undo_entry WHERE assessment_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
      ).run(meta.assessmentId, meta.assessmentId, UNDO_DEPTH);
    }
    return outcome.result;
  });
  return tx.immediate();
}
