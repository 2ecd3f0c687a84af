// Captures the workshop room with the sample data: the workspace in fast vote mode on a 1280x800 laptop, and the
// projector at 1024x768 and 1920x1080, into assets/screenshots/ (used by the README).
// Usage: node scripts/build.mjs && node scripts/screenshots-room.mjs [--out DIR]
import { join } from 'node:path';
import { outputDir, startSession } from './screenshot-session.mjs';
import { seed } from './screenshot-seed.mjs';

const out = outputDir();
const session = await startSession();
const { url, call, browser } = session;

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
const running = detail.sessions.find((s) => s.endedAt === null);
const everyone = (await call('engagement.get', { engagementId })).participants.map((p) => p.id);
await call('workshop.update', { engagementId, sessionId: running.id, participantIds: everyone });


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
await session.close();
console.log(`Workshop room screenshots written to ${out}`);
