/**
 * The roadmap sections of the deck and sheets of the workbook, read without drawing a file, on the small
 * roadmap of report-roadmap-fixture.ts. Expected figures are worked out by hand from its initiatives.
 */
import { describe, expect, it } from 'vitest';
import { availableSections, buildDeck } from '../../shared/report/build-deck';
import { buildWorkbook } from '../../shared/report/build-workbook';
import { cols, type Block, type Deck, type Shape, type Slide } from '../../shared/report/deck';
import { GANTT } from '../../shared/report/deck-roadmap';
import { MODULE_COLORS } from '../../shared/report/roadmap';
import { headerRow, isFormula, type CellValue, type Formula, type Sheet } from '../../shared/report/workbook';
import { reportFixture } from './report-fixture';
import { A, B, BASE_PLAN, C, reportScenario, roadmapReport } from './report-roadmap-fixture';

const blocks = <K extends Block['kind']>(slide: Slide, kind: K) => slide.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const section = (deck: Deck, id: string) => deck.sections.find((s) => s.id === id)!;
const f = (v: CellValue | undefined): Formula => {
  if (!v || !isFormula(v)) throw new Error(`not a formula: ${JSON.stringify(v)}`);
  return v;
};
/** A plan with A alone, a quarter later than in the base case. */
const BASE_PLAN_A_ONLY = [{ initiativeId: 'ia', startQuarter: '2027-Q2', endQuarter: '2027-Q3' }];
/** "€51,666.67" -> 5166667 (cents). */
const cents = (text: string) => Number(text.replace(/[€,.]/g, ''));

describe('which roadmap sections a deck has', () => {
  it('has the roadmap sections with a scenario, and the comparison only with two scenarios or more', () => {
    expect(availableSections(reportFixture())).not.toContain('roadmap');
    expect(availableSections(roadmapReport())).toEqual(['title', 'summary', 'radar', 'heatmap', 'gaps', 'modules', 'consensus', 'roadmap', 'costs', 'chargeback', 'projected', 'actions', 'evidence']);
    expect(availableSections(roadmapReport([reportScenario('Lean', BASE_PLAN_A_ONLY, { id: 's2' })]))).toContain('scenarios');
    // Asked for without a scenario, a roadmap section is left out rather than drawn empty.
    expect(buildDeck(reportFixture(), { sections: ['title', 'roadmap'] }).sections.map((s) => s.id)).toEqual(['title']);
  });
});


