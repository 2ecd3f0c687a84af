/**
 * The roadmap sheets of the workbook, drawn from the scenario's outputs:
 * - Initiatives: one row per initiative (planned ones first, numbered as on the Gantt) with owner,
 *   capabilities and levels, capex, opex, effort per role, labour as a formula over the day rates above
 *   the table, duration, earliest start, dependencies, risk, cost split and where the plan puts it.
 * - Schedule: initiative by quarter: Start, Running, and Live once it runs (its opex).
 * - Cost rows: one row per initiative and quarter with spend, by the app's spreading rules, with each
 *   business unit's share: the data the Costs sheet adds up.
 * - Costs: by quarter and fiscal year, capex, labour, opex and total as SUMIFS over the cost rows, and
 *   each business unit's amount rounded to the cent by the largest remainder as the app does (working
 *   columns, hidden), so every row adds up to its total and an edited amount or share recomputes all.
 * Every formula carries the outputs' figure as its cached result, so the numbers match the screens.
 */
import { costProfile, labourCost } from '../roadmap/costs';
import { currencyDigits } from '../roadmap/format';
import { percentToBasisPoints } from '../roadmap/validate';
import { tint } from './branding';
import type { ReportScenario } from './input';
import { fiscalOf, fiscalSpan, fiscalYears, moduleOfCapability, plannedInitiatives, planWords, RISK_LABEL, splitWords, upliftWords, type PlannedInitiative } from './roadmap';
import { colLetter, quoteSheet, rowNumber, WORKBOOK_SHEETS, type CellValue, type Column, type Formula, type Sheet, type SheetContext } from './workbook';

const NAME = Object.fromEntries(WORKBOOK_SHEETS.map((s) => [s.id, s.name])) as Record<(typeof WORKBOOK_SHEETS)[number]['id'], string>;
const DAYS = '#,##0';
const PERCENT = '0.00%';

interface Planned {
  s: ReportScenario;
  planned: PlannedInitiative[];
  /** Minor units per major unit of the currency. */
  unit: number;
  major: (minor: number) => number;
}

function plannedOf(c: SheetContext): Planned {
  const s = c.input.scenario!;
  const fw = c.input.framework;
  const unit = 10 ** currencyDigits(s.outputs.currency);
  return { s, planned: plannedInitiatives(s, moduleOfCapability(fw), fw.modules.map((m) => m.id)), unit, major: (x) => x / unit };
}

const sheetBase = (name: string, tabColor: string): Omit<Sheet, 'preamble' | 'columns'> => ({
  name,
  tabColor,
  rows: [],
  frozenColumns: 2,
  autoFilter: true,
  validations: [],
  conditionalFormats: [],
  landscape: true,
});

// ---- Initiatives -------------------------------------------------------------------------------

