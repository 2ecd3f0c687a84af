/**
 * The one write path of an engagement file, in the spirit of a mutator: the handler's reads and
 * writes run in one IMMEDIATE transaction with the audit row and the undo entry; the command name,
 * who and when are filled in here; the change event names the tables that were actually written.
 */
import type { CommandContext } from './context';
import type { TxHandle, WriteHandle } from './db/handle';
import { pushUndo, tracked, type Row, type RowChange, type UndoableTable } from './db/undo';
import type { EngagementFile } from './files';
import { appendAudit } from './library';

/** Bookkeeping tables: written by every change, never what a screen shows. */
const BOOKKEEPING = new Set(['audit_log', 'undo_entry']);

export interface MutationScope {
  /** What the audit log files the change under: `rating`, `participant`, ... */
  entity: string;
  entityId?: string | null;
  /** Set for changes within an assessment: they get per-capability history and may be undone. */
  assessmentId?: string | null;
  capabilityId?: string | null;
}

export interface Change<T> {
  result: T;
  before?: unknown;
  after?: unknown;
  /** Known only once written (e.g. a new row's id). */
  entityId?: string | null;
  assessmentId?: string | null;
  capabilityId?: string | null;
  /**
   * Rows touched, so the change can be undone: in the assessment's stream (needs an assessment), or in
   * the engagement's roadmap stream when `scope` is 'roadmap'.
   */
  undo?: { label: string; changes: RowChange[]; scope?: 'roadmap' };
  /** Nothing was changed after all (e.g. nothing left to undo): no audit row. */
  noop?: boolean;
}

/** The handle a mutation works with: the write handle plus when it happens and undo tracking. */
export interface MutationTx extends WriteHandle {
  /** The change's timestamp: every row it writes carries the same one. */
  readonly at: string;
  newId(): string;
  /** Runs `mutate` and records the row identified by `key` before and after it, for undo. */
  track(table: UndoableTable, key: Row, mutate: () => void): RowChange;
}

function mutationTx(tx: TxHandle, ctx: CommandContext, at: string): MutationTx {
  return {
    at,
    newId: () => ctx.newId(),
    get tables() {
      return tx.tables;
    },
    get: (sql, ...params) => tx.get(sql, ...params),
    all: (sql, ...params) => tx.all(sql, ...params),
    run: (sql, ...params) => tx.run(sql, ...params),
    track: (table, key, mutate) => tracked(tx, table, key, mutate),
  };
}

/** Runs `fn` as one audited, undoable change of an open engagement file; emits the change event after commit. */
export function mutateFile<T>(ctx: CommandContext, file: EngagementFile, scope: MutationScope, fn: (tx: MutationTx) => Change<T>): T {
  const at = ctx.clock.at();
  const actor = ctx.actor();
  let outcome: Change<T> | undefined;
  const { result, tables } = file.transaction((tx) => {
    outcome = fn(mutationTx(tx, ctx, at));
    const assessmentId = outcome.assessmentId !== undefined ? outcome.assessmentId : scope.assessmentId;
    const capabilityId = outcome.capabilityId !== undefined ? outcome.capabilityId : scope.capabilityId;
    if (outcome.noop) return outcome.result;
    appendAudit(
      tx,
      {
        at,
        actor,
        command: ctx.command,
        entity: scope.entity,
        entityId: outcome.entityId ?? scope.entityId ?? null,
        before: outcome.before,
        after: outcome.after,
        assessmentId,
        capabilityId,
      },
      true,
    );
    const undo = outcome.undo;
    if (undo && undo.changes.length) {
      if (undo.scope === 'roadmap') pushUndo(tx, { scope: 'roadmap' }, undo.label, undo.changes, at);
      else if (assessmentId) pushUndo(tx, { scope: 'assessment', assessmentId }, undo.label, undo.changes, at);
    }
    return outcome.result;
  });
  const o = outcome!;
  const changed = tables.filter((t) => !BOOKKEEPING.has(t));
  if (changed.length) {
    const assessmentId = o.assessmentId !== undefined ? o.assessmentId : scope.assessmentId;
    const capabilityId = o.capabilityId !== undefined ? o.capabilityId : scope.capabilityId;
    ctx.emit({
      type: 'changed',
      engagementId: file.engagementId,
      tables: changed,
      command: ctx.command,
      ...(assessmentId ? { assessmentId } : {}),
      ...(capabilityId ? { capabilityId } : {}),
    });
  }
  return result;
}

/** `mutateFile` on the engagement's file, opened on first use. */
export async function mutation<T>(ctx: CommandContext, engagementId: string, scope: MutationScope, fn: (tx: MutationTx) => Change<T>): Promise<T> {
  return mutateFile(ctx, await ctx.files.get(engagementId), scope, fn);
}

/** A write to the library (settings, the index) in one transaction, audited, with its change event. */
export function libraryMutation<T>(
  ctx: CommandContext,
  entity: string,
  fn: (tx: TxHandle) => { result: T; before?: unknown; after?: unknown },
  options: { audit?: boolean } = {},
): T {
  const { result, tables } = ctx.library.write(
    options.audit === false ? null : { at: ctx.clock.at(), actor: ctx.actor(), command: ctx.command, entity },
    fn,
  );
  if (tables.length) ctx.emit({ type: 'changed', engagementId: null, tables, command: ctx.command });
  return result;
}
