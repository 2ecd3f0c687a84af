/**
 * Typed handles on an open SQLite file. Every command reads through a ReadHandle; only a write
 * transaction hands out a WriteHandle, so a write outside the one write path does not type-check.
 * Statements are prepared once per file and reused.
 */
import type Database from 'better-sqlite3';
import type { Db } from './sqlite';

export type SqlParam = string | number | bigint | null | Buffer | Uint8Array | Record<string, unknown>;

export interface ReadHandle {
  get<T>(sql: string, ...params: SqlParam[]): T | undefined;
  all<T>(sql: string, ...params: SqlParam[]): T[];
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface WriteHandle extends ReadHandle {
  run(sql: string, ...params: SqlParam[]): RunResult;
  /** Tables this transaction changed so far (rows inserted, updated or deleted). */
  readonly tables: ReadonlySet<string>;
}

/** The table a data-changing statement writes to: `INSERT INTO x`, `UPDATE x`, `DELETE FROM x`. */
const TARGET = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`]?([A-Za-z_]\w*)/i;

export function targetTable(sql: string): string | null {
  return TARGET.exec(sql)?.[1] ?? null;
}

/**
 * Rows a delete changes through foreign keys (ON DELETE CASCADE / SET NULL), which a statement does not
 * name: deleting a business unit also changes its people, and so on. Kept beside the schema's FKs.
 */
const DELETE_REACHES: Record<string, readonly string[]> = {
  business_unit: ['participant'],
  participant: ['vote'],
  evidence: ['evidence_link'],
  assessment: ['rating', 'vote', 'action_item', 'evidence_link', 'workshop_session', 'undo_entry', 'criterion_tick'],
};

function tablesWritten(sql: string): string[] {
  const table = targetTable(sql);
  if (!table) return [];
  return /^\s*DELETE/i.test(sql) ? [table, ...(DELETE_REACHES[table] ?? [])] : [table];
}

export class Statements implements ReadHandle {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(readonly db: Db) {}

  prepare(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  get<T>(sql: string, ...params: SqlParam[]): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SqlParam[]): T[] {
    return this.prepare(sql).all(...params) as T[];
  }
}

/** A write handle valid for one transaction; it notes which tables the transaction changed. */
export class TxHandle implements WriteHandle {
  private readonly changed = new Set<string>();
  constructor(private readonly statements: Statements) {}

  get tables(): ReadonlySet<string> {
    return this.changed;
  }

  get<T>(sql: string, ...params: SqlParam[]): T | undefined {
    return this.statements.get<T>(sql, ...params);
  }

  all<T>(sql: string, ...params: SqlParam[]): T[] {
    return this.statements.all<T>(sql, ...params);
  }

  run(sql: string, ...params: SqlParam[]): RunResult {
    const result = this.statements.prepare(sql).run(...params);
    if (result.changes > 0) for (const t of tablesWritten(sql)) this.changed.add(t);
    return result;
  }
}

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken before the first read, so a
 * read-modify-write never works from a stale row) and hands it the only writable handle.
 */
export function inWriteTransaction<T>(statements: Statements, fn: (tx: TxHandle) => T): { result: T; tables: string[] } {
  const tx = new TxHandle(statements);
  const result = statements.db.transaction(() => fn(tx)).immediate();
  return { result, tables: [...tx.tables] };
}
