/**
 * Maps every command of the contract to exactly one handler, kept in the file named for its noun
 * (`assessment.rate` in handlers/assessment.ts); parses input before a handler runs; maps errors.
 */
import Database from 'better-sqlite3';
import { api, commandNames, describeIssues, isCommandName, type CommandName, type ParsedInput, type Result } from '../../shared/api';
import { ApiError, type ApiErrorShape } from '../../shared/errors';
import type { CommandContext } from './context';

export type Handler<C extends CommandName> = (ctx: CommandContext, input: ParsedInput<C>) => Result<C> | Promise<Result<C>>;
export type HandlerMap = { [C in CommandName]?: Handler<C> };

export type Registry = { readonly [C in CommandName]: Handler<C> };

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/** The noun of a command: `assessment` for `assessment.rate`. */
export const nounOf = (command: string): string => command.slice(0, command.indexOf('.'));

/**
 * Joins the handler maps, one per noun. A command handled twice, not at all, or in another noun's
 * file stops start-up.
 */
export function buildRegistry(parts: Record<string, HandlerMap>): Registry {
  const owner = new Map<string, string>();
  const registry: Record<string, unknown> = {};
  for (const [part, handlers] of Object.entries(parts)) {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isCommandName(name)) throw new Error(`Handler ${part}/${name} is not a command of shared/api.ts`);
      const previous = owner.get(name);
      if (previous) throw new Error(`Command ${name} is handled twice: in ${previous} and in ${part}`);
      if (nounOf(name) !== part) throw new Error(`Command ${name} belongs in handlers/${nounOf(name)}.ts, not in handlers/${part}.ts`);
      owner.set(name, part);
      registry[name] = handler;
    }
  }
  const missing = commandNames.filter((name) => !owner.has(name));
  if (missing.length) throw new Error(`Commands without a handler: ${missing.join(', ')}`);
  return registry as Registry;
}

/** SQLite's result codes, mapped to what a person can act on. */
export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  if (err instanceof Database.SqliteError) {
    // Extended result codes (SQLITE_CORRUPT_VTAB, SQLITE_BUSY_SNAPSHOT, ...) count as their primary code.
    const code = err.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { code: 'conflict', message: 'That name is already used here.' };
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { code: 'conflict', message: 'That refers to something that does not exist or is still in use.' };
    // What the file's own rules refuse is bad input, not an engine fault (e.g. a name that is only a NUL character).
    if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_MISMATCH') {
      return { code: 'invalid_input', message: `A value is not allowed here (${err.message}). Nothing was saved.` };
    }
    if (code === 'SQLITE_TOOBIG') return { code: 'too_large', message: 'A value is larger than the file can hold. Nothing was saved.' };
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') return { code: 'disk_full', message: 'The disk is full: the change was not saved. Free some space and try again.' };
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ') {
      return { code: 'file_corrupt', message: 'The engagement file is damaged: the change was not saved.', details: { sqlite: err.message } };
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'conflict', message: 'The file is busy with another change; try again in a moment.' };
    if (code.startsWith('SQLITE_READONLY')) return { code: 'read_only', message: 'The file is open read-only: the change was not saved.' };
  }
  if ((err as { code?: unknown } | null)?.code === 'ENOSPC') return { code: 'disk_full', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Something went wrong in the engine: ${message}` };
}

/** Runs one command: unknown names and bad input are refused before any handler runs. */
export async function dispatch(registry: Registry, ctxFor: (command: CommandName) => CommandContext, name: string, raw: unknown): Promise<Outcome> {
  try {
    if (!isCommandName(name)) {
      throw new ApiError('unknown_command', `There is no command called "${name}".`, { command: name });
    }
    const parsed = api[name].input.safeParse(raw ?? {});
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error.issues);
      throw new ApiError('invalid_input', `${name}: ${message}`, { command: name, fields });
    }
    const handler = registry[name] as Handler<typeof name>;
    const result = await handler(ctxFor(name), parsed.data as never);
    return { ok: true, result };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === 'internal') console.error(`[engine] ${name}:`, err);
    return { ok: false, error };
  }
}
