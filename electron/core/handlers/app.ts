import { ApiError } from '../../../shared/errors';
import { builtInFrameworks, findFramework } from '../../../shared/framework';
import { summarize } from '../../../shared/framework/schema';
import type { HandlerMap } from '../registry';

export const appHandlers: HandlerMap = {
  'app.info': (_input, engine) => ({
    name: 'Maturity Workbench',
    version: engine.version,
    dataDir: engine.dataDir,
    transport: engine.transport,
  }),

  'settings.get': (_input, engine) => engine.settings(),

  'settings.update': (input, engine) => {
    const before = engine.settings();
    const changes = Object.entries(input).filter(([, v]) => v !== undefined);
    engine.writeLibrary({ command: 'settings.update', entity: 'settings', tables: ['setting'] }, () => {
      const put = engine.library.prepare(
        'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      for (const [key, value] of changes) put.run(key, JSON.stringify(value));
      return { result: null, before, after: { ...before, ...Object.fromEntries(changes) } };
    });
    engine.settingsChanged();
    return engine.settings();
  },

  'framework.list': () => builtInFrameworks.map((fw) => summarize(fw)),

  'framework.get': (input) => {
    const fw = findFramework(input.frameworkId, input.version);
    if (!fw) {
      throw new ApiError('not_found', `No framework ${input.frameworkId ?? ''} ${input.version ?? ''} is installed.`.replace(/\s+/g, ' '), input);
    }
    return fw;
  },
};
