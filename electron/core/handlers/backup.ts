/**
 * backup.*: an engagement's backups (see ../backups.ts), what changed since each, and restoring one as a new
 * engagement or in place of the current file, which is backed up first so the restore can be undone.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupList } from '../../../shared/files';
import { ApiError } from '../../../shared/errors';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import { indexToSummary, type EngagementRow } from '../db/rows';
import { engagementFileName, type EngagementFile } from '../files';
import { LibraryIndex } from '../library';
import { libraryMutation, mutateFile, mutation } from '../mutation';
import type { HandlerMap } from '../registry';

/** Every table of an engagement file a screen shows: a restore in place changes all of them. */
const ALL_TABLES = ['engagement', 'business_unit', 'participant', 'assessment', 'rating', 'vote', 'action_item', 'evidence', 'evidence_link', 'attachment', 'workshop_session'];

async function currentFile(ctx: CommandContext, engagementId: string): Promise<EngagementFile | null> {
  try {
    return await ctx.files.get(engagementId);
  } catch {
    return null;
  }
}

/** Audit entries in the current file after the backup's last one. */
function changesSince(db: ReadHandle | null, lastSeq: number | null): BackupInfo['changesSince'] {
  if (!db || lastSeq === null) return null;
  try {
    const entries = db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE seq > ?', lastSeq)!.n;
    const last = db.get<{ at: string; actor: string; command: string }>('SELECT at, actor, command FROM audit_log WHERE seq > ? ORDER BY seq DESC LIMIT 1', lastSeq) ?? null;
    return { entries, last };
  } catch {
    return null;
  }
}

function mirror(ctx: CommandContext, row: EngagementRow, file: string): void {
  libraryMutation(ctx, 'engagement_index', (tx) => {
    LibraryIndex.upsert(tx, row, file);
    return { result: null };
  }, { audit: false });
}

export const backupHandlers: HandlerMap = {
  'backup.list': async (ctx, { engagementId }): Promise<BackupList> => {
    const row = ctx.library.row(engagementId);
    const file = await currentFile(ctx, engagementId);
    const damaged = ctx.library.read.get<{ damaged: string | null }>('SELECT damaged FROM engagement_index WHERE id = ?', engagementId)?.damaged ?? null;
    const db = file && !file.damaged ? file.read : null;
    const backups = ctx.files.backups.list(engagementId).map(({ lastSeq, ...b }) => ({ ...b, changesSince: changesSince(db, lastSeq) }));
    return {
      engagementId,
      client: row.client,
      folder: ctx.files.backups.folderOf(engagementId),
      backups,
      totalBytes: backups.reduce((n, b) => n + b.size, 0),
      capBytes: ctx.files.backups.capBytes,
      damaged: file?.damaged ?? damaged,
    };
  },

  'backup.create': async (ctx, { engagementId }) => {
    const file = await ctx.files.get(engagementId);
    if (file.damaged) {
      throw new ApiError('read_only', `${file.name} is damaged (${file.damaged}): a backup of it would be damaged too. Restore it from an earlier backup instead.`, { engagementId, file: file.name });
    }
    return ctx.files.backups.create(engagementId, file.connection(), 'manual');
  },

  'backup.restore': async (ctx, { engagementId, backupId, mode }) => {
    const row = ctx.library.row(engagementId);
    const source = ctx.files.backups.pathOf(engagementId, backupId);
    const takenOn = ctx.files.backups.info(engagementId, backupId)!.at.slice(0, 10);

    if (mode === 'new') {
      const id = ctx.newId();
      const file = engagementFileName(row.client, id);
      const restored = await ctx.files.createFile(id, file, (handle) =>
        mutateFile(ctx, handle, { entity: 'engagement', entityId: id }, (tx) => {
          const before = tx.get<EngagementRow>('SELECT * FROM engagement')!;
          const next: EngagementRow = { ...before, id, client: `${before.client} (restored ${takenOn})`.slice(0, 120), archived_at: null, updated_at: tx.at };
          tx.run('UPDATE engagement SET id = @id, client = @client, archived_at = NULL, updated_at = @updated_at WHERE id = @old', { id, client: next.client, updated_at: next.updated_at, old: before.id });
          return { result: next, before: { engagementId, backup: backupId }, after: { id, client: next.client } };
        }),
      source);
      mirror(ctx, restored, file);
      return { engagement: indexToSummary(ctx.library.row(id)), safetyBackup: null };
    }

    // In place: the current state is kept first, as a backup when the file is sound, as a copy when it is not.
    const current = await currentFile(ctx, engagementId);
    let safetyBackup: BackupInfo | null = null;
    if (current && !current.damaged) {
      safetyBackup = await ctx.files.backups.create(engagementId, current.connection(), 'before-restore');
    } else {
      const aside = join(ctx.files.backups.folderOf(engagementId), 'damaged');
      mkdirSync(aside, { recursive: true });
      copyFileSync(ctx.files.pathOf(row.file), join(aside, `${ctx.clock.at().replace(/[-:.]/g, '')}-${row.file}`));
    }
    await ctx.files.replaceFile(engagementId, source);
    const restored = await mutation(ctx, engagementId, { entity: 'engagement', entityId: engagementId }, (tx) => {
      tx.run('UPDATE engagement SET updated_at = ? WHERE id = ?', tx.at, engagementId);
      const after = tx.get<EngagementRow>('SELECT * FROM engagement')!;
      return { result: after, after: { restoredFrom: backupId, safetyBackup: safetyBackup?.id ?? null } };
    });
    mirror(ctx, restored, row.file);
    ctx.emit({ type: 'changed', engagementId, tables: ALL_TABLES, command: ctx.command });
    return { engagement: indexToSummary(ctx.library.row(engagementId)), safetyBackup };
  },
};
