/** Framework 1.1 in the browser, and a custom framework copied, edited, exported and imported back. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seriousA11yViolations, test } from './fixtures';
import { EngineApi, WorkspacePage } from './pages';

test('the framework browser shows 1.1 criteria and guidance, and still shows 1.0 on request', async ({ app, server }) => {
  await app.goto(`${server.url}#/framework/M2.1`);
  await expect(app.getByRole('heading', { name: /M2\.1/ })).toBeVisible();
  const levels = app.getByRole('list', { name: 'Levels and their pass criteria' });
  await expect(levels).toContainText('acks=all');
  await expect(levels).toContainText('Proven by:');
  await expect(app.getByText(/Recommended target: level \d/)).toBeVisible();
  await expect(app.getByRole('heading', { name: 'When it does not apply' })).toBeVisible();
  // The first-pass subset narrows the list to a half-day workshop.
  await app.getByLabel(/First-pass subset only/).check();
  await expect(app.getByRole('navigation', { name: 'Modules and capabilities' }).getByRole('button')).toHaveCount(24);
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.getByRole('combobox', { name: 'Framework' }).selectOption({ label: 'Data Platform Maturity 1.0.0' });
  await expect(app).toHaveURL(/#\/framework\/data-platform-maturity\/1\.0\.0/);
  await expect(app.getByText('Version 1.0.0 of this framework has descriptors only')).toBeVisible();
});

test('a custom framework: copy, edit a descriptor, export, remove and import it back; a broken file is refused with its paths', async ({ app, server }, info) => {
  await app.goto(`${server.url}#/framework/M2.1`);
  await app.getByRole('button', { name: 'Copy…' }).click();
  const dialog = app.getByRole('dialog', { name: /Copy Data Platform Maturity 1\.1\.0/ });
  await dialog.getByLabel('Name').fill('Northwind platform maturity');
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(app.getByRole('combobox', { name: 'Framework' })).toHaveValue('northwind-platform-maturity@1.0.0');

  await app.getByRole('button', { name: 'Edit' }).click();
  const l3 = app.getByRole('group', { name: /Level 3/ });
  await l3.getByLabel('Descriptor').fill('Every topic comes from a reviewed template: acks=all producers, min.insync.replicas=2, partitions sized for the peak.');
  await app.getByRole('button', { name: 'Save 1.0.0' }).click();
  await expect(app.getByRole('list', { name: 'Levels and their pass criteria' })).toContainText('reviewed template');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export JSON' }).click();
  const file = join(info.outputDir, 'northwind.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: 'northwind-platform-maturity', version: '1.0.0' });

  await app.getByRole('button', { name: 'Remove' }).click();
  await app.getByRole('dialog', { name: /Remove Northwind/ }).getByRole('button', { name: 'Remove' }).click();
  await expect(app.getByRole('combobox', { name: 'Framework' }).locator('option', { hasText: 'Northwind' })).toHaveCount(0);

  await app.getByLabel('Framework file to import').setInputFiles(file);
  await expect(app.getByRole('combobox', { name: 'Framework' })).toHaveValue('northwind-platform-maturity@1.0.0');
  await app.getByRole('navigation', { name: 'Modules and capabilities' }).getByRole('button', { name: /M2\.1/ }).click();
  await expect(app.getByRole('list', { name: 'Levels and their pass criteria' })).toContainText('reviewed template');

  // A broken file: one criterion at a level that needs two to four.
  const broken = JSON.parse(readFileSync(file, 'utf8'));
  broken.version = '1.1.0';
  broken.modules[3].capabilities[2].levels['4'].criteria = [{ id: '4a', text: 'Only one criterion is left at this level.' }];
  const brokenFile = join(info.outputDir, 'broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await app.getByLabel('Framework file to import').setInputFiles(brokenFile);
  await expect(app.getByRole('alert').filter({ hasText: 'modules[3].capabilities[2].levels[4].criteria: must have 2 to 4 items' })).toBeVisible();
  await expect(app.getByRole('combobox', { name: 'Framework' }).locator('option', { hasText: '1.1.0 (custom' })).toHaveCount(0);
});

test('ticking the pass criteria of a capability suggests the level they support; the consultant sets it', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await app.getByRole('tab', { name: /Pass criteria/ }).click();
  const panel = app.getByRole('tabpanel');
  const level = (n: number) => panel.getByRole('group', { name: new RegExp(`^Level ${n} `) });
  for (const box of await level(2).getByRole('checkbox').all()) await box.check();
  await expect(panel.getByText(/they support level 2 Repeatable/)).toBeVisible();
  // All of level 3 but one: still level 2.
  const l3 = await level(3).getByRole('checkbox').all();
  for (const box of l3.slice(1)) await box.check();
  await expect(panel.getByText(/they support level 2 Repeatable/)).toBeVisible();
  await l3[0]!.check();
  await expect(panel.getByText(/they support level 3 Defined/)).toBeVisible();
  // Ticking suggests; it does not score.
  await expect(ws.pressedLevel('Current')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Set current level to 3' }).click();
  await expect(ws.pressedLevel('Current')).toHaveAccessibleName(/^3 /);
  // The ticks are stored with the score: they are there after a reload, and undo takes the last one back.
  await app.reload();
  await app.getByRole('tab', { name: /Pass criteria/ }).click();
  await expect(app.getByRole('tabpanel').getByRole('checkbox', { checked: true })).toHaveCount(2 + l3.length);
});

test('a re-assessment moves from 1.0 to 1.1, each carried score marked to confirm; the first-pass subset is a filter', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const engagement = await api.call('engagement.create', { client: 'Northwind Foods' });
  const q3 = await api.call('assessment.create', { engagementId: engagement.id, label: '2026 Q3', date: '2026-08-20', frameworkVersion: '1.0.0' });
  await api.call('assessment.rate', { engagementId: engagement.id, assessmentId: q3.id, capabilityId: 'M2.1', currentLevel: 2, targetLevel: 4 });
  await app.goto(`${server.url}#/e/${engagement.id}/assessments`);
  await app.getByRole('button', { name: 'New assessment from previous' }).click();
  const dialog = app.getByRole('dialog', { name: 'New assessment from 2026 Q3' });
  await expect(dialog.getByLabel('Framework')).toHaveValue('');
  await expect(dialog.getByText('2026 Q3 was scored against 1.0.0: its scores are carried over capability by capability to 1.1.0, each marked to confirm.')).toBeVisible();
  await dialog.getByLabel('Label').fill('2026 Q4');
  await dialog.getByRole('button', { name: 'Create assessment' }).click();
  const ws = new WorkspacePage(app);
  await expect(ws.heading).toBeVisible();
  await expect(app.getByText(/1 to confirm/)).toBeVisible();
  await app.getByRole('group', { name: 'Filter capabilities' }).getByRole('button', { name: /First pass/ }).click();
  await expect(ws.nav.getByRole('button', { name: /^M\d\.\d / })).toHaveCount(24);
  const created = (await api.call('assessment.list', { engagementId: engagement.id })).find((a: { label: string }) => a.label === '2026 Q4');
  expect(created.frameworkVersion).toBe('1.1.0');
});
