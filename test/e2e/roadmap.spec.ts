/**
 * The planning half in Chromium: a rate card, three initiatives with a dependency, a scenario scheduled
 * by the solver, its Gantt, projected maturity and chargeback; a copy with a lower budget compared side
 * by side; refusals at the field and Ctrl+Z.
 *
 * The world (numbers worked out by hand, as in test/integration/roadmap.test.ts): EUR, fiscal year from
 * April; Finance, HR, Operations; baseline M1.1 2 -> 4, M1.2 2 -> 3, M2.1 3 -> 4. Data engineer 800.00 a day,
 * analyst 500.00. Lakehouse migration (M1.1 -> 3, capex 120,000, opex 40,000 a year, 60 data-engineer days,
 * 2 quarters); Data catalogue after it (M1.2 -> 3, capex 30,000, 20 analyst days, 50/30/20); Quality
 * monitoring (M2.1 -> 4, capex 10,000, 10 data-engineer days). 2027-Q2 for 4 quarters, 40 data-engineer days.
 */
import { expect, seriousA11yViolations, test } from './fixtures';
import { EngineApi } from './pages';
import type { Page } from '@playwright/test';

async function world(api: EngineApi) {
  const e = await api.call('engagement.create', { client: 'Northwind Foods', currency: 'EUR', fyStartMonth: 4 });
  const units: Record<string, string> = {};
  for (const name of ['Finance', 'Operations', 'HR']) units[name] = (await api.call('businessUnit.add', { engagementId: e.id, name })).id;
  const a = await api.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
  for (const [capabilityId, currentLevel, targetLevel] of [
    ['M1.1', 2, 4],
    ['M1.2', 2, 3],
    ['M2.1', 3, 4],
  ]) {
    await api.call('assessment.rate', { engagementId: e.id, assessmentId: a.id, capabilityId, currentLevel, targetLevel });
  }
  return { engagementId: e.id as string, units };
}

/** The rate card, three initiatives and (unless told otherwise) a scheduled scenario, written through the API; the first test types them in. */
async function plannedWorld(api: EngineApi, withScenario = true) {
  const w = await world(api);
  const card = await api.call('rateCard.set', { engagementId: w.engagementId, roles: [{ name: 'Data engineer', dayRate: 80_000 }, { name: 'Analyst', dayRate: 50_000 }] });
  const [de, an] = card.roles.map((r: { id: string }) => r.id);
  const a = await api.call('initiative.add', { engagementId: w.engagementId, name: 'Lakehouse migration', uplifts: [{ capabilityId: 'M1.1', toLevel: 3 }], capex: 12_000_000, opexPerYear: 4_000_000, effort: [{ roleId: de, days: 60 }], durationQuarters: 2 });
  await api.call('initiative.add', {
    engagementId: w.engagementId,
    name: 'Data catalogue',
    uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }],
    capex: 3_000_000,
    effort: [{ roleId: an, days: 20 }],
    dependsOn: [a.id],
    costSplit: { mode: 'percent', shares: [{ businessUnitId: w.units.Finance, percent: 50 }, { businessUnitId: w.units.Operations, percent: 30 }, { businessUnitId: w.units.HR, percent: 20 }] },
  });
  await api.call('initiative.add', { engagementId: w.engagementId, name: 'Quality monitoring', uplifts: [{ capabilityId: 'M2.1', toLevel: 4 }], capex: 1_000_000, effort: [{ roleId: de, days: 10 }] });
  if (!withScenario) return w;
  const s = await api.call('scenario.create', { engagementId: w.engagementId, name: 'Base case', startQuarter: '2027-Q2', horizon: 4, capacity: [{ roleId: de, daysPerQuarter: 40 }] });
  await api.call('scenario.schedule', { engagementId: w.engagementId, scenarioId: s.id });
  return w;
}

