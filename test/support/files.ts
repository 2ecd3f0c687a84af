/** Damaging, copying and reading engagement files on disk, as a disk fault, a sync tool or a crash leaves them. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Harness } from './engine';

export function engagementFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'engagements'))
    .filter((f) => f.endsWith('.mwb'))
    .sort();
}

export function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Stops the engine (a clean close: the write-ahead log is folded into the file), runs `fn`, starts it again. */
export async function whileStopped(h: Harness, fn: () => void | Promise<void>): Promise<void> {
  await h.server.close();
  h.engine.close();
  await fn();
  await h.restart();
}

/** The first page of a table's b-tree, and the file's page size. */
export function rootPage(file: string, table: string): { page: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    const page = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = ? AND type = 'table'").get(table) as { rootpage: number }).rootpage;
    return { page, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** Overwrites one page with garbage, as a bad sector or a torn copy leaves it. */
export function writeGarbagePage(file: string, table: string): void {
  const { page, pageSize } = rootPage(file, table);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0x41), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Flips every bit of the page-type byte of a table's b-tree page header. */
export function flipPageHeader(file: string, table: string): void {
  const { page, pageSize } = rootPage(file, table);
  const offset = (page - 1) * pageSize + (page === 1 ? 100 : 0);
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, offset);
    byte[0] = byte[0]! ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

export function truncateToHalf(file: string): void {
  const size = statSync(file).size;
  truncateSync(file, Math.floor(size / 2));
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/**
 * Changes one letter of a key in an index, leaving every page well formed: `quick_check` passes, only the
 * full `integrity_check` (which compares indexes with their tables) finds it.
 */
export function corruptIndexKey(file: string, index: string, key: string): void {
  const db = new Database(file, { readonly: true });
  const { page, pageSize } = (() => {
    try {
      const rootpage = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = ? AND type = 'index'").get(index) as { rootpage: number }).rootpage;
      return { page: rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
    } finally {
      db.close();
    }
  })();
  const bytes = readFileSync(file);
  const start = (page - 1) * pageSize;
  const at = bytes.subarray(start, start + pageSize).indexOf(key);
  if (at < 0) throw new Error(`${key} is not in the first page of ${index}`);
  bytes[start + at] = bytes[start + at]! + 1;
  writeFileSync(file, bytes);
}
