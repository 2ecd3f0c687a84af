/**
 * framework.*: the frameworks a consultant scores against. Built-in versions ship with the app; custom
 * frameworks are copies kept in the library, edited and versioned; one that an assessment has pinned is
 * locked and can only be saved as a new version. Files exchanged as JSON are validated by the same schema.
 */
import { ApiError } from '../../../shared/errors';
import { builtInFrameworks } from '../../../shared/framework';
import { summarize, type Framework, type FrameworkSummary } from '../../../shared/framework/schema';
import type { CommandContext } from '../context';
import {
  anyFramework,
  customFramework,
  customRows,
  engagementFramework,
  isBuiltIn,
  readFrameworkJson,
  sha256Of,
} from '../frameworks';
import { libraryMutation } from '../mutation';
import type { HandlerMap } from '../registry';

function summaryOf(ctx: CommandContext, id: string, version: string): FrameworkSummary {
  const custom = customFramework(ctx.library.read, id, version);
  if (!custom) throw new ApiError('not_found', `No custom framework ${id} ${version}.`, { frameworkId: id, version });
  return { ...summarize(custom.framework, false), locked: custom.row.locked_at !== null };
}

function mustFind(ctx: CommandContext, id: string, version: string | undefined): Framework {
  const fw = anyFramework(ctx.library.read, id, version);
  if (!fw) throw new ApiError('not_found', `No framework ${id}${version ? ` ${version}` : ''} is installed or saved here.`, { frameworkId: id, version });
  return fw;
}

/** Stores a validated custom framework: a new id or version, or an unlocked draft saved in place. */
function store(ctx: CommandContext, fw: Framework): FrameworkSummary {
  if (isBuiltIn(fw.id, fw.version)) {
    throw new ApiError('conflict', `${fw.name} ${fw.version} ships with the app and cannot be changed: copy it, or give your framework another id or version.`, {
      fields: [{ path: 'version', message: 'a built-in version' }],
    });
  }
  const existing = customFramework(ctx.library.read, fw.id, fw.version);
  const json = JSON.stringify(fw);
  if (existing?.row.locked_at) {
    if (sha256Of(existing.row.json) === sha256Of(json)) return summaryOf(ctx, fw.id, fw.version);
    throw new ApiError('conflict', `${fw.name} ${fw.version} is in use by an assessment: save your changes as a new version (for example ${nextVersion(fw.version)}).`, {
      fields: [{ path: 'version', message: 'in use by an assessment' }],
    });
  }
  libraryMutation(ctx, 'framework', (tx) => {
    const at = ctx.clock.at();
    tx.run(
      `INSERT INTO framework (id, version, name, json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id, version) DO UPDATE SET name = excluded.name, json = excluded.json, updated_at = excluded.updated_at`,
      fw.id, fw.version, fw.name, json, at, at,
    );
    return { result: null, before: existing ? { id: fw.id, version: fw.version } : undefined, after: { id: fw.id, version: fw.version, name: fw.name } };
  });
  return summaryOf(ctx, fw.id, fw.version);
}

function nextVersion(v: string): string {
  const [major, minor] = v.split('.').map(Number);
  return `${major}.${(minor ?? 0) + 1}.0`;
}

export const frameworkHandlers: HandlerMap = {
  'framework.list': (ctx) => [
    ...builtInFrameworks.map((fw) => summarize(fw)),
    ...customRows(ctx.library.read).map((r) => ({ ...summarize(JSON.parse(r.json) as Framework, false), locked: r.locked_at !== null })),
  ],

  'framework.get': async (ctx, input) => {
    if (input.engagementId && input.frameworkId && input.version) {
      const fw = engagementFramework((await ctx.files.get(input.engagementId)).read, input.frameworkId, input.version);
      if (fw) return fw;
    }
    const fw = anyFramework(ctx.library.read, input.frameworkId, input.version);
    if (!fw) throw new ApiError('not_found', `No framework ${input.frameworkId ?? ''} ${input.version ?? ''} is installed.`.replace(/\s+/g, ' ').replace(/ \.$/, '.'), input);
    return fw;
  },

  'framework.copy': (ctx, input) => {
    const source = mustFind(ctx, input.frameworkId, input.version);
    if (anyFramework(ctx.library.read, input.id, undefined)) {
      throw new ApiError('conflict', `A framework with the id ${input.id} already exists: choose another id.`, { fields: [{ path: 'id', message: 'already used' }] });
    }
    const { basedOn: _from, ...rest } = source;
    return store(ctx, { ...rest, id: input.id, name: input.name, version: '1.0.0', basedOn: { id: source.id, version: source.version } });
  },

  'framework.save': (ctx, input) => store(ctx, readFrameworkJson(JSON.stringify(input.framework ?? null), 'The framework')),

  'framework.import': (ctx, input) => store(ctx, readFrameworkJson(input.json, input.fileName ?? 'The framework file')),

  'framework.export': (ctx, input) => {
    const fw = mustFind(ctx, input.frameworkId, input.version);
    return { fileName: `${fw.id}-${fw.version}.json`, json: `${JSON.stringify(fw, null, 2)}\n` };
  },

  'framework.remove': (ctx, input) => {
    const custom = customFramework(ctx.library.read, input.frameworkId, input.version);
    if (!custom) {
      throw new ApiError(isBuiltIn(input.frameworkId, input.version) ? 'conflict' : 'not_found', `${input.frameworkId} ${input.version} is not a custom framework that can be removed.`);
    }
    if (custom.row.locked_at) throw new ApiError('conflict', `${custom.framework.name} ${input.version} is in use by an assessment and cannot be removed.`);
    libraryMutation(ctx, 'framework', (tx) => {
      tx.run('DELETE FROM framework WHERE id = ? AND version = ?', input.frameworkId, input.version);
      return { result: null, before: { id: input.frameworkId, version: input.version, name: custom.framework.name } };
    });
    return { id: input.frameworkId, version: input.version };
  },
};
