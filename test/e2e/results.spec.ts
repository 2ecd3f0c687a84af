import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EngineApi, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

/** The figure (chart frame) titled `title`. */
const figure = (page: Page, title: string | RegExp) => page.getByRole('figure', { name: title });

/** Every focusable mark's accessible name in a chart. */
async function markLabels(page: Page, title: string | RegExp): Promise<string[]> {
  return figure(page, title).locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

test('scores a small assessment, then reads the same numbers in the radar, the heat map and their tables', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');

  // M1.1 2→4, M1.2 3→4, M1.3 not applicable, M1.4 4 (no target), then M2.1 1→3.
  await ws.keys('2', 'Shift+Digit4', 'j', '3', 'Shift+Digit4', 'j', 'n', 'j', '4');
  await ws.navItem('M2.1').click();
  await ws.keys('1', 'Shift+Digit3');
  await ws.settled();
  await ws.keys('g');

  await expect(app.getByRole('heading', { level: 1, name: /Results: 2026 Q4/ })).toBeVisible();
  // 4 scored + 1 N/A of 72; mean current (2+3+4+1)/4 = 2.5.
  await expect(app.locator('.results-summary')).toContainText('5 of 72 scored (1 not applicable) · mean current 2.5');
  await expect(app.getByRole('region', { name: 'What these results do not cover yet' })).toContainText('Module M3 has no scores');

  // The radar: M1 current (2+3+4)/3 = 3.0, target (4+4)/2 = 4.0; M2 current 1.0, target 3.0; M3 … M9 have nothing to draw.
  const radar = await markLabels(app, 'Maturity by module');
  expect(radar).toEqual(
    expect.arrayContaining([
      'M1 Strategic Alignment — Current (2026 Q4): 3.0',
      'M2 Scalable Data Ingestion — Current (2026 Q4): 1.0',
      'M1 Strategic Alignment — Target (2026 Q4): 4.0',
      'M2 Scalable Data Ingestion — Target (2026 Q4): 3.0',
    ]),
  );
  expect(radar).toHaveLength(4);
  // The same numbers in the table view, module by module.
  await figure(app, 'Maturity by module').getByRole('button', { name: 'Show as table' }).click();
  const table = figure(app, 'Maturity by module').getByRole('table', { name: 'Module means' });
  const headers = await table.locator('thead th').allInnerTexts();
  for (const label of radar) {
    const [, module, series, value] = /^(M\d) .+ — (.+): (.+)$/.exec(label)!;
    const column = headers.findIndex((h) => h.toLowerCase() === series!.toLowerCase());
    const row = table.locator('tbody tr').filter({ has: app.getByRole('rowheader', { name: new RegExp(`^${module} `) }) });
    await expect(row.locator('th, td').nth(column)).toHaveText(value!);
  }
  await expect(table.locator('tbody tr').nth(2).locator('td').first()).toHaveText('–');

  // Heat map: the current level and the gap of each cell, then in its table.
  const heat = figure(app, /Heat map/);
  await expect(heat.locator('[data-mark][aria-label^="M1.1 "]')).toHaveAttribute('aria-label', /current level 2\. Open/);
  await expect(heat.locator('[data-mark][aria-label^="M1.3 "]')).toHaveAttribute('aria-label', /current level N\/A \(not applicable\)/);
  await heat.getByRole('button', { name: 'Gap', exact: true }).click();
  await expect(figure(app, /Heat map: gap/).locator('[data-mark][aria-label^="M1.1 "]')).toHaveAttribute('aria-label', /gap \+2\. Open/);
  await expect(figure(app, /Heat map: gap/).locator('[data-mark][aria-label^="M2.1 "]')).toHaveAttribute('aria-label', /gap \+2\. Open/);
  await figure(app, /Heat map: gap/).getByRole('button', { name: 'Show as table' }).click();
  await expect(figure(app, /Heat map: gap/).locator('td[data-capability="M1.2"]')).toHaveText('M1.2 +1');
  await expect(figure(app, /Heat map: gap/).locator('td[data-capability="M1.4"]')).toHaveText('M1.4 –');
  await figure(app, /Heat map: gap/).getByRole('button', { name: 'Show as table' }).click();

  // The gap ranking states its rule: M1.1 2 × 3 × 0.8 = 4.8 and M2.1 the same, M1.1 first (framework order); M1.2 1 × 3 × 0.8 = 2.4.
  const gaps = figure(app, 'Gap ranking');
  await expect(gaps).toContainText('Score = gap × priority × confidence factor × weight');
  expect(await markLabels(app, 'Gap ranking')).toEqual([
    expect.stringMatching(/^1\. M1\.1 .*score 4\.8 = gap 2 × priority 3 \(not set\) × confidence 0\.8 \(not set\)/),
    expect.stringMatching(/^2\. M2\.1 .*score 4\.8/),
    expect.stringMatching(/^3\. M1\.2 .*score 2\.4/),
  ]);

  // A heat map cell opens its capability in the workspace; G comes back.
  await figure(app, /Heat map/).locator('[data-mark][aria-label^="M1.2 "]').click();
  await expect(ws.heading).toContainText('M1.2');
  await ws.keys('g');
  await expect(app.getByRole('heading', { level: 1, name: /Results: 2026 Q4/ })).toBeVisible();
});