async function addInitiative(page: Page, x: { name: string; capability: string; toLevel: string; capex: string; opex?: string; quarters?: string; effort: [string, string]; after?: string; split?: [string, string][] }) {
  await page.getByRole('button', { name: /^New initiative/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New initiative' });
  await dialog.getByLabel('Name', { exact: true }).fill(x.name);
  await dialog.getByRole('button', { name: 'Add a capability' }).click();
  await dialog.getByRole('combobox', { name: /^Capability 1/ }).selectOption(x.capability);
  await dialog.getByRole('combobox', { name: /^To level/ }).selectOption(x.toLevel);
  await dialog.getByLabel('One-off cost (capex, EUR)').fill(x.capex);
  if (x.opex) await dialog.getByLabel('Running cost per year (opex, EUR)').fill(x.opex);
  if (x.quarters) await dialog.getByLabel('Duration (quarters)').selectOption(x.quarters);
  await dialog.getByLabel(x.effort[0], { exact: true }).fill(x.effort[1]);
  if (x.after) await dialog.getByRole('checkbox', { name: x.after }).check();
  if (x.split) {
    await dialog.getByRole('radio', { name: 'By percentage' }).check();
    for (const [unit, pct] of x.split) await dialog.getByLabel(`${unit} (%)`).fill(pct);
    await expect(dialog.getByRole('status')).toHaveText('Sum: 100 %');
  }
  await dialog.getByRole('button', { name: 'Add initiative' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Initiatives' }).getByRole('button', { name: x.name, exact: true })).toBeVisible();
}

test('creates a rate card and three initiatives, one depending on another, in the editor', async ({ app, server }) => {
  const { engagementId } = await world(new EngineApi(server.url));
  await app.goto(`${server.url}#/e/${engagementId}/assessments`);
  await app.getByRole('button', { name: 'Roadmap and scenarios' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Roadmap and scenarios' })).toBeVisible();

  await app.getByRole('button', { name: 'Edit rate card' }).click();
  await app.getByRole('textbox', { name: 'Role 1' }).fill('Data engineer');
  await app.getByLabel('Day rate (EUR)').fill('800');
  await app.getByRole('button', { name: 'Add role' }).click();
  await app.getByRole('textbox', { name: 'Role 2' }).fill('Analyst');
  await app.getByLabel('Day rate (EUR)').nth(1).fill('500');
  await app.getByRole('button', { name: 'Save rate card' }).click();
  await expect(app.getByRole('list', { name: 'Rate card' })).toContainText('Data engineer €800.00 a day');

  await addInitiative(app, { name: 'Lakehouse migration', capability: 'M1.1', toLevel: '3', capex: '120000', opex: '40000', quarters: '2', effort: ['Data engineer', '60'] });
  await addInitiative(app, {
    name: 'Data catalogue',
    capability: 'M1.2',
    toLevel: '3',
    capex: '30000',
    effort: ['Analyst', '20'],
    after: 'Lakehouse migration',
    split: [['Finance', '50'], ['Operations', '30'], ['HR', '20']],
  });
  await addInitiative(app, { name: 'Quality monitoring', capability: 'M2.1', toLevel: '4', capex: '10000', effort: ['Data engineer', '10'] });

  const list = app.getByRole('table', { name: 'Initiatives' });
  await expect(list.getByRole('row', { name: /^Data catalogue/ })).toContainText('Lakehouse migration');
  await expect(list.getByRole('row', { name: /^Data catalogue/ })).toContainText('Finance 50 % · HR 20 % · Operations 30 %');
  await expect(list.getByRole('row', { name: /^Lakehouse migration/ })).toContainText('€120,000.00');
});

test('plans a scenario: the schedule, its Gantt, the projected maturity and the chargeback', async ({ app, server }) => {
  const { engagementId } = await plannedWorld(new EngineApi(server.url), false);
  await app.goto(`${server.url}#/e/${engagementId}/roadmap/initiatives`);
  await app.getByRole('tab', { name: 'Roadmap' }).click();
  await app.getByRole('button', { name: 'New scenario' }).click();
  const dialog = app.getByRole('dialog', { name: 'New scenario' });
  await dialog.getByLabel('Scenario name').fill('Base case');
  await dialog.getByLabel('Start quarter').selectOption('2027-Q2');
  await dialog.getByLabel('Horizon (quarters)').selectOption('4');
  await dialog.getByLabel('Data engineer').fill('40');
  await dialog.getByRole('button', { name: 'Create scenario' }).click();
  await expect(dialog).toBeHidden();

  await app.getByRole('button', { name: 'Schedule', exact: true }).click();
  const status = app.getByRole('status', { name: 'Solver result' });
  await expect(status).toContainText('Optimal');
  await expect(status).toContainText('gap 0.00 %');
  await expect(status).toContainText('objective 6.50');

  // the Gantt: three bars with their quarters, the catalogue after the migration, one dependency arrow
  const gantt = app.getByRole('group', { name: 'Schedule of Base case' });
  await expect(gantt.getByRole('img', { name: /^Lakehouse migration: 2027-Q2 to 2027-Q3 \(FY2028 Q1 to FY2028 Q2\)/ })).toBeVisible();
  await expect(gantt.getByRole('img', { name: /^Data catalogue: 2027-Q4 to 2027-Q4/ })).toBeVisible();
  await expect(gantt.getByRole('img', { name: /^Quality monitoring: 2027-Q2 to 2027-Q2/ })).toBeVisible();
  await expect(gantt.locator('.gantt-dep')).toHaveCount(1);
  await expect(app.getByRole('img', { name: '2027-Q2: Data engineer 40 of 40 person-days' })).toBeVisible();

  // projected maturity: M1 2 -> 3 (its uplifts count from the quarter after each finishes), M2 3 -> 4 from 2027-Q3
  const maturity = app.getByRole('figure', { name: 'Projected maturity' });
  await expect(maturity).toContainText('M1 2.00 → 3.00, M2 3.00 → 4.00');
  await expect(maturity.getByRole('img', { name: /^M1 .*: 2\.50 in 2027-Q4$/ })).toHaveCount(1);
  await expect(app.getByRole('table', { name: 'Time to target' })).toContainText('2027-Q3 · FY2028 Q2');

  // chargeback: FY2028 per unit, adding up to the total to the cent
  await app.getByRole('tab', { name: 'Costs' }).click();
  await app.getByRole('button', { name: 'Per fiscal year' }).click();
  const chargeback = app.getByRole('table', { name: 'Chargeback by business unit' });
  await expect(chargeback.getByRole('row', { name: /^Finance/ })).toContainText('€88,666.68');
  await expect(chargeback.getByRole('row', { name: /^HR/ })).toContainText('€76,666.66');
  await expect(chargeback.getByRole('row', { name: /^Operations/ })).toContainText('€80,666.66');
  await expect(chargeback.getByRole('row', { name: /^Total/ })).toContainText('€246,000.00');
});

test('copies a scenario with a lower budget, schedules it and compares the two side by side', async ({ app, server }) => {
  const { engagementId } = await plannedWorld(new EngineApi(server.url));
  await app.goto(`${server.url}#/e/${engagementId}/roadmap/plan`);
  await expect(app.getByRole('status', { name: 'Solver result' })).toContainText('Optimal');
  await app.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(app.getByRole('combobox', { name: /^Scenario/ }).locator('option:checked')).toHaveText('Base case (copy)');

  await app.locator('.rm-scenario-bar').getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings of Base case (copy)' });
  await dialog.getByLabel('Scenario name').fill('Lean');
  await dialog.getByRole('combobox', { name: /^Budget/ }).selectOption('year');
  await dialog.getByLabel('Budget amount (EUR)').fill('100000');
  await dialog.getByRole('button', { name: 'Save scenario' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status', { name: 'Solver result' })).toContainText('Out of date');
  await app.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Solver result' })).not.toContainText('Out of date');
  // 100,000 for the year: the migration alone costs 168,000 and the catalogue needs it; quality monitoring fits
  await expect(app.getByRole('group', { name: 'Schedule of Lean' }).getByRole('img')).toHaveCount(1);

  await app.getByRole('tab', { name: 'Compare scenarios' }).click();
  const table = app.getByRole('table', { name: 'Scenarios side by side' });
  await expect(table.getByRole('columnheader')).toHaveText(['Figure', 'Base case', 'Lean']);
  await expect(table.getByRole('row', { name: /^Total cost/ })).toHaveText(/Total cost\s*€246,000\.00\s*€18,000\.00/);
  await expect(table.getByRole('row', { name: /^M2 at the horizon/ })).toContainText('4.00');
  await expect(table.getByRole('row', { name: /^M1 at the horizon/ })).toHaveText(/3\.00\s*2\.00/);
  await expect(table.getByRole('row', { name: /^Includes/ })).toHaveText(/Lakehouse migration, Quality monitoring, Data catalogue\s*Quality monitoring/);
  await expect(app.getByRole('figure', { name: 'Maturity at the horizon' })).toContainText('Largest difference in M1: 2.00 (Lean) to 3.00 (Base case)');
});

test('refuses a cost split that does not add up to 100 at the field, and Ctrl+Z undoes a removal', async ({ app, server }) => {
  const { engagementId } = await plannedWorld(new EngineApi(server.url));
  await app.goto(`${server.url}#/e/${engagementId}/roadmap/initiatives`);
  await app.getByRole('table', { name: 'Initiatives' }).getByRole('button', { name: 'Data catalogue', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Data catalogue' });
  await dialog.getByLabel('HR (%)').fill('10');
  await expect(dialog.getByRole('status')).toHaveText('Sum: 90 % (must be 100 %)');
  await dialog.getByRole('button', { name: 'Save initiative' }).click();
  await expect(dialog.locator('.field-error')).toContainText('costSplit.shares add up to 90%, they must add up to 100%');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const initiatives = app.getByRole('table', { name: 'Initiatives' });
  await app.getByRole('button', { name: 'Remove Quality monitoring' }).click();
  await expect(initiatives.getByRole('button', { name: 'Quality monitoring', exact: true })).toHaveCount(0);
  await app.locator('body').click({ position: { x: 5, y: 300 } });
  await app.keyboard.press('Control+z');
  await expect(initiatives.getByRole('button', { name: 'Quality monitoring', exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: /^Redo/ })).toBeEnabled();
  await expect(initiatives.getByRole('row', { name: /Data catalogue/ })).toContainText('Finance 50 % · Operations 30 % · HR 20 %');
});

test('manual mode: a dragged bar and a bar moved by arrow key change the start quarters, and a broken dependency is listed', async ({ app, server }) => {
  const { engagementId } = await plannedWorld(new EngineApi(server.url));
  await app.goto(`${server.url}#/e/${engagementId}/roadmap/plan`);
  await app.getByRole('button', { name: 'Manual', exact: true }).click();
  // the manual starts begin as the solver's plan
  await expect(app.getByRole('combobox', { name: /^Start of Quality monitoring/ })).toHaveValue('2027-Q2');
  const gantt = app.getByRole('group', { name: 'Schedule of Base case' });

  const bar = gantt.getByRole('img', { name: /^Quality monitoring:/ }).locator('rect');
  const box = (await bar.boundingBox())!;
  const quarter = (await gantt.locator('.gantt-band').nth(1).boundingBox())!.x - (await gantt.locator('.gantt-band').nth(0).boundingBox())!.x;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2 + quarter * 0.6, box.y + box.height / 2, { steps: 4 });
  await app.mouse.move(box.x + box.width / 2 + quarter * 1.1, box.y + box.height / 2, { steps: 4 });
  await app.mouse.up();
  await expect(app.getByRole('combobox', { name: /^Start of Quality monitoring/ })).toHaveValue('2027-Q3');
  await expect(app.getByRole('list', { name: 'Broken limits' })).toHaveCount(0);

  await gantt.getByRole('img', { name: /^Data catalogue:/ }).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByRole('combobox', { name: /^Start of Data catalogue/ })).toHaveValue('2027-Q3');
  await expect(app.getByRole('list', { name: 'Broken limits' })).toHaveText('2027-Q3: Data catalogue starts before its dependency Lakehouse migration finishes (2027-Q3)');
  await expect(gantt.locator('.gantt-dep.broken')).toHaveCount(1);
  await expect(gantt.getByRole('img', { name: /^Data catalogue: .*, breaks a limit/ })).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const tabs of [['initiatives', 'plan'], ['costs', 'compare']]) {
    test(`the roadmap screens ${tabs.join(' and ')} have no serious accessibility problems (${scheme})`, async ({ app, server }) => {
      const api = new EngineApi(server.url);
      const { engagementId } = await plannedWorld(api);
      const [base] = await api.call('scenario.list', { engagementId });
      await api.call('scenario.copy', { engagementId, scenarioId: base.id });
      await app.emulateMedia({ colorScheme: scheme });
      for (const tab of tabs) {
        await app.goto(`${server.url}#/e/${engagementId}/roadmap/${tab}`);
        await expect(app.locator(tab === 'initiatives' ? 'table[aria-label="Initiatives"]' : '.rm-figure svg').first()).toBeVisible();
        expect(await seriousA11yViolations(app), tab).toEqual([]);
      }
    });
  }
}