describe('the roadmap slide: a Gantt of native shapes', () => {
  const deck = buildDeck(roadmapReport(), { sections: ['roadmap'] });
  const slide = section(deck, 'roadmap').slides[0]!;
  const block = blocks(slide, 'shapes')[0]!;
  const shapes = block.shapes;
  const named = (name: string) => shapes.filter((s) => s.name === name);
  const box = cols(1, 12);
  // Four quarters across the grid right of the label column.
  const gridX = GANTT.label + GANTT.gap;
  const colW = (box.w - gridX) / 4;

  it('is titled with the plan and the fiscal quarters of the horizon', () => {
    expect(slide.title).toBe('Roadmap: 2 initiatives, FY2027 Q4 to FY2028 Q3');
    expect(slide.kicker).toBe('Roadmap · Base case');
    // M2 reaches its target (4) in 2027-Q4 once B lifts M2.1 to 4; M1 stays below 3 (2.75 at best).
    expect(slide.lead).toBe('Base case: €331k in all, 1 of 2 modules at target within the horizon; optimal schedule.');
    expect(block.box).toEqual(box);
  });

  it('labels fiscal years over their quarters: FY2027 for one quarter (2027-Q1), FY2028 for three', () => {
    const fy27 = named('Fiscal year FY2027')[0]!;
    const fy28 = named('Fiscal year FY2028')[0]!;
    expect(fy27.text).toBe('FY2027');
    expect(fy27.x).toBeCloseTo(gridX + 0.015, 9);
    expect(fy27.w).toBeCloseTo(colW - 0.03, 9);
    expect(fy28.x).toBeCloseTo(gridX + colW + 0.015, 9);
    expect(fy28.w).toBeCloseTo(3 * colW - 0.03, 9);
    expect(shapes.filter((s) => s.y === GANTT.fyHead && ['Q4', 'Q1', 'Q2', 'Q3'].includes(s.text ?? '')).map((s) => s.text)).toEqual(['Q4', 'Q1', 'Q2', 'Q3']);
  });

  it('draws a bar per planned initiative from its first to its last quarter, in the colour of the module it mostly lifts', () => {
    const a = named('Bar 1 Lakehouse platform')[0]!;
    const b = named('Bar 2 Data catalogue')[0]!;
    // A: quarters 1-2 of 4; B: quarter 3.
    expect(a.x).toBeCloseTo(gridX + GANTT.pad, 9);
    expect(a.w).toBeCloseTo(2 * colW - 2 * GANTT.pad, 9);
    expect(b.x).toBeCloseTo(gridX + 2 * colW + GANTT.pad, 9);
    expect(b.w).toBeCloseTo(colW - 2 * GANTT.pad, 9);
    expect(b.y).toBeGreaterThan(a.y);
    // A lifts M1; B lifts M1.2 and M2.1, one each: the tie goes to M1, first in the framework.
    expect([a.fill, b.fill]).toEqual([MODULE_COLORS[0], MODULE_COLORS[0]]);
    expect(shapes.some((s) => s.name?.includes('Literacy'))).toBe(false);
  });

  it('routes the dependency from the end of A along its row, then down into the top of B', () => {
    const [along, down] = named('Arrow 1 to 2') as [Shape, Shape];
    const a = named('Bar 1 Lakehouse platform')[0]!;
    const b = named('Bar 2 Data catalogue')[0]!;
    expect(along.type).toBe('line');
    expect(along.x).toBeCloseTo(a.x + a.w, 9);
    expect(along.y).toBeCloseTo(a.y + a.h / 2, 9);
    expect(along.h).toBe(0);
    expect(along.x + along.w).toBeCloseTo(b.x + GANTT.entry, 9);
    expect(down).toMatchObject({ type: 'arrow', w: 0 });
    expect(down.x).toBeCloseTo(b.x + GANTT.entry, 9);
    expect(down.y + down.h).toBeCloseTo(b.y, 9);
    // Drawn before the bars, so a bar covers an arrow that crosses it; no text in the grid for it to cross.
    expect(shapes.indexOf(down)).toBeLessThan(shapes.indexOf(a));
    const inGrid = (s: Shape) => s.x + s.w > gridX + 0.01 && s.y >= GANTT.fyHead + GANTT.qHead && s.y < b.y + b.h;
    expect(shapes.filter((s) => s.text && inGrid(s))).toEqual([]);
  });

  it('draws a dependency the plan breaks in red, and says so in the legend', () => {
    // Set by hand: B in 2027-Q2, while A still runs (2027-Q1 to Q2).
    const early = reportScenario('Set by hand', [BASE_PLAN[0]!, { initiativeId: 'ib', startQuarter: '2027-Q2', endQuarter: '2027-Q2' }], { mode: 'manual' });
    const d = buildDeck({ ...roadmapReport(), scenario: early }, { sections: ['roadmap'] });
    const s2 = section(d, 'roadmap').slides[0]!;
    const arrows = blocks(s2, 'shapes')[0]!.shapes.filter((x) => x.name === 'Arrow 1 to 2');
    expect(arrows.map((x) => x.line)).toEqual([d.theme.warning, d.theme.warning]);
    expect(blocks(s2, 'shapes')[0]!.shapes.map((x) => x.text)).toContain('Starts before dependency ends');
    expect(s2.footnote).toContain('1 limit is broken (see the notes).');
    expect(shapes.map((x) => x.text)).not.toContain('Starts before dependency ends');
  });

  it('names each initiative with its owner and module beside a risk tag, and has a legend', () => {
    const texts = shapes.map((s) => s.text).filter(Boolean);
    expect(texts).toContain('Lakehouse platform');
    expect(texts).toContain('Ana Lopez · M1 Strategic Alignment');
    expect(shapes.find((s) => s.text === 'High')!.fill).toBe(deck.theme.warning);
    expect(texts).toContain('M1 Strategic Alignment');
    expect(texts).toContain('Dependency: finishes first');
    expect(slide.footnote).toMatch(/^Fiscal years start in April: FY2027 Q4 is January to March 2027\./);
  });

  it('has the plan in its notes, with calendar quarters and the initiatives left out', () => {
    expect(slide.notes).toContain('#1 Lakehouse platform (Ana Lopez): FY2027 Q4 to FY2028 Q1 (2027-Q1 to 2027-Q2), high risk; lifts M1.1 to 4; capex €300,000.00, opex €40,000.00 a year.');
    expect(slide.notes).toContain('Not in this plan: Literacy programme.');
  });

  it('continues on further slides with more initiatives than fit, numbering them across slides', () => {
    const many = roadmapReport();
    const s = many.scenario!;
    const extra = Array.from({ length: 12 }, (_, i) => ({ ...s.initiatives[2]!, id: `x${i}`, name: `Extra ${i + 1}`, dependsOn: i === 11 ? ['ia'] : [] }));
    const input = { ...many, scenario: { ...s, initiatives: [...s.initiatives, ...extra], outputs: { ...s.outputs, plan: [...s.outputs.plan, ...extra.map((x) => ({ initiativeId: x.id, startQuarter: '2027-Q4', endQuarter: '2027-Q4' }))] } } };
    const slides = section(buildDeck(input, { sections: ['roadmap'] }), 'roadmap').slides;
    // 14 rows, more than the 12 a slide holds: two slides of 7.
    expect(slides.map((x) => x.title)).toEqual(['Roadmap: 14 initiatives, FY2027 Q4 to FY2028 Q3 (1 of 2)', 'Roadmap: 14 initiatives, FY2027 Q4 to FY2028 Q3 (2 of 2)']);
    const second = blocks(slides[1]!, 'shapes')[0]!.shapes;
    // Extra 12 (#14) depends on A (#1), on the first slide: said in its label instead of an arrow.
    expect(second.map((x) => x.text)).toContain('after #1 · no uplift');
    expect(second.some((x) => x.name?.startsWith('Arrow'))).toBe(false);
    expect(second.some((x) => x.name === 'Bar 8 Extra 6')).toBe(true);
  });
});

