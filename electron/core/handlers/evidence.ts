/** Evidence: items, files stored in the engagement file (content-addressed), links, and search. */
import { createHash } from 'node:crypto';
import type { Evidence, EvidenceLink, SearchHit } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { defaultFramework } from '../../../shared/framework';
import { allCapabilities, capabilityTexts } from '../../../shared/framework/schema';
import { toEvidence, type EvidenceRow } from '../db/rows';
import type { Db } from '../db/sqlite';
import { tracked } from '../db/undo';
import type { Engine } from '../engine';
import type { HandlerMap } from '../registry';
import { MARK_START as START, mark, stripMarks } from '../../../shared/search';
import { assertCapability, assessmentRow, frameworkOf } from './scope';

const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|log)$/i;
/** Text indexed from one attachment, at most. */
const MAX_INDEXED_TEXT = 2 * 1024 * 1024;

function linksByEvidence(db: Db): Map<string, EvidenceLink[]> {
  const map = new Map<string, EvidenceLink[]>();
  const rows = db.prepare('SELECT evidence_id, assessment_id, capability_id FROM evidence_link ORDER BY created_at').all() as {
    evidence_id: string;
    assessment_id: string;
    capability_id: string;
  }[];
  for (const r of rows) {
    const list = map.get(r.evidence_id) ?? [];
    list.push({ assessmentId: r.assessment_id, capabilityId: r.capability_id });
    map.set(r.evidence_id, list);
  }
  return map;
}

export function listEvidence(engine: Engine, db: Db): Evidence[] {
  const links = linksByEvidence(db);
  const rows = db
    .prepare(
      `SELECT e.*, a.size AS att_size, a.mime AS att_mime FROM evidence e
       LEFT JOIN attachment a ON a.sha256 = e.attachment_sha256 ORDER BY e.created_at`,
    )
    .all() as (EvidenceRow & { att_size: number | null; att_mime: string | null })[];
  const today = engine.today();
  return rows.map((r) =>
    toEvidence(r, links.get(r.id) ?? [], r.att_size === null ? null : { size: r.att_size, mime: r.att_mime ?? 'application/octet-stream' }, today),
  );
}

function evidenceRow(db: Db, evidenceId: string): EvidenceRow {
  const row = db.prepare('SELECT * FROM evidence WHERE id = ?').get(evidenceId) as EvidenceRow | undefined;
  if (!row) throw new ApiError('not_found', `No evidence item with id ${evidenceId} in this engagement.`, { evidenceId });
  return row;
}

function readEvidence(engine: Engine, db: Db, evidenceId: string): Evidence {
  const r = evidenceRow(db, evidenceId);
  const links = (
    db.prepare('SELECT assessment_id, capability_id FROM evidence_link WHERE evidence_id = ? ORDER BY created_at').all(evidenceId) as {
      assessment_id: string;
      capability_id: string;
    }[]
  ).map((l) => ({ assessmentId: l.assessment_id, capabilityId: l.capability_id }));
  const att = r.attachment_sha256
    ? (db.prepare('SELECT size, mime FROM attachment WHERE sha256 = ?').get(r.attachment_sha256) as { size: number; mime: string })
    : null;
  return toEvidence(r, links, att, engine.today());
}

