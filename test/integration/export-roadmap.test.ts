/**
 * The roadmap in the exports, for real: an engagement with a roadmap written through the API (three
 * scenarios, two scheduled by the solver, one set by hand), its deck converted to PDF by LibreOffice and
 * read back with poppler, its workbook read back with exceljs and recalculated by LibreOffice. Every
 * figure is compared with what `scenario.outputs` answers, the numbers of the roadmap screens.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioOutputs } from '../../shared/domain';
import type { ExportResult } from '../../shared/report/outcomes';
import { startHarness, tempDir, type Harness } from '../support/engine';
import { seedRoadmap, type SeededRoadmap } from '../support/export-roadmap-seed';
import { seedEngagement, type Seeded } from '../support/export-seed';
import { pageToPng, pdfText, toPdf } from '../support/office';
import { readZip } from '../support/zip';

let h: Harness;
let s: Seeded;
let r: SeededRoadmap;
let base: ScenarioOutputs;
let deck: ExportResult;
let pages: string[];
let pdf: string;
const out = tempDir('mw-roadmap-');
const artifacts = resolve('test-results', 'export');

/** Minor units as the exports write euros: 12345678 -> "€123,456.78". */
const euros = (minor: number) => `€${Math.floor(minor / 100).toLocaleString('en-US')}.${String(minor % 100).padStart(2, '0')}`;

beforeAll(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  s = await seedEngagement(h, { votes: false, files: false });
  r = await seedRoadmap(h, s);
  base = await h.call('scenario.outputs', { engagementId: s.engagementId, scenarioId: r.base });
  deck = await h.call('export.deck', {
    engagementId: s.engagementId,
    assessmentId: s.assessmentId,
    scenarioId: r.base,
    compareScenarioIds: [r.lean, r.manual],
    sections: ['title', 'roadmap', 'costs', 'chargeback', 'projected', 'scenarios'],
    path: join(out, 'roadmap.pptx'),
  });
  pdf = toPdf(deck.path, out);
  pages = pdfText(pdf);
}, 180_000);
afterAll(async () => {
  await h.stop();
});

