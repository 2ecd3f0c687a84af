import { defineConfig, type Plugin } from 'vitest/config';

/** Loads .sql migrations as text, as the esbuild bundle does. */
function sqlText(): Plugin {
  return {
    name: 'sql-text',
    transform(code, id) {
      if (id.endsWith('.sql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
      return undefined;
    },
  };
}

export default defineConfig({
  plugins: [sqlText()],
  test: {
    projects: [
      { plugins: [sqlText()], test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        // The renderer's logic (stores, keyboard, workspace model, router) in a DOM without a browser; the engine is
        // out of reach there, so these tests stand in for `invoke` (renderer/src/api.ts) and never for our database.
        test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        plugins: [sqlText()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          pool: 'forks',
        },
      },
    ],
  },
});
