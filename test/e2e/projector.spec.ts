/** The room's screen: it fits every common projector without scrolling, reads from the back, and follows the room. */
import type { Browser } from '@playwright/test';
import { EngineApi, expectOnScreen, ProjectorPage, ROOM, seedRoom, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function openProjector(browser: Browser, url: string, engagementId: string, assessmentId: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${url}#/projector/${engagementId}/${assessmentId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('M2.1');
  return { page, projector: new ProjectorPage(page), close: () => context.close() };
}

/** Height in pixels of the initials drawn in a vote dot. */
const initialsHeight = (page: import('@playwright/test').Page) => page.locator('.vd-dot text').first().evaluate((el) => el.getBoundingClientRect().height);

test('the projector fits 1024x768, 1280x720 and 1920x1080 without scrolling, and its initials and chart grow with the screen', async ({ server, browser }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url));
  const measured: Record<string, { initials: number; chart: number }> = {};
  for (const size of SIZES) {
    const name = `${size.width}x${size.height}`;
    const { page, projector, close } = await openProjector(browser, server.url, engagementId, assessmentId, size);
    await expect(projector.score('Votes')).toHaveText('6');
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(overflow, `${name}: nothing below or beside the screen`).toEqual({ page: 0, wide: 0 });
    await expectOnScreen(projector.title, `${name}: title`);
    for (const level of [1, 5]) await expectOnScreen(page.locator(`.pj-levels .level-${level}`), `${name}: level ${level}`);
    const clipped = await page.locator('.pj-levels .level').evaluateAll((els) => els.filter((el) => el.scrollHeight > el.clientHeight + 1).length);
    expect(clipped, `${name}: level descriptors cut off`).toBe(0);
    await expectOnScreen(page.getByRole('img', { name: /^6 votes/ }), `${name}: vote chart`);
    for (const s of ['Votes', 'Median', 'Agreed', 'Target'] as const) await expectOnScreen(projector.score(s), `${name}: ${s}`);
    measured[name] = {
      initials: await initialsHeight(page),
      chart: await page.getByRole('img', { name: /^6 votes/ }).evaluate((el) => el.getBoundingClientRect().width),
    };
    await close();
  }
  const small = measured['1024x768']!;
  const large = measured['1920x1080']!;
  expect(large.initials, 'initials on a 1920 screen, in px').toBeGreaterThanOrEqual(20);
  expect(large.initials / small.initials, 'initials grow with the screen').toBeGreaterThan(1.4);
  expect(large.chart, 'vote chart width on a 1920 screen, in px').toBeGreaterThan(900);
});

test('a late arrival is ticked in during the session and votes in turn', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId, participants } = await seedRoom(api, { session: false, people: ROOM.slice(0, 4) });
  // Carla is not there when the workshop starts.
  await api.call('workshop.start', { engagementId, assessmentId, heldOn: '2026-11-20', modules: ['M1'], participantIds: participants.filter((p) => p.name !== ROOM[2]).map((p) => p.id), minutes: 120 });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.2');
  await expect(ws.votes.getByRole('row')).toHaveCount(3);

  await app.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: /Attendance/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Who is in the room' });
  await dialog.getByLabel(ROOM[2]!).check();
  await dialog.getByLabel(ROOM[0]!).uncheck();
  await dialog.getByRole('button', { name: 'Save attendance' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.votes.getByRole('row')).toHaveCount(3);
  await ws.keys('v');
  const state = app.getByRole('region', { name: 'Agreed score' }).getByRole('status');
  await expect(state).toContainText(`${ROOM[1]} votes now (1 of 3)`);
  await ws.keys('2');
  await expect(state).toContainText(`${ROOM[2]} votes now (2 of 3)`);
  await ws.keys('4');
  await expect(ws.voteOf(ROOM[2]!)).toHaveText('4');
  await expect(state).toContainText(`${ROOM[3]} votes now (3 of 3)`);
  // Aino comes back mid-round: she joins the order, and the turn stays with Dmitri.
  await app.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: /Attendance/ }).click();
  await dialog.getByLabel(ROOM[0]!).check();
  await dialog.getByRole('button', { name: 'Save attendance' }).click();
  await expect(dialog).toBeHidden();
  await expect(state).toContainText(`${ROOM[3]} votes now (4 of 4)`);
  await app.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: /Attendance/ }).click();
  await dialog.getByLabel(ROOM[0]!).uncheck();
  await dialog.getByRole('button', { name: 'Save attendance' }).click();
  await expect(state).toContainText(`${ROOM[3]} votes now (3 of 3)`);
  // The session’s record says who came and went: its first change is Carla in, Aino out.
  await app.getByRole('button', { name: 'Activity & sessions' }).click();
  await expect(app.getByRole('table', { name: 'Workshop sessions' })).toContainText(`${ROOM[1]}, ${ROOM[2]}, ${ROOM[3]}`);
  const change = app.getByRole('list', { name: 'Activity in this assessment' }).getByRole('listitem').filter({ hasText: 'Workshop changed' }).last();
  await expect(change).toContainText(`present ${ROOM[0]}, ${ROOM[1]}, ${ROOM[3]} → ${ROOM[1]}, ${ROOM[2]}, ${ROOM[3]}`);
});

test('blind voting hides the votes on the projector until they are revealed all at once', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await seedRoom(api, { session: false, people: ROOM.slice(0, 3) });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.3');
  await app.getByRole('button', { name: 'Start workshop' }).click();
  const dialog = app.getByRole('dialog', { name: 'Start workshop' });
  await dialog.getByLabel(/Blind voting/).check();
  await dialog.getByRole('button', { name: 'Start workshop' }).click();
  await expect(dialog).toBeHidden();

  const popup = app.waitForEvent('popup');
  await app.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: 'Open projector' }).click();
  const projector = new ProjectorPage(await popup);
  await expect(projector.title).toContainText('M1.3');
  await ws.keys('v', '3', '4');
  await expect(projector.score('Votes')).toHaveText('2');
  await expect(projector.page.getByText('2 of 3 have voted')).toBeVisible();
  await expect(projector.page.locator('.vd-dot')).toHaveCount(0);
  await expect(projector.score('Median')).not.toHaveText(/\d/);
  expect(await seriousA11yViolations(projector.page), 'the projector with hidden votes').toEqual([]);
  await ws.keys('5');
  await expect(projector.score('Votes')).toHaveText('3');
  await expect(projector.page.locator('.vd-dot')).toHaveCount(0);

  await ws.keys('b');
  await expect(projector.page.locator('.vd-dot')).toHaveCount(3);
  await expect(projector.score('Median')).toHaveText('4');
  // A new round on the capability hides the votes again.
  await ws.keys('v');
  await expect(projector.page.locator('.vd-dot')).toHaveCount(0);
  await projector.page.close();
});
