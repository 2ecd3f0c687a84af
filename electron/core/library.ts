/**
 * The library: an index of the engagement files (a cache, rebuilt from the files, which are the truth)
 * and the app's settings. Reads go through a read handle; every write through `write`, which runs in
 * one transaction, appends an audit row and reports the tables it changed.
 */
import type { Settings } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { inWriteTransaction, Statements, type ReadHandle, type TxHandle } from './db/handle';
import type { EngagementRow, IndexRow } from './db/rows';
import type { Db } from './db/sqlite';

const DEFAULT_SETTINGS: Settings = { displayName: '', attachmentLimitMb: 100, nameAsked: false, theme: 'system', projectorTheme: 'same', dateLocale: '' };

export interface AuditMeta {
  at: string;
  actor: string;
  command: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  assessmentId?: string | null;
  capabilityId?: string | null;
}

/** Appends one audit row; engagement files also note assessment and capability. */
export function appendAudit(tx: TxHandle, meta: AuditMeta, perCapability: boolean): void {
  const columns: Record<string, unknown> = {
    at: meta.at,
    actor: meta.actor,
    command: meta.command,
    entity: meta.entity,
    entity_id: meta.entityId ?? null,
    before_json: meta.before === undefined ? null : JSON.stringify(meta.before),
    after_json: meta.after === undefined ? null : JSON.stringify(meta.after),
  };
  if (perCapability) {
    columns.assessment_id = meta.assessmentId ?? null;
    columns.capability_id = meta.capabilityId ?? null;
  }
  const names = Object.keys(columns);
  tx.run(`INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`, columns);
}

export class LibraryIndex {
  readonly read: ReadHandle;
  private readonly statements: Statements;
  private cachedSettings: Settings | null = null;

  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
    this.read = this.statements;
  }

  /** One transaction with its audit row; returns the result and the tables it changed. */
  write<T>(audit: Omit<AuditMeta, 'before' | 'after'> | null, fn: (tx: TxHandle) => { result: T; before?: unknown; after?: unknown }): { result: T; tables: string[] } {
    const out = inWriteTransaction(this.statements, (tx) => {
      const outcome = fn(tx);
      if (audit) appendAudit(tx, { ...audit, before: outcome.before, after: outcome.after }, false);
      return outcome.result;
    });
    if (out.tables.includes('setting')) this.cachedSettings = null;
    return { result: out.result, tables: out.tables.filter((t) => t !== 'audit_log') };
  }

  // ---- settings ---------------------------------------------------------------------------------

  /** Read once and cached: every write asks for the author's name. */
  settings(): Settings {
    if (!this.cachedSettings) {
      const rows = this.read.all<{ key: string; value: string }>('SELECT key, value FROM setting');
      const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
      this.cachedSettings = { ...DEFAULT_SETTINGS, ...stored } as Settings;
    }
    return this.cachedSettings;
  }

  // ---- the index --------------------------------------------------------------------------------

  row(engagementId: string): IndexRow {
    const row = this.read.get<IndexRow>('SELECT * FROM engagement_index WHERE id = ?', engagementId);
    if (!row) throw new ApiError('not_found', `No engagement with id ${engagementId} in this data folder.`, { engagementId });
    return row;
  }

  rows(includeArchived = true): IndexRow[] {
    return this.read.all<IndexRow>(
      `SELECT * FROM engagement_index ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY coalesce(last_opened_at, created_at) DESC`,
    );
  }

  static upsert(tx: TxHandle, e: EngagementRow, file: string): void {
    tx.run(
      `INSERT INTO engagement_index (id, file, client, industry, region, currency, fy_start_month, created_at, archived_at)
       VALUES (@id, @file, @client, @industry, @region, @currency, @fy_start_month, @created_at, @archived_at)
       ON CONFLICT (id) DO UPDATE SET file = excluded.file, client = excluded.client, industry = excluded.industry,
         region = excluded.region, currency = excluded.currency, fy_start_month = excluded.fy_start_month,
         archived_at = excluded.archived_at`,
      { id: e.id, file, client: e.client, industry: e.industry, region: e.region, currency: e.currency, fy_start_month: e.fy_start_month, created_at: e.created_at, archived_at: e.archived_at },
    );
  }

  close(): void {
    this.db.close();
  }
}
