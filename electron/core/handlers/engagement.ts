/** engagement.*: the engagements of the data folder, one SQLite file each, listed by the library index. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/errors';
import type { Engagement, EngagementSummary } from '../../../shared/domain';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import {
  indexToSummary,
  toAssessment,
  toBusinessUnit,
  toParticipant,
  type AssessmentRow,
  type BusinessUnitRow,
  type EngagementRow,
  type ParticipantRow,
} from '../db/rows';
import { brandingView, setBranding } from '../export/branding';
import { exportEngagementFile, importEngagementFile } from '../export/engagement-file';
import { EngagementFile, engagementFileName } from '../files';
import { duplicateFile, folderHealth, forgetCopy, switchTo } from '../health';
import { LibraryIndex } from '../library';
import { libraryMutation, mutateFile, mutation } from '../mutation';
import { probeFile } from '../probe';
import type { HandlerMap } from '../registry';
import { createSampleEngagement } from './sample-engagement';

function summary(ctx: CommandContext, id: string): EngagementSummary {
  return indexToSummary(ctx.library.row(id));
}

/** The engagement screen's model: its details, business units, people and assessments. */
export function readEngagement(ctx: CommandContext, id: string, db: ReadHandle): Engagement {
  return {
    ...summary(ctx, id),
    businessUnits: db.all<BusinessUnitRow>('SELECT * FROM business_unit ORDER BY name COLLATE NOCASE').map(toBusinessUnit),
    participants: db.all<ParticipantRow>('SELECT * FROM participant ORDER BY name COLLATE NOCASE').map(toParticipant),
    assessments: db.all<AssessmentRow>('SELECT * FROM assessment ORDER BY assessed_on DESC, created_at DESC').map(toAssessment),
  };
}

function engagementRow(db: ReadHandle): EngagementRow {
  return db.get<EngagementRow>('SELECT * FROM engagement')!;
}

/** The index mirrors the file: updated in its own transaction once the file's change is committed. */
function mirrorIndex(ctx: CommandContext, row: EngagementRow, file: string): void {
  libraryMutation(ctx, 'engagement_index', (tx) => {
    LibraryIndex.upsert(tx, row, file);
    return { result: null };
  }, { audit: false });
}

/** Writes the engagement row with an audit entry, then mirrors it into the index. */
async function updateEngagement(ctx: CommandContext, engagementId: string, change: (before: EngagementRow, at: string) => EngagementRow, audit: (b: EngagementRow, a: EngagementRow) => { before: unknown; after: unknown }) {
  const after = await mutation(ctx, engagementId, { entity: 'engagement', entityId: engagementId }, (tx) => {
    const before = engagementRow(tx);
    const next = change(before, tx.at);
    tx.run(
      `UPDATE engagement SET client = @client, industry = @industry, region = @region, currency = @currency,
       fy_start_month = @fy_start_month, updated_at = @updated_at, archived_at = @archived_at WHERE id = @id`,
      { ...next },
    );
    return { result: next, ...audit(before, next) };
  });
  mirrorIndex(ctx, after, ctx.library.row(engagementId).file);
  return summary(ctx, engagementId);
}