describe('cost per quarter', () => {
  const slide = section(buildDeck(roadmapReport(), { sections: ['costs'] }), 'costs').slides[0]!;
  const chart = blocks(slide, 'chart')[0]!.chart;

  it('stacks capex, opex and labour per fiscal quarter in a native chart, in euros', () => {
    expect(chart).toMatchObject({ type: 'bar', stacked: true });
    expect(chart.categories).toEqual(['FY27 Q4', 'FY28 Q1', 'FY28 Q2', 'FY28 Q3']);
    // A: capex 150,000 and labour 5,000 in each of its two quarters, then opex 10,000 a quarter; B: capex 1,000.01.
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Capex', [150_000, 150_000, 1000.01, null]],
      ['Opex', [null, null, 10_000, 10_000]],
      ['Labour', [5000, 5000, null, null]],
    ]);
    expect(chart.axis.format).toBe('"€"#,##0,"k"');
  });

  it('tabulates the fiscal years and says where spend peaks', () => {
    const rows = blocks(slide, 'table')[0]!.table.rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['FY2027', '€150,000', '€0', '€5,000', '€155,000'],
      ['FY2028', '€151,000', '€20,000', '€5,000', '€176,000'],
      ['Total', '€301,000', '€20,000', '€10,000', '€331,000'],
    ]);
    expect(slide.title).toBe('Cost per quarter: €331k over 4 quarters');
    expect(slide.notes).toContain('Total €331,000.01: capex €301,000.01, opex €20,000.00, labour €10,000.00.');
    expect(slide.notes).toContain('FY2028 Q2 (2027-Q3): €11,000.01 = capex €1,000.01 + opex €10,000.00 + labour €0.00.');
  });
});

