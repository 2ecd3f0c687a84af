/** evidence.*: items, files stored in the engagement file (content-addressed), and their links to capabilities. */
import type { Evidence, EvidenceLink } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { ReadHandle } from '../db/handle';
import { toEvidence, type EvidenceRow } from '../db/rows';
import { mutation, type MutationTx } from '../mutation';
import type { HandlerMap } from '../registry';
import { decodeUpload, insertAttachment, readAttachment } from '../upload';
import { assertCapability, assessmentRow, mustExist } from './lookup';

type EvidenceWithFile = EvidenceRow & { att_size: number | null; att_mime: string | null };

const SELECT_WITH_FILE = `SELECT e.*, a.size AS att_size, a.mime AS att_mime FROM evidence e LEFT JOIN attachment a ON a.sha256 = e.attachment_sha256`;

function linksOf(db: ReadHandle, ids: readonly string[]): Map<string, EvidenceLink[]> {
  const map = new Map<string, EvidenceLink[]>();
  if (!ids.length) return map;
  const rows = db.all<{ evidence_id: string; assessment_id: string; capability_id: string }>(
    'SELECT evidence_id, assessment_id, capability_id FROM evidence_link WHERE evidence_id IN (SELECT value FROM json_each(?)) ORDER BY created_at',
    JSON.stringify(ids),
  );
  for (const r of rows) {
    const list = map.get(r.evidence_id) ?? [];
    list.push({ assessmentId: r.assessment_id, capabilityId: r.capability_id });
    map.set(r.evidence_id, list);
  }
  return map;
}

function toDomain(db: ReadHandle, rows: EvidenceWithFile[], today: string): Evidence[] {
  const links = linksOf(db, rows.map((r) => r.id));
  return rows.map((r) => toEvidence(r, links.get(r.id) ?? [], r.att_size === null ? null : { size: r.att_size, mime: r.att_mime ?? 'application/octet-stream' }, today));
}

/** Evidence linked within an assessment (to one capability, or to any), each with all its links. */
export function linkedEvidence(db: ReadHandle, assessmentId: string, capabilityId: string | null, today: string): Evidence[] {
  const rows = db.all<EvidenceWithFile>(
    `${SELECT_WITH_FILE} WHERE e.id IN (SELECT evidence_id FROM evidence_link WHERE assessment_id = @a AND (@c IS NULL OR capability_id = @c)) ORDER BY e.created_at`,
    { a: assessmentId, c: capabilityId },
  );
  return toDomain(db, rows, today);
}

/** Per capability of an assessment: how many evidence items are linked, and how many of them are stale. */
export function evidenceCounts(db: ReadHandle, assessmentId: string, today: string): Record<string, { count: number; stale: number }> {
  const rows = db.all<{ cap: string; n: number; stale: number }>(
    `SELECT l.capability_id AS cap, count(*) AS n, sum(e.valid_until IS NOT NULL AND e.valid_until < @today) AS stale
     FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id WHERE l.assessment_id = @a GROUP BY l.capability_id`,
    { a: assessmentId, today },
  );
  return Object.fromEntries(rows.map((r) => [r.cap, { count: r.n, stale: r.stale }]));
}

function evidenceRow(db: ReadHandle, evidenceId: string): EvidenceRow {
  return mustExist(db.get<EvidenceRow>('SELECT * FROM evidence WHERE id = ?', evidenceId), 'evidence item', evidenceId);
}

export function readEvidence(db: ReadHandle, evidenceId: string, today: string): Evidence {
  const row = db.get<EvidenceWithFile>(`${SELECT_WITH_FILE} WHERE e.id = ?`, evidenceId);
  return toDomain(db, [mustExist(row, 'evidence item', evidenceId)], today)[0]!;
}

function assertLinkable(db: ReadHandle, assessmentId: string, capabilityId: string, field: string): void {
  assertCapability(db, assessmentRow(db, assessmentId), capabilityId, field);
}