function formatMb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** Decodes and checks an uploaded file before anything is written. */
export function decodeUpload(file: { name: string; mime: string; dataBase64: string }, limitMb: number) {
  const b64 = file.dataBase64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    throw new ApiError('invalid_input', `file: the content of ${file.name} could not be read (it is not base64).`, {
      fields: [{ path: 'file.dataBase64', message: 'not base64' }],
    });
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) {
    throw new ApiError('invalid_input', `file: ${file.name} is empty; there is nothing to keep as evidence.`, {
      fields: [{ path: 'file', message: 'empty file' }],
    });
  }
  if (bytes.length > limitMb * 1048576) {
    throw new ApiError('too_large', `file: ${file.name} is ${formatMb(bytes.length)}; the limit is ${limitMb} MB (change it in Settings).`, {
      size: bytes.length,
      limitMb,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string | null = null;
  if (TEXT_EXTENSIONS.test(file.name) || file.mime.startsWith('text/')) {
    const decoded = bytes.subarray(0, MAX_INDEXED_TEXT).toString('utf8');
    if (!decoded.includes('\u0000')) text = decoded;
  }
  return { bytes, sha256, text };
}

function assertLinkable(db: Db, assessmentId: string, capabilityId: string, field: string) {
  const a = assessmentRow(db, assessmentId);
  assertCapability(a, capabilityId, field);
  return a;
}

// ---- search ---------------------------------------------------------------------------------


function terms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** An FTS5 query that needs every word, each as a prefix: `"kafka"* "lag"*`. */
export function ftsQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

/** A window of `text` around the first match, with matched word prefixes marked. */
export function markSnippet(text: string, words: readonly string[], radius = 80): string | null {
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.search(new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(w)}`, 'u'))).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return null;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  let piece = text.slice(start, end);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escapeRe).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  piece = piece.replace(re, (m) => mark(m));
  return `${start > 0 ? '…' : ''}${piece}${end < text.length ? '…' : ''}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function searchCapabilities(db: Db, words: string[], assessmentId: string | undefined, limit: number): SearchHit[] {
  const fw = assessmentId ? frameworkOf(assessmentRow(db, assessmentId)) : defaultFramework;
  const hits: SearchHit[] = [];
  for (const c of allCapabilities(fw)) {
    const fields = [c.id, ...capabilityTexts(c)];
    const haystack = fields.join('\n').toLowerCase();
    if (!words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(w)}`, 'u').test(haystack))) continue;
    const field = fields.slice(1).find((f) => markSnippet(f, words) !== null) ?? c.statement;
    hits.push({
      kind: 'capability',
      refId: c.id,
      capabilityId: c.id,
      assessmentId: assessmentId ?? null,
      title: `${c.id} ${c.name}`,
      snippet: markSnippet(field, words) ?? c.statement,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Links or unlinks evidence and a capability of an assessment: one undoable change, or none if already so. */
async function setLink(
  engine: Engine,
  input: { engagementId: string; assessmentId: string; capabilityId: string; evidenceId: string },
  linked: boolean,
): Promise<Evidence> {
  const db = await engine.engagement(input.engagementId);
  const ev = evidenceRow(db, input.evidenceId);
  // Unlinking stays possible for a capability the framework no longer has; linking needs a real one.
  if (linked) assertLinkable(db, input.assessmentId, input.capabilityId, 'capabilityId');
  else assessmentRow(db, input.assessmentId);
  const key = { evidence_id: ev.id, assessment_id: input.assessmentId, capability_id: input.capabilityId };
  const verb = linked ? 'linked' : 'unlinked';
  engine.writeEngagement(
    input.engagementId,
    db,
    {
      command: linked ? 'evidence.link' : 'evidence.unlink',
      entity: 'evidence_link',
      entityId: ev.id,
      assessmentId: input.assessmentId,
      capabilityId: input.capabilityId,
      tables: ['evidence_link'],
    },
    () => {
      const change = tracked(db, 'evidence_link', key, () => {
        if (linked) {
          db.prepare(
            'INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          ).run(ev.id, input.assessmentId, input.capabilityId, engine.at());
        } else {
          db.prepare('DELETE FROM evidence_link WHERE evidence_id = @evidence_id AND assessment_id = @assessment_id AND capability_id = @capability_id').run(key);
        }
      });
      const changed = (change.before === null) !== (change.after === null);
      return {
        result: null,
        ...(linked ? { after: { evidence: ev.title } } : { before: { evidence: ev.title } }),
        undo: changed ? { label: `${input.capabilityId}: evidence "${ev.title}" ${verb}`, changes: [change] } : undefined,
      };
    },
  );
  return readEvidence(engine, db, ev.id);
}

export const evidenceHandlers: HandlerMap = {
  'evidence.add': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    if (input.kind === 'link' && !input.url) {
      throw new ApiError('invalid_input', 'url: evidence of kind link needs a web address.', { fields: [{ path: 'url', message: 'required for a link' }] });
    }
    if (input.collectedOn && input.validUntil && input.validUntil < input.collectedOn) {
      throw new ApiError('invalid_input', 'validUntil: must not be before the date the evidence was collected.', {
        fields: [{ path: 'validUntil', message: 'before collectedOn' }],
      });
    }
    input.links.forEach((l, i) => assertLinkable(db, l.assessmentId, l.capabilityId, `links.${i}.capabilityId`));
    const upload = input.file ? decodeUpload(input.file, engine.settings().attachmentLimitMb) : null;
    const at = engine.at();
    const row: EvidenceRow = {
      id: engine.newId(),
      title: input.title,
      kind: input.kind,
      source: input.source,
      collected_on: input.collectedOn,
      valid_until: input.validUntil,
      sensitivity: input.sensitivity,
      description: input.description,
      url: input.url,
      attachment_sha256: upload?.sha256 ?? null,
      file_name: input.file?.name ?? null,
      created_at: at,
      updated_at: at,
    };
    engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'evidence.add', entity: 'evidence', entityId: row.id, tables: ['evidence', 'evidence_link', 'attachment'] },
      () => {
        if (upload && input.file) {
          db.prepare(
            `INSERT INTO attachment (sha256, size, mime, content, text_content, created_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (sha256) DO NOTHING`,
          ).run(upload.sha256, upload.bytes.length, input.file.mime || 'application/octet-stream', upload.bytes, upload.text, at);
        }
        db.prepare(
          `INSERT INTO evidence (id, title, kind, source, collected_on, valid_until, sensitivity, description, url, attachment_sha256, file_name, created_at, updated_at)
           VALUES (@id, @title, @kind, @source, @collected_on, @valid_until, @sensitivity, @description, @url, @attachment_sha256, @file_name, @created_at, @updated_at)`,
        ).run(row);
        const link = db.prepare(
          'INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        );
        for (const l of input.links) link.run(row.id, l.assessmentId, l.capabilityId, at);
        const { rid: _rid, ...after } = row;
        return { result: null, after: { ...after, links: input.links, size: upload?.bytes.length ?? null } };
      },
    );
    return readEvidence(engine, db, row.id);
  },

  'evidence.update': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = evidenceRow(db, input.evidenceId);
    const after: EvidenceRow = {
      ...before,
      title: input.title ?? before.title,
      kind: input.kind ?? before.kind,
      source: input.source ?? before.source,
      collected_on: input.collectedOn === undefined ? before.collected_on : input.collectedOn,
      valid_until: input.validUntil === undefined ? before.valid_until : input.validUntil,
      sensitivity: input.sensitivity ?? before.sensitivity,
      description: input.description ?? before.description,
      url: input.url === undefined ? before.url : input.url,
      updated_at: engine.at(),
    };
    if (after.kind === 'link' && !after.url) {
      throw new ApiError('invalid_input', 'url: evidence of kind link needs a web address.', { fields: [{ path: 'url', message: 'required for a link' }] });
    }
    engine.writeEngagement(input.engagementId, db, { command: 'evidence.update', entity: 'evidence', entityId: before.id, tables: ['evidence'] }, () => {
      db.prepare(
        `UPDATE evidence SET title = @title, kind = @kind, source = @source, collected_on = @collected_on, valid_until = @valid_until,
         sensitivity = @sensitivity, description = @description, url = @url, updated_at = @updated_at WHERE id = @id`,
      ).run(after);
      const { rid: _b, ...b } = before;
      const { rid: _a, ...a } = after;
      return { result: null, before: b, after: a };
    });
    return readEvidence(engine, db, before.id);
  },

  'evidence.remove': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = evidenceRow(db, input.evidenceId);
    return engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'evidence.remove', entity: 'evidence', entityId: before.id, tables: ['evidence', 'evidence_link', 'attachment'] },
      () => {
        db.prepare('DELETE FROM evidence WHERE id = ?').run(before.id);
        if (before.attachment_sha256) {
          db.prepare('DELETE FROM attachment WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM evidence WHERE attachment_sha256 = ?)').run(
            before.attachment_sha256,
            before.attachment_sha256,
          );
        }
        const { rid: _rid, ...b } = before;
        return { result: { id: before.id }, before: b };
      },
    );
  },

  'evidence.link': (input, engine) => setLink(engine, input, true),
  'evidence.unlink': (input, engine) => setLink(engine, input, false),

  'evidence.file': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const ev = evidenceRow(db, input.evidenceId);
    if (!ev.attachment_sha256) throw new ApiError('not_found', `Evidence "${ev.title}" has no file attached.`, { evidenceId: ev.id });
    const att = db.prepare('SELECT size, mime, content FROM attachment WHERE sha256 = ?').get(ev.attachment_sha256) as
      | { size: number; mime: string; content: Buffer }
      | undefined;
    if (!att) throw new ApiError('file_corrupt', `The file of evidence "${ev.title}" is missing from the engagement file.`, { evidenceId: ev.id });
    return {
      sha256: ev.attachment_sha256,
      fileName: ev.file_name ?? 'attachment',
      mime: att.mime,
      size: att.size,
      dataBase64: att.content.toString('base64'),
    };
  },

  'search.query': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const words = terms(input.query);
    if (words.length === 0) return [];
    const match = ftsQuery(words);
    const limit = input.limit;
    const scope = input.assessmentId ?? null;
    const hits: SearchHit[] = [];

    const evidence = db
      .prepare(
        `SELECT e.id, highlight(fts_evidence, 0, char(2), char(3)) AS title, snippet(fts_evidence, 1, char(2), char(3), '…', 14) AS snip,
           (SELECT capability_id FROM evidence_link l WHERE l.evidence_id = e.id ORDER BY (l.assessment_id = @scope) DESC, l.created_at LIMIT 1) AS cap,
           (SELECT assessment_id FROM evidence_link l WHERE l.evidence_id = e.id ORDER BY (l.assessment_id = @scope) DESC, l.created_at LIMIT 1) AS asm
         FROM fts_evidence JOIN evidence e ON e.rid = fts_evidence.rowid
         WHERE fts_evidence MATCH @match ORDER BY rank LIMIT @limit`,
      )
      .all({ match, limit, scope }) as { id: string; title: string; snip: string; cap: string | null; asm: string | null }[];
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

    const rationales = db
      .prepare(
        `SELECT r.capability_id AS cap, r.assessment_id AS asm, snippet(fts_rationale, 0, char(2), char(3), '…', 14) AS snip
         FROM fts_rationale JOIN rating r ON r.rid = fts_rationale.rowid
         WHERE fts_rationale MATCH @match AND (@scope IS NULL OR r.assessment_id = @scope) ORDER BY rank LIMIT @limit`,
      )
      .all({ match, limit, scope }) as { cap: string; asm: string; snip: string }[];
    for (const r of rationales) {
      hits.push({ kind: 'rationale', refId: r.cap, capabilityId: r.cap, assessmentId: r.asm, title: `Rationale for ${r.cap}`, snippet: r.snip });
    }

    const actions = db
      .prepare(
        `SELECT a.id, a.capability_id AS cap, a.assessment_id AS asm, snippet(fts_action, 0, char(2), char(3), '…', 14) AS snip
         FROM fts_action JOIN action_item a ON a.rid = fts_action.rowid
         WHERE fts_action MATCH @match AND (@scope IS NULL OR a.assessment_id = @scope) ORDER BY rank LIMIT @limit`,
      )
      .all({ match, limit, scope }) as { id: string; cap: string; asm: string; snip: string }[];
    for (const r of actions) {
      hits.push({ kind: 'action', refId: r.id, capabilityId: r.cap, assessmentId: r.asm, title: `Action on ${r.cap}`, snippet: r.snip });
    }

    const capabilities = searchCapabilities(db, words, input.assessmentId, limit);
    // Capabilities lead (they are what a facilitator jumps to); the rest follow by kind, best first.
    const lead = capabilities.slice(0, Math.max(3, limit - hits.length));
    return [...lead, ...hits].slice(0, limit);
  },
};
