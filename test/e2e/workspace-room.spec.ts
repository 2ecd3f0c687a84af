/**
 * The workshop in front of a client, on a 1280x800 laptop: everything a key does is visible where the facilitator
 * looks, nothing scores a capability that is off screen, and the workspace fits without scrolling.
 */
import { EngineApi, expectOnScreen, ROOM, seedRoom, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

const scorePanel = (ws: WorkspacePage) => ws.page.getByRole('region', { name: 'Agreed score' });

test('the workspace shows the score panel, the votes and the evidence at 1280x800 without scrolling, with actions and history in tabs', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url));
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await expect(app.getByRole('list', { name: 'Linked evidence' }).getByRole('listitem')).toHaveCount(3);
  await expect(ws.votes.getByRole('row')).toHaveCount(6);

  await expectOnScreen(ws.heading, 'the capability title');
  await expectOnScreen(scorePanel(ws), 'the score panel');
  await expectOnScreen(ws.votes, 'the votes of all six people');
  await expectOnScreen(app.locator('.stats'), 'the median and spread');
  await expectOnScreen(app.getByRole('list', { name: 'Linked evidence' }), 'the evidence list');
  expect(await app.locator('#ws-main').evaluate((el) => el.scrollTop)).toBe(0);
  // Confidence, priority and owner are part of the score panel.
  for (const name of ['Confidence', 'Priority']) await expect(scorePanel(ws).getByRole('group', { name })).toBeVisible();
  await expect(scorePanel(ws).getByLabel('Owner')).toBeVisible();

  // Descriptors are compact, and open in full on request.
  const more = app.getByRole('button', { name: 'Full descriptors' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const compact = await app.getByRole('list', { name: 'Maturity levels' }).evaluate((el) => el.getBoundingClientRect().height);
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  expect(await app.getByRole('list', { name: 'Maturity levels' }).evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(compact * 1.5);

  // Actions and history are tabs below.
  await expect(app.getByRole('tab', { name: 'Actions (1)' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('list', { name: 'Action items' }).getByRole('textbox', { name: 'Action', exact: true })).toHaveValue('Derive partition counts from peak throughput');
  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('list', { name: 'History of M2.1' })).toContainText('Aino Virtanen');
});

test('fast vote mode shows in the score panel who votes now, the count and how to leave it', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.2');

  await ws.keys('v');
  const state = scorePanel(ws).getByRole('status');
  await expect(state).toContainText(`${ROOM[0]} votes now (1 of 6)`);
  await expect(state).toContainText('Esc');
  await expectOnScreen(state, 'the voting state');
  expect(await seriousA11yViolations(app), 'the workspace in fast vote mode').toEqual([]);
  await ws.keys('3');
  await expect(state).toContainText(`${ROOM[1]} votes now (2 of 6)`);
  // The agreed score was not touched by the vote.
  await expect(ws.pressedLevel('Current')).toHaveCount(0);
  await ws.keys('Escape');
  await expect(state).not.toContainText('votes now');
  await expect(ws.voteOf(ROOM[0]!)).toHaveText('3');
});

test('moving to another capability brings its title and score panel into view', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await app.locator('#ws-main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => app.locator('#ws-main').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  await ws.keys('j');
  await expect(ws.heading).toContainText('M2.2');
  await expectOnScreen(ws.heading, 'the next capability’s title');
  await expectOnScreen(scorePanel(ws), 'the next capability’s score panel');
  await ws.keys('4');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^4 /);
});

test('A adds an action with Enter and hands the keyboard back; Esc leaves the field', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.3');

  await ws.keys('a');
  const field = app.getByLabel('New action (A)');
  await expect(field).toBeFocused();
  await app.keyboard.type('Name an owner for consumer lag alerts');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('list', { name: 'Action items' }).getByRole('textbox', { name: 'Action', exact: true })).toHaveValue('Name an owner for consumer lag alerts');
  await expect(field).not.toBeFocused();
  await expect(field).toHaveValue('');
  await ws.keys('j');
  await expect(ws.heading).toContainText('M2.4');

  await ws.keys('a');
  await expect(field).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(field).not.toBeFocused();
  await ws.keys('4');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^4 /);
  await expect(app.getByRole('list', { name: 'Action items' })).toHaveCount(0);
});

test('M on a median between two levels says what it will set and lets the facilitator pick the lower or upper level, for the target too', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId, participants } = await seedRoom(api, { session: false, people: ROOM.slice(0, 4) });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.5');
  // Votes 2, 2, 3, 3 (median 2.5) with targets 3, 3, 4, 4 (median 3.5).
  for (const [i, p] of participants.entries()) await api.call('vote.cast', { engagementId, assessmentId, capabilityId: 'M1.5', participantId: p.id, currentLevel: [2, 2, 3, 3][i], targetLevel: [3, 3, 4, 4][i] });
  const accept = app.getByRole('button', { name: /Accept median/ });
  await expect(accept).toContainText('2 or 3');

  await ws.keys('m');
  const prompt = scorePanel(ws).getByRole('status');
  await expect(prompt).toContainText('Median 2.5');
  await expect(prompt).toContainText('2 for the level below');
  await expect(prompt).toContainText('3 for the level above');
  await expect(ws.pressedLevel('Current')).toHaveCount(0);
  await ws.keys('3');
  await expect(prompt).toContainText('Target median 3.5');
  await ws.keys('4');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await expect(ws.pressedLevel('Target')).toHaveAccessibleName(/^4 /);
  await ws.settled();
  await app.reload();
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await expect(ws.pressedLevel('Target')).toHaveAccessibleName(/^4 /);

  // Esc leaves the choice without setting anything.
  await ws.keys('m');
  await expect(prompt).toContainText('Median 2.5');
  await ws.keys('Escape', '2');
  await expect(prompt).not.toContainText('Median 2.5');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^2 /);
  await expect(ws.pressedLevel('Target')).toHaveAccessibleName(/^4 /);
});