function assertDates(collectedOn: string | null, validUntil: string | null): void {
  if (collectedOn && validUntil && validUntil < collectedOn) {
    throw new ApiError('invalid_input', 'validUntil: must not be before the date the evidence was collected.', { fields: [{ path: 'validUntil', message: 'before collectedOn' }] });
  }
}

function assertUrl(kind: string, url: string | null): void {
  if (kind === 'link' && !url) throw new ApiError('invalid_input', 'url: evidence of kind link needs a web address.', { fields: [{ path: 'url', message: 'required for a link' }] });
}

/** Links or unlinks evidence and a capability of an assessment: one undoable change, or none if already so. */
function setLink(tx: MutationTx, input: { assessmentId: string; capabilityId: string; evidenceId: string }, linked: boolean) {
  const ev = evidenceRow(tx, input.evidenceId);
  // Unlinking stays possible for a capability the framework no longer has; linking needs a real one.
  if (linked) assertLinkable(tx, input.assessmentId, input.capabilityId, 'capabilityId');
  else assessmentRow(tx, input.assessmentId);
  const key = { evidence_id: ev.id, assessment_id: input.assessmentId, capability_id: input.capabilityId };
  const change = tx.track('evidence_link', key, () => {
    if (linked) tx.run('INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', ev.id, input.assessmentId, input.capabilityId, tx.at);
    else tx.run('DELETE FROM evidence_link WHERE evidence_id = @evidence_id AND assessment_id = @assessment_id AND capability_id = @capability_id', key);
  });
  const changed = (change.before === null) !== (change.after === null);
  return {
    result: readEvidence(tx, ev.id, tx.at.slice(0, 10)),
    ...(linked ? { after: { evidence: ev.title } } : { before: { evidence: ev.title } }),
    undo: changed ? { label: `${input.capabilityId}: evidence "${ev.title}" ${linked ? 'linked' : 'unlinked'}`, changes: [change] } : undefined,
  };
}

