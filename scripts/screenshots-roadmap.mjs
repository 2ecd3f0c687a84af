// Captures the roadmap screens with a realistic sample roadmap into assets/screenshots/ (used by the
// README): the roadmap of a scenario, its costs and the scenario comparison, light and dark, 1280x800.
// Usage: node scripts/build.mjs && node scripts/screenshots-roadmap.mjs [--out DIR]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { seedRoadmap } from './roadmap-seed.mjs';

const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : 'assets/screenshots');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'mw-shots-'));
const server = spawn(process.execPath, ['dist/engine/serve.cjs', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => createInterface({ input: server.stdout }).once('line', (l) => r(l.replace(/^Maturity Workbench at /, ''))));
const { origin, searchParams } = new URL(url);
const token = searchParams.get('token');

async function call(command, input = {}) {
  const res = await fetch(`${origin}/api/${command}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${command}: ${body.error.message}`);
  return body.result;
}

const ctx = await seedRoadmap(call);
const shots = [
  { name: 'roadmap', hash: `#/e/${ctx.engagementId}/roadmap/plan/${ctx.base}` },
  { name: 'roadmap-costs', hash: `#/e/${ctx.engagementId}/roadmap/costs/${ctx.base}` },
  { name: 'roadmap-compare', hash: `#/e/${ctx.engagementId}/roadmap/compare` },
  { name: 'roadmap-initiatives', hash: `#/e/${ctx.engagementId}/roadmap/initiatives` },
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  for (const shot of shots) {
    await page.goto(`${url}${shot.hash}`);
    await page.waitForLoadState('networkidle');
    await page.waitForSelector('.rm-figure svg, table[aria-label="Initiatives"]', { timeout: 10_000 });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${shot.name}-${scheme}.png`) });
  }
  await page.close();
}
await browser.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
console.log(`Screenshots written to ${out}`);