describe('the deck with a roadmap scenario', () => {
  const planned = () => base.plan.map((p) => r.initiatives.find((x) => x.id === p.initiativeId)!.name);

  it('has the roadmap sections in deck order, the Gantt over as many slides as its initiatives need', () => {
    expect(base.plan.length).toBeGreaterThan(5);
    const gantt = Math.ceil(base.plan.length / 11);
    // title, Gantt, costs, chargeback (three units: one slide), projected, comparison (figures, targets, what each includes: 12 initiatives over two slides).
    expect(pages).toHaveLength(1 + gantt + 1 + 1 + 1 + 4);
    expect(pages[1]).toContain(`Roadmap: ${base.plan.length} initiatives, FY2028 Q1 to FY2029 Q4`);
    expect(pages[gantt + 1]).toContain('Cost per quarter');
    expect(pages[gantt + 2]).toContain('Chargeback by business unit');
    expect(pages[gantt + 3]).toContain('Projected maturity');
    expect(pages[gantt + 4]).toContain('3 scenarios side by side');
  });

  it('names every planned initiative on the Gantt under its fiscal years and quarters', () => {
    const gantt = pages.filter((p) => p.includes('ROADMAP · BASE CASE') && p.includes('Roadmap:')).join(' ');
    for (const name of planned()) expect(gantt, name).toContain(name.length > 34 ? name.slice(0, 20) : name);
    for (const label of ['FY2028', 'FY2029', 'Q1', 'Q2', 'Q3', 'Q4', 'Risk', 'Dependency: finishes first']) expect(gantt).toContain(label);
    expect(gantt).toContain('Fiscal years start in April: FY2028 Q1 is April to June 2027.');
  });

  it('shows the outputs’ costs and a chargeback that adds up to the cent', () => {
    const costs = pages.find((p) => p.includes('Cost per quarter'))!;
    for (const y of base.costs.byFiscalYear) expect(costs).toContain(y.fiscalYear);
    const chargeback = pages.find((p) => p.includes('Chargeback by business unit'))!;
    expect(chargeback).toContain(`Total ${['Finance', 'Retail Banking', 'Risk'].map((u) => euros(base.chargeback.byQuarter.reduce((a, q) => a + q.shares[s.units.find((x) => x.name === u)!.id]!, 0))).join(' ')} ${euros(base.costs.total.total)}`);
    for (const q of base.chargeback.byQuarter) {
      const units = ['Finance', 'Retail Banking', 'Risk'].map((u) => q.shares[s.units.find((x) => x.name === u)!.id]!);
      expect(units.reduce((a, b) => a + b, 0)).toBe(q.total);
      expect(chargeback).toContain(`${units.map(euros).join(' ')} ${euros(q.total)}`);
    }
  });

  it('draws the cost, chargeback, projected maturity and comparison charts as native chart parts, not pictures', () => {
    const zip = readZip(deck.path);
    const charts = [...zip.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map((n) => zip.get(n)!.text());
    expect(charts).toHaveLength(4);
    expect(charts.filter((x) => x.includes('<c:barChart>'))).toHaveLength(3);
    expect(charts.filter((x) => x.includes('<c:lineChart>'))).toHaveLength(1);
    const costs = charts.find((x) => x.includes('<c:grouping val="stacked"/>') && x.includes('Capex'))!;
    for (const name of ['Capex', 'Opex', 'Labour', 'FY28 Q1', 'FY29 Q4']) expect(costs).toContain(name);
    expect([...zip.keys()].filter((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))).toHaveLength(4);
    expect([...zip.keys()].filter((n) => /^ppt\/media\/.+/.test(n))).toEqual([]);
  });

  it('draws the Gantt as shapes PowerPoint can edit: a named bar per initiative, an arrow per dependency', async () => {
    const zip = readZip(deck.path);
    const slide = zip.get('ppt/slides/slide2.xml')!.text();
    const bars = [...slide.matchAll(/name="Bar (\d+) ([^"]+)"/g)].map((m) => m[2]);
    expect(bars).toEqual(planned().slice(0, bars.length));
    // Every dependency between two initiatives on this slide has its arrow, named by their numbers.
    const list = await h.call('initiative.list', { engagementId: s.engagementId });
    const onSlide = base.plan.slice(0, bars.length).map((p) => p.initiativeId);
    const number = (id: string) => onSlide.indexOf(id) + 1;
    const expected = onSlide.flatMap((id) => list.find((x) => x.id === id)!.dependsOn.filter((d) => onSlide.includes(d)).map((d) => `Arrow ${number(d)} to ${number(id)}`));
    expect(expected.length).toBeGreaterThan(0);
    expect([...new Set([...slide.matchAll(/name="(Arrow \d+ to \d+)"/g)].map((m) => m[1]))].sort()).toEqual(expected.sort());
    expect(slide).toContain('tailEnd type="triangle"');
  });

  it('has speaker notes with the exact figures', () => {
    const zip = readZip(deck.path);
    const notes = [...zip.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => zip.get(n)!.text().replace(/<[^>]+>/g, ' ')).join('\n');
    expect(notes).toContain(`Total ${euros(base.costs.total.total)}: capex ${euros(base.costs.total.capex)}, opex ${euros(base.costs.total.opex)}, labour ${euros(base.costs.total.labour)}.`);
    expect(notes).toContain('Base case, planned from assessment 2026 Q4');
  });

  it('keeps the rendered Gantt as a picture for review', () => {
    mkdirSync(artifacts, { recursive: true });
    const png = pageToPng(pdf, 2, join(artifacts, 'deck-roadmap'), 110);
    expect(statSync(png).size).toBeGreaterThan(30_000);
  });
});

describe('refusals', () => {
  const ref = () => ({ engagementId: s.engagementId, assessmentId: s.assessmentId });

  it('refuses a scenario the engagement does not have, naming it', async () => {
    const { status, error } = await h.fail('export.deck', { ...ref(), scenarioId: 'f'.repeat(32) });
    expect(status).toBe(404);
    expect(error.message).toBe(`scenarioId: there is no roadmap scenario with id ${'f'.repeat(32)} in Northwind Bank; a scenario can only be exported with the engagement it was planned in.`);
  });

  it('refuses a scenario of another engagement, and writes nothing', async () => {
    const other = await h.call('engagement.create', { client: 'Contoso Retail', industry: 'Retail', region: 'EMEA', currency: 'EUR', fyStartMonth: 1 });
    await h.call('assessment.create', { engagementId: other.id, label: 'Baseline', date: '2026-10-01' });
    const theirs = await h.call('scenario.create', { engagementId: other.id, name: 'Theirs', startQuarter: '2027-Q1', mode: 'manual' });
    const { status, error } = await h.fail('export.workbook', { ...ref(), scenarioId: theirs.id, path: join(out, 'never.xlsx') });
    expect(status).toBe(404);
    expect(error.message).toContain(`scenarioId: there is no roadmap scenario with id ${theirs.id} in Northwind Bank`);
    expect(() => statSync(join(out, 'never.xlsx'))).toThrow();
  });

  it('refuses a scenario in optimal mode that was never scheduled, by its name', async () => {
    const { status, error } = await h.fail('export.deck', { ...ref(), scenarioId: r.unscheduled, sections: ['roadmap'] });
    expect(status).toBe(400);
    expect(error.message).toContain('scenarioId: scenario "Not yet scheduled" has not been scheduled yet');
    const compared = await h.fail('export.deck', { ...ref(), scenarioId: r.base, compareScenarioIds: [r.unscheduled] });
    expect(compared.error.message).toContain('compareScenarioIds: scenario "Not yet scheduled" has not been scheduled yet');
  });

  it('refuses a comparison without another scenario, and one without a scenario to start from', async () => {
    const alone = await h.fail('export.deck', { ...ref(), scenarioId: r.base, sections: ['scenarios'] });
    expect(alone.status).toBe(400);
    expect(alone.error.message).toContain('sections: the scenario comparison shows two to four scenarios');
    const none = await h.fail('export.deck', { ...ref(), compareScenarioIds: [r.lean] });
    expect(none.error.message).toBe('compareScenarioIds: a comparison needs the scenario it starts from (scenarioId).');
  });
});

describe('the workbook with a roadmap scenario', () => {
  let book: ExportResult;
  let wb: ExcelJS.Workbook;
  let costs: string;
  let edited: string;
  const finance = () => s.units.find((u) => u.name === 'Finance')!.id;

  /** The workbook with one cost row's capex raised and every cached result dropped, converted by LibreOffice. */
  async function recalculated(raise: { row: number; by: number } | null, name: string): Promise<string> {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(book.path);
    if (raise) {
      const cell = copy.getWorksheet('Cost rows')!.getCell(`F${raise.row}`);
      cell.value = (cell.value as number) + raise.by;
    }
    copy.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const path = join(out, name);
    await copy.xlsx.writeFile(path);
    return pdfText(toPdf(path, out), { layout: true }).find((p) => p.includes('Costs by quarter and business unit'))!;
  }

  let raisedRow = 0;
  let raisedQuarter = '';
  beforeAll(async () => {
    book = await h.call('export.workbook', { engagementId: s.engagementId, assessmentId: s.assessmentId, scenarioId: r.base, path: join(out, 'roadmap.xlsx') });
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book.path);
    costs = await recalculated(null, 'recalculated.xlsx');
    // Raise the capex of a cost row of an initiative charged 100 % to Finance by 1,000.00.
    const ledger = wb.getWorksheet('Cost rows')!;
    const financeOnly = r.initiatives.filter((_, i) => i % 4 === 2).map((x) => x.name);
    ledger.eachRow((row, n) => {
      if (!raisedRow && n > 4 && financeOnly.includes(String(row.getCell(5).value)) && Number(row.getCell(6).value) > 0) {
        raisedRow = n;
        raisedQuarter = String(row.getCell(1).value);
      }
    });
    edited = await recalculated({ row: raisedRow, by: 1000 }, 'edited.xlsx');
  }, 180_000);

  it('adds the roadmap sheets, with frozen headers, filters and print titles', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Scores', 'Votes', 'Heat map', 'Evidence register', 'Actions', 'Initiatives', 'Schedule', 'Costs', 'Cost rows', 'Trend']);
    const initiatives = wb.getWorksheet('Initiatives')!;
    expect(initiatives.views[0]).toMatchObject({ state: 'frozen', ySplit: 6, xSplit: 2 });
    expect(initiatives.pageSetup.printTitlesRow).toBe('6:6');
    // 7 columns, one per role (4), then labour, duration, earliest start, depends on, risk, cost split, plan, description: A to S.
    expect(initiatives.autoFilter).toBe(`A6:S${6 + r.initiatives.length}`);
    expect(wb.getWorksheet('Schedule')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(wb.getWorksheet('Costs')!.pageSetup.printTitlesRow).toBe('5:5');
  });

  it('Initiatives: one row per initiative, labour as a formula over the day rates, amounts in euros', () => {
    const ws = wb.getWorksheet('Initiatives')!;
    expect(ws.getCell('B7').value).toBe(r.initiatives.find((x) => x.id === base.plan[0]!.initiativeId)!.name);
    expect(ws.getCell('A7').value).toBe(1);
    // Day rates: 950.00, 1,000.00, 850.00, 1,100.00 above the four role columns (H to K).
    expect(['H4', 'I4', 'J4', 'K4'].map((c) => ws.getCell(c).value)).toEqual([950, 1000, 850, 1100]);
    expect((ws.getCell('L7').value as ExcelJS.CellFormulaValue).formula).toBe('SUMPRODUCT(H7:K7,$H$4:$K$4)');
    expect(ws.getCell('F7').numFmt).toBe('"€"#,##0.00;("€"#,##0.00)');
    expect(ws.getCell('L7').numFmt).toBe('"€"#,##0.00;("€"#,##0.00)');
    expect(ws.getCell('P7').dataValidation).toMatchObject({ type: 'list', formulae: ['"Low,Medium,High"'] });
  });

  it('Costs: SUMIFS over the cost rows, in euros', () => {
    const ws = wb.getWorksheet('Costs')!;
    const ledger = wb.getWorksheet('Cost rows')!;
    const last = ledger.rowCount;
    expect((ws.getCell('C6').value as ExcelJS.CellFormulaValue).formula).toBe(`SUMIFS('Cost rows'!$F$5:$F$${last},'Cost rows'!$A$5:$A$${last},$B6)`);
    expect(ws.getCell('C6').numFmt).toBe('"€"#,##0.00;("€"#,##0.00)');
    expect(ws.getCell('G6').numFmt).toBe('"€"#,##0.00;("€"#,##0.00)');
    expect(ws.getColumn(10).hidden).toBe(true);
  });

  it('recalculated by LibreOffice, matches scenario.outputs quarter by quarter, unit by unit, to the cent', () => {
    const units = ['Finance', 'Retail Banking', 'Risk'].map((u) => s.units.find((x) => x.name === u)!.id);
    base.costs.byQuarter.forEach((q, t) => {
      const cb = base.chargeback.byQuarter[t]!;
      const line = [q.fiscalLabel, q.quarter, q.capex, q.labour, q.opex, q.total, ...units.map((u) => cb.shares[u]!)].map((x) => (typeof x === 'number' ? euros(x) : x)).join(' ');
      expect(costs).toContain(line);
    });
    for (const y of base.costs.byFiscalYear) {
      const cb = base.chargeback.byFiscalYear.find((x) => x.fiscalYear === y.fiscalYear)!;
      expect(costs).toContain([`${y.fiscalYear} total`, ...[y.capex, y.labour, y.opex, y.total, ...units.map((u) => cb.shares[u]!)].map(euros)].join(' '));
    }
    const total = base.costs.total;
    const unitTotals = units.map((u) => base.chargeback.byFiscalYear.reduce((a, y) => a + y.shares[u]!, 0));
    expect(costs).toContain(['Total', ...[total.capex, total.labour, total.opex, total.total, ...unitTotals].map(euros)].join(' '));
  });

  it('recomputes the totals when a cost row is edited: 1,000.00 more capex for a Finance-only initiative', () => {
    const t = base.costs.byQuarter.findIndex((q) => q.quarter === raisedQuarter);
    const q = base.costs.byQuarter[t]!;
    const cb = base.chargeback.byQuarter[t]!;
    const units = ['Finance', 'Retail Banking', 'Risk'].map((u) => s.units.find((x) => x.name === u)!.id);
    const line = [q.fiscalLabel, q.quarter, q.capex + 100_000, q.labour, q.opex, q.total + 100_000, ...units.map((u) => cb.shares[u]! + (u === finance() ? 100_000 : 0))]
      .map((x) => (typeof x === 'number' ? euros(x) : x))
      .join(' ');
    expect(edited).toContain(line);
    expect(edited).toContain(`Total ${euros(base.costs.total.capex + 100_000)}`);
  });
});
