/** Exports and imports as a consultant uses them in browser mode: the deck with its progress and download, the survey round trip, engagement files, branding. */
import ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../support/zip';
import { expect, seriousA11yViolations, test } from './fixtures';
import { EngineApi } from './pages';

const shot = (name: string) => join('test-results', 'export-screens', `${name}.png`);

async function seeded(url: string) {
  const api = new EngineApi(url);
  const s = await api.seed();
  const unit = await api.call('businessUnit.add', { engagementId: s.engagementId, name: 'Finance' });
  await api.call('participant.update', { engagementId: s.engagementId, participantId: s.participants[0]!.id, businessUnitId: unit.id });
  for (const [i, capabilityId] of ['M1.1', 'M1.2', 'M2.1', 'M3.4', 'M5.2'].entries()) {
    await api.call('assessment.rate', { engagementId: s.engagementId, assessmentId: s.assessmentId, capabilityId, currentLevel: 1 + (i % 3), targetLevel: 4, confidence: 'medium' });
  }
  return { api, ...s, unitId: unit.id as string };
}

/** A small roadmap on the seeded engagement: two initiatives, a scheduled base case, a scenario set by hand, one never scheduled. */
async function withRoadmap(s: Awaited<ReturnType<typeof seeded>>) {
  const engagementId = s.engagementId;
  const card = await s.api.call('rateCard.set', { engagementId, roles: [{ name: 'Data engineer', dayRate: 90_000 }] });
  const de = card.roles[0].id as string;
  const lake = await s.api.call('initiative.add', {
    engagementId,
    name: 'Lakehouse migration',
    owner: 'Data Platform',
    uplifts: [{ capabilityId: 'M1.1', toLevel: 4 }],
    capex: 12_000_000,
    effort: [{ roleId: de, days: 40 }],
    durationQuarters: 2,
    risk: 'high',
  });
  await s.api.call('initiative.add', {
    engagementId,
    name: 'Data quality monitoring',
    uplifts: [{ capabilityId: 'M3.4', toLevel: 4 }],
    capex: 2_500_000,
    opexPerYear: 400_000,
    durationQuarters: 1,
    dependsOn: [lake.id],
    costSplit: { mode: 'percent', shares: [{ businessUnitId: s.unitId, percent: 100 }] },
  });
  const base = await s.api.call('scenario.create', { engagementId, name: 'Base case', startQuarter: '2027-Q1', horizon: 4 });
  await s.api.call('scenario.schedule', { engagementId, scenarioId: base.id, timeLimitMs: 5000 });
  await s.api.call('scenario.create', { engagementId, name: 'Lakehouse later', startQuarter: '2027-Q1', horizon: 4, mode: 'manual', manualStarts: { [lake.id]: '2027-Q2' } });
  await s.api.call('scenario.create', { engagementId, name: 'Draft', startQuarter: '2027-Q1', horizon: 4 });
}

