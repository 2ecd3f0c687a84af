import { EngagementPage, EngineApi, HomePage, ProjectorPage, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

const people: [string, string][] = [
  ['Ingrid Berg', 'CFO'],
  ['Tomas Lind', 'Head of Data Platform'],
  ['Aisha Karim', 'Supply Chain Analyst'],
];

/** Every 12th capability gets three votes (2, 3, 5: median 3) and the median is accepted. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const voted = (i: number) => i % 12 === 0;
const currentFor = (i: number) => (voted(i) ? 3 : 1 + (i % 5));
const targetFor = (i: number) => Math.min(5, currentFor(i) + 1);
const capabilityAt = (i: number) => `M${Math.floor(i / 8) + 1}.${(i % 8) + 1}`;

// These tests press hundreds of keys: on failure keep the trace's action and network log, but skip the DOM
// snapshot it would otherwise take around every key press (that alone triples the time of the 72-capability run).
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

test('a facilitator scores all 72 capabilities by keyboard, with votes, and finds everything after a restart', async ({ app, server }) => {
  test.setTimeout(60_000);
  await new HomePage(app).createEngagement({ client: 'Northwind Foods', industry: 'Food retail' });
  const engagement = new EngagementPage(app);
  for (const [name, role] of people) await engagement.addParticipant(name, role);
  await engagement.createAssessment('2026 Q4', '2026-11-20');
  await engagement.openAssessment('2026 Q4');

  const ws = new WorkspacePage(app);
  await expect(ws.heading).toContainText('M1.1');
  await expect(ws.nav).toContainText('0 / 72');

  const t0 = Date.now();
  for (let i = 0; i < 72; i++) {
    if (voted(i)) {
      await ws.keys('v', '2', '3', '5', 'm');
    } else {
      await ws.keys(String(currentFor(i)));
    }
    await ws.keys(`Shift+Digit${targetFor(i)}`);
    if (i < 71) await ws.keys('j');
  }
  test.info().annotations.push({ type: 'typing', description: `72 capabilities typed in ${Date.now() - t0} ms` });
  await expect(ws.heading).toContainText('M9.8');
  await ws.settled();
  await expect(ws.progress).toHaveAttribute('aria-valuenow', '72');
  await expect(ws.nav).toContainText('72 / 72');
  await expect(ws.nav.getByText('8/8')).toHaveCount(9);

  const check = async () => {
    for (const i of [0, 1, 5, 12, 37, 70, 71]) await expect(ws.navItem(capabilityAt(i))).toContainText(`${currentFor(i)}→${targetFor(i)}`);
    await ws.navItem('M1.1').click();
    await expect(ws.heading).toContainText('M1.1');
    await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
    await expect(ws.pressedLevel('Target')).toHaveAccessibleName(/^4 /);
    // Participants vote in the order the engagement lists them (by name).
    await expect(ws.voteOf('Aisha Karim')).toHaveText('2');
    await expect(ws.voteOf('Ingrid Berg')).toHaveText('3');
    await expect(ws.voteOf('Tomas Lind')).toHaveText('5');
    await expect(app.locator('.stats')).toContainText('Median3');
    await expect(app.locator('.stats')).toContainText('⚑ Disagree');
  };
  await check();

  const url = await server.restart();
  await app.goto(url);
  await app.getByRole('button', { name: 'Northwind Foods', exact: true }).click();
  await engagement.openAssessment('2026 Q4');
  await expect(ws.nav).toContainText('72 / 72');
  await check();
  await app.getByRole('button', { name: 'Activity & sessions' }).click();
  await expect(app.getByRole('list', { name: 'Activity in this assessment' })).toContainText('Median accepted');
});

test('carried-over scores stay marked until confirmed with one key', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ids = { engagementId, assessmentId };
  await api.call('assessment.rate', { ...ids, capabilityId: 'M1.1', currentLevel: 2, targetLevel: 4, rationale: 'Budgets are not linked to the data strategy.' });
  await api.call('assessment.rate', { ...ids, capabilityId: 'M1.2', currentLevel: 3 });

  await app.goto(`${server.url}#/e/${engagementId}/assessments`);
  await app.getByRole('button', { name: 'New assessment from previous' }).click();
  const dialog = app.getByRole('dialog', { name: 'New assessment from 2026 Q4' });
  await dialog.getByLabel('Label').fill('2027 Q1');
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  await expect(dialog).toBeHidden();
  await new EngagementPage(app).openAssessment('2027 Q1');

  const ws = new WorkspacePage(app);
  await expect(ws.navItem('M1.1')).toContainText('carried over');
  await expect(app.getByText('Carried over from 2026 Q4')).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Votes, evidence and previous assessment' })).toContainText('Budgets are not linked');
  await ws.keys('?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Fast vote mode');
  await app.keyboard.press('Escape');
  await ws.keys('c');
  await expect(ws.navItem('M1.1')).not.toContainText('carried over');
  await expect(ws.navItem('M1.1')).toContainText('2→4');
  await ws.keys('j', 'Enter');
  await expect(ws.navItem('M1.2')).not.toContainText('carried over');
  await ws.keys('u');
  await expect(ws.heading).toContainText('M1.3');
  await ws.settled();
  await app.reload();
  await expect(ws.navItem('M1.1')).not.toContainText('carried over');
  await expect(ws.nav).toContainText('2 / 72');

  // Re-scoring shows the change against the previous quarter, in the navigator and beside the capability.
  await ws.navItem('M1.1').click();
  await ws.keys('4');
  await expect(ws.navItem('M1.1')).toContainText('up 2 since the previous assessment');
  await expect(app.getByRole('complementary', { name: 'Votes, evidence and previous assessment' })).toContainText('Up 2 levels now');
  await ws.keys('j', '1');
  await expect(ws.navItem('M1.2')).toContainText('down 2 since the previous assessment');
});

test('a text file attached as evidence is found with Ctrl+K by a word inside it', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M3.2');

  await ws.keys('e');
  const dialog = app.getByRole('dialog', { name: 'Add evidence to M3.2' });
  await dialog.getByLabel('Title').fill('Data quality workshop minutes');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dialog.getByRole('alert')).toContainText('empty');

  await dialog.locator('input[type=file]').setInputFiles({
    name: 'minutes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Minutes of the quality review.\nThe axolotl dashboard shows freshness per table.\n'),
  });
  await dialog.getByLabel('Collected on').fill('2019-12-02');
  await dialog.getByLabel('Valid until').fill('2020-01-31');
  // The file is streamed to the engine ahead of the command, not carried inside it as base64.
  const streamed = app.waitForRequest((r) => r.url().includes('/api/upload?name=minutes.txt') && r.method() === 'POST');
  await dialog.getByRole('button', { name: 'Add evidence' }).click();
  await streamed;
  await expect(dialog).toBeHidden();
  const linked = app.getByRole('list', { name: 'Linked evidence' });
  await expect(linked).toContainText('Data quality workshop minutes');
  await expect(linked).toContainText('minutes.txt');
  await expect(linked).toContainText('Stale since');
  await expect(ws.navItem('M3.2')).toContainText('stale evidence');

  await app.getByRole('button', { name: 'Open minutes.txt' }).click();
  await expect(app.getByRole('dialog', { name: 'minutes.txt' }).locator('pre')).toContainText('axolotl dashboard');
  await app.getByRole('dialog', { name: 'minutes.txt' }).getByRole('button', { name: 'Close' }).click();
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save minutes.txt' }).click();
  expect((await download).suggestedFilename()).toBe('minutes.txt');

  // The same evidence can back another capability: link it there, and unlink it again.
  await ws.navItem('M7.1').click();
  await expect(ws.heading).toContainText('M7.1');
  await app.getByRole('button', { name: 'Link existing' }).click();
  await app.getByRole('dialog', { name: 'Link evidence to M7.1' }).getByRole('button', { name: 'Link Data quality workshop minutes' }).click();
  await app.getByRole('dialog', { name: 'Link evidence to M7.1' }).getByRole('button', { name: 'Done' }).click();
  await expect(linked).toContainText('Data quality workshop minutes');
  await app.getByRole('button', { name: 'Unlink Data quality workshop minutes' }).click();
  await expect(linked).toHaveCount(0);
  await app.keyboard.press('Control+k');
  await app.getByRole('combobox', { name: /Search/ }).fill('axolotl');
  const hit = app.getByRole('option').filter({ hasText: 'Data quality workshop minutes' });
  await expect(hit).toContainText('Evidence');
  await expect(hit.locator('mark')).toHaveText('axolotl');
  await app.keyboard.press('Enter');
  await expect(ws.heading).toContainText('M3.2');
  await expect(app).toHaveURL(/\/M3\.2$/);

  // A file dropped on the evidence panel opens the dialog with it; images preview inline.
  const dataTransfer = await app.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'lineage-diagram.png', { type: 'image/png' }));
    return dt;
  }, PNG_1X1);
  const panel = app.getByRole('region', { name: /^Evidence \(/ });
  await panel.dispatchEvent('dragover', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
  const dropped = app.getByRole('dialog', { name: 'Add evidence to M3.2' });
  await expect(dropped.getByLabel('Title')).toHaveValue('lineage-diagram');
  await expect(dropped.getByLabel('Kind')).toHaveValue('screenshot');
  await dropped.getByRole('button', { name: 'Add evidence' }).click();
  await expect(dropped).toBeHidden();
  await expect(panel).toContainText('Evidence (2');
  await app.getByRole('button', { name: 'Open lineage-diagram.png' }).click();
  await expect(app.getByRole('dialog', { name: 'lineage-diagram.png' }).getByRole('img', { name: 'lineage-diagram' })).toHaveAttribute('src', /^blob:/);
});

test('undo and redo a score and a vote with Ctrl+Z and Ctrl+Shift+Z', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');

  await ws.keys('3');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await ws.keys('4');
  await ws.settled();
  await ws.keys('Control+z');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await ws.keys('Control+z');
  await expect(ws.pressedLevel('Current')).toHaveCount(0);
  await expect(ws.navItem('M2.1')).toContainText('—');
  await ws.keys('Control+Shift+z');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  await ws.keys('Control+y');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^4 /);

  await ws.keys('v');
  await expect(app.getByText('Aisha Karim votes now')).toBeVisible();
  await ws.keys('2');
  await expect(app.getByText('Ingrid Berg votes now')).toBeVisible();
  await ws.keys('v');
  await expect(ws.voteOf('Aisha Karim')).toHaveText('2');
  await ws.settled();
  await ws.keys('Control+z');
  await expect(ws.voteOf('Aisha Karim')).toHaveCount(0);
  await ws.keys('Control+Shift+z');
  await expect(ws.voteOf('Aisha Karim')).toHaveText('2');
  await ws.settled();

  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('list', { name: 'History of M2.1' })).toContainText('current 3 → 4');
  await expect(app.getByRole('list', { name: 'History of M2.1' })).toContainText('Aisha Karim');

  // Rationale and action items: typed, saved on their own, no save button.
  await ws.keys('r');
  await expect(app.getByLabel('Rationale', { exact: true })).toBeFocused();
  await app.keyboard.type('Lag alerts exist but nobody owns them.');
  await app.keyboard.press('Escape');
  await ws.keys('a');
  await app.keyboard.type('Name an owner for consumer lag alerts');
  await app.keyboard.press('Enter');
  const actions = app.getByRole('list', { name: 'Action items' });
  await expect(actions.getByRole('textbox', { name: 'Action' })).toHaveValue('Name an owner for consumer lag alerts');
  await actions.getByRole('combobox', { name: 'Status' }).selectOption('in_progress');
  await ws.settled();

  await app.reload();
  await expect(ws.voteOf('Aisha Karim')).toHaveText('2');
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^4 /);
  await expect(app.getByLabel('Rationale', { exact: true })).toHaveValue('Lag alerts exist but nobody owns them.');
  await expect(actions.getByRole('combobox', { name: 'Status' })).toHaveValue('in_progress');
  await actions.getByRole('button', { name: /Remove action/ }).click();
  await expect(actions).toHaveCount(0);

  // Text over the limit is not sent: it stays in the field, which says by how much it is over.
  const rationale = app.getByRole('textbox', { name: 'Rationale', exact: true });
  await rationale.fill('x'.repeat(20_001));
  await rationale.blur();
  await expect(app.getByRole('alert').filter({ hasText: 'Rationale is 1 characters too long' })).toBeVisible();
  await rationale.fill('Lag alerts exist but nobody owns them.');
  await rationale.blur();
  await app.getByRole('group', { name: 'Filter capabilities' }).getByRole('button', { name: /Unscored/ }).click();
  await expect(ws.navItem('M2.1')).toHaveCount(0);
});

test('the projector follows the facilitator to the next capability and shows a new score', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');

  await app.getByRole('button', { name: 'Start workshop' }).click();
  const dialog = app.getByRole('dialog', { name: 'Start workshop' });
  await dialog.getByLabel(/M3/).uncheck();
  await dialog.getByLabel('Aisha Karim').uncheck();
  await dialog.getByLabel('Session length (minutes)').fill('240');
  await dialog.getByRole('button', { name: 'Start workshop' }).click();
  await expect(dialog).toBeHidden();
  const bar = app.getByRole('region', { name: 'Workshop' });
  await expect(bar).toContainText('1 of 64');

  const popup = app.waitForEvent('popup');
  await bar.getByRole('button', { name: 'Open projector' }).click();
  const projector = new ProjectorPage(await popup);
  await expect(projector.title).toContainText('M1.1');

  await ws.keys('j');
  await expect(projector.title).toContainText('M1.2');
  await expect(bar).toContainText('2 of 64');
  await ws.keys('4', 'Shift+Digit5');
  await expect(projector.score('Agreed')).toHaveText('4');
  await expect(projector.score('Target')).toHaveText('5');
  await expect(projector.page.locator('.pj-levels .is-current')).toContainText('Measured');

  // Only the people present vote in fast vote mode.
  await ws.keys('v', '3', '4');
  await expect(projector.score('Votes')).toHaveText('2');
  await expect(projector.score('Median')).toHaveText('3.5');
  await expect(ws.votes.getByRole('row')).toHaveCount(2);

  await bar.getByRole('button', { name: 'End workshop' }).click();
  await expect(app.getByRole('button', { name: 'Start workshop' })).toBeVisible();
  await expect(projector.page.getByText('Workshop ended')).toBeVisible();
  await app.getByRole('button', { name: 'Activity & sessions' }).click();
  const sessions = app.getByRole('table', { name: 'Workshop sessions' });
  await expect(sessions).toContainText('Ingrid Berg, Tomas Lind');
  await expect(sessions).toContainText('M2');
  await expect(sessions).not.toContainText('M3');
  // What was actually presented, from the projector's focus: M1.1 then M1.2.
  await expect(sessions.getByText(/^M1 /)).toContainText('2 of 8 discussed');
  await expect(sessions.getByText(/^M2 /)).toContainText('0 of 8 discussed');
  await projector.page.close();
});

/** An assessment with votes, stale evidence, an action and a running workshop: everything the screens can show. */
async function seedFullCapability(api: EngineApi) {
  const { engagementId, assessmentId, participants } = await api.seed();
  const ids = { engagementId, assessmentId };
  await api.call('assessment.rate', { ...ids, capabilityId: 'M2.1', currentLevel: 2, targetLevel: 4, priority: 5, rationale: 'Two topics at RF=1.' });
  for (const [i, p] of participants.entries()) await api.call('vote.cast', { ...ids, capabilityId: 'M2.1', participantId: p.id, currentLevel: [1, 3, 4][i]!, targetLevel: 4 });
  await api.call('evidence.add', {
    engagementId,
    title: 'Topic inventory',
    kind: 'document',
    validUntil: '2020-01-01',
    file: { name: 'topics.csv', mime: 'text/csv', dataBase64: Buffer.from('topic,rf\norders,1\n').toString('base64') },
    links: [{ assessmentId, capabilityId: 'M2.1' }],
  });
  await api.call('action.add', { ...ids, capabilityId: 'M2.1', text: 'Raise the replication factor', owner: 'Tomas Lind' });
  const session = await api.call('workshop.start', { ...ids, heldOn: '2026-11-20', modules: ['M2'], participantIds: participants.map((p) => p.id), minutes: 120 });
  await api.call('workshop.focus', { engagementId, sessionId: session.id, capabilityId: 'M2.1' });
  return ids;
}

// One test per screen and scheme: each stays far inside its time limit on two busy cores.
for (const scheme of ['light', 'dark'] as const) {
  test(`workspace and activity pass axe in ${scheme}, with votes and evidence on screen`, async ({ app, server }) => {
    const { engagementId, assessmentId } = await seedFullCapability(new EngineApi(server.url));
    const ws = new WorkspacePage(app);
    await app.emulateMedia({ colorScheme: scheme });
    await ws.open(server.url, engagementId, assessmentId, 'M2.1');
    await expect(app.getByRole('list', { name: 'Linked evidence' })).toContainText('Topic inventory');
    await expect(ws.votes).toBeVisible();
    expect(await seriousA11yViolations(app), `workspace, ${scheme}`).toEqual([]);
    await app.getByRole('button', { name: 'Activity & sessions' }).click();
    await expect(app.getByRole('table', { name: 'Workshop sessions' })).toBeVisible();
    expect(await seriousA11yViolations(app), `activity, ${scheme}`).toEqual([]);
  });

  test(`projector passes axe in ${scheme}`, async ({ server, browser }) => {
    const { engagementId, assessmentId } = await seedFullCapability(new EngineApi(server.url));
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1600, height: 900 } });
    const projector = await context.newPage();
    await projector.goto(`${server.url}#/projector/${engagementId}/${assessmentId}`);
    await expect(projector.getByRole('heading', { level: 1 })).toContainText('M2.1');
    await expect(new ProjectorPage(projector).score('Votes')).toHaveText('3');
    expect(await seriousA11yViolations(projector), `projector, ${scheme}`).toEqual([]);
    await context.close();
  });
}

test('the name set in Settings is who the history says made a change', async ({ app, server }) => {
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(app.locator('.facts')).toContainText(server.dataDir);
  await app.getByLabel('Your name').fill('Sam Rivera');
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('status')).toContainText('Settings saved');
  expect(await seriousA11yViolations(app)).toEqual([]);

  const { engagementId, assessmentId } = await new EngineApi(server.url).seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');
  await ws.keys('4');
  await ws.settled();
  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('list', { name: 'History of M1.1' })).toContainText('Sam Rivera');
});
