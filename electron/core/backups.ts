/**
 * Backups of engagement files, taken with SQLite's backup API into `backups/<engagement id>/` of the data
 * folder, one file per backup named by its time and reason (`20261120T093000123Z-daily.mwb`). Each copy is
 * checked with `integrity_check` once written (a copy that fails is deleted, and the caller is told), then
 * the folder is rotated: the newest backup of each of the last 7 days, 4 weeks and 12 months is kept, with
 * every backup of today, and the oldest go first when the folder passes its size cap.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';
import { backupReasons, type BackupInfo, type BackupReason } from '../../shared/files';
import type { Clock } from './clock';
import type { Db } from './db/sqlite';
import { diskFull, isDiskFull } from './disk';
import { checkIntegrity } from './probe';

export const BACKUP_EXT = '.mwb';
const NAME = /^(\d{8}T\d{9}Z|\d{8}T\d{6}Z)-([a-z-]+?)(?:-v(\d+))?\.mwb$/;

export const ROTATION = { days: 7, weeks: 4, months: 12 } as const;
/** Default cap on one engagement's backups; the newest backup is kept whatever its size. */
export const DEFAULT_BACKUP_CAP_BYTES = 2 * 1024 * 1024 * 1024;

export interface BackupStoreOptions {
  dir: string;
  dataDir: string;
  clock: Clock;
  capBytes?: number;
  nativeBinding?: string;
}