describe('chargeback by business unit', () => {
  const slide = section(buildDeck(roadmapReport(), { sections: ['chargeback'] }), 'chargeback').slides[0]!;
  const t = blocks(slide, 'table')[0]!.table;
  const rows = t.rows.map((r) => r.map((c) => c.text));

  it('splits each quarter to the cent, the remainder to the largest fractions', () => {
    expect(t.columns.map((c) => c.header)).toEqual(['Quarter', 'Finance', 'Operations', 'HR', 'Total']);
    expect(rows).toEqual([
      // 155,000.00 in equal thirds: 51,666.666…; the two cents left go to the first two units.
      ['FY2027 Q4', '€51,666.67', '€51,666.67', '€51,666.66', '€155,000.00'],
      ['FY2027 total', '€51,666.67', '€51,666.67', '€51,666.66', '€155,000.00'],
      ['FY2028 Q1', '€51,666.67', '€51,666.67', '€51,666.66', '€155,000.00'],
      // A's opex 10,000.00 in thirds and B's 1,000.01 as 40 % / 60 %: Finance 3,733.337 (.7333), Operations 3,333.333, HR 3,933.339 (.9333).
      ['FY2028 Q2', '€3,733.34', '€3,333.33', '€3,933.34', '€11,000.01'],
      // 10,000.00 in thirds: one cent left, to the unit listed first.
      ['FY2028 Q3', '€3,333.34', '€3,333.33', '€3,333.33', '€10,000.00'],
      ['FY2028 total', '€58,733.35', '€58,333.33', '€58,933.33', '€176,000.01'],
      ['Total', '€110,400.02', '€110,000.00', '€110,599.99', '€331,000.01'],
    ]);
  });

  it('adds every row up to its total to the cent', () => {
    for (const r of rows) expect(r.slice(1, -1).reduce((a, x) => a + cents(x), 0), r[0]).toBe(cents(r[r.length - 1]!));
  });

  it('draws each unit’s charge by fiscal year beside the table, and leads with the shares', () => {
    const chart = blocks(slide, 'chart')[0]!.chart;
    expect(chart).toMatchObject({ type: 'bar', horizontal: true, stacked: true, categories: ['Finance', 'Operations', 'HR'] });
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['FY2027', [51_666.67, 51_666.67, 51_666.66]],
      ['FY2028', [58_733.35, 58_333.33, 58_933.33]],
    ]);
    // HR 110,599.99 / 331,000.01 = 33.4 %; Finance 33.4 %; Operations 33.2 %.
    expect(slide.lead).toBe('HR 33.4%, Finance 33.4% and Operations 33.2% of €331,000.01; every row adds up to its total to the cent.');
  });

  it('says what is not charged to anyone when the engagement has no business units, in the deck and the workbook', () => {
    // Both initiatives split in equal shares, and there is no business unit to share among.
    const none = reportScenario('Base case', BASE_PLAN, {}, { businessUnits: [], initiatives: [A, { ...B, costSplit: { mode: 'equal' } }, C] });
    const input = { ...roadmapReport(), businessUnits: [], scenario: none };
    const s2 = section(buildDeck(input, { sections: ['chargeback'] }), 'chargeback').slides[0]!;
    expect(s2.lead).toBe('The engagement has no business units yet, so €331,000.01 is not charged to anyone.');
    const t2 = blocks(s2, 'table')[0]!.table;
    expect(t2.columns.map((c) => c.header)).toEqual(['Quarter', 'Not charged', 'Total']);
    expect(t2.rows[t2.rows.length - 1]!.map((c) => c.text)).toEqual(['Total', '€331,000.01', '€331,000.01']);
    const costs = buildWorkbook(input, { created: '2026-11-25T09:00:00.000Z' }).sheets.find((x) => x.name === 'Costs')!;
    expect(costs.columns.map((c) => c.header)).toEqual(['Fiscal quarter', 'Quarter', 'Capex', 'Labour', 'Opex', 'Total']);
  });

  it('renames business units for a deck that leaves the client', () => {
    const renamed = buildDeck(roadmapReport(), { sections: ['chargeback', 'roadmap'], anonymise: true, businessUnitNames: { fin: 'Unit F' } });
    const text = JSON.stringify(renamed.sections);
    expect(text).not.toContain('Finance');
    expect(text).not.toContain('Ana Lopez');
    expect(blocks(section(renamed, 'chargeback').slides[0]!, 'table')[0]!.table.columns[1]!.header).toBe('Unit F');
  });
});

