/**
 * The workbook for real: written by the engine's worker, read back with exceljs (formulas, validations,
 * frozen headers, filters, print titles), and converted by LibreOffice, which recalculates every
 * formula as it loads the file: after a score is changed in the file, the PDF shows the new figures.
 */
import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/report/outcomes';
import { startHarness, tempDir, type Harness } from '../support/engine';
import { seedEngagement, type Seeded } from '../support/export-seed';
import { pdfText, toPdf } from '../support/office';

let h: Harness;
let s: Seeded;
let result: ExportResult;
let wb: ExcelJS.Workbook;
const out = tempDir('mw-workbook-');

beforeAll(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  s = await seedEngagement(h);
  result = await h.call('export.workbook', { engagementId: s.engagementId, assessmentId: s.assessmentId });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(result.path);
}, 120_000);
afterAll(async () => {
  await h.stop();
});

const formula = (ws: ExcelJS.Worksheet, ref: string) => (ws.getCell(ref).value as ExcelJS.CellFormulaValue).formula;
const cached = (ws: ExcelJS.Worksheet, ref: string) => (ws.getCell(ref).value as ExcelJS.CellFormulaValue).result;

describe('the workbook of an assessment', () => {
  it('is written to the exports folder under a readable name, with its sheets in order', () => {
    expect(result.path).toBe(join(h.dataDir, 'exports', 'Northwind Bank - 2026 Q4 - Maturity workbook - 2026-11-25.xlsx'));
    expect(result.bytes).toBe(statSync(result.path).size);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Scores', 'Votes', 'Heat map', 'Evidence register', 'Actions', 'Trend']);
  });

  it('Scores: one row per capability, the gap and the weighted gap as live formulas of the ranking rule', () => {
    const ws = wb.getWorksheet('Scores')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Module',
      'Capability',
      'Name',
      'Current',
      'Target',
      'Gap',
      'Confidence',
      'Priority',
      'Weight',
      'Weighted gap',
      'Rationale',
      'Evidence',
      'Owner',
    ]);
    expect(ws.getCell('B73').value).toBe('M9.8');
    expect(ws.getCell('B74').value).toBeNull();
    // M1.5: current 3, target 5, priority 5, confidence high, weight 1: gap 2, weighted 2 × 5 × 1.0 × 1 = 10.
    expect(ws.getCell('B6').value).toBe('M1.5');
    expect([ws.getCell('D6').value, ws.getCell('E6').value, ws.getCell('G6').value, ws.getCell('H6').value]).toEqual([3, 5, 'high', 5]);
    expect(formula(ws, 'F6')).toBe('IF(AND(ISNUMBER(D6),ISNUMBER(E6)),E6-D6,"")');
    expect(cached(ws, 'F6')).toBe(2);
    expect(formula(ws, 'J6')).toContain('IF(G6="high",1,IF(G6="medium",0.8,IF(G6="low",0.6,0.8)))');
    expect(cached(ws, 'J6')).toBe(10);
    // M1.2: gap 2 × priority 2 × medium 0.8 = 3.2.
    expect(cached(ws, 'J3')).toBeCloseTo(3.2, 10);
  });

  it('Summary: module means as formulas over the Scores sheet, with the results model’s figures', () => {
    const ws = wb.getWorksheet('Summary')!;
    expect(ws.getCell('A7').value).toBe('Module');
    expect(ws.getCell('A8').value).toBe('M1');
    expect(formula(ws, 'C8')).toBe('IFERROR(AVERAGEIFS(Scores!$D$2:$D$73,Scores!$A$2:$A$73,$A8),"")');
    expect(formula(ws, 'F8')).toBe('COUNTIFS(Scores!$A$2:$A$73,$A8,Scores!$D$2:$D$73,">0")');
    // M7: current 1 1 2 1 2 1 1 1 (1.25), targets 2 3 3 2 4 2 1 2 (2.375).
    expect(ws.getCell('A14').value).toBe('M7');
    expect(cached(ws, 'C14')).toBe(1.25);
    expect(cached(ws, 'D14')).toBe(2.375);
    // All: 162 / 72 current, 240 / 72 target.
    expect(ws.getCell('A17').value).toBe('All');
    expect(cached(ws, 'C17')).toBe(2.25);
    expect(cached(ws, 'D17')).toBeCloseTo(240 / 72, 12);
    expect(cached(ws, 'F17')).toBe(72);
    expect(ws.getCell('C8').numFmt).toBe('0.0');
  });

  it('has drop-downs on the editable columns: levels 1-5 (or N/A for the current level), confidence, status', () => {
    const scores = wb.getWorksheet('Scores')!;
    expect(scores.getCell('D40').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5,N/A"'], showErrorMessage: true });
    expect(scores.getCell('E40').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
    expect(scores.getCell('H40').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
    expect(scores.getCell('G40').dataValidation).toMatchObject({ type: 'list', formulae: ['"low,medium,high"'] });
    expect(scores.getCell('F40').dataValidation).toBeUndefined();
    const votes = wb.getWorksheet('Votes')!;
    expect(votes.getCell('E2').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 5] });
    const actions = wb.getWorksheet('Actions')!;
    expect(actions.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Open,In progress,Done"'] });
  });

  it('freezes the header rows, filters the tables, prints the header on every page in landscape', () => {
    const scores = wb.getWorksheet('Scores')!;
    expect(scores.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    expect(scores.autoFilter).toBe('A1:M73');
    expect(scores.pageSetup.printTitlesRow).toBe('1:1');
    expect(scores.pageSetup.orientation).toBe('landscape');
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(summary.pageSetup.printTitlesRow).toBe('7:7');
    expect(wb.getWorksheet('Evidence register')!.autoFilter).toBe('A1:J25');
  });

  it('flags stale evidence with a formula against TODAY(), and colours the heat map by a colour scale', () => {
    const ev = wb.getWorksheet('Evidence register')!;
    const rows = Array.from({ length: 24 }, (_, i) => i + 2);
    for (const r of rows) expect(formula(ev, `F${r}`)).toBe(`IF(AND(ISNUMBER(E${r}),E${r}<TODAY()),"Stale","")`);
    // Every fourth seeded item was valid until 1 Oct 2026, before the engine's today (25 Nov 2026).
    const stale = rows.filter((r) => cached(ev, `F${r}`) === 'Stale');
    expect(stale).toHaveLength(6);
    for (const r of stale) expect((ev.getCell(`E${r}`).value as Date).toISOString().slice(0, 10)).toBe('2026-10-01');
    const heat = wb.getWorksheet('Heat map')!;
    expect(formula(heat, 'C4')).toBe('IF(Scores!$D$2="","",Scores!$D$2)');
    const formats = (heat as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(formats.some((f) => f.ref === 'C4:J12' && f.rules[0]!.type === 'colorScale')).toBe(true);
  });

  it('Trend: the module means of both assessments, oldest first, with the change as a formula', () => {
    const ws = wb.getWorksheet('Trend')!;
    expect([ws.getCell('C3').value, ws.getCell('D3').value, ws.getCell('E3').value]).toEqual(['2026 Q2', '2026 Q4', 'Change since previous']);
    expect(ws.getCell('A4').value).toBe('M1');
    expect(ws.getCell('D4').value).toBe(2);
    expect(formula(ws, 'E4')).toBe('IF(AND(ISNUMBER(C4),ISNUMBER(D4)),D4-C4,"")');
  });
});

describe('in LibreOffice', () => {
  let pages: string[];
  beforeAll(async () => {
    // Change M1.1's current level from 1 to 5 and drop every cached result: the PDF can only show
    // what LibreOffice computes from the formulas.
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.readFile(result.path);
    edited.getWorksheet('Scores')!.getCell('D2').value = 5;
    edited.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const path = join(out, 'edited.xlsx');
    await edited.xlsx.writeFile(path);
    pages = pdfText(toPdf(path, out), { layout: true });
  }, 120_000);

  it('recalculates the summary, the gap and the weighted gap from the edited score', () => {
    const summary = pages.find((p) => p.includes('Mean current'))!;
    // M1 now 5 2 3 2 3 1 2 2 = 20 / 8 = 2.5; targets 25 / 8 = 3.125; mean gap (25 - 20) / 8 = 0.625.
    expect(summary).toMatch(/^ ?M1 Strategic Alignment[^\n]* 2\.5 3\.1 \+0\.6 8 0 8 1\.8$/m);
    // Overall: current (162 + 4) / 72 = 2.31, gap (240 - 166) / 72 = 1.03; the other modules are unchanged: M7 1.25.
    expect(summary).toMatch(/^ ?All Every capability in scope 2\.3 3\.3 \+1\.0 72 0 72$/m);
    expect(summary).toMatch(/^ ?M7 Metadata Management[^\n]* 1\.3 2\.4 \+1\.1 8 0 8 1\.3$/m);
    const scores = pages.find((p) => p.includes('Weighted gap'))!;
    // M1.1: 5 against a target of 2: a gap of -3, nothing to rank.
    expect(scores).toMatch(/^ ?M1 M1\.1 Pipeline SLAs 5 2 -3 high 1 1\.00 Agreed after/m);
  });

  it('prints every sheet with its name in the page header and the confidentiality footer', () => {
    for (const name of ['Summary', 'Scores', 'Votes', 'Heat map', 'Evidence register', 'Actions', 'Trend']) {
      expect(pages.some((p) => p.includes(name)), name).toBe(true);
    }
    for (const p of pages) expect(p).toContain('Confidential: prepared for Northwind Bank');
  });
});
