/** Maps every command of the contract to exactly one handler; parses input before a handler runs. */
import { api, commandNames, describeIssues, isCommandName, type CommandName, type ParsedInput, type Result } from '../../shared/api';
import { ApiError, type ApiErrorShape } from '../../shared/errors';
import type { Engine } from './engine';

export type Handler<C extends CommandName> = (input: ParsedInput<C>, engine: Engine) => Result<C> | Promise<Result<C>>;
export type HandlerMap = { [C in CommandName]?: Handler<C> };

export type Registry = { readonly [C in CommandName]: Handler<C> };

export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorShape };

/** Joins handler maps; a command handled twice or not at all stops start-up. */
export function buildRegistry(parts: Record<string, HandlerMap>): Registry {
  const owner = new Map<string, string>();
  const registry: Record<string, unknown> = {};
  for (const [part, handlers] of Object.entries(parts)) {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isCommandName(name)) throw new Error(`Handler ${part}/${name} is not a command of shared/api.ts`);
      const previous = owner.get(name);
      if (previous) throw new Error(`Command ${name} is handled twice: in ${previous} and in ${part}`);
      owner.set(name, part);
      registry[name] = handler;
    }
  }
  const missing = commandNames.filter((name) => !owner.has(name));
  if (missing.length) throw new Error(`Commands without a handler: ${missing.join(', ')}`);
  return registry as Registry;
}

export function toErrorShape(err: unknown): ApiErrorShape {
  if (err instanceof ApiError) return err.toJSON();
  const message = err instanceof Error ? err.message : String(err);
  if (/UNIQUE constraint failed/.test(message)) return { code: 'conflict', message: 'That name is already used here.' };
  if (/FOREIGN KEY constraint failed/.test(message))
    return { code: 'conflict', message: 'That refers to something that does not exist or is still in use.' };
  return { code: 'internal', message: `Something went wrong in the engine: ${message}` };
}

/** Runs one command: unknown names and bad input are refused before any handler runs. */
export async function dispatch(registry: Registry, engine: Engine, name: string, raw: unknown): Promise<Outcome> {
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
    const result = await handler(parsed.data as never, engine);
    return { ok: true, result };
  } catch (err) {
    const error = toErrorShape(err);
    if (error.code === 'internal') console.error(`[engine] ${name}:`, err);
    return { ok: false, error };
  }
}
