import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Engagement, EngagementSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import {
  indexToSummary,
  toAssessment,
  toBusinessUnit,
  toParticipant,
  type AssessmentRow,
  type BusinessUnitRow,
  type EngagementRow,
  type IndexRow,
  type ParticipantRow,
} from '../db/rows';
import type { Db } from '../db/sqlite';
import { ENGAGEMENT_EXT, type Engine } from '../engine';
import type { HandlerMap } from '../registry';

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || 'engagement';
}

function summary(engine: Engine, id: string): EngagementSummary {
  return indexToSummary(engine.indexRow(id));
}

export function readEngagement(engine: Engine, id: string, db: Db): Engagement {
  const base = summary(engine, id);
  return {
    ...base,
    businessUnits: (db.prepare('SELECT * FROM business_unit ORDER BY name COLLATE NOCASE').all() as BusinessUnitRow[]).map(toBusinessUnit),
    participants: (db.prepare('SELECT * FROM participant ORDER BY name COLLATE NOCASE').all() as ParticipantRow[]).map(toParticipant),
    assessments: (db.prepare('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC').all() as AssessmentRow[]).map(toAssessment),
  };
}

function engagementRow(db: Db): EngagementRow {
  return db.prepare('SELECT * FROM engagement').get() as EngagementRow;
}

function mustExist<T>(row: T | undefined, what: string, id: string): T {
  if (!row) throw new ApiError('not_found', `No ${what} with id ${id} in this engagement.`, { id });
  return row;
}

function businessUnitRow(db: Db, id: string): BusinessUnitRow {
  return mustExist(db.prepare('SELECT * FROM business_unit WHERE id = ?').get(id) as BusinessUnitRow | undefined, 'business unit', id);
}

function participantRow(db: Db, id: string): ParticipantRow {
  return mustExist(db.prepare('SELECT * FROM participant WHERE id = ?').get(id) as ParticipantRow | undefined, 'participant', id);
}

function assertNameFree(db: Db, table: 'business_unit', name: string, exceptId?: string): void {
  const clash = db
    .prepare(`SELECT id FROM ${table} WHERE name = ? COLLATE NOCASE AND id IS NOT ?`)
    .get(name, exceptId ?? null) as { id: string } | undefined;
  if (clash) throw new ApiError('conflict', `A business unit called "${name}" already exists.`, { name });
}

function assertBusinessUnit(db: Db, id: string | null | undefined): void {
  if (id != null) businessUnitRow(db, id);
}