interface Parsed {
  id: string;
  at: Date;
  reason: BackupReason;
  version: number | null;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function parseName(id: string): Parsed | null {
  const m = NAME.exec(id);
  if (!m || !(backupReasons as readonly string[]).includes(m[2]!)) return null;
  const s = m[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.length > 16 ? s.slice(15, 18) : '000'}Z`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return { id, at, reason: m[2] as BackupReason, version: m[3] ? Number(m[3]) : null };
}

/** ISO week of a date (UTC), as `2026-W47`. */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which backups rotation keeps, given newest-first entries with their sizes: every backup of `today`, the
 * newest of each of the last 7 days, 4 ISO weeks and 12 months that have one; then, over the cap, the oldest
 * kept ones go first (never the newest).
 */
export function rotationKeeps(entries: { id: string; at: Date; size: number }[], today: string, capBytes: number): Set<string> {
  const sorted = [...entries].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  const periods: [number, (d: Date) => string][] = [
    [ROTATION.days, (d) => d.toISOString().slice(0, 10)],
    [ROTATION.weeks, isoWeek],
    [ROTATION.months, (d) => d.toISOString().slice(0, 7)],
  ];
  for (const e of sorted) if (e.at.toISOString().slice(0, 10) === today) keep.add(e.id);
  for (const [count, period] of periods) {
    const seen = new Set<string>();
    for (const e of sorted) {
      const p = period(e.at);
      if (seen.has(p)) continue;
      if (seen.size >= count) break;
      seen.add(p);
      keep.add(e.id);
    }
  }
  const kept = sorted.filter((e) => keep.has(e.id));
  let total = kept.reduce((n, e) => n + e.size, 0);
  for (let i = kept.length - 1; i > 0 && total > capBytes; i--) {
    keep.delete(kept[i]!.id);
    total -= kept[i]!.size;
  }
  return keep;
}

export class BackupStore {
  readonly capBytes: number;
  private readonly pending = new Map<string, Promise<unknown>>();
  /** Last audit entry of each backup, read once: a backup never changes. */
  private readonly lastSeq = new Map<string, { seq: number; version: number }>();

  constructor(private readonly opts: BackupStoreOptions) {
    this.capBytes = opts.capBytes ?? DEFAULT_BACKUP_CAP_BYTES;
  }

  folderOf(engagementId: string): string {
    return join(this.opts.dir, engagementId);
  }

  pathOf(engagementId: string, backupId: string): string {
    if (!parseName(backupId)) throw new ApiError('invalid_input', `backupId: ${backupId} is not the name of a backup.`, { fields: [{ path: 'backupId', message: 'not a backup name' }] });
    const path = join(this.folderOf(engagementId), backupId);
    if (!existsSync(path)) throw new ApiError('not_found', `There is no backup ${backupId} of this engagement.`, { engagementId, backupId });
    return path;
  }

  /**
   * Takes a backup of an open connection through SQLite's backup API, checks it and rotates the folder.
   * A `migration` backup replaces an earlier one taken before the same version's migration.
   */
  create(engagementId: string, source: Db, reason: BackupReason, fileVersion?: number): Promise<BackupInfo> {
    const previous = this.pending.get(engagementId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.write(engagementId, source, reason, fileVersion));
    this.pending.set(engagementId, run);
    void run.finally(() => {
      if (this.pending.get(engagementId) === run) this.pending.delete(engagementId);
    }).catch(() => undefined);
    return run;
  }

  /** Waits for the backups being written for an engagement. */
  async settle(engagementId: string): Promise<void> {
    await this.pending.get(engagementId)?.catch(() => undefined);
  }

  private async write(engagementId: string, source: Db, reason: BackupReason, fileVersion?: number): Promise<BackupInfo> {
    const folder = this.folderOf(engagementId);
    const version = fileVersion ?? (source.pragma('user_version', { simple: true }) as number);
    const nameAt = (d: Date) => `${stamp(d)}-${reason}${reason === 'migration' ? `-v${version}` : ''}${BACKUP_EXT}`;
    // Two backups never share a name: a second one in the same millisecond is named a millisecond later.
    let at = this.opts.clock.now();
    while (this.entries(engagementId).some((e) => e.at.getTime() === at.getTime())) at = new Date(at.getTime() + 1);
    const id = nameAt(at);
    const tmp = join(folder, `.${id}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      await source.backup(tmp);
      const copy = new Database(tmp, { nativeBinding: this.opts.nativeBinding });
      let problem: string | null;
      try {
        // A backup is a single file: no write-ahead log beside it.
        copy.pragma('journal_mode = DELETE');
        problem = checkIntegrity(copy, true);
      } finally {
        copy.close();
      }
      if (problem) {
        rmSync(tmp, { force: true });
        throw new ApiError('file_corrupt', `The backup just taken failed its integrity check and was deleted (${problem}). The engagement file may be damaged: check it from the Backups screen.`, {
          engagementId,
          reason: problem,
        });
      }
      renameSync(tmp, join(folder, id));
    } catch (err) {
      rmSync(tmp, { force: true });
      if (isDiskFull(err)) throw diskFull(this.opts.dataDir, 'The backup');
      throw err;
    }
    if (reason === 'migration') {
      for (const other of this.entries(engagementId)) if (other.reason === 'migration' && other.version === version && other.id !== id) this.remove(engagementId, other.id);
    }
    this.rotate(engagementId);
    return this.info(engagementId, id)!;
  }

  private entries(engagementId: string): (Parsed & { size: number })[] {
    const folder = this.folderOf(engagementId);
    if (!existsSync(folder)) return [];
    return readdirSync(folder).flatMap((f) => {
      const p = parseName(f);
      if (!p) return [];
      const size = statSync(join(folder, f), { throwIfNoEntry: false })?.size;
      return size === undefined ? [] : [{ ...p, size }];
    });
  }

  private remove(engagementId: string, id: string): void {
    rmSync(join(this.folderOf(engagementId), id), { force: true });
    this.lastSeq.delete(`${engagementId}/${id}`);
  }

  rotate(engagementId: string): void {
    const entries = this.entries(engagementId);
    const keep = rotationKeeps(entries, this.opts.clock.today(), this.capBytes);
    for (const e of entries) if (!keep.has(e.id)) this.remove(engagementId, e.id);
  }

  /** The backup's last audit entry and format version, read from the copy once. */
  private meta(engagementId: string, id: string): { seq: number; version: number } | null {
    const key = `${engagementId}/${id}`;
    const cached = this.lastSeq.get(key);
    if (cached) return cached;
    try {
      const db = new Database(join(this.folderOf(engagementId), id), { readonly: true, fileMustExist: true, nativeBinding: this.opts.nativeBinding });
      try {
        const seq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
        const meta = { seq, version: db.pragma('user_version', { simple: true }) as number };
        this.lastSeq.set(key, meta);
        return meta;
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  }

  info(engagementId: string, id: string): BackupInfo | null {
    const p = parseName(id);
    const size = statSync(join(this.folderOf(engagementId), id), { throwIfNoEntry: false })?.size;
    if (!p || size === undefined) return null;
    return { id, engagementId, at: p.at.toISOString(), reason: p.reason, fileVersion: this.meta(engagementId, id)?.version ?? p.version ?? 0, size, changesSince: null };
  }

  /** The engagement's backups, newest first, each with the seq of its last audit entry (for "changed since"). */
  list(engagementId: string): (BackupInfo & { lastSeq: number | null })[] {
    return this.entries(engagementId)
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .flatMap((e) => {
        const info = this.info(engagementId, e.id);
        return info ? [{ ...info, lastSeq: this.meta(engagementId, e.id)?.seq ?? null }] : [];
      });
  }

  totalBytes(engagementId: string): number {
    return this.entries(engagementId).reduce((n, e) => n + e.size, 0);
  }

  /** Whether a backup of `reason` was taken on the engine's today. */
  takenToday(engagementId: string, reason: BackupReason): boolean {
    const today = this.opts.clock.today();
    return this.entries(engagementId).some((e) => e.reason === reason && e.at.toISOString().slice(0, 10) === today);
  }

  /** Removes an engagement's backups (when the engagement is deleted); waits for one being written first. */
  async removeAll(engagementId: string): Promise<void> {
    await this.settle(engagementId);
    rmSync(this.folderOf(engagementId), { recursive: true, force: true });
    for (const key of [...this.lastSeq.keys()]) if (key.startsWith(`${engagementId}/`)) this.lastSeq.delete(key);
  }

  /** Removes copies a crash left half-written (`.<name>.tmp`). */
  cleanUp(): void {
    if (!existsSync(this.opts.dir)) return;
    for (const folder of readdirSync(this.opts.dir, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      const path = join(this.opts.dir, folder.name);
      for (const f of readdirSync(path)) if (f.startsWith('.') && f.endsWith('.tmp')) rmSync(join(path, f), { force: true });
    }
  }
}
