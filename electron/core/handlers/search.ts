/**
 * search.query: one full-text engine (SQLite FTS5) over everything a facilitator jumps to. Rationales,
 * action items and evidence (with the text of text attachments) are indexed in the engagement file;
 * the framework's texts are indexed once per connection in a temporary in-memory table.
 */
import type { SearchHit } from '../../../shared/domain';
import { defaultFramework } from '../../../shared/framework';
import { allCapabilities, capabilityTexts, type Framework } from '../../../shared/framework/schema';
import { MARK_START as START, stripMarks } from '../../../shared/search';
import type { Db } from '../db/sqlite';
import type { EngagementFile } from '../files';
import type { HandlerMap } from '../registry';
import { assessmentRow, frameworkOf } from './lookup';

function terms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** An FTS5 query that needs every word, each as a prefix: `"kafka"* "lag"*`. */
export function ftsQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

const TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'";
const indexed = new WeakMap<Db, Map<string, string>>();

/** The temporary FTS5 table holding a framework's texts on this connection, built on first use. */
function frameworkTable(file: EngagementFile, fw: Framework): string {
  const db = file.connection();
  let tables = indexed.get(db);
  if (!tables) indexed.set(db, (tables = new Map()));
  const key = `${fw.id}@${fw.version}`;
  const known = tables.get(key);
  if (known) return known;
  const name = `fts_framework_${tables.size}`;
  db.exec(`CREATE VIRTUAL TABLE temp.${name} USING fts5 (capability_id UNINDEXED, title, body, ${TOKENIZER})`);
  const insert = db.prepare(`INSERT INTO temp.${name} (capability_id, title, body) VALUES (?, ?, ?)`);
  db.transaction(() => {
    for (const c of allCapabilities(fw)) insert.run(c.id, `${c.id} ${c.name}`, capabilityTexts(c).slice(1).join('\n'));
  })();
  tables.set(key, name);
  return name;
}

export const searchHandlers: HandlerMap = {
  'search.query': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    const db = file.read;
    const words = terms(input.query);
    if (words.length === 0) return [];
    const match = ftsQuery(words);
    const limit = input.limit;
    const scope = input.assessmentId ?? null;
    const hits: SearchHit[] = [];

    const evidence = db.all<{ id: string; title: string; snip: string; cap: string | null; asm: string | null }>(
      `SELECT e.id, highlight(fts_evidence, 0, char(2), char(3)) AS title, snippet(fts_evidence, 1, char(2), char(3), '…', 14) AS snip,
         (SELECT capability_id FROM evidence_link l WHERE l.evidence_id = e.id ORDER BY (l.assessment_id = @scope) DESC, l.created_at LIMIT 1) AS cap,
         (SELECT assessment_id FROM evidence_link l WHERE l.evidence_id = e.id ORDER BY (l.assessment_id = @scope) DESC, l.created_at LIMIT 1) AS asm
       FROM fts_evidence JOIN evidence e ON e.rid = fts_evidence.rowid
       WHERE fts_evidence MATCH @match ORDER BY rank LIMIT @limit`,
      { match, limit, scope },
    );
    for (const r of evidence) {
      const titleHasMatch = r.title.includes(START);
      hits.push({
        kind: 'evidence',
        refId: r.id,
        capabilityId: r.cap,
        assessmentId: r.asm,
        title: stripMarks(r.title),
        snippet: r.snip.trim() && r.snip.includes(START) ? r.snip : titleHasMatch ? r.title : r.snip,
      });
    }

    const rationales = db.all<{ cap: string; asm: string; snip: string }>(
      `SELECT r.capability_id AS cap, r.assessment_id AS asm, snippet(fts_rationale, 0, char(2), char(3), '…', 14) AS snip
       FROM fts_rationale JOIN rating r ON r.rid = fts_rationale.rowid
       WHERE fts_rationale MATCH @match AND (@scope IS NULL OR r.assessment_id = @scope) ORDER BY rank LIMIT @limit`,
      { match, limit, scope },
    );
    for (const r of rationales) hits.push({ kind: 'rationale', refId: r.cap, capabilityId: r.cap, assessmentId: r.asm, title: `Rationale for ${r.cap}`, snippet: r.snip });

    const actions = db.all<{ id: string; cap: string; asm: string; snip: string }>(
      `SELECT a.id, a.capability_id AS cap, a.assessment_id AS asm, snippet(fts_action, 0, char(2), char(3), '…', 14) AS snip
       FROM fts_action JOIN action_item a ON a.rid = fts_action.rowid
       WHERE fts_action MATCH @match AND (@scope IS NULL OR a.assessment_id = @scope) ORDER BY rank LIMIT @limit`,
      { match, limit, scope },
    );
    for (const r of actions) hits.push({ kind: 'action', refId: r.id, capabilityId: r.cap, assessmentId: r.asm, title: `Action on ${r.cap}`, snippet: r.snip });

    const fw = scope ? frameworkOf(db, assessmentRow(db, scope)) : defaultFramework;
    const table = frameworkTable(file, fw);
    const capabilities = db
      .all<{ cap: string; title: string; htitle: string; snip: string }>(
        `SELECT capability_id AS cap, title, highlight(${table}, 1, char(2), char(3)) AS htitle, snippet(${table}, 2, char(2), char(3), '…', 16) AS snip
         FROM ${table} WHERE ${table} MATCH @match ORDER BY bm25(${table}, 0, 10.0, 1.0) LIMIT @limit`,
        { match, limit },
      )
      .map((r): SearchHit => ({ kind: 'capability', refId: r.cap, capabilityId: r.cap, assessmentId: scope, title: r.title, snippet: r.snip.includes(START) ? r.snip : r.htitle }));
    // Capabilities lead (they are what a facilitator jumps to); the rest follow by kind, best first.
    const lead = capabilities.slice(0, Math.max(3, limit - hits.length));
    return [...lead, ...hits].slice(0, limit);
  },
};