describe('projected maturity', () => {
  const slide = section(buildDeck(roadmapReport(), { sections: ['projected'] }), 'projected').slides[0]!;

  it('draws each module’s projected mean per fiscal quarter, and the quarter after the horizon', () => {
    const chart = blocks(slide, 'chart')[0]!.chart;
    expect(chart.type).toBe('line');
    expect(chart.categories).toEqual(['FY27 Q4', 'FY28 Q1', 'FY28 Q2', 'FY28 Q3', 'FY28 Q4']);
    // M1 (2, 2, 3, 1): A finishes after 2027-Q2, M1.1 to 4 from 2027-Q3 (2.5); B after 2027-Q3, M1.2 to 3 (2.75).
    // M2: only M2.1 is scored (3), 4 from 2027-Q4.
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['M1 Strategic Alignment', [2, 2, 2.5, 2.75, 2.75]],
      ['M2 Scalable Data Ingestion', [3, 3, 3, 4, 4]],
    ]);
    expect(chart.series.map((s) => s.color)).toEqual([MODULE_COLORS[0], MODULE_COLORS[1]]);
  });

  it('says when each module reaches its target', () => {
    const rows = blocks(slide, 'table')[0]!.table.rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      ['M1 Strategic Alignment', '2.0', '2.8', '3.0', 'Not by FY28 Q4'],
      ['M2 Scalable Data Ingestion', '3.0', '4.0', '4.0', 'FY2028 Q3'],
    ]);
    expect(slide.title).toBe('Projected maturity: 1 of 2 modules reach their target within the horizon');
  });

  it('tells a target reached only after the horizon from one not reached at all', () => {
    // B in the last quarter (2027-Q4): M2.1 is 4 only from 2028-Q1, the quarter after the horizon.
    const late = reportScenario('Late', [BASE_PLAN_A_ONLY[0]!, { initiativeId: 'ib', startQuarter: '2027-Q4', endQuarter: '2027-Q4' }]);
    const deck = buildDeck({ ...roadmapReport(), scenario: late }, { sections: ['projected'] });
    const rows = blocks(section(deck, 'projected').slides[0]!, 'table')[0]!.table.rows.map((r) => r.map((c) => c.text));
    expect(rows.map((r) => r[4])).toEqual(['Not by FY28 Q4', 'After the horizon']);
  });
});

describe('the scenario comparison', () => {
  const manual = reportScenario('Set by hand', BASE_PLAN_A_ONLY, { id: 's2', mode: 'manual' });
  const slides = section(buildDeck(roadmapReport([manual]), { sections: ['scenarios'] }), 'scenarios').slides;

  it('sets the figures side by side, each the scenario’s own output', () => {
    const t = blocks(slides[0]!, 'table')[0]!.table;
    expect(t.columns.map((c) => c.header)).toEqual(['', 'Base case', 'Set by hand']);
    const row = (label: string) => t.rows.find((r) => r[0]!.text === label)!.slice(1).map((c) => c.text);
    expect(row('Plan')).toEqual(['Optimal', 'Set by hand']);
    expect(row('Initiatives')).toEqual(['2 of 3', '1 of 3']);
    // Set by hand: A only, 2027-Q2 to Q3: 310,000.00 of capex and labour, then opex 10,000.00 in 2027-Q4.
    expect(row('Total cost')).toEqual(['€331,000', '€320,000']);
    expect(row('Modules at target')).toEqual(['1 of 2', '0 of 2']);
    const chart = blocks(slides[0]!, 'chart')[0]!.chart;
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Today', [2, 3]],
      ['Base case', [2.75, 4]],
      ['Set by hand', [2.5, 3]],
    ]);
  });

  it('shows when each module reaches its target, and what each scenario includes', () => {
    const tt = blocks(slides[1]!, 'table')[0]!.table.rows;
    expect(tt[1]!.map((c) => [c.text, c.sub])).toEqual([
      ['M2 Scalable Data Ingestion', undefined],
      ['3.0', undefined],
      ['4.0', undefined],
      ['4.0', 'target FY28 Q3'],
      ['3.0', 'target not reached'],
    ]);
    const includes = blocks(slides[2]!, 'table')[0]!.table.rows.map((r) => r.map((c) => c.text));
    expect(includes).toEqual([
      ['Lakehouse platform', 'FY2027 Q4 to FY2028 Q1', 'FY2028 Q1 to Q2'],
      ['Data catalogue', 'FY2028 Q2', 'Not planned'],
      ['Literacy programme', 'Not planned', 'Not planned'],
    ]);
  });
});

