import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngagementPage, HomePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

test('a new user sets up an engagement and finds it all again after a restart', async ({ app, server }) => {
  const home = new HomePage(app);
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);

  await home.createEngagement({ client: 'Northwind Foods', industry: 'Food retail', region: 'Nordics', currency: 'SEK', fyStart: 'July' });
  const engagement = new EngagementPage(app);
  await engagement.addBusinessUnit('Finance');
  await engagement.addBusinessUnit('Supply Chain');
  await engagement.addParticipant('Ingrid Berg', 'CFO', 'Finance');
  await engagement.addParticipant('Tomas Lind', 'Head of Data Platform');
  expect(await seriousA11yViolations(app)).toEqual([]);
  await engagement.createAssessment('2026 Q4', '2026-11-20');
  await expect(app.getByRole('table', { name: 'Assessments' }).getByRole('cell', { name: '2026 Q4' })).toBeVisible();
  await expect(app.getByRole('table', { name: 'Assessments' })).toContainText('All 9 modules');

  await app.getByRole('button', { name: 'Framework', exact: true }).click();
  await app.getByRole('button', { name: /M2\.1 Kafka partitioning/ }).click();
  await expect(app.getByRole('heading', { name: /M2\.1 Kafka partitioning/ })).toBeVisible();
  await expect(app.getByText('Partition counts', { exact: false }).first()).toBeVisible();
  await expect(app.getByRole('list', { name: 'Levels and their pass criteria' }).locator(':scope > li')).toHaveCount(5);
  expect(await seriousA11yViolations(app)).toEqual([]);

  const url = await server.restart();
  await app.goto(url);
  await expect(home.row('Northwind Foods')).toContainText('Food retail');
  await expect(home.row('Northwind Foods')).toContainText('2026 Q4');
  await app.getByRole('button', { name: 'Northwind Foods', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Northwind Foods' })).toBeVisible();
  await expect(app.getByText('Nordics · SEK · FY starts July')).toBeVisible();
  await app.getByRole('tab', { name: /People/ }).click();
  await expect(app.getByRole('table', { name: 'Participants' })).toContainText('Ingrid Berg');
  await expect(app.getByRole('table', { name: 'Participants' }).getByRole('row', { name: /Ingrid Berg/ })).toContainText('Finance');
  await expect(app.getByRole('list', { name: 'Business units' })).toContainText('Supply Chain');

  // A participant changes role and unit between workshops.
  await app.getByRole('button', { name: 'Edit Tomas Lind' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit participant' });
  await edit.getByLabel('Role').fill('Chief Data Officer');
  await edit.getByLabel('Business unit').selectOption({ label: 'Supply Chain' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const row = app.getByRole('table', { name: 'Participants' }).getByRole('row', { name: /Tomas Lind/ });
  await expect(row).toContainText('Chief Data Officer');
  await expect(row).toContainText('Supply Chain');
});

test('bad input gets a clear message and nothing is created', async ({ app }) => {
  await app.getByRole('button', { name: 'Create your first engagement' }).click();
  const dialog = app.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client name').fill('   ');
  await dialog.getByLabel('Currency').fill('EU');
  await dialog.getByRole('button', { name: 'Create engagement' }).click();
  await expect(dialog.getByRole('alert')).toContainText('client: must not be empty');
  await expect(dialog.getByRole('alert')).toContainText('currency: must be a three-letter ISO 4217 code');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
});

test('rename, archive and delete from the home screen, with a confirmation that says what goes', async ({ app }) => {
  const home = new HomePage(app);
  await home.createEngagement({ client: 'Contoso Bank' });
  await app.getByRole('button', { name: 'Maturity Workbench home' }).click();
  await app.getByRole('button', { name: 'Rename Contoso Bank' }).click();
  await app.getByRole('dialog', { name: 'Rename engagement' }).getByLabel('Client name').fill('Contoso Financial');
  await app.getByRole('dialog', { name: 'Rename engagement' }).getByRole('button', { name: 'Save' }).click();
  await expect(home.row('Contoso Financial')).toBeVisible();

  await app.getByRole('button', { name: 'Archive Contoso Financial' }).click();
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  await app.getByLabel(/Show archived/).check();
  await expect(home.row('Contoso Financial')).toContainText('Archived');
  await app.getByRole('button', { name: 'Restore Contoso Financial' }).click();
  await expect(home.row('Contoso Financial')).not.toContainText('Archived');

  await app.getByRole('button', { name: 'Delete Contoso Financial' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete engagement?' });
  await expect(confirm).toContainText('business units, participants, assessments');
  await confirm.getByRole('button', { name: 'Delete permanently' }).click();
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
});

test('keyboard: Ctrl+K jumps to a capability, Ctrl+N opens a new engagement, ? lists shortcuts', async ({ app }) => {
  await app.keyboard.press('Control+k');
  const palette = app.getByRole('combobox', { name: /Search engagements/ });
  await expect(palette).toBeFocused();
  await palette.fill('dead letter');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: /M2\.4/ })).toBeVisible();

  await app.keyboard.press('Control+n');
  await expect(app.getByRole('dialog', { name: 'New engagement' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.keyboard.press('?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Search and jump');
});

test('two windows stay in step through pushed events', async ({ app, server, browser }) => {
  const other = await browser.newPage();
  await other.goto(server.url);
  await expect(other.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  await new HomePage(app).createEngagement({ client: 'Fabrikam' });
  await expect(other.getByRole('row').filter({ hasText: 'Fabrikam' })).toBeVisible();
  await other.close();
});

test('follows the dark colour scheme without accessibility regressions', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  await new HomePage(app).createEngagement({ client: 'Dark Mode Ltd' });
  const bg = await app.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
  expect(bg).toBe('#0f141a');
  expect(await seriousA11yViolations(app)).toEqual([]);
});

test('a damaged file in the data folder is reported on the home screen and left alone', async ({ app, server }) => {
  mkdirSync(join(server.dataDir, 'engagements'), { recursive: true });
  const stray = join(server.dataDir, 'engagements', 'copied-from-usb.mwb');
  writeFileSync(stray, 'not an engagement');
  await app.goto(await server.restart());
  const notice = app.getByRole('region', { name: /One file in your data folder could not be opened/ });
  await expect(notice).toContainText('copied-from-usb.mwb');
  await expect(notice).toContainText('left untouched');
  expect(await seriousA11yViolations(app)).toEqual([]);
  expect(readFileSync(stray, 'utf8')).toBe('not an engagement');
});