export function initiativesSheet(c: SheetContext): Sheet {
  const { s, planned, major } = plannedOf(c);
  const { anon } = c;
  const roles = s.rateCard.roles;
  const byId = new Map(planned.map((p) => [p.initiative.id, p]));
  const names = new Map(s.initiatives.map((x) => [x.id, anon.text(x.name)]));
  const ordered = [...planned.map((p) => p.initiative), ...s.initiatives.filter((x) => !byId.has(x.id))];
  const firstRole = 8;
  const lastRole = firstRole + roles.length - 1;
  const columns: Column[] = [
    { header: '#', width: 6, align: 'center' },
    { header: 'Initiative', width: 30, wrap: true, editable: true },
    { header: 'Owner', width: 18, editable: true },
    { header: 'Capabilities and levels', width: 26, wrap: true },
    { header: 'Main module', width: 9, align: 'center' },
    { header: 'Capex', width: 14, numFmt: c.moneyFormat, align: 'right', editable: true },
    { header: 'Opex per year', width: 14, numFmt: c.moneyFormat, align: 'right', editable: true },
    ...roles.map((r): Column => ({ header: `${r.name} (days)`, width: 12, numFmt: DAYS, align: 'right', editable: true })),
    { header: 'Labour', width: 14, numFmt: c.moneyFormat, align: 'right' },
    { header: 'Duration (quarters)', width: 10, numFmt: '0', align: 'center', editable: true },
    { header: 'Earliest start', width: 12 },
    { header: 'Depends on', width: 24, wrap: true },
    { header: 'Risk', width: 9, editable: true },
    { header: 'Cost split', width: 24, wrap: true },
    { header: 'In this plan', width: 19 },
    { header: 'Description', width: 40, wrap: true },
  ];
  const rateRow: CellValue[] = Array.from({ length: columns.length }, () => null);
  const formats: (string | undefined)[] = Array.from({ length: columns.length }, () => undefined);
  rateRow[0] = 'Day rate';
  roles.forEach((r, k) => {
    rateRow[firstRole - 1 + k] = major(r.dayRate);
    formats[firstRole - 1 + k] = c.moneyFormat;
  });
  const sheet: Sheet = {
    ...sheetBase(NAME.initiatives, c.primary),
    preamble: [
      { cells: [`Initiatives: ${c.input.engagement.client}, scenario ${s.name}`], style: 'title' },
      { cells: [`Scenario ${s.name}: ${planWords(s)}; baseline assessment ${s.baseline.label}.`], style: 'text' },
      { cells: ['Labour is the person-days per role times the day rates below: edit a rate or the days and it recomputes. Initiatives in the plan come first, numbered as on the roadmap slides.'], style: 'text' },
      { cells: rateRow, formats, style: 'label' },
    ],
    columns,
  };
  const rateRef = roles.length ? `$${colLetter(firstRole)}$4:$${colLetter(lastRole)}$4` : '';
  ordered.forEach((x, i) => {
    const row = rowNumber(sheet, i);
    const p = byId.get(x.id);
    const days = roles.map((r) => x.effort.filter((e) => e.roleId === r.id).reduce((a, e) => a + e.days, 0));
    const labour: CellValue = roles.length
      ? { formula: `SUMPRODUCT(${colLetter(firstRole)}${row}:${colLetter(lastRole)}${row},${rateRef})`, result: major(labourCost(x, s.rateCard)) }
      : 0;
    sheet.rows.push([
      p ? p.number : null,
      anon.text(x.name),
      anon.text(x.owner),
      upliftWords(x),
      p?.module ?? '',
      major(x.capex),
      major(x.opexPerYear),
      ...days,
      labour,
      x.durationQuarters,
      x.earliestStart ? `${x.earliestStart} (${fiscalOf(s, x.earliestStart)})` : '',
      x.dependsOn.map((d) => names.get(d) ?? d).join('; '),
      RISK_LABEL[x.risk],
      splitWords(x, (id) => anon.unit(id) ?? id),
      p ? fiscalSpan(s, p.startQuarter, p.endQuarter) : 'Not planned',
      anon.text(x.description),
    ]);
  });
  if (ordered.length) {
    const first = rowNumber(sheet, 0);
    const last = rowNumber(sheet, ordered.length - 1);
    const col = (header: string) => colLetter(columns.findIndex((x) => x.header === header) + 1);
    sheet.validations = [
      { range: `${col('Risk')}${first}:${col('Risk')}${last}`, type: 'list', list: ['Low', 'Medium', 'High'], prompt: 'Low, Medium or High', error: 'Risk is Low, Medium or High.' },
      { range: `${col('Duration (quarters)')}${first}:${col('Duration (quarters)')}${last}`, type: 'whole', min: 1, max: 12, prompt: '1 to 12 quarters', error: 'A duration is a whole number of quarters from 1 to 12.' },
      { range: `F${first}:G${last}`, type: 'decimal', min: 0, max: 1e11, error: 'An amount is a number, zero or more.' },
      ...(roles.length
        ? [{ range: `${colLetter(firstRole)}${first}:${colLetter(lastRole)}${last}`, type: 'whole' as const, min: 0, max: 100_000, prompt: 'Whole person-days', error: 'Effort is a whole number of person-days, zero or more.' }]
        : []),
    ];
    sheet.conditionalFormats = [{ range: `A${first}:${colLetter(columns.length)}${last}`, type: 'expression', formula: `$${col('In this plan')}${first}="Not planned"`, fill: 'F3F5F8', font: '5F6B7A' }];
  }
  return sheet;
}

// ---- Schedule ----------------------------------------------------------------------------------