test('Ctrl+Z on a change to a capability that is not on screen goes there and says which', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');
  await ws.keys('3');
  await ws.settled();
  await ws.keys('j', 'j', 'j');
  await expect(ws.heading).toContainText('M1.4');
  await ws.keys('Control+z');
  await expect(ws.heading).toContainText('M1.1');
  await expect(ws.pressedLevel('Current')).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toContainText('M1.1');
});

test('a second pass records target votes, and M agrees the target median with the current one', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false, people: ROOM.slice(0, 3) });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M3.1');
  await ws.keys('v', '2', '3', '4');
  await ws.keys('t');
  const state = scorePanel(ws).getByRole('status');
  await expect(state).toContainText(`Target votes: ${ROOM[0]} votes now (1 of 3)`);
  await ws.keys('3', '4', '5');
  for (const [i, name] of ROOM.slice(0, 3).entries()) {
    await expect(ws.voteOf(name)).toHaveText(String(2 + i));
    await expect(app.getByLabel(`Target vote of ${name}`)).toHaveValue(String(3 + i));
  }
  await expect(app.getByRole('button', { name: /Accept median/ })).toContainText('3 → 4');
  await ws.keys('m');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await expect(ws.pressedLevel('Target')).toHaveAccessibleName(/^4 /);
});

test('confidence, priority and owner have keys, listed with the others', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false, people: ROOM.slice(0, 2) });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M4.2');
  await ws.keys('p', '4');
  await expect(app.getByRole('group', { name: 'Priority' }).locator('[aria-pressed="true"]')).toHaveText('4');
  await ws.keys('f', '3');
  await expect(app.getByRole('group', { name: 'Confidence' }).locator('[aria-pressed="true"]')).toHaveText('High');
  await ws.keys('o');
  await expect(app.getByLabel('Owner', { exact: true })).toBeFocused();
  await app.keyboard.type('Tomas Lind');
  await app.keyboard.press('Escape');
  await ws.keys('2');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^2 /);
  await ws.settled();
  await app.reload();
  await expect(app.getByLabel('Owner', { exact: true })).toHaveValue('Tomas Lind');
  await expect(app.getByRole('group', { name: 'Priority' }).locator('[aria-pressed="true"]')).toHaveText('4');
  await ws.keys('?');
  const keys = app.getByRole('table', { name: 'Assessment workspace keys' });
  for (const what of ['Confidence', 'Priority', 'Owner', 'target votes']) await expect(keys).toContainText(what);
});

test('the navigator shows every capability name in full, and its width can be changed and is remembered', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false, people: [] });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');
  const names = ws.nav.locator('.nav-cap-name');
  await expect(names).toHaveCount(72);
  const cut = await names.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).map((el) => el.textContent));
  expect(cut, 'capability names cut off').toEqual([]);

  const handle = app.getByRole('separator', { name: 'Resize the capability list' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  const navWidth = () => ws.nav.evaluate((el) => Math.round(el.getBoundingClientRect().width));
  expect(await navWidth()).toBe(before);
  await handle.focus();
  for (let i = 0; i < 5; i++) await app.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 80));
  expect(await navWidth()).toBe(before + 80);
  await app.reload();
  await expect(ws.heading).toBeVisible();
  expect(await navWidth()).toBe(before + 80);
});

test('messages come one at a time, repeats are merged, they never cover a control, and an error stays until dismissed', async ({ app, server }) => {
  const { engagementId, assessmentId } = await seedRoom(new EngineApi(server.url), { session: false, people: ROOM.slice(0, 2) });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M9.8');
  await ws.keys('j', 'j', 'j');
  const toasts = app.locator('.toast');
  await expect(toasts).toHaveCount(1);
  await expect(toasts).toContainText('That was the last capability in the list.');
  await expect(toasts).toContainText('×3');
  const covered = await toasts.evaluate((toast) => {
    const t = toast.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="separator"]')]
      .filter((el) => !toast.contains(el) && el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent);
  });
  expect(covered, 'controls under the message').toEqual([]);

  // The engine refuses the next edit: the error stays, and later notes do not pile up beside it.
  await app.route('**/api/assessment.rate', (route) => route.fulfill({ json: { ok: false, error: { code: 'conflict', message: 'The engagement file is locked by another program.' } } }));
  await ws.keys('4');
  const error = app.getByRole('alert').filter({ hasText: 'locked by another program' });
  await expect(error).toBeVisible();
  await ws.keys('j');
  await expect(toasts).toHaveCount(1);
  await app.waitForTimeout(6000);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(error).toHaveCount(0);
});