export const evidenceHandlers: HandlerMap = {
  'evidence.add': async (ctx, input) => {
    assertUrl(input.kind, input.url);
    assertDates(input.collectedOn, input.validUntil);
    const limitMb = ctx.settings().attachmentLimitMb;
    const file = input.file;
    const upload = !file ? null : file.uploadId ? ctx.files.uploads.take(file.uploadId, limitMb) : decodeUpload({ ...file, dataBase64: file.dataBase64! }, limitMb);
    const added = await mutation(ctx, input.engagementId, { entity: 'evidence' }, (tx) => {
      input.links.forEach((l, i) => assertLinkable(tx, l.assessmentId, l.capabilityId, `links.${i}.capabilityId`));
      const row: EvidenceRow = {
        id: tx.newId(),
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
        created_at: tx.at,
        updated_at: tx.at,
      };
      if (upload && file) insertAttachment(tx, upload, file.mime || 'application/octet-stream', tx.at);
      tx.run(
        `INSERT INTO evidence (id, title, kind, source, collected_on, valid_until, sensitivity, description, url, attachment_sha256, file_name, created_at, updated_at)
         VALUES (@id, @title, @kind, @source, @collected_on, @valid_until, @sensitivity, @description, @url, @attachment_sha256, @file_name, @created_at, @updated_at)`,
        { ...row },
      );
      for (const l of input.links) {
        tx.run('INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', row.id, l.assessmentId, l.capabilityId, tx.at);
      }
      const single = input.links.length === 1 ? input.links[0]! : null;
      return {
        result: readEvidence(tx, row.id, ctx.clock.today()),
        after: { ...row, links: input.links, size: upload?.size ?? null },
        entityId: row.id,
        ...(single ? { assessmentId: single.assessmentId, capabilityId: single.capabilityId } : {}),
      };
    });
    if (file?.uploadId) ctx.files.uploads.discard(file.uploadId);
    return added;
  },

  'evidence.update': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'evidence', entityId: input.evidenceId }, (tx) => {
      const before = evidenceRow(tx, input.evidenceId);
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
        updated_at: tx.at,
      };
      assertUrl(after.kind, after.url);
      assertDates(after.collected_on, after.valid_until);
      tx.run(
        `UPDATE evidence SET title = @title, kind = @kind, source = @source, collected_on = @collected_on, valid_until = @valid_until,
         sensitivity = @sensitivity, description = @description, url = @url, updated_at = @updated_at WHERE id = @id`,
        { ...after },
      );
      const { rid: _b, ...b } = before;
      const { rid: _a, ...a } = after;
      return { result: readEvidence(tx, before.id, ctx.clock.today()), before: b, after: a };
    }),

  'evidence.remove': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'evidence', entityId: input.evidenceId, assessmentId: input.assessmentId ?? null }, (tx) => {
      const before = evidenceRow(tx, input.evidenceId);
      if (input.assessmentId) assessmentRow(tx, input.assessmentId);
      // Each link and then the item, tracked, so that an undo puts the item back with every link it had.
      const links = tx.all<{ assessment_id: string; capability_id: string }>('SELECT assessment_id, capability_id FROM evidence_link WHERE evidence_id = ?', before.id);
      const changes = links.map((l) => {
        const key = { evidence_id: before.id, assessment_id: l.assessment_id, capability_id: l.capability_id };
        return tx.track('evidence_link', key, () => tx.run('DELETE FROM evidence_link WHERE evidence_id = @evidence_id AND assessment_id = @assessment_id AND capability_id = @capability_id', key));
      });
      changes.push(tx.track('evidence', { id: before.id }, () => tx.run('DELETE FROM evidence WHERE id = ?', before.id)));
      // A file no item uses any more is dropped, unless an undo step (this one included) could bring its item back.
      tx.run(
        `DELETE FROM attachment WHERE sha256 IS NOT @keep AND NOT EXISTS (SELECT 1 FROM evidence WHERE attachment_sha256 = attachment.sha256)
         AND NOT EXISTS (SELECT 1 FROM undo_entry WHERE instr(changes_json, attachment.sha256) > 0)`,
        { keep: input.assessmentId ? before.attachment_sha256 : null },
      );
      const { rid: _rid, ...b } = before;
      return {
        result: { id: before.id },
        before: { ...b, links: links.map((l) => ({ assessmentId: l.assessment_id, capabilityId: l.capability_id })) },
        ...(input.assessmentId ? { undo: { label: `Evidence "${before.title}" deleted`, changes } } : {}),
      };
    }),

  'evidence.link': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'evidence_link', entityId: input.evidenceId, assessmentId: input.assessmentId, capabilityId: input.capabilityId }, (tx) => setLink(tx, input, true)),
  'evidence.unlink': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'evidence_link', entityId: input.evidenceId, assessmentId: input.assessmentId, capabilityId: input.capabilityId }, (tx) => setLink(tx, input, false)),

  'evidence.list': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    const where = `(@q IS NULL OR e.title LIKE @q ESCAPE '\\' OR e.source LIKE @q ESCAPE '\\')`;
    const q = input.query ? `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM evidence e WHERE ${where}`, { q })!.n;
    const rows = db.all<EvidenceWithFile>(`${SELECT_WITH_FILE} WHERE ${where} ORDER BY e.created_at DESC LIMIT @limit OFFSET @offset`, { q, limit: input.limit, offset: input.offset });
    return { items: toDomain(db, rows, ctx.clock.today()), total, offset: input.offset };
  },

  'evidence.file': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    const ev = evidenceRow(db, input.evidenceId);
    if (!ev.attachment_sha256) throw new ApiError('not_found', `Evidence "${ev.title}" has no file attached.`, { evidenceId: ev.id });
    const att = readAttachment(db, ev.attachment_sha256, ev.title);
    if (!att) throw new ApiError('file_corrupt', `The file of evidence "${ev.title}" is missing from the engagement file.`, { evidenceId: ev.id });
    return { sha256: ev.attachment_sha256, fileName: ev.file_name ?? 'attachment', mime: att.mime, size: att.size, dataBase64: att.content.toString('base64') };
  },
};
