/** Each test gets a throwaway data folder and its own browser-mode server, which it can restart. */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export class AppServer {
  url = '';
  private child: ChildProcess | null = null;
  constructor(readonly dataDir: string) {}

  async start(): Promise<string> {
    const child = spawn(process.execPath, [resolve('dist/engine/serve.cjs'), '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    this.url = await new Promise<string>((resolveUrl, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolveUrl(line.replace(/^Maturity Workbench at /, '')));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise((r) => {
      child.once('exit', r);
      child.kill('SIGTERM');
    });
    this.child = null;
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }
}

export const test = base.extend<{ server: AppServer; app: Page }>({
  server: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mw-e2e-'));
    const server = new AppServer(dir);
    await server.start();
    await use(server);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Serious and critical accessibility violations on the current screen. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