export const engagementHandlers: HandlerMap = {
  'engagement.list': (input, engine) => {
    const rows = engine.library
      .prepare(
        `SELECT * FROM engagement_index ${input.includeArchived ? '' : 'WHERE archived_at IS NULL'}
         ORDER BY coalesce(last_opened_at, created_at) DESC`,
      )
      .all() as IndexRow[];
    return rows.map(indexToSummary);
  },

  'engagement.create': async (input, engine) => {
    const id = engine.newId();
    const file = `${slug(input.client)}-${id.slice(-8)}${ENGAGEMENT_EXT}`;
    const path = join(engine.engagementsDir, file);
    const db = await engine.openEngagementFile(path, true);
    const at = engine.at();
    const row: EngagementRow = {
      id,
      client: input.client,
      industry: input.industry,
      region: input.region,
      currency: input.currency,
      fy_start_month: input.fyStartMonth,
      created_at: at,
      updated_at: at,
      archived_at: null,
    };
    try {
      engine.writeEngagement(id, db, { command: 'engagement.create', entity: 'engagement', entityId: id, tables: ['engagement'] }, () => {
        db.prepare(
          `INSERT INTO engagement (id, client, industry, region, currency, fy_start_month, created_at, updated_at, archived_at)
           VALUES (@id, @client, @industry, @region, @currency, @fy_start_month, @created_at, @updated_at, @archived_at)`,
        ).run(row);
        return { result: null, after: row };
      });
      engine.upsertIndex(row, file);
    } catch (err) {
      db.close();
      rmSync(path, { force: true });
      rmSync(`${path}-wal`, { force: true });
      rmSync(`${path}-shm`, { force: true });
      throw err;
    }
    engine.adoptEngagement(id, db);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    return summary(engine, id);
  },

  'engagement.get': async (input, engine) => readEngagement(engine, input.engagementId, await engine.engagement(input.engagementId)),

  'engagement.open': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    engine.library.prepare('UPDATE engagement_index SET last_opened_at = ? WHERE id = ?').run(engine.at(), input.engagementId);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    return readEngagement(engine, input.engagementId, db);
  },

  'engagement.update': async (input, engine) => {
    const { engagementId, ...changes } = input;
    const db = await engine.engagement(engagementId);
    const before = engagementRow(db);
    const after: EngagementRow = {
      ...before,
      client: changes.client ?? before.client,
      industry: changes.industry ?? before.industry,
      region: changes.region ?? before.region,
      currency: changes.currency ?? before.currency,
      fy_start_month: changes.fyStartMonth ?? before.fy_start_month,
      updated_at: engine.at(),
    };
    engine.writeEngagement(engagementId, db, { command: 'engagement.update', entity: 'engagement', entityId: engagementId, tables: ['engagement'] }, () => {
      db.prepare(
        `UPDATE engagement SET client = @client, industry = @industry, region = @region, currency = @currency,
         fy_start_month = @fy_start_month, updated_at = @updated_at WHERE id = @id`,
      ).run(after);
      return { result: null, before, after };
    });
    engine.upsertIndex(after, engine.indexRow(engagementId).file);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    return summary(engine, engagementId);
  },

  'engagement.archive': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = engagementRow(db);
    const after: EngagementRow = { ...before, archived_at: input.archived ? engine.at() : null, updated_at: engine.at() };
    engine.writeEngagement(
      input.engagementId,
      db,
      { command: 'engagement.archive', entity: 'engagement', entityId: input.engagementId, tables: ['engagement'] },
      () => {
        db.prepare('UPDATE engagement SET archived_at = @archived_at, updated_at = @updated_at WHERE id = @id').run(after);
        return { result: null, before: { archivedAt: before.archived_at }, after: { archivedAt: after.archived_at } };
      },
    );
    engine.upsertIndex(after, engine.indexRow(input.engagementId).file);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    return summary(engine, input.engagementId);
  },

  'engagement.delete': (input, engine) => {
    const row = engine.indexRow(input.engagementId);
    const path = engine.fileOf(row);
    engine.closeEngagement(input.engagementId);
    for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) rmSync(p);
    // Copies taken before migrations hold the same client data: they go with it.
    if (existsSync(engine.backupsDir)) {
      for (const f of readdirSync(engine.backupsDir)) if (f.startsWith(`${row.file}.`)) rmSync(join(engine.backupsDir, f), { force: true });
    }
    engine.library.prepare('DELETE FROM engagement_index WHERE id = ?').run(input.engagementId);
    engine.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'] });
    engine.emit({ type: 'changed', engagementId: input.engagementId, tables: ['engagement'] });
    return { id: input.engagementId, removedFile: row.file };
  },

  'engagement.unreadable': (_input, engine) => engine.unreadable,

  'businessUnit.add': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    assertNameFree(db, 'business_unit', input.name);
    const row: BusinessUnitRow = { id: engine.newId(), name: input.name, created_at: engine.at() };
    return engine.writeEngagement(input.engagementId, db, { command: 'businessUnit.add', entity: 'business_unit', entityId: row.id, tables: ['business_unit'] }, () => {
      db.prepare('INSERT INTO business_unit (id, name, created_at) VALUES (@id, @name, @created_at)').run(row);
      return { result: toBusinessUnit(row), after: row };
    });
  },

  'businessUnit.rename': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = businessUnitRow(db, input.businessUnitId);
    assertNameFree(db, 'business_unit', input.name, input.businessUnitId);
    const after = { ...before, name: input.name };
    return engine.writeEngagement(input.engagementId, db, { command: 'businessUnit.rename', entity: 'business_unit', entityId: before.id, tables: ['business_unit'] }, () => {
      db.prepare('UPDATE business_unit SET name = ? WHERE id = ?').run(input.name, before.id);
      return { result: toBusinessUnit(after), before, after };
    });
  },

  'businessUnit.remove': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = businessUnitRow(db, input.businessUnitId);
    return engine.writeEngagement(input.engagementId, db, { command: 'businessUnit.remove', entity: 'business_unit', entityId: before.id, tables: ['business_unit', 'participant'] }, () => {
      db.prepare('DELETE FROM business_unit WHERE id = ?').run(before.id);
      return { result: { id: before.id }, before };
    });
  },

  'participant.add': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    assertBusinessUnit(db, input.businessUnitId);
    const row: ParticipantRow = {
      id: engine.newId(),
      name: input.name,
      role: input.role,
      business_unit_id: input.businessUnitId,
      created_at: engine.at(),
    };
    return engine.writeEngagement(input.engagementId, db, { command: 'participant.add', entity: 'participant', entityId: row.id, tables: ['participant'] }, () => {
      db.prepare(
        'INSERT INTO participant (id, name, role, business_unit_id, created_at) VALUES (@id, @name, @role, @business_unit_id, @created_at)',
      ).run(row);
      return { result: toParticipant(row), after: row };
    });
  },

  'participant.update': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = participantRow(db, input.participantId);
    assertBusinessUnit(db, input.businessUnitId);
    const after: ParticipantRow = {
      ...before,
      name: input.name ?? before.name,
      role: input.role ?? before.role,
      business_unit_id: input.businessUnitId === undefined ? before.business_unit_id : input.businessUnitId,
    };
    return engine.writeEngagement(input.engagementId, db, { command: 'participant.update', entity: 'participant', entityId: before.id, tables: ['participant'] }, () => {
      db.prepare('UPDATE participant SET name = @name, role = @role, business_unit_id = @business_unit_id WHERE id = @id').run(after);
      return { result: toParticipant(after), before, after };
    });
  },

  'participant.remove': async (input, engine) => {
    const db = await engine.engagement(input.engagementId);
    const before = participantRow(db, input.participantId);
    return engine.writeEngagement(input.engagementId, db, { command: 'participant.remove', entity: 'participant', entityId: before.id, tables: ['participant'] }, () => {
      db.prepare('DELETE FROM participant WHERE id = ?').run(before.id);
      return { result: { id: before.id }, before };
    });
  },
};