export const engagementHandlers: HandlerMap = {
  'engagement.list': (ctx, input) => ctx.library.rows(input.includeArchived).map(indexToSummary),

  'engagement.create': async (ctx, input) => {
    const id = ctx.newId();
    const file = engagementFileName(input.client, id);
    // Written whole under a temporary name: a failure or a crash leaves nothing behind.
    const row = await ctx.files.createFile(id, file, (handle) =>
      mutateFile(ctx, handle, { entity: 'engagement', entityId: id }, (tx) => {
        const r: EngagementRow = {
          id,
          client: input.client,
          industry: input.industry,
          region: input.region,
          currency: input.currency,
          fy_start_month: input.fyStartMonth,
          created_at: tx.at,
          updated_at: tx.at,
          archived_at: null,
        };
        tx.run(
          `INSERT INTO engagement (id, client, industry, region, currency, fy_start_month, created_at, updated_at, archived_at)
           VALUES (@id, @client, @industry, @region, @currency, @fy_start_month, @created_at, @updated_at, @archived_at)`,
          { ...r },
        );
        return { result: r, after: r };
      }),
    );
    try {
      mirrorIndex(ctx, row, file);
    } catch (err) {
      // Not listed means not created: the file goes too.
      ctx.files.close(id);
      for (const suffix of ['', '-wal', '-shm']) rmSync(ctx.files.pathOf(file) + suffix, { force: true });
      throw err;
    }
    return summary(ctx, id);
  },

  'engagement.get': async (ctx, input) => readEngagement(ctx, input.engagementId, (await ctx.files.get(input.engagementId)).read),

  'engagement.open': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    // Noting when it was opened is a courtesy: opening never depends on a write (a full disk, a damaged index).
    try {
      libraryMutation(ctx, 'engagement_index', (tx) => {
        tx.run('UPDATE engagement_index SET last_opened_at = ? WHERE id = ?', ctx.clock.at(), input.engagementId);
        return { result: null };
      }, { audit: false });
    } catch (err) {
      console.error(`[engine] could not note when ${input.engagementId} was opened: ${(err as Error).message}`);
    }
    return readEngagement(ctx, input.engagementId, file.read);
  },

  'engagement.update': (ctx, { engagementId, ...changes }) =>
    updateEngagement(
      ctx,
      engagementId,
      (before, at) => ({
        ...before,
        client: changes.client ?? before.client,
        industry: changes.industry ?? before.industry,
        region: changes.region ?? before.region,
        currency: changes.currency ?? before.currency,
        fy_start_month: changes.fyStartMonth ?? before.fy_start_month,
        updated_at: at,
      }),
      (before, after) => ({ before, after }),
    ),

  'engagement.archive': (ctx, input) =>
    updateEngagement(
      ctx,
      input.engagementId,
      (before, at) => ({ ...before, archived_at: input.archived ? at : null, updated_at: at }),
      (before, after) => ({ before: { archivedAt: before.archived_at }, after: { archivedAt: after.archived_at } }),
    ),

  'engagement.delete': async (ctx, input) => {
    const row = ctx.library.row(input.engagementId);
    const path = ctx.files.pathOf(row.file);
    ctx.files.close(input.engagementId);
    for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) rmSync(p);
    // Backups hold the same client data: they go with it.
    await ctx.files.backups.removeAll(input.engagementId);
    if (existsSync(ctx.files.backupsDir)) {
      for (const f of readdirSync(ctx.files.backupsDir)) if (f.startsWith(`${row.file}.`)) rmSync(join(ctx.files.backupsDir, f), { force: true });
    }
    libraryMutation(ctx, 'engagement_index', (tx) => {
      tx.run('DELETE FROM engagement_index WHERE id = ?', input.engagementId);
      return { result: null, before: { id: row.id, client: row.client, file: row.file } };
    });
    ctx.emit({ type: 'changed', engagementId: input.engagementId, tables: ['engagement'], command: ctx.command });
    return { id: input.engagementId, removedFile: row.file };
  },

  'engagement.unreadable': (ctx) => ctx.files.unreadable,

  'engagement.health': (ctx) => folderHealth(ctx.files),

  'engagement.resolveDuplicate': async (ctx, input) => {
    const file = duplicateFile(ctx.files, input.engagementId, input.file);
    const path = ctx.files.pathOf(file);
    if (input.action === 'setAside') {
      ctx.files.setAside(file);
      forgetCopy(ctx.files, input.engagementId, file);
    } else {
      const probe = probeFile(path, { check: 'quick', latestVersion: Number.MAX_SAFE_INTEGER });
      if (probe.kind !== 'ok') {
        throw new ApiError('file_corrupt', `${file} cannot be used: ${probe.kind === 'damaged' || probe.kind === 'unreadable' ? probe.reason : 'it holds no engagement'}. Set it aside instead.`, { file });
      }
      if (input.action === 'open') {
        switchTo(ctx.files, input.engagementId, file, probe.row);
      } else {
        await importCopy(ctx, input.engagementId, file, probe.row);
      }
    }
    ctx.emit({ type: 'changed', engagementId: null, tables: ['engagement_index'], command: ctx.command });
    return folderHealth(ctx.files);
  },

  'engagement.check': (ctx, input) => ctx.files.check(input.engagementId),
  'engagement.exportFile': (ctx, input) => exportEngagementFile(ctx, input),
  'engagement.importFile': (ctx, input) => importEngagementFile(ctx, input),
  'engagement.branding': async (ctx, input) => {
    const file = await ctx.files.get(input.engagementId);
    return brandingView(file.read, ctx.library.row(input.engagementId).client);
  },
  'engagement.setBranding': (ctx, input) => setBranding(ctx, input),

  'engagement.createSample': (ctx) => createSampleEngagement(ctx),
};

/**
 * Imports the other file of an engagement as an engagement of its own: backed up first (reason `import`),
 * then given a new id and "(copy)" after its client's name, in one audited change.
 */
async function importCopy(ctx: CommandContext, engagementId: string, file: string, row: EngagementRow): Promise<void> {
  const path = ctx.files.pathOf(file);
  const source = await ctx.files.openPath(path, false);
  try {
    await ctx.files.backups.create(engagementId, source, 'import');
    const id = ctx.newId();
    const copy = mutateFile(ctx, new EngagementFile(id, path, source), { entity: 'engagement', entityId: id }, (tx) => {
      const next: EngagementRow = { ...row, id, client: `${row.client} (copy)`.slice(0, 120), updated_at: tx.at };
      tx.run('UPDATE engagement SET id = @id, client = @client, updated_at = @updated_at WHERE id = @old', { id, client: next.client, updated_at: next.updated_at, old: row.id });
      return { result: next, before: { id: row.id, client: row.client, file }, after: { id, client: next.client, file } };
    });
    source.close();
    forgetCopy(ctx.files, engagementId, file);
    mirrorIndex(ctx, copy, file);
  } finally {
    if (source.open) source.close();
  }
}
