/**
 * `npm run serve -- --port PORT --data-dir DIR`: browser mode. Prints exactly one line on stdout,
 * `Maturity Workbench at http://127.0.0.1:PORT/?token=TOKEN`; everything else goes to stderr.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openEngine } from './compose';
import { defaultDataDir, PRODUCT_NAME } from './paths';
import { startServer } from './http';

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; 'renderer-dir'?: string };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: npm run serve -- [--port PORT] [--data-dir DIR]`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const rendererDir = resolve(values['renderer-dir'] ?? resolve(__dirname, '..', 'renderer'));
  const engine = await openEngine({ dataDir, transport: 'http', version: process.env.npm_package_version });
  const server = await startServer({ engine, port, rendererDir });
  process.stdout.write(`${PRODUCT_NAME} at ${server.url}\n`);
  console.error(`Data folder: ${dataDir}`);

  const stop = () => {
    server
      .close()
      .then(() => engine.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`${PRODUCT_NAME} could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
