import { describe, expect, it } from 'vitest';
import { commandNames } from '../../shared/api';
import { handlers } from '../../electron/core/handlers';
import { buildRegistry, type HandlerMap } from '../../electron/core/registry';

describe('the command registry', () => {
  it('covers every command of the contract exactly once', () => {
    const registry = buildRegistry(handlers);
    expect(Object.keys(registry).sort()).toEqual([...commandNames].sort());
  });

  it('refuses to start with a command handled twice', () => {
    const twice: Record<string, HandlerMap> = { ...handlers, extra: { 'engagement.list': () => [] } };
    expect(() => buildRegistry(twice)).toThrow(/engagement\.list is handled twice: in engagement and in extra/);
  });

  it('refuses to start with a command that has no handler', () => {
    const { 'search.query': _dropped, ...rest } = handlers.search!;
    expect(() => buildRegistry({ ...handlers, search: rest })).toThrow(/Commands without a handler: search\.query/);
  });

  it('refuses a command kept in another noun\'s file', () => {
    const { 'vote.cast': cast, ...votes } = handlers.vote!;
    const misplaced = { ...handlers, vote: votes, assessment: { ...handlers.assessment, 'vote.cast': cast } as HandlerMap };
    expect(() => buildRegistry(misplaced)).toThrow(/vote\.cast belongs in handlers\/vote\.ts, not in handlers\/assessment\.ts/);
  });

  it('keeps every handler map in the file named for its noun', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('electron/core/handlers').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    for (const noun of Object.keys(handlers)) expect(files, noun).toContain(noun);
  });

  it('refuses a handler for a command the contract does not declare', () => {
    const stray = { ...handlers, extra: { 'engagement.explode': () => null } as unknown as HandlerMap };
    expect(() => buildRegistry(stray)).toThrow(/extra\/engagement\.explode is not a command/);
  });

  it('keeps every handler file small enough to read in one sitting (about 250 lines)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('electron/core/handlers').filter((x) => x.endsWith('.ts'))) {
      const lines = readFileSync(`electron/core/handlers/${f}`, 'utf8').split('\n').length;
      expect(lines, f).toBeLessThanOrEqual(260);
    }
  });
});
