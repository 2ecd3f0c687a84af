// Captures the main screens with sample data into assets/screenshots/ (used by the README).
// Usage: npm run screenshots [-- --out DIR]
import { join } from 'node:path';
import { outputDir, startSession } from './screenshot-session.mjs';

const out = outputDir();
const session = await startSession();
const { url, call, browser } = session;

const { seed, shots } = await import('./screenshot-seed.mjs');
const context = await seed(call);

for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: scheme });
  for (const shot of shots(context)) {
    await page.goto(`${url}${shot.hash}`);
    await page.waitForLoadState('networkidle');
    if (shot.prepare) await shot.prepare(page);
    await page.waitForFunction("!document.body.innerText.includes('Loading')", undefined, { timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${shot.name}-${scheme}.png`) });
  }
  await page.close();
}
await session.close();
console.log(`Screenshots written to ${out}`);
