/** The workbook model, read without writing a file: sheets, live formulas with their results, validations, formats. */
import { describe, expect, it } from 'vitest';
import { buildWorkbook, weightedGapFormula } from '../../shared/report/build-workbook';
import { currencyFormat } from '../../shared/report/format';
import { headerRow, isFormula, type CellValue, type Formula, type Workbook } from '../../shared/report/workbook';
import { reportFixture } from './report-fixture';

const sheet = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name)!;
const f = (v: CellValue | undefined): Formula => {
  if (!v || !isFormula(v)) throw new Error(`not a formula: ${JSON.stringify(v)}`);
  return v;
};

describe('the workbook model', () => {
  const wb = buildWorkbook(reportFixture(), { created: '2026-11-25T09:00:00.000Z' });

  it('has the sheets drawn from the results in order; roadmap sheets come with a scenario', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['Summary', 'Scores', 'Votes', 'Heat map', 'Evidence register', 'Actions', 'Trend']);
    expect(wb.moneyFormat).toBe('"€"#,##0.00;("€"#,##0.00)');
    expect(wb.footer).toBe('Confidential: prepared for Acme Bank');
  });

  it('Scores: the gap and the weighted gap are formulas of the ranking rule, with its results', () => {
    const s = sheet(wb, 'Scores');
    expect(s.rows).toHaveLength(16);
    const row = (id: string) => s.rows.find((r) => r[1] === id)!;
    expect(row('M1.1').slice(0, 5)).toEqual(['M1', 'M1.1', 'Pipeline SLAs', 2, 4]);
    expect(f(row('M1.1')[5])).toEqual({ formula: 'IF(AND(ISNUMBER(D2),ISNUMBER(E2)),E2-D2,"")', result: 2 });
    expect(f(row('M1.1')[9])).toEqual({ formula: weightedGapFormula(2), result: 10 });
    // M1.4: gap 2 × priority 3 (not set) × low 0.6 × weight 1.
    expect(f(row('M1.4')[9]).result).toBeCloseTo(3.6, 12);
    expect(row('M1.4')[7]).toBeNull();
    // Not applicable: the current level reads N/A, no target, no gap.
    expect(row('M1.3').slice(3, 5)).toEqual(['N/A', null]);
    expect(f(row('M1.3')[5]).result).toBe('');
    expect(row('M1.1').slice(10)).toEqual(['Ana Lopez keeps the SLA list; Finance relies on it.', 14, 'Ben Carter']);
  });

  it('writes the weighted gap with the defaults of the rule for what is not set', () => {
    expect(weightedGapFormula(7)).toBe(
      'IF(AND(ISNUMBER(F7),F7>0),F7*IF(ISNUMBER(H7),H7,3)*IF(G7="high",1,IF(G7="medium",0.8,IF(G7="low",0.6,0.8)))*IF(ISNUMBER(I7),I7,1),"")',
    );
  });

  it('Summary: module means over the Scores sheet', () => {
    const s = sheet(wb, 'Summary');
    expect(headerRow(s)).toBe(7);
    const [m1, m2, all] = s.rows;
    expect(m1!.slice(0, 2)).toEqual(['M1', 'Strategic Alignment of Data Infrastructure with Business Objectives']);
    // M1: 2, 3, 1 scored (M1.3 not applicable): mean 2; targets 4, 3, 3; gaps 2, 0, 2.
    expect(f(m1![2])).toEqual({ formula: 'IFERROR(AVERAGEIFS(Scores!$D$2:$D$17,Scores!$A$2:$A$17,$A8),"")', result: 2 });
    expect(f(m1![3]).result).toBeCloseTo(10 / 3, 12);
    expect(f(m1![4]).result).toBeCloseTo(4 / 3, 12);
    expect([f(m1![5]).result, f(m1![6]).result, f(m1![7]).result]).toEqual([3, 1, 8]);
    expect(m1![8]).toBe(1);
    expect(f(m2![2]).result).toBe(4);
    expect(all![0]).toBe('All');
    expect(f(all![2])).toEqual({ formula: 'IFERROR(AVERAGE(Scores!$D$2:$D$17),"")', result: 2.5 });
    expect(f(all![7])).toEqual({ formula: 'ROWS(Scores!$A$2:$A$17)', result: 16 });
    expect(s.rowStyles).toEqual({ 2: { bold: true, topBorder: true } });
  });

  it('validates the editable columns: levels 1-5, N/A for the current level, confidence, status', () => {
    expect(sheet(wb, 'Scores').validations.map((v) => [v.range, v.type, v.list ?? [v.min, v.max]])).toEqual([
      ['D2:D17', 'list', ['1', '2', '3', '4', '5', 'N/A']],
      ['E2:E17', 'whole', [1, 5]],
      ['H2:H17', 'whole', [1, 5]],
      ['G2:G17', 'list', ['low', 'medium', 'high']],
    ]);
    expect(sheet(wb, 'Votes').validations.map((v) => v.range)).toEqual(['E2:E5', 'F2:F5']);
    expect(sheet(wb, 'Actions').validations[0]).toMatchObject({ range: 'F2:F3', list: ['Open', 'In progress', 'Done'] });
  });

  it('flags stale evidence and overdue actions against TODAY(), with today’s results', () => {
    const ev = sheet(wb, 'Evidence register');
    expect(ev.rows).toHaveLength(14);
    expect(ev.rows[0]![4]).toEqual({ date: '2026-10-01' });
    expect(f(ev.rows[0]![5])).toEqual({ formula: 'IF(AND(ISNUMBER(E2),E2<TODAY()),"Stale","")', result: 'Stale' });
    expect(f(ev.rows[1]![5]).result).toBe('');
    const actions = sheet(wb, 'Actions');
    // Due 1 Nov 2026, still open on 25 Nov 2026: 24 days overdue.
    expect(f(actions.rows[0]![6])).toEqual({ formula: 'IF(AND(ISNUMBER(E2),F2<>"Done",E2<TODAY()),TODAY()-E2,"")', result: 24 });
    expect(f(actions.rows[1]![6]).result).toBe('');
  });

  it('Heat map follows the Scores sheet; Trend lists every assessment oldest first', () => {
    const heat = sheet(wb, 'Heat map');
    expect(f(heat.rows[0]![2])).toEqual({ formula: 'IF(Scores!$D$2="","",Scores!$D$2)', result: 2 });
    expect(f(heat.rows[0]![4]).result).toBe('N/A');
    expect(heat.conditionalFormats[0]).toMatchObject({ range: 'C4:J5', type: 'colorScale' });
    const trend = sheet(wb, 'Trend');
    expect(trend.columns.map((c) => c.header)).toEqual(['Module', 'Name', '2026 Q2', '2026 Q4', 'Change since previous']);
    expect(trend.rows[0]!.slice(2, 4)).toEqual([1, 2]);
    expect(f(trend.rows[0]![4])).toEqual({ formula: 'IF(AND(ISNUMBER(C4),ISNUMBER(D4)),D4-C4,"")', result: 1 });
    // Modules out of scope are blank, never zero.
    expect(trend.rows[2]!.slice(2, 5)).toEqual(['', '', { formula: 'IF(AND(ISNUMBER(C6),ISNUMBER(D6)),D6-C6,"")', result: '' }]);
  });

  it('anonymises the people in the votes and in free text', () => {
    const anon = buildWorkbook(reportFixture(), { created: '2026-11-25T09:00:00.000Z', anonymise: true });
    expect(JSON.stringify(anon)).not.toMatch(/Ana Lopez|Ben Carter|Chloe Martin/);
    expect(sheet(anon, 'Votes').rows.map((r) => r[2])).toEqual(['Participant A', 'Participant B', 'Participant C', 'Participant A']);
  });
});

describe('amounts in the engagement’s currency', () => {
  it.each([
    ['EUR', '"€"#,##0.00;("€"#,##0.00)'],
    ['usd', '"$"#,##0.00;("$"#,##0.00)'],
    ['JPY', '"¥"#,##0;("¥"#,##0)'],
    ['CHF', '#,##0.00 "CHF";(#,##0.00 "CHF")'],
    ['XYZ', '#,##0.00 "XYZ";(#,##0.00 "XYZ")'],
  ])('%s', (code, format) => expect(currencyFormat(code)).toBe(format));
});
