/** Words a person reads: limits said at the field, errors in plain words, duplicates told apart, dates and scripts of the client, light or dark. */
import { EngagementPage, EngineApi, HomePage, SettingsPage, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

test('a rationale over the limit keeps what was typed, says so at the field, and saves once shortened', async ({ app, server }) => {
  const { engagementId, assessmentId } = await new EngineApi(server.url).seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  const rationale = app.getByRole('textbox', { name: 'Rationale', exact: true });
  await rationale.fill('x'.repeat(25_000));
  await rationale.blur();
  await expect(app.getByText('Rationale is 5,000 characters too long (25,000 of 20,000)')).toBeVisible();
  await expect(rationale).toHaveAttribute('aria-invalid', 'true');
  // Well past the autosave pause: still all there, and no refusal came back from the engine.
  await app.waitForTimeout(1200);
  await ws.settled();
  expect((await rationale.inputValue()).length).toBe(25_000);
  await expect(app.getByRole('alert').filter({ hasText: 'at most' })).toHaveCount(0);

  await rationale.fill('y'.repeat(19_990));
  await expect(app.getByText('19,990 / 20,000 characters')).toBeVisible();
  await rationale.blur();
  await ws.settled();
  await app.reload();
  expect((await app.getByRole('textbox', { name: 'Rationale', exact: true }).inputValue()).length).toBe(19_990);
});

test('errors are said in plain words beside their field, and a title taken from a long file name is shortened', async ({ app, server }) => {
  await app.getByRole('button', { name: 'Create your first engagement' }).click();
  const dialog = app.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Currency').fill('EU');
  await dialog.getByRole('button', { name: 'Create engagement' }).click();
  await expect(dialog.locator('.field', { hasText: 'Client name' }).getByRole('alert')).toHaveText('Client name is needed.');
  await expect(dialog.locator('.field', { hasText: 'Currency' }).getByRole('alert')).toHaveText('Currency must be a three-letter code such as EUR or USD.');
  await expect(dialog).not.toContainText('engagement.create');
  await expect(dialog).not.toContainText('client:');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const { engagementId, assessmentId } = await new EngineApi(server.url).seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M3.2');
  await ws.keys('e');
  const add = app.getByRole('dialog', { name: 'Add evidence to M3.2' });
  const longName = `${'Quarterly data quality review minutes with the finance and supply chain teams '.repeat(3).slice(0, 236)}.txt`;
  await add.locator('input[type=file]').setInputFiles({ name: longName, mimeType: 'text/plain', buffer: Buffer.from('minutes') });
  await expect(add).toContainText('The file name is too long for a title: it was shortened.');
  const title = await add.getByRole('textbox', { name: /^Title/ }).inputValue();
  expect(title.length).toBeLessThanOrEqual(200);
  expect(title.startsWith('Quarterly data quality review minutes')).toBe(true);
  await add.getByRole('button', { name: 'Add evidence' }).click();
  await expect(add).toBeHidden();
  await expect(ws.evidence).toContainText('Quarterly data quality review minutes');
});

test('a second engagement of the same client is warned about, and the dialogs show what tells them apart', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  await api.call('engagement.create', { client: 'Northwind Bank', industry: 'Banking', region: 'UK' });
  await app.reload();
  await app.getByRole('button', { name: 'New engagement' }).click();
  const dialog = app.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client name').fill('Northwind Bank');
  await expect(dialog).toContainText('You already have an engagement called Northwind Bank (Banking · UK · created');
  await dialog.getByLabel('Industry').fill('Insurance');
  await dialog.getByRole('button', { name: 'Create another' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Northwind Bank' })).toBeVisible();

  const home = new HomePage(app);
  await app.getByRole('button', { name: 'Maturity Workbench home' }).click();
  await expect(home.row('Northwind Bank')).toHaveCount(2);
  await expect(home.row('Insurance')).toContainText('created');
  await home.row('Banking').getByRole('button', { name: 'Delete Northwind Bank' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete engagement?' });
  await expect(confirm.getByRole('definition').nth(1)).toHaveText('Banking');
  await expect(confirm).toContainText('Created');
  await expect(confirm).toContainText('Last opened');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  await app.keyboard.press('Control+k');
  await app.getByRole('combobox', { name: /Search/ }).fill('northwind');
  await expect(app.getByRole('option').filter({ hasText: 'Banking · UK · created' })).toHaveCount(1);
  await expect(app.getByRole('option').filter({ hasText: 'Insurance · created' })).toHaveCount(1);
});

test('dates follow the engagement’s region with an override in Settings, and right-to-left text reads right to left', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const e = await api.call('engagement.create', { client: 'Fjord Energi', region: 'Nordics' });
  const a = await api.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-27' });
  await api.call('participant.add', { engagementId: e.id, name: 'ليلى حداد' });
  await app.goto(`${server.url}#/e/${e.id}/assessments`);
  const engagement = new EngagementPage(app);
  await expect(engagement.assessmentRow('2026 Q4')).toContainText('27.11.2026');

  const settings = new SettingsPage(app);
  await settings.open();
  await settings.choose('Dates', /United States/);
  await settings.save();
  await app.goto(`${server.url}#/e/${e.id}/assessments`);
  await expect(engagement.assessmentRow('2026 Q4')).toContainText('11/27/2026');

  await engagement.tab(/People/);
  const name = engagement.participants().getByRole('cell', { name: 'ليلى حداد', exact: true });
  expect(await name.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
  const ws = new WorkspacePage(app);
  await ws.open(server.url, e.id, a.id, 'M1.1');
  const rationale = app.getByRole('textbox', { name: 'Rationale', exact: true });
  await rationale.fill('הצוות מודד את זמני העיבוד');
  expect(await rationale.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
  await rationale.fill('Latency is measured by the team');
  expect(await rationale.evaluate((el) => el.matches(':dir(rtl)'))).toBe(false);
});

test('dark or light is chosen in the app, and the projector can have its own', async ({ app, server, browser }) => {
  const background = (page = app) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await app.emulateMedia({ colorScheme: 'light' });
  const settings = new SettingsPage(app);
  await settings.open();
  await settings.choose('Colour scheme', 'Dark');
  await settings.choose('Projector colour scheme', /^Light/);
  await settings.save();
  await expect.poll(() => background()).toBe('rgb(15, 20, 26)');
  expect(await seriousA11yViolations(app)).toEqual([]);

  const { engagementId, assessmentId } = await new EngineApi(server.url).seed();
  const context = await browser.newContext({ colorScheme: 'dark' });
  const projector = await context.newPage();
  await projector.goto(`${server.url}#/projector/${engagementId}/${assessmentId}`);
  await expect(projector.getByRole('heading', { level: 1 })).toContainText('M1.1');
  await expect.poll(() => background(projector)).toBe('rgb(246, 247, 249)');
  await context.close();

  await settings.choose('Colour scheme', 'As the operating system says');
  await settings.save();
  await expect.poll(() => background()).toBe('rgb(246, 247, 249)');
});

test('history lists only what changed, and adding or linking evidence shows in the capability’s history', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  await api.call('evidence.add', { engagementId, title: 'Broker settings export', kind: 'system_config', links: [{ assessmentId, capabilityId: 'M1.1' }] });
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await ws.showTab('History');
  const history = app.getByRole('list', { name: 'History of M2.1' });
  await ws.keys('3');
  await ws.settled();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('current 3');
  for (const unchanged of ['not applicable', 'rationale', 'owner', 'carried over', 'target']) await expect(history).not.toContainText(unchanged);

  await app.getByRole('button', { name: 'Link existing' }).click();
  const link = app.getByRole('dialog', { name: 'Link evidence to M2.1' });
  await link.getByRole('button', { name: 'Link Broker settings export' }).click();
  await link.getByRole('button', { name: 'Done' }).click();
  await ws.keys('e');
  const add = app.getByRole('dialog', { name: 'Add evidence to M2.1' });
  await add.getByRole('textbox', { name: /^Title/ }).fill('Consumer lag chart');
  await add.getByRole('button', { name: 'Add evidence' }).click();
  await expect(add).toBeHidden();
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Evidence added');
  await expect(history.getByRole('listitem').nth(0)).toContainText('title “Consumer lag chart”; kind document');
  await expect(history.getByRole('listitem').nth(0)).not.toContainText('sensitivity');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Evidence linked');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Broker settings export');
});
