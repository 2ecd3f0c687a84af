/**
 * Where a framework comes from: the app's built-in versions, the consultant's custom frameworks (in the
 * library), and the copy an engagement file keeps of every non-built-in framework its assessments pin.
 * An assessment always reads the framework from its own file or the built-ins, so a file handed to a
 * colleague opens with the texts it was scored against.
 */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';
import { builtInFrameworks, findFramework } from '../../shared/framework';
import { parseFramework, type Framework } from '../../shared/framework/schema';
import type { ReadHandle, WriteHandle } from './db/handle';

const parsed = new Map<string, Framework>();

function parseStored(json: string, sha256: string): Framework {
  let fw = parsed.get(sha256);
  if (!fw) {
    fw = JSON.parse(json) as Framework;
    parsed.set(sha256, fw);
  }
  return fw;
}

export const sha256Of = (text: string): string => createHash('sha256').update(text).digest('hex');

export function isBuiltIn(id: string, version: string): boolean {
  return builtInFrameworks.some((f) => f.id === id && f.version === version);
}

/** The framework an engagement file knows by id and version: its own copy, else a built-in one. */
export function engagementFramework(db: ReadHandle, id: string, version: string): Framework | undefined {
  const copy = db.get<{ sha256: string }>('SELECT sha256 FROM framework_copy WHERE id = ? AND version = ?', id, version);
  if (copy) {
    const cached = parsed.get(copy.sha256);
    if (cached) return cached;
    const row = db.get<{ json: string }>('SELECT json FROM framework_copy WHERE id = ? AND version = ?', id, version)!;
    return parseStored(row.json, copy.sha256);
  }
  return findFramework(id, version);
}

/** Keeps a copy of a non-built-in framework in the engagement file (once per id and version). */
export function copyIntoEngagement(tx: WriteHandle, fw: Framework, at: string): void {
  if (isBuiltIn(fw.id, fw.version)) return;
  const json = JSON.stringify(fw);
  tx.run('INSERT INTO framework_copy (id, version, json, sha256, copied_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', fw.id, fw.version, json, sha256Of(json), at);
}

export interface CustomRow {
  id: string;
  version: string;
  name: string;
  json: string;
  created_at: string;
  updated_at: string;
  locked_at: string | null;
}

/** A custom framework of the library. */
export function customFramework(library: ReadHandle, id: string, version: string): { framework: Framework; row: CustomRow } | undefined {
  const row = library.get<CustomRow>('SELECT * FROM framework WHERE id = ? AND version = ?', id, version);
  return row ? { framework: parseStored(row.json, sha256Of(row.json)), row } : undefined;
}

export function customRows(library: ReadHandle): CustomRow[] {
  return library.all<CustomRow>('SELECT * FROM framework ORDER BY id, version');
}

/** A framework by id and version from anywhere the consultant has one: built-in first, then custom. */
export function anyFramework(library: ReadHandle, id: string | undefined, version: string | undefined): Framework | undefined {
  const builtIn = findFramework(id, version);
  if (builtIn) return builtIn;
  if (!id) return undefined;
  if (version) return customFramework(library, id, version)?.framework;
  const newest = library.all<{ version: string }>('SELECT version FROM framework WHERE id = ?', id).map((r) => r.version).sort(compareVersions).pop();
  return newest ? customFramework(library, id, newest)?.framework : undefined;
}

/** Semantic versions in order: 1.2.0 < 1.10.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Parses a framework file's text; every problem is named by its path. */
export function readFrameworkJson(text: string, fileName = 'the framework file'): Framework {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError('invalid_input', `${fileName} is not valid JSON: ${(err as Error).message}.`, { fields: [{ path: '(file)', message: 'not valid JSON' }] });
  }
  const result = parseFramework(value);
  if (!result.ok) {
    const shown = result.errors.slice(0, 12).map((e) => `${e.path}: ${e.message}`);
    const more = result.errors.length > shown.length ? ` (and ${result.errors.length - shown.length} more)` : '';
    throw new ApiError('invalid_input', `${fileName} is not a valid framework: ${shown.join('; ')}${more}.`, { fields: result.errors });
  }
  return result.framework;
}
