/** Framework 1.1 in the browser, and a custom framework copied, edited, exported and imported back. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seriousA11yViolations, test } from './fixtures';

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
