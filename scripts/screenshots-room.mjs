// Captures the workshop room with the sample data: the workspace in fast vote mode on a 1280x800 laptop, and the
// projector at 1024x768 and 1920x1080, into assets/screenshots/ (used by the README).
// Usage: node scripts/build.mjs && node scripts/screenshots-room.mjs [--out DIR]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { seed } from './screenshot-seed.mjs';

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

const { engagementId, assessmentId } = await seed(call);
// A room of six: three more people arrive and vote on M2.1.
const ids = { engagementId, assessmentId, capabilityId: 'M2.1' };
const late = [];
for (const [name, role] of [
  ['Priya Natarajan', 'Enterprise Architect'],
  ['Jonas Weber', 'Streaming Engineer'],
  ['Maria Rossi', 'Data Governance Lead'],
]) {
  late.push(await call('participant.add', { engagementId, name, role }));
}
for (const [i, p] of late.entries()) await call('vote.cast', { ...ids, participantId: p.id, currentLevel: [3, 2, 3][i], targetLevel: 4 });
const detail = await call('assessment.get', { engagementId, assessmentId });
const session = detail.sessions.find((s) => s.endedAt === null);
const everyone = (await call('engagement.get', { engagementId })).participants.map((p) => p.id);
await call('workshop.update', { engagementId, sessionId: session.id, participantIds: everyone });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

const laptop = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
await laptop.goto(`${url}#/e/${engagementId}/a/${assessmentId}/M2.1`);
await laptop.locator('#cap-title').waitFor();
await laptop.waitForLoadState('networkidle');
await laptop.keyboard.press('v');
await laptop.keyboard.press('3');
await laptop.keyboard.press('2');
await laptop.getByText('votes now (3 of 6)').waitFor();
await laptop.waitForTimeout(300);
await laptop.screenshot({ path: join(out, 'workspace-vote-1280x800.png') });
await laptop.close();

for (const [width, height, scheme] of [
  [1024, 768, 'light'],
  [1920, 1080, 'dark'],
]) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(`${url}#/projector/${engagementId}/${assessmentId}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `projector-${width}x${height}.png`) });
  await page.close();
}
await browser.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
console.log(`Workshop room screenshots written to ${out}`);