export function scheduleSheet(c: SheetContext): Sheet {
  const { s, planned } = plannedOf(c);
  const o = s.outputs;
  const T = o.quarters.length;
  const fixed = 6;
  const sheet: Sheet = {
    ...sheetBase(NAME.schedule, c.primary),
    preamble: [
      { cells: [`Schedule: scenario ${s.name}, ${o.fiscalLabels[0]} to ${o.fiscalLabels[T - 1]}`], style: 'title' },
      { cells: ['Start marks the first quarter of work and Running the others; Live marks the quarters after completion, when the opex runs.'], style: 'text' },
    ],
    columns: [
      { header: '#', width: 5, align: 'center' },
      { header: 'Initiative', width: 32 },
      { header: 'Main module', width: 12, align: 'center' },
      { header: 'Risk', width: 9 },
      { header: 'Start', width: 12 },
      { header: 'Finish', width: 12 },
      ...o.quarters.map((q, t): Column => ({ header: `${o.fiscalLabels[t]} (${q})`, width: 11, align: 'center' })),
    ],
  };
  for (const p of planned) {
    sheet.rows.push([
      p.number,
      c.anon.text(p.initiative.name),
      p.module ?? '',
      RISK_LABEL[p.initiative.risk],
      fiscalOf(s, p.startQuarter),
      fiscalOf(s, p.endQuarter),
      ...o.quarters.map((_, t) => (t === p.start ? 'Start' : t > p.start && t < p.start + p.duration ? 'Running' : t >= p.start + p.duration ? 'Live' : '')),
    ]);
  }
  if (planned.length) {
    const first = rowNumber(sheet, 0);
    const last = rowNumber(sheet, planned.length - 1);
    const a = colLetter(fixed + 1);
    const range = `${a}${first}:${colLetter(fixed + T)}${last}`;
    sheet.conditionalFormats = [
      { range, type: 'expression', formula: `${a}${first}="Start"`, fill: c.primary.replace('#', ''), font: 'FFFFFF', bold: true },
      { range, type: 'expression', formula: `${a}${first}="Running"`, fill: tint(c.primary, 0.55), font: '1A202C' },
      { range, type: 'expression', formula: `${a}${first}="Live"`, fill: tint(c.accent, 0.82), font: '5F6B7A' },
    ];
  }
  return sheet;
}

// ---- Cost rows and Costs -----------------------------------------------------------------------

/** Where the Cost rows sheet keeps what the Costs sheet adds up. */
interface Ledger {
  sheet: Sheet;
  first: number;
  last: number;
  /** 1-based columns. */
  col: { quarter: number; fiscalYear: number; capex: number; labour: number; opex: number; total: number; share: number[]; weighted: number[] };
  /** The common denominator of the units' weights: 10,000 x the number of units. */
  denominator: number;
  /** Per quarter index: the weighted numerators of each unit (cached results of the Costs sheet's working columns). */
  numerators: number[][];
}

const ledgers = new WeakMap<SheetContext, Ledger>();

/** The Cost rows sheet of a workbook, built once for the two sheets that need it. */
function ledgerOf(c: SheetContext): Ledger {
  let ledger = ledgers.get(c);
  if (!ledger) ledgers.set(c, (ledger = buildLedger(c)));
  return ledger;
}

