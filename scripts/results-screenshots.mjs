// Captures the Results, Trend and Portfolio screens, light and dark at 1280x800, on a generated portfolio
// (40 engagements x 6 quarters, test/support/portfolio.ts) into assets/screenshots/ (used by the README).
// Usage: node scripts/build.mjs && node scripts/results-screenshots.mjs [--out DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputDir, startSession } from './screenshot-session.mjs';
import { loadGenerator } from './portfolio-generator.mjs';

const out = outputDir();
const dataDir = mkdtempSync(join(tmpdir(), 'mw-results-shots-'));
const { generatePortfolio } = await loadGenerator();
const { engagements } = await generatePortfolio({ dataDir, engagements: 40, assessments: 6, raters: 6, seed: 20261120 });
const shown = engagements.find((e) => e.client === 'Northwind Bank') ?? engagements[0];
const latest = shown.assessments[shown.assessments.length - 1];

const session = await startSession({ dataDir });
const { url, browser } = session;
const shots = [
  { name: 'results', hash: `#/e/${shown.id}/a/${latest.id}/results`, ready: `[data-results-for="${latest.id}"] svg.radar` },
  { name: 'trend', hash: `#/e/${shown.id}/trend`, ready: `[data-trend-for="${shown.id}"] svg.trend` },
  { name: 'portfolio', hash: `#/portfolio/${shown.id}`, ready: `[data-portfolio-for="${shown.id}"] svg.boxplots` },
];

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
await session.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`Screenshots written to ${out}`);