/** Northwind Foods' 2026 Q4 with M1.1 2→4, M1.2 3→4 and M2.1 1→3, its results open. */
async function openScoredResults(app: Page, url: string) {
  const api = new EngineApi(url);
  const { engagementId, assessmentId } = await api.seed();
  for (const [capabilityId, currentLevel, targetLevel] of [['M1.1', 2, 4], ['M1.2', 3, 4], ['M2.1', 1, 3]] as const) {
    await api.call('assessment.rate', { engagementId, assessmentId, capabilityId, currentLevel, targetLevel });
  }
  await app.goto(`${url}#/e/${engagementId}/a/${assessmentId}/results`);
  await expect(app.getByRole('heading', { level: 1, name: /Results: 2026 Q4/ })).toBeVisible();
}

const currentStroke = (app: Page) => figure(app, 'Maturity by module').locator('.series-current path').evaluate((p) => getComputedStyle(p).stroke);

test('charts move focus mark by mark and follow the theme, without accessibility regressions in light', async ({ app, server }) => {
  await openScoredResults(app, server.url);
  const marks = figure(app, 'Maturity by module').locator('[data-mark]');
  await marks.first().focus();
  await app.keyboard.press('ArrowRight');
  await expect(marks.nth(1)).toBeFocused();
  await app.keyboard.press('End');
  await expect(marks.last()).toBeFocused();
  expect(await seriousA11yViolations(app)).toEqual([]);

  const light = await currentStroke(app);
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => currentStroke(app)).not.toBe(light);
});

const targetStroke = (app: Page) => figure(app, 'Maturity by module').locator('.series-target path').first().evaluate((p) => getComputedStyle(p).stroke);

test('every colour of a chart follows the scheme chosen in the app, whatever the operating system says', async ({ app, server }) => {
  await openScoredResults(app, server.url);
  await app.emulateMedia({ colorScheme: 'light' });
  const light = { current: await currentStroke(app), target: await targetStroke(app) };
  await app.emulateMedia({ colorScheme: 'dark' });
  const dark = { current: await currentStroke(app), target: await targetStroke(app) };
  expect(dark.target).not.toBe(light.target);

  const api = new EngineApi(server.url);
  // Light chosen in the app on a dark system, then dark chosen on a light one: the chart is drawn as chosen.
  await api.call('settings.update', { theme: 'light' });
  await app.reload();
  await expect.poll(() => targetStroke(app)).toBe(light.target);
  expect(await currentStroke(app)).toBe(light.current);
  await app.emulateMedia({ colorScheme: 'light' });
  await api.call('settings.update', { theme: 'dark' });
  await app.reload();
  await expect.poll(() => targetStroke(app)).toBe(dark.target);
  expect(await currentStroke(app)).toBe(dark.current);
});