test('a consultant exports the deck with the sections chosen, follows its progress and downloads it', async ({ app, server }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const s = await seeded(server.url);
  await app.goto(`${server.url}#/e/${s.engagementId}/assessments`);
  await app.getByRole('button', { name: 'Export deck or workbook…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export for the client' });
  await expect(dialog.getByRole('checkbox', { name: /Roadmap/ })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: /Roadmap/ })).not.toBeChecked();
  await expect(dialog.getByText('No roadmap scenario yet: plan one on the Roadmap screen to add the roadmap, costs and chargeback.')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Roadmap scenario' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Evidence register/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /Anonymise/ }).check();
  await expect(dialog.getByLabel('Finance')).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.screenshot({ path: shot('export-dialog') });

  await dialog.getByRole('button', { name: 'Export deck' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Writing the file' })).toContainText('✓');
  for (const step of ['Executive summary', 'One slide per module', 'Action items']) await expect(dialog.getByRole('listitem').filter({ hasText: step })).toContainText('✓');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Evidence register' })).toHaveCount(0);
  await expect(dialog.getByText(/^Northwind Foods - 2026 Q4 - Maturity deck - \d{4}-\d{2}-\d{2}\.pptx$/)).toBeVisible();
  await app.screenshot({ path: shot('export-done') });

  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('link', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Northwind Foods - 2026 Q4 - Maturity deck - .*\.pptx$/);
  const saved = join(mkdtempSync(join(tmpdir(), 'mw-dl-')), 'deck.pptx');
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  expect(statSync(saved).size).toBeGreaterThan(50_000);
});

test('a consultant adds a roadmap scenario to the deck and compares it with another; the workbook gets its roadmap sheets', async ({ app, server }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const s = await seeded(server.url);
  await withRoadmap(s);
  await app.goto(`${server.url}#/e/${s.engagementId}/assessments`);
  await app.getByRole('button', { name: 'Export deck or workbook…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export for the client' });
  const picker = dialog.getByRole('combobox', { name: 'Roadmap scenario' });
  await expect(picker.getByRole('option', { name: 'Draft (not scheduled yet)' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: /Cost per quarter/ })).toBeDisabled();
  await picker.selectOption({ label: 'Base case' });
  for (const name of [/^Roadmap/, /Cost per quarter/, /Chargeback/, /Projected maturity/]) {
    await expect(dialog.getByRole('checkbox', { name })).toBeEnabled();
    await expect(dialog.getByRole('checkbox', { name })).toBeChecked();
  }
  const comparison = dialog.getByRole('checkbox', { name: /Scenario comparison/ });
  await expect(comparison).toBeDisabled();
  await expect(comparison.locator('xpath=..')).toContainText('tick a scenario to compare with');
  await dialog.getByRole('group', { name: 'Compare with (up to three)' }).getByRole('checkbox', { name: 'Lakehouse later (set by hand)' }).check();
  await expect(comparison).toBeChecked();
  await dialog.getByRole('checkbox', { name: /One slide per module/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /Evidence register/ }).uncheck();
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.screenshot({ path: shot('export-dialog-roadmap') });

  await dialog.getByRole('button', { name: 'Export deck' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Writing the file' })).toContainText('✓');
  for (const step of ['Roadmap', 'Cost per quarter', 'Chargeback', 'Projected maturity', 'Scenario comparison']) {
    await expect(dialog.getByRole('listitem').filter({ hasText: step }).first()).toContainText('✓');
  }
  await app.screenshot({ path: shot('export-done-roadmap') });
  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('link', { name: 'Download' }).click()]);
  const saved = join(mkdtempSync(join(tmpdir(), 'mw-dl-')), 'deck.pptx');
  await download.saveAs(saved);
  const zip = readZip(saved);
  // The radar and the top gaps, then cost per quarter, chargeback, projected maturity and the comparison: six native charts.
  expect([...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBe(6);
  const slides = [...zip.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.get(n)!.text()).join('');
  expect(slides).toContain('Lakehouse migration');
  expect(slides).toContain('FY2027');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('button', { name: 'Export deck or workbook…' }).click();
  await dialog.getByRole('radio', { name: /Workbook/ }).check();
  await dialog.getByRole('combobox', { name: 'Roadmap scenario' }).selectOption({ label: 'Lakehouse later (set by hand)' });
  await expect(dialog.getByRole('group', { name: 'Compare with (up to three)' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Export workbook' }).click();
  for (const step of ['Initiatives', 'Schedule', 'Costs', 'Cost rows']) await expect(dialog.getByRole('listitem').filter({ hasText: new RegExp(`^. ${step}$`) })).toContainText('✓');
  await expect(dialog.getByText(/^Northwind Foods - 2026 Q4 - Maturity workbook - .*\.xlsx$/)).toBeVisible();
});

test('a consultant sends the survey, and imports a returned file after a preview; a bad file is refused with where it is wrong', async ({ app, server }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const s = await seeded(server.url);
  await app.goto(`${server.url}#/e/${s.engagementId}/assessments`);
  await app.getByRole('button', { name: 'Survey…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Pre-workshop survey' });
  await dialog.getByRole('button', { name: 'Export 3 files' }).click();
  const written = dialog.locator('.written-path');
  await expect(written).toHaveCount(3);
  const ingrid = (await written.allTextContents()).find((p) => p.includes('Survey for Ingrid Berg'))!;

  const fill = async (name: string, cells: Record<string, number>) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ingrid);
    const ws = wb.getWorksheet('Ingrid Berg')!;
    for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
    const out = join(mkdtempSync(join(tmpdir(), 'mw-survey-')), name);
    await wb.xlsx.writeFile(out);
    return out;
  };

  await dialog.getByRole('tab', { name: 'Import returned files' }).click();
  await dialog.getByLabel('Returned survey (.xlsx)').setInputFiles(await fill('ingrid-bad.xlsx', { J6: 2, J7: 9 }));
  await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText('ingrid-bad.xlsx, sheet "Ingrid Berg", row 7, column J (Your current level): "9" is not a level from 1 to 5.');
  await expect(dialog.getByRole('button', { name: /^Apply/ })).toHaveCount(0);

  await dialog.getByLabel('Returned survey (.xlsx)').setInputFiles(await fill('ingrid.xlsx', { J6: 2, K6: 3 }));
  const preview = dialog.getByRole('table', { name: 'Votes the survey changes' });
  await expect(preview.getByRole('row').filter({ hasText: 'M1.1' })).toContainText('Ingrid Berg–2 → 3');
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.screenshot({ path: shot('survey-preview') });
  expect((await s.api.call('assessment.get', { engagementId: s.engagementId, assessmentId: s.assessmentId })).votes).toEqual([]);

  await dialog.getByRole('button', { name: 'Apply 1 change' }).click();
  await expect(app.getByText('ingrid.xlsx: 1 vote recorded')).toBeVisible();
  const votes = (await s.api.call('assessment.get', { engagementId: s.engagementId, assessmentId: s.assessmentId })).votes;
  expect(votes.map((v: { capabilityId: string; currentLevel: number; targetLevel: number }) => [v.capabilityId, v.currentLevel, v.targetLevel])).toEqual([['M1.1', 2, 3]]);
});

test('an engagement travels as one file: exported from the engagement, imported on the home screen', async ({ app, server }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const s = await seeded(server.url);
  await app.goto(`${server.url}#/e/${s.engagementId}/assessments`);
  await expect(app.getByRole('button', { name: 'Export engagement file…' })).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.screenshot({ path: shot('engagement') });
  await app.getByRole('button', { name: 'Export engagement file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export Northwind Foods as one file' });
  await dialog.getByRole('checkbox', { name: 'Include evidence files' }).uncheck();
  await dialog.getByRole('button', { name: 'Export file' }).click();
  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('link', { name: 'Download' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'mw-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('button', { name: 'Maturity Workbench home' }).click();
  await app.getByRole('button', { name: 'Import engagement file…' }).click();
  const importing = app.getByRole('dialog', { name: 'Import an engagement file' });
  await importing.getByLabel('Engagement file').setInputFiles(file);
  await importing.getByRole('button', { name: 'Import' }).click();
  await expect(app.getByText('Northwind Foods imported as a copy: this folder already had that engagement')).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Northwind Foods' })).toBeVisible();
  await app.getByRole('button', { name: 'Maturity Workbench home' }).click();
  await expect(app.getByRole('table', { name: 'Engagements' }).getByRole('row').filter({ hasText: 'Northwind Foods' })).toHaveCount(2);
});

test('branding set on the engagement details is kept', async ({ app, server }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const s = await seeded(server.url);
  await app.goto(`${server.url}#/e/${s.engagementId}/details`);
  const form = app.getByRole('form', { name: 'Branding of the exports' });
  await form.getByLabel('Primary colour', { exact: true }).fill('#0B6E4F');
  await form.getByLabel('Accent colour', { exact: true }).fill('#F2A541');
  await form.getByLabel('Confidentiality footer').fill('Strictly confidential: board only');
  await form.getByLabel('Logo file').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  });
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(app.getByText('Branding saved')).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);
  await app.reload();
  const again = app.getByRole('form', { name: 'Branding of the exports' });
  await expect(again.getByLabel('Primary colour', { exact: true })).toHaveValue('#0B6E4F');
  await expect(again.getByLabel('Confidentiality footer')).toHaveValue('Strictly confidential: board only');
  await expect(again.getByRole('img', { name: 'Current logo' })).toBeVisible();
  await again.scrollIntoViewIfNeeded();
  await app.screenshot({ path: shot('branding'), fullPage: true });
});
