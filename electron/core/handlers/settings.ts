/** settings.*: the consultant's name (who the history names), the largest evidence file. */
import { libraryMutation } from '../mutation';
import type { HandlerMap } from '../registry';

export const settingsHandlers: HandlerMap = {
  'settings.get': (ctx) => ctx.settings(),

  'settings.update': (ctx, input) => {
    const before = ctx.settings();
    const changes = Object.entries(input).filter(([, v]) => v !== undefined);
    libraryMutation(ctx, 'settings', (tx) => {
      for (const [key, value] of changes) {
        tx.run('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
      }
      return { result: null, before, after: { ...before, ...Object.fromEntries(changes) } };
    });
    return ctx.settings();
  },
};
