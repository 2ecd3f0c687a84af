// Captures the Results, Trend and Portfolio screens, light and dark at 1280x800, on a generated portfolio
// (40 engagements x 6 quarters, test/support/portfolio.ts) into assets/screenshots/ (used by the README).
// Usage: node scripts/build.mjs && node scripts/results-screenshots.mjs [--out DIR]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadGenerator } from './portfolio-generator.mjs';

const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : 'assets/screenshots');
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'mw-results-shots-'));
const { generatePortfolio } = await loadGenerator();
const { engagements } = await generatePortfolio({ dataDir, engagements: 40, assessments: 6, raters: 6, seed: 20261120 });
const shown = engagements.find((e) => e.client === 'Northwind Bank') ?? engagements[0];
const latest = shown.assessments[shown.assessments.length - 1];

const server = spawn(process.execPath, ['dist/engine/serve.cjs', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => createInterface({ input: server.stdout }).once('line', (l) => r(l.replace(/^Maturity Workbench at /, ''))));
const shots = [
  { name: 'results', hash: `#/e/${shown.id}/a/${latest.id}/results`, ready: `[data-results-for="${latest.id}"] svg.radar` },
  { name: 'trend', hash: `#/e/${shown.id}/trend`, ready: `[data-trend-for="${shown.id}"] svg.trend` },
  { name: 'portfolio', hash: `#/portfolio/${shown.id}`, ready: `[data-portfolio-for="${shown.id}"] svg.boxplots` },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
  for (const shot of shots) {
    await page.goto(`${url}${shot.hash}`);
    await page.locator(shot.ready).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${shot.name}-${scheme}.png`) });
  }
  await page.close();
}
await browser.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
console.log(`Screenshots written to ${out}`);
