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
