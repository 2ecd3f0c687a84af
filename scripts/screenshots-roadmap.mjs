// Captures the roadmap screens with a realistic sample roadmap into assets/screenshots/ (used by the
// README): the roadmap of a scenario, its costs and the scenario comparison, light and dark, 1280x800.
// Usage: node scripts/build.mjs && node scripts/screenshots-roadmap.mjs [--out DIR]
import { join } from 'node:path';
import { outputDir, startSession } from './screenshot-session.mjs';
import { seedRoadmap } from './roadmap-seed.mjs';

const out = outputDir();
const session = await startSession();
const { url, call, browser } = session;

const ctx = await seedRoadmap(call);
const shots = [
  { name: 'roadmap', hash: `#/e/${ctx.engagementId}/roadmap/plan/${ctx.base}` },
  { name: 'roadmap-costs', hash: `#/e/${ctx.engagementId}/roadmap/costs/${ctx.base}` },
  { name: 'roadmap-compare', hash: `#/e/${ctx.engagementId}/roadmap/compare` },
  { name: 'roadmap-initiatives', hash: `#/e/${ctx.engagementId}/roadmap/initiatives` },
];
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
await session.close();
console.log(`Screenshots written to ${out}`);
