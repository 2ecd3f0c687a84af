/** A full disk, named: what could not be saved and how much room is left on the drive of the data folder. */
import { statfsSync } from 'node:fs';
import { ApiError } from '../../shared/errors';

/** Free bytes on the drive holding `dir` for this user, or null when the system cannot say. */
export function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1048576).toFixed(1)} MB`;
  return `${(n / 1073741824).toFixed(2)} GB`;
}

/** SQLite's "database or disk is full", the shared-memory index that found no room, or the system's ENOSPC. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_IOERR_SHMSIZE';
}

/** The `disk_full` error: `what` failed (a sentence subject such as "The change"), with the space left. */
export function diskFull(dataDir: string, what: string): ApiError {
  const free = freeBytes(dataDir);
  const left = free === null ? 'the space left could not be read' : `${formatBytes(free)} left`;
  return new ApiError(
    'disk_full',
    `${what} could not be saved: the disk holding the data folder is full (${left}). Nothing was half written; free some space and try again.`,
    { what, freeBytes: free, dataDir },
  );
}