function buildLedger(c: SheetContext): Ledger {
  const { s, planned, unit, major } = plannedOf(c);
  const o = s.outputs;
  const T = o.quarters.length;
  const units = o.chargeback.businessUnits;
  const n = units.length;
  const D = 10_000 * Math.max(1, n);
  const col = { quarter: 1, fiscalQuarter: 2, fiscalYear: 3, number: 4, initiative: 5, capex: 6, labour: 7, opex: 8, total: 9, share: units.map((_, k) => 10 + k), weighted: units.map((_, k) => 10 + n + k) };
  const sheet: Sheet = {
    ...sheetBase(NAME.costRows, c.accent),
    preamble: [
      { cells: [`Cost rows: scenario ${s.name}`], style: 'title' },
      {
        cells: [
          'One row per initiative and quarter with spend, by the app’s rules: capex and labour spread evenly over the quarters of work, opex from the quarter after completion. The Costs sheet adds these rows up: edit an amount or a share and its totals recompute.',
        ],
        style: 'text',
      },
    ],
    columns: [
      { header: 'Quarter', width: 10 },
      { header: 'Fiscal quarter', width: 13 },
      { header: 'Fiscal year', width: 11 },
      { header: '#', width: 5, align: 'center' },
      { header: 'Initiative', width: 32 },
      { header: 'Capex', width: 14, numFmt: c.moneyFormat, align: 'right', editable: true },
      { header: 'Labour', width: 14, numFmt: c.moneyFormat, align: 'right', editable: true },
      { header: 'Opex', width: 14, numFmt: c.moneyFormat, align: 'right', editable: true },
      { header: 'Total', width: 15, numFmt: c.moneyFormat, align: 'right' },
      ...units.map((u): Column => ({ header: `${c.anon.unit(u.id) ?? u.name} share`, width: 14, numFmt: PERCENT, align: 'right', editable: true })),
      ...units.map((u): Column => ({ header: `${c.anon.unit(u.id) ?? u.name} weighted (working)`, width: 12, numFmt: '0', hidden: true })),
    ],
    frozenColumns: 5,
  };
  const numerators = o.quarters.map(() => units.map(() => 0));
  const unitIndex = new Map(units.map((u, k) => [u.id, k]));
  const entries: { t: number; p: PlannedInitiative; capex: number; labour: number; opex: number; weights: number[] }[] = [];
  for (const p of planned) {
    const profile = costProfile(p.initiative, s.rateCard, T);
    const split = p.initiative.costSplit;
    const weights = units.map(() => 0);
    if (split.mode === 'equal') weights.fill(10_000);
    else
      for (const sh of split.shares) {
        const k = unitIndex.get(sh.businessUnitId);
        if (k !== undefined) weights[k] = weights[k]! + percentToBasisPoints(sh.percent) * n;
      }
    for (let t = Math.max(0, p.start); t < T; t++) {
      const k = t - p.start;
      const capex = profile.capex[k]!;
      const labour = profile.labour[k]!;
      const opex = profile.opex[k]!;
      if (!capex && !labour && !opex) continue;
      entries.push({ t, p, capex, labour, opex, weights });
    }
  }
  entries.sort((a, b) => a.t - b.t || a.p.number - b.p.number);
  entries.forEach((e, i) => {
    const row = rowNumber(sheet, i);
    const total = e.capex + e.labour + e.opex;
    e.weights.forEach((w, k) => (numerators[e.t]![k]! += total * w));
    sheet.rows.push([
      o.quarters[e.t]!,
      o.fiscalLabels[e.t]!,
      o.fiscalLabels[e.t]!.split(' ')[0]!,
      e.p.number,
      c.anon.text(e.p.initiative.name),
      major(e.capex),
      major(e.labour),
      major(e.opex),
      { formula: `F${row}+G${row}+H${row}`, result: major(total) },
      ...e.weights.map((w) => w / D),
      ...e.weights.map((w, k): Formula => {
        const share = colLetter(col.share[k]!);
        return { formula: `ROUND(I${row}*${unit},0)*ROUND(${share}${row}*${D},0)`, result: total * w };
      }),
    ]);
  });
  const first = rowNumber(sheet, 0);
  const last = rowNumber(sheet, Math.max(0, entries.length - 1));
  if (entries.length && n) {
    sheet.validations = [
      { range: `${colLetter(col.share[0]!)}${first}:${colLetter(col.share[n - 1]!)}${last}`, type: 'decimal', min: 0, max: 1, prompt: 'A share from 0% to 100%', error: 'A share is a percentage from 0% to 100%; the shares of a row add up to 100%.' },
    ];
  }
  return { sheet, first, last, col, denominator: D, numerators };
}

export function costRowsSheet(c: SheetContext): Sheet {
  return ledgerOf(c).sheet;
}

