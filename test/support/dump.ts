/**
 * A SQLite file as SQL text: schema in creation order, then the rows of every table. Shipped file
 * versions are kept this way as test fixtures (reviewable, no binary databases in the repository).
 * Full-text shadow tables are left out: the triggers rebuild them as the rows are inserted.
 */
import type Database from 'better-sqlite3';

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

export function dumpDatabase(db: Database.Database): string {
  const objects = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all() as { type: string; name: string; tbl_name: string; sql: string }[];
  const virtual = objects.filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql)).map((o) => o.name);
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  const kept = objects.filter((o) => !shadow(o.name));
  const lines = [
    `PRAGMA application_id = ${db.pragma('application_id', { simple: true }) as number};`,
    `PRAGMA user_version = ${db.pragma('user_version', { simple: true }) as number};`,
    'BEGIN;',
  ];
  // The whole schema first (its triggers fill the full-text tables as the rows go in), then the rows.
  for (const o of kept) lines.push(`${o.sql};`);
  for (const o of kept.filter((k) => k.type === 'table' && !virtual.includes(k.name))) {
    for (const row of db.prepare(`SELECT * FROM "${o.name}"`).all() as Record<string, unknown>[]) {
      const cols = Object.keys(row);
      lines.push(`INSERT INTO "${o.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => literal(row[c])).join(', ')});`);
    }
  }
  lines.push('COMMIT;');
  return `${lines.join('\n')}\n`;
}