describe('the roadmap sheets of the workbook', () => {
  const wb = buildWorkbook(roadmapReport(), { created: '2026-11-25T09:00:00.000Z' });
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)!;
  const col = (s: Sheet, header: string) => s.columns.findIndex((c) => c.header === header);

  it('adds Initiatives, Schedule, Costs and Cost rows with a scenario, amounts in euros', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['Summary', 'Scores', 'Votes', 'Heat map', 'Evidence register', 'Actions', 'Initiatives', 'Schedule', 'Costs', 'Cost rows', 'Trend']);
    expect(sheet('Costs').columns[2]!.numFmt).toBe(wb.moneyFormat);
    expect(buildWorkbook(reportFixture(), { created: '2026-11-25T09:00:00.000Z' }).sheets.map((s) => s.name)).not.toContain('Costs');
  });

  it('Initiatives: planned first and numbered as on the Gantt, labour a formula over the day rates', () => {
    const s = sheet('Initiatives');
    expect(s.rows.map((r) => [r[0], r[1]])).toEqual([
      [1, 'Lakehouse platform'],
      [2, 'Data catalogue'],
      [null, 'Literacy programme'],
    ]);
    const a = s.rows[0]!;
    expect(a[col(s, 'Capabilities and levels')]).toBe('M1.1 to 4');
    expect([a[col(s, 'Capex')], a[col(s, 'Opex per year')], a[col(s, 'Data engineer (days)')], a[col(s, 'Data architect (days)')]]).toEqual([300_000, 40_000, 10, 0]);
    // The day rates sit above the table, under their role's column (row 4): 1,000.00 and 1,500.00.
    expect(s.preamble[3]!.cells.slice(7, 9)).toEqual([1000, 1500]);
    expect(f(a[col(s, 'Labour')])).toEqual({ formula: `SUMPRODUCT(H${headerRow(s) + 1}:I${headerRow(s) + 1},$H$4:$I$4)`, result: 10_000 });
    expect(s.rows[1]![col(s, 'Depends on')]).toBe('Lakehouse platform');
    expect(s.rows[1]![col(s, 'Cost split')]).toBe('Finance 40%, HR 60%');
    expect(s.rows.map((r) => r[col(s, 'In this plan')])).toEqual(['FY2027 Q4 to FY2028 Q1', 'FY2028 Q2', 'Not planned']);
  });

  it('Schedule: each planned initiative by quarter, start, running and live', () => {
    const s = sheet('Schedule');
    expect(s.columns.slice(6).map((c) => c.header)).toEqual(['FY2027 Q4 (2027-Q1)', 'FY2028 Q1 (2027-Q2)', 'FY2028 Q2 (2027-Q3)', 'FY2028 Q3 (2027-Q4)']);
    expect(s.rows.map((r) => r.slice(6))).toEqual([
      ['Start', 'Running', 'Live', 'Live'],
      ['', '', 'Start', 'Live'],
    ]);
  });

  it('Cost rows: one row per initiative and quarter with spend, each unit’s share', () => {
    const s = sheet('Cost rows');
    const first = headerRow(s) + 1;
    expect(s.rows.map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ['2027-Q1', 'Lakehouse platform', 150_000, 5000, 0],
      ['2027-Q2', 'Lakehouse platform', 150_000, 5000, 0],
      ['2027-Q3', 'Lakehouse platform', 0, 0, 10_000],
      ['2027-Q3', 'Data catalogue', 1000.01, 0, 0],
      ['2027-Q4', 'Lakehouse platform', 0, 0, 10_000],
    ]);
    expect(f(s.rows[0]![8])).toEqual({ formula: `F${first}+G${first}+H${first}`, result: 155_000 });
    // Shares: equal thirds for A; 40 % and 60 % for B.
    expect(s.rows[0]!.slice(9, 12)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(s.rows[3]!.slice(9, 12)).toEqual([0.4, 0, 0.6]);
    // Weighted numerators over 30,000 (10,000 x 3 units), in cents: B's 100,001 x 40 % = 100,001 x 12,000.
    expect(f(s.rows[3]![12])).toEqual({ formula: `ROUND(I${first + 3}*100,0)*ROUND(J${first + 3}*30000,0)`, result: 100_001 * 12_000 });
    expect(s.columns.slice(12).every((c) => c.hidden)).toBe(true);
  });

  it('Costs: SUMIFS over the cost rows, units rounded to the cent as in the app, with the outputs’ figures cached', () => {
    const s = sheet('Costs');
    const ledger = sheet('Cost rows');
    const lf = headerRow(ledger) + 1;
    const ll = lf + ledger.rows.length - 1;
    const row = headerRow(s) + 1;
    expect(s.rows.map((r) => r[0])).toEqual(['FY2027 Q4', 'FY2027 total', 'FY2028 Q1', 'FY2028 Q2', 'FY2028 Q3', 'FY2028 total', 'Total']);
    expect(f(s.rows[0]![2])).toEqual({ formula: `SUMIFS('Cost rows'!$F$${lf}:$F$${ll},'Cost rows'!$A$${lf}:$A$${ll},$B${row})`, result: 150_000 });
    expect(f(s.rows[1]![5]).formula).toBe(`SUMIFS('Cost rows'!$I$${lf}:$I$${ll},'Cost rows'!$C$${lf}:$C$${ll},"FY2027")`);
    const results = s.rows.map((r) => r.slice(5, 9).map((v) => f(v).result));
    expect(results).toEqual([
      [155_000, 51_666.67, 51_666.67, 51_666.66],
      [155_000, 51_666.67, 51_666.67, 51_666.66],
      [155_000, 51_666.67, 51_666.67, 51_666.66],
      [11_000.01, 3733.34, 3333.33, 3933.34],
      [10_000, 3333.34, 3333.33, 3333.33],
      [176_000.01, 58_733.35, 58_333.33, 58_933.33],
      [331_000.01, 110_400.02, 110_000, 110_599.99],
    ]);
    // 2027-Q3 (FY2028 Q2): numerators over 30,000 are A's 1,000,000 x 10,000 each plus B's 100,001 x 12,000 (Finance) and x 18,000 (HR);
    // remainders 22,000, 10,000 and 28,000: two cents left, to HR and Finance.
    const q2 = s.rows[3]!;
    expect(q2.slice(9, 12).map((v) => f(v).result)).toEqual([10_000_000_000 + 1_200_012_000, 10_000_000_000, 10_000_000_000 + 1_800_018_000]);
    expect(q2.slice(12, 15).map((v) => f(v).result)).toEqual([22_000, 10_000, 28_000]);
    expect(f(q2[15]).result).toBe(2);
    expect(f(q2[6]).formula).toBe(`(INT(J${row + 3}/30000)+IF(COUNTIF(M${row + 3}:O${row + 3},">"&M${row + 3})+1<=$P${row + 3},1,0))/100`);
    expect(s.rowStyles).toMatchObject({ 1: { bold: true }, 5: { bold: true }, 6: { bold: true, topBorder: true } });
  });
});