export function costsSheet(c: SheetContext): Sheet {
  const { s, unit, major } = plannedOf(c);
  const o = s.outputs;
  const ledger = ledgerOf(c);
  const units = o.chargeback.businessUnits;
  const n = units.length;
  const D = ledger.denominator;
  const L = (k: number) => `${quoteSheet(NAME.costRows)}!$${colLetter(k)}$${ledger.first}:$${colLetter(k)}$${ledger.last}`;
  // Columns: fiscal quarter, quarter, capex, labour, opex, total, a unit each; working columns after them.
  const amount = (k: number) => 7 + k;
  const weighted = (k: number) => 7 + n + k;
  const remainder = (k: number) => 7 + 2 * n + k;
  const leftCol = 7 + 3 * n;
  const sheet: Sheet = {
    ...sheetBase(NAME.costs, c.accent),
    preamble: [
      { cells: [`Costs by quarter and business unit: scenario ${s.name}`], style: 'title' },
      { cells: [`Amounts in ${o.currency}, added up from the Cost rows sheet with SUMIFS, so they recompute when a cost row is edited.`], style: 'text' },
      {
        cells: ['Each business unit’s amount is its share of the quarter’s spend, rounded to the cent by the largest remainder as in the app, so every row adds up to its total exactly.'],
        style: 'text',
      },
    ],
    columns: [
      { header: 'Fiscal quarter', width: 16 },
      { header: 'Quarter', width: 10 },
      { header: 'Capex', width: 15, numFmt: c.moneyFormat, align: 'right' },
      { header: 'Labour', width: 15, numFmt: c.moneyFormat, align: 'right' },
      { header: 'Opex', width: 15, numFmt: c.moneyFormat, align: 'right' },
      { header: 'Total', width: 16, numFmt: c.moneyFormat, align: 'right' },
      ...units.map((u): Column => ({ header: c.anon.unit(u.id) ?? u.name, width: 16, numFmt: c.moneyFormat, align: 'right' })),
      ...units.map((u): Column => ({ header: `${c.anon.unit(u.id) ?? u.name} weighted (working)`, width: 10, numFmt: '0', hidden: true })),
      ...units.map((u): Column => ({ header: `${c.anon.unit(u.id) ?? u.name} remainder (working)`, width: 10, numFmt: '0', hidden: true })),
      ...(n ? [{ header: 'Cents left (working)', width: 10, numFmt: '0', hidden: true }] : []),
    ],
    frozenColumns: 2,
    autoFilter: false,
    rowStyles: {},
  };
  const cents = unit;
  const fyRows: number[] = [];
  for (const fy of fiscalYears(s)) {
    const quarterRows: number[] = [];
    for (const t of fy.quarters) {
      const i = sheet.rows.length;
      const row = rowNumber(sheet, i);
      quarterRows.push(row);
      const q = o.costs.byQuarter[t]!;
      const cb = o.chargeback.byQuarter[t]!;
      const N = ledger.numerators[t]!;
      const rem = N.map((x) => x % D);
      const left = q.total - cb.unallocated - N.reduce((a, x) => a + Math.floor(x / D), 0);
      const sum = (k: number, result: number): Formula => ({ formula: `SUMIFS(${L(k)},${L(ledger.col.quarter)},$B${row})`, result });
      const R = (k: number) => `${colLetter(remainder(k))}${row}`;
      sheet.rows.push([
        o.fiscalLabels[t]!,
        o.quarters[t]!,
        sum(ledger.col.capex, major(q.capex)),
        sum(ledger.col.labour, major(q.labour)),
        sum(ledger.col.opex, major(q.opex)),
        sum(ledger.col.total, major(q.total)),
        ...units.map((u, k): Formula => {
          const W = `${colLetter(weighted(k))}${row}`;
          const rank = `COUNTIF(${R(0)}:${R(n - 1)},">"&${R(k)})${k ? `+COUNTIF(${R(0)}:${R(k - 1)},${R(k)})` : ''}+1`;
          return { formula: `(INT(${W}/${D})+IF(${rank}<=$${colLetter(leftCol)}${row},1,0))/${cents}`, result: major(cb.shares[u.id]!) };
        }),
        ...units.map((_, k) => sum(ledger.col.weighted[k]!, N[k]!)),
        ...units.map((_, k): Formula => {
          const W = `${colLetter(weighted(k))}${row}`;
          return { formula: `${W}-${D}*INT(${W}/${D})`, result: rem[k]! };
        }),
        ...(n
          ? [{ formula: `ROUND(F${row}*${cents},0)-(${units.map((_, k) => `INT(${colLetter(weighted(k))}${row}/${D})`).join('+')})`, result: left } as Formula]
          : []),
      ]);
    }
    const i = sheet.rows.length;
    const row = rowNumber(sheet, i);
    fyRows.push(row);
    const y = o.costs.byFiscalYear.find((x) => x.fiscalYear === fy.label)!;
    const cb = o.chargeback.byFiscalYear.find((x) => x.fiscalYear === fy.label)!;
    const byYear = (k: number, result: number): Formula => ({ formula: `SUMIFS(${L(k)},${L(ledger.col.fiscalYear)},"${fy.label}")`, result });
    sheet.rows.push([
      `${fy.label} total`,
      '',
      byYear(ledger.col.capex, major(y.capex)),
      byYear(ledger.col.labour, major(y.labour)),
      byYear(ledger.col.opex, major(y.opex)),
      byYear(ledger.col.total, major(y.total)),
      ...units.map((u, k): Formula => ({ formula: quarterRows.map((r) => `${colLetter(amount(k))}${r}`).join('+'), result: major(cb.shares[u.id]!) })),
    ]);
    sheet.rowStyles![i] = { bold: true, fill: 'F3F5F8' };
  }
  const total = o.costs.total;
  const unitTotal = (id: string) => o.chargeback.byFiscalYear.reduce((a, y) => a + y.shares[id]!, 0);
  const i = sheet.rows.length;
  const all = (k: number) => fyRows.map((r) => `${colLetter(k)}${r}`).join('+');
  sheet.rows.push([
    'Total',
    '',
    { formula: all(3), result: major(total.capex) },
    { formula: all(4), result: major(total.labour) },
    { formula: all(5), result: major(total.opex) },
    { formula: all(6), result: major(total.total) },
    ...units.map((u, k): Formula => ({ formula: all(amount(k)), result: major(unitTotal(u.id)) })),
  ]);
  sheet.rowStyles![i] = { bold: true, topBorder: true, fill: tint(c.primary, 0.85) };
  return sheet;
}
