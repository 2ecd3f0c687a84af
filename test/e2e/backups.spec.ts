/**
 * Backups and damaged files as a consultant meets them: the Backups screen of an engagement, a restore that
 * can be undone, a damaged file offered for restore from the home screen, and a copy of a file left by a sync.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seriousA11yViolations, test, type AppServer } from './fixtures';
import { HomePage } from './pages';

const shots = process.env.SCREENSHOTS_DIR;
test.beforeEach(async ({ page }) => {
  if (shots) await page.setViewportSize({ width: 1280, height: 800 });
});

/** The API of a running server, with its launch token. */
async function api(server: AppServer, command: string, input: unknown): Promise<any> {
  const url = new URL(server.url);
  const res = await fetch(`${url.origin}/api/${command}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${command}: ${body.error.message}`);
  return body.result;
}

function engagementFile(server: AppServer): string {
  const dir = join(server.dataDir, 'engagements');
  return join(dir, readdirSync(dir).find((f) => f.endsWith('.mwb'))!);
}

test('a backup is restored in place from the Backups screen, and the restore is undone', async ({ app, server }) => {
  const e = await api(server, 'engagement.create', { client: 'Northwind Foods', industry: 'Food retail' });
  await api(server, 'businessUnit.add', { engagementId: e.id, name: 'Finance' });
  await api(server, 'backup.create', { engagementId: e.id });
  await api(server, 'businessUnit.add', { engagementId: e.id, name: 'Supply Chain' });

  await app.reload();
  await app.getByRole('button', { name: 'Northwind Foods', exact: true }).click();
  await app.getByRole('button', { name: 'Backups' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Backups of Northwind Foods' })).toBeVisible();
  const table = app.getByRole('table', { name: 'Backups' });
  await expect(table.getByRole('row')).toHaveCount(3); // header, the day's first change, the one taken by hand
  const manual = table.getByRole('row').filter({ hasText: 'Backed up by hand' });
  await expect(manual).toContainText('1 change since; last: Business unit added');
  expect(await seriousA11yViolations(app)).toEqual([]);
  if (shots) await app.screenshot({ path: join(shots, 'backups.png') });

  await manual.getByRole('button', { name: /in place of the current file/ }).click();
  const confirm = app.getByRole('dialog', { name: 'Replace the current file?' });
  await expect(confirm).toContainText('The 1 change made since will no longer be in it.');
  await expect(confirm).toContainText('backed up first');
  if (shots) await app.screenshot({ path: join(shots, 'backups-confirm.png') });
  await confirm.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByText('Backup restored. The state before it is kept as a backup')).toBeVisible();
  expect((await api(server, 'engagement.get', { engagementId: e.id })).businessUnits.map((u: { name: string }) => u.name)).toEqual(['Finance']);

  // Undo: restore the copy taken just before the restore.
  const before = table.getByRole('row').filter({ hasText: 'Before a restore' });
  await before.getByRole('button', { name: /in place of the current file/ }).click();
  await app.getByRole('dialog', { name: 'Replace the current file?' }).getByRole('button', { name: 'Replace with this backup' }).click();
  await expect.poll(async () => (await api(server, 'engagement.get', { engagementId: e.id })).businessUnits.length).toBe(2);
});

test('a backup restored as a new engagement opens under its own name', async ({ app, server }) => {
  const e = await api(server, 'engagement.create', { client: 'Contoso Bank' });
  await api(server, 'businessUnit.add', { engagementId: e.id, name: 'Risk' });
  const backup = await api(server, 'backup.create', { engagementId: e.id });
  await app.goto(`${server.url}#/e/${e.id}/backups`);
  await app.getByRole('button', { name: /as a new engagement/ }).last().click();
  const confirm = app.getByRole('dialog', { name: 'Restore as a new engagement?' });
  await expect(confirm).toContainText('Contoso Bank itself is not changed.');
  await confirm.getByRole('button', { name: 'Restore as new' }).click();
  await expect(app.getByRole('heading', { level: 1, name: `Contoso Bank (restored ${backup.at.slice(0, 10)})` })).toBeVisible();
});

test('a damaged file is shown on the home screen and repaired from a backup', async ({ app, server }) => {
  const e = await api(server, 'engagement.create', { client: 'Fabrikam' });
  await api(server, 'businessUnit.add', { engagementId: e.id, name: 'Operations' });
  await api(server, 'backup.create', { engagementId: e.id });
  await server.stop();
  const file = engagementFile(server);
  const db = new Database(file, { readonly: true });
  const page = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'business_unit'").get() as { rootpage: number }).rootpage;
  db.close();
  const bytes = readFileSync(file);
  bytes.fill(0x41, (page - 1) * 4096, page * 4096);
  writeFileSync(file, bytes);
  const url = await server.start();

  await app.goto(url);
  const home = new HomePage(app);
  await expect(home.row('Fabrikam')).toContainText('Damaged');
  await expect(app.getByRole('heading', { name: 'One engagement file is damaged' })).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);
  if (shots) await app.screenshot({ path: join(shots, 'home-damaged.png') });
  await app.getByRole('button', { name: 'Restore Fabrikam from a backup' }).click();
  await expect(app.getByRole('heading', { name: 'This engagement’s file is damaged' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Back up now' })).toBeDisabled();
  if (shots) await app.screenshot({ path: join(shots, 'backups-damaged.png') });
  const manual = app.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Backed up by hand' });
  await manual.getByRole('button', { name: /in place of the current file/ }).click();
  const confirm = app.getByRole('dialog', { name: 'Replace the current file?' });
  await expect(confirm).toContainText('The damaged file is kept aside');
  await confirm.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(app.getByRole('heading', { name: 'This engagement’s file is damaged' })).toBeHidden();
  await app.getByRole('button', { name: 'Engagements', exact: true }).first().click();
  await expect(home.row('Fabrikam')).not.toContainText('Damaged');
});

test('a copy of an engagement file left by a sync is shown, and imported as its own engagement', async ({ app, server }) => {
  const e = await api(server, 'engagement.create', { client: 'Tailspin Toys' });
  await api(server, 'businessUnit.add', { engagementId: e.id, name: 'Finance' });
  await server.stop();
  const file = engagementFile(server);
  copyFileSync(file, file.replace('.mwb', ' (1).mwb'));
  const url = await server.start();
  await app.goto(url);
  const notice = app.getByRole('region', { name: 'Two files hold the same engagement' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('table', { name: 'Files of Tailspin Toys' }).getByRole('row')).toHaveCount(3);
  expect(await seriousA11yViolations(app)).toEqual([]);
  if (shots) await app.screenshot({ path: join(shots, 'home-duplicates.png') });
  await notice.getByRole('button', { name: 'Import as a separate engagement' }).click();
  await expect(notice).toBeHidden();
  await expect(new HomePage(app).row('Tailspin Toys (copy)')).toBeVisible();
});