test('a chart saves as a standalone SVG in the colours on screen, and as PNG; no accessibility regressions in dark', async ({ app, server }) => {
  await openScoredResults(app, server.url);
  await app.emulateMedia({ colorScheme: 'dark' });
  const dark = await currentStroke(app);
  const [svgDownload] = await Promise.all([app.waitForEvent('download'), figure(app, 'Maturity by module').getByRole('button', { name: 'Save as SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('northwind-foods-2026-q4-radar.svg');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('>Maturity by module</text>');
  expect(svg).toContain(`stroke: ${dark}`);
  expect(svg).not.toContain('var(--');
  expect(svg).not.toContain('light-dark(');
  expect(svg).toContain('fill="rgb(23, 30, 39)"');
  const [pngDownload] = await Promise.all([app.waitForEvent('download'), figure(app, 'Gap ranking').getByRole('button', { name: 'Save as PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('northwind-foods-2026-q4-gap-ranking.png');
  expect(readFileSync((await pngDownload.path())!).subarray(1, 4).toString()).toBe('PNG');
  expect(await seriousA11yViolations(app)).toEqual([]);
});

test('an assessment with nothing scored says what is missing instead of drawing zeros', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  await app.goto(`${server.url}#/e/${engagementId}/a/${assessmentId}/results`);
  await expect(app.getByRole('region', { name: 'What these results do not cover yet' })).toContainText('Nothing scored yet: 0 of 72 scored');
  await expect(figure(app, 'Maturity by module').getByRole('list')).toContainText('No module has a scored capability yet');
  await expect(figure(app, 'Maturity by module').locator('svg')).toHaveCount(0);
  await expect(figure(app, 'Gap ranking').getByRole('list')).toContainText('No capability has a gap yet');
  expect(await seriousA11yViolations(app)).toEqual([]);
});

test('the trend shows each module over two assessments and the capabilities that moved', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const e = await api.call('engagement.create', { client: 'Northwind Foods' });
  const rate = (assessmentId: string, capabilityId: string, currentLevel: number) => api.call('assessment.rate', { engagementId: e.id, assessmentId, capabilityId, currentLevel });
  const q3 = await api.call('assessment.create', { engagementId: e.id, label: '2026 Q3', date: '2026-08-20' });
  await rate(q3.id, 'M1.1', 1);
  await rate(q3.id, 'M1.2', 2);
  await rate(q3.id, 'M2.1', 3);
  const q4 = await api.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20', fromAssessmentId: q3.id });
  await rate(q4.id, 'M1.1', 3);
  await rate(q4.id, 'M2.1', 2);

  await app.reload();
  await app.getByRole('button', { name: 'Northwind Foods', exact: true }).click();
  await app.getByRole('button', { name: 'Trend', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Trend: Northwind Foods' })).toBeVisible();
  await expect(app.getByText('2 assessments, 2026 Q3')).toBeVisible();

  // M1: Q3 (1+2)/2 = 1.5, Q4 (3 + carried-over 2)/2 = 2.5. M2: 3.0 then 2.0.
  const chart = figure(app, 'Module means over time');
  expect(await markLabels(app, 'Module means over time')).toEqual([
    'M1 Strategic Alignment, 2026 Q3: current 1.5, target none',
    'M1 Strategic Alignment, 2026 Q4: current 2.5, target none',
    'M2 Scalable Data Ingestion, 2026 Q3: current 3.0, target none',
    'M2 Scalable Data Ingestion, 2026 Q4: current 2.0, target none',
  ]);
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const row = (module: string) => chart.getByRole('row').filter({ has: app.getByRole('rowheader', { name: new RegExp(`^${module} `) }) });
  await expect(row('M1').getByRole('cell')).toHaveText(['1.5', '2.5']);
  await expect(row('M2').getByRole('cell')).toHaveText(['3.0', '2.0']);
  await expect(row('M3').getByRole('cell')).toHaveText(['–', '–']);

  // Movers, Q3 to Q4: M1.1 +2 up; M2.1 −1 down; M1.2 unchanged.
  const movers = app.getByRole('region', { name: 'Biggest movers' });
  await expect(movers).toContainText('3 capabilities scored in both 2026 Q3 and 2026 Q4: 1 rose, 1 fell, 1 unchanged.');
  await expect(movers.getByRole('table', { name: 'Rose from 2026 Q3 to 2026 Q4' }).getByRole('row').nth(1)).toContainText('M1.1');
  await expect(movers.getByRole('table', { name: 'Fell from 2026 Q3 to 2026 Q4' }).getByRole('row').nth(1)).toContainText('M2.1');
  // The other way round, the rise is a fall.
  await movers.getByRole('button', { name: 'Swap' }).click();
  await expect(movers.getByRole('table', { name: 'Fell from 2026 Q4 to 2026 Q3' }).getByRole('row').nth(1)).toContainText('M1.1');
  expect(await seriousA11yViolations(app)).toEqual([]);
});

test('the portfolio places the client among the others and shows no other client’s name', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const scored = async (client: string, industry: string, region: string, levels: Record<string, number>) => {
    const e = await api.call('engagement.create', { client, industry, region });
    const a = await api.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
    for (const [capabilityId, currentLevel] of Object.entries(levels)) await api.call('assessment.rate', { engagementId: e.id, assessmentId: a.id, capabilityId, currentLevel });
    return e.id as string;
  };
  const own = await scored('Northwind Foods', 'Retail', 'Nordics', { 'M1.1': 2, 'M1.2': 4 });
  await scored('Contoso Stores', 'Retail', 'UK', { 'M1.1': 1, 'M1.2': 1 });
  await scored('Fabrikam Bank', 'Banking', 'UK', { 'M1.1': 4, 'M1.2': 5 });

  await app.goto(`${server.url}#/e/${own}/trend`);
  await app.getByRole('button', { name: 'Portfolio' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Portfolio: Northwind Foods among your engagements' })).toBeVisible();
  await expect(app.locator('.portfolio-count')).toHaveText('2 other engagements compared');

  // M1: Contoso (1+1)/2 = 1.0, Fabrikam (4+5)/2 = 4.5: median 2.75; own (2+4)/2 = 3.0 above one of two → 50th percentile.
  const chart = figure(app, 'Where this client sits, module by module');
  const m1 = (await markLabels(app, 'Where this client sits, module by module')).find((l) => l.startsWith('M1 '));
  expect(m1).toBe(
    'M1 Strategic Alignment: 2 engagements, median 2.8, quartiles 1.9 to 3.6, range 1.0 to 4.5; this client 3.0, 50th percentile (third quartile)',
  );
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const row = chart.getByRole('row').filter({ has: app.getByRole('rowheader', { name: /^M1 / }) });
  await expect(row.getByRole('cell')).toHaveText(['2', '1.0', '1.9', '2.8', '3.6', '4.5', '3.0', '50th (third quartile)']);

  await app.getByLabel('Industry').selectOption('Retail');
  await expect(app.locator('.portfolio-count')).toHaveText('1 other engagement compared (Retail)');
  await expect(row.getByRole('cell').first()).toHaveText('1');

  const html = await app.content();
  for (const other of ['Contoso', 'Fabrikam']) expect(html).not.toContain(other);
  expect(await seriousA11yViolations(app)).toEqual([]);
});
