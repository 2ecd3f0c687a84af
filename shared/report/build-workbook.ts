/**
 * Builds the workbook model of an assessment. The Scores sheet is the data; Summary and Heat map are
 * formulas over it (so an edited score recomputes everything), the gap and the weighted gap are live
 * formulas of the ranking rule, evidence is flagged stale against TODAY(). Every formula carries the
 * result the results model computed, so the numbers match the screens before anything recalculates.
 *
 * With a roadmap scenario, its sheets join (workbook-roadmap.ts): Initiatives, Schedule, Costs and the
 * Cost rows the Costs sheet adds up, amounts in the engagement's currency (`moneyFormat`).
 */
import type { ActionStatus } from '../domain';
import { CONFIDENCE_FACTOR_NOT_SET, CONFIDENCE_FACTORS, DEFAULT_PRIORITY, DEFAULT_WEIGHT } from '../results';
import { isStale } from '../scoring/progress';
import { anonymiser, type AnonymiseOptions } from './anonymise';
import { bare, footerText, levelScale, textOn, tint } from './branding';
import { byNumber, byText, currencyFormat, fmtDate } from './format';
import { reportFigures, type ReportInput } from './input';
import {
  colLetter,
  columnRange,
  headerRow,
  quoteSheet,
  rowNumber,
  WORKBOOK_SHEETS,
  type CellValue,
  type Column,
  type Sheet,
  type SheetBuilder,
  type SheetContext,
  type Workbook,
  type WorkbookSheetId,
} from './workbook';
import { costRowsSheet, costsSheet, initiativesSheet, scheduleSheet } from './workbook-roadmap';

export { WORKBOOK_SHEETS, workbookSheetIds, type SheetBuilder, type SheetContext, type WorkbookSheetId } from './workbook';

const NAMES = Object.fromEntries(WORKBOOK_SHEETS.map((s) => [s.id, s.name])) as Record<WorkbookSheetId, string>;
const SCORES = NAMES.scores;

/** Scores sheet columns, 1-based; the formulas of other sheets refer to them. */
export const SCORE_COLUMNS = {
  module: 1,
  capability: 2,
  name: 3,
  current: 4,
  target: 5,
  gap: 6,
  confidence: 7,
  priority: 8,
  weight: 9,
  weightedGap: 10,
  rationale: 11,
  evidence: 12,
  owner: 13,
} as const;

const LEVEL = '0';
const MEAN = '0.0';
const SIGNED_MEAN = '+0.0;-0.0;0.0';
const SIGNED = '+0;-0;0';
const DATE = 'd mmm yyyy';

const levelValidation = (range: string, allowNA = false) =>
  allowNA
    ? { range, type: 'list' as const, list: ['1', '2', '3', '4', '5', 'N/A'], prompt: 'A level from 1 to 5, or N/A', error: 'Choose a level from 1 to 5, or N/A when the capability does not apply.' }
    : { range, type: 'whole' as const, min: 1, max: 5, prompt: 'A level from 1 to 5', error: 'A level is a whole number from 1 to 5.' };

const blankIfNull = (x: number | null | undefined): number | string => (x === null || x === undefined ? '' : x);

/** The weighted gap of the ranking rule as an Excel formula on row `r` of the Scores sheet. */
export function weightedGapFormula(r: number): string {
  const c = (k: keyof typeof SCORE_COLUMNS) => `${colLetter(SCORE_COLUMNS[k])}${r}`;
  const factor = `IF(${c('confidence')}="high",${CONFIDENCE_FACTORS.high},IF(${c('confidence')}="medium",${CONFIDENCE_FACTORS.medium},IF(${c('confidence')}="low",${CONFIDENCE_FACTORS.low},${CONFIDENCE_FACTOR_NOT_SET})))`;
  return `IF(AND(ISNUMBER(${c('gap')}),${c('gap')}>0),${c('gap')}*IF(ISNUMBER(${c('priority')}),${c('priority')},${DEFAULT_PRIORITY})*${factor}*IF(ISNUMBER(${c('weight')}),${c('weight')},${DEFAULT_WEIGHT}),"")`;
}

const scoresSheet: SheetBuilder = ({ input, figures, anon, primary, accent }) => {
  const r = figures.results;
  const weights = new Map(input.framework.modules.flatMap((m) => m.capabilities.map((c) => [c.id, c.weight ?? DEFAULT_WEIGHT] as const)));
  const ranked = new Map(r.gapRanking.map((g) => [g.capabilityId, g.score]));
  const sheet: Sheet = {
    name: SCORES,
    tabColor: bare(primary),
    preamble: [],
    columns: [
      { header: 'Module', width: 9 },
      { header: 'Capability', width: 11 },
      { header: 'Name', width: 36 },
      { header: 'Current', width: 10, numFmt: LEVEL, align: 'center', editable: true },
      { header: 'Target', width: 10, numFmt: LEVEL, align: 'center', editable: true },
      { header: 'Gap', width: 8, numFmt: SIGNED, align: 'center' },
      { header: 'Confidence', width: 12, editable: true },
      { header: 'Priority', width: 10, numFmt: LEVEL, align: 'center', editable: true },
      { header: 'Weight', width: 9, numFmt: '0.00', align: 'center' },
      { header: 'Weighted gap', width: 14, numFmt: '0.00', align: 'center' },
      { header: 'Rationale', width: 60, wrap: true, editable: true },
      { header: 'Evidence', width: 10, numFmt: '0', align: 'center' },
      { header: 'Owner', width: 18, editable: true },
    ],
    rows: [],
    frozenColumns: 3,
    autoFilter: true,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  r.capabilities.forEach((c, i) => {
    const row = rowNumber(sheet, i);
    const note = input.notes[c.capabilityId];
    sheet.rows.push([
      c.moduleId,
      c.capabilityId,
      c.name,
      c.notApplicable ? 'N/A' : c.current,
      c.target,
      { formula: `IF(AND(ISNUMBER(D${row}),ISNUMBER(E${row})),E${row}-D${row},"")`, result: blankIfNull(c.gap) },
      c.confidence,
      c.priority,
      weights.get(c.capabilityId) ?? DEFAULT_WEIGHT,
      { formula: weightedGapFormula(row), result: ranked.has(c.capabilityId) ? ranked.get(c.capabilityId)! : '' },
      anon.text(note?.rationale ?? ''),
      c.evidenceCount,
      anon.text(note?.owner ?? ''),
    ]);
  });
  const first = rowNumber(sheet, 0);
  const last = rowNumber(sheet, Math.max(0, r.capabilities.length - 1));
  sheet.validations = [
    levelValidation(`D${first}:D${last}`, true),
    levelValidation(`E${first}:E${last}`),
    levelValidation(`H${first}:H${last}`),
    { range: `G${first}:G${last}`, type: 'list', list: ['low', 'medium', 'high'], prompt: 'low, medium or high', error: 'Confidence is low, medium or high.' },
  ];
  const levels = levelScale(primary, accent);
  sheet.conditionalFormats = [
    { range: `D${first}:D${last}`, type: 'colorScale', stops: [{ value: 1, color: levels[0] }, { value: 3, color: levels[2] }, { value: 5, color: levels[4] }] },
    { range: `F${first}:F${last}`, type: 'expression', formula: `AND(ISNUMBER(F${first}),F${first}>=2)`, fill: tint(accent, 0.7), bold: true },
  ];
  return sheet;
};

const summarySheet: SheetBuilder = ({ input, figures, primary, accent, scoreRows }) => {
  const r = figures.results;
  const { first, last } = scoreRows;
  const range = (k: keyof typeof SCORE_COLUMNS) => columnRange(SCORES, SCORE_COLUMNS[k], first, last);
  const previous = r.previous;
  const sheet: Sheet = {
    name: NAMES.summary,
    tabColor: bare(primary),
    preamble: [
      { cells: [`Data platform maturity: ${input.engagement.client}, ${input.assessment.label}`], style: 'title' },
      { cells: ['Assessment', `${input.assessment.label}, ${fmtDate(input.assessment.date)}`], style: 'label' },
      { cells: ['Framework', `${input.framework.name} ${input.framework.version}`], style: 'label' },
      { cells: ['Currency', input.engagement.currency], style: 'label' },
      { cells: ['Means', 'Plain means of the agreed levels on the Scores sheet; not applicable and unscored capabilities are left out. They recompute when a score changes.'], style: 'text' },
    ],
    columns: [
      { header: 'Module', width: 13 },
      { header: 'Name', width: 46, wrap: true },
      { header: 'Mean current', width: 14, numFmt: MEAN, align: 'center' },
      { header: 'Mean target', width: 13, numFmt: MEAN, align: 'center' },
      { header: 'Mean gap', width: 11, numFmt: SIGNED_MEAN, align: 'center' },
      { header: 'Scored', width: 9, numFmt: '0', align: 'center' },
      { header: 'Not applicable', width: 15, numFmt: '0', align: 'center' },
      { header: 'Capabilities', width: 13, numFmt: '0', align: 'center' },
      ...(previous ? [{ header: `Current in ${previous.label}`, width: 18, numFmt: MEAN, align: 'center' as const }] : []),
    ],
    rows: [],
    frozenColumns: 0,
    autoFilter: false,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  r.modules.forEach((m, i) => {
    const row = rowNumber(sheet, i);
    const id = `$A${row}`;
    sheet.rows.push([
      m.moduleId,
      m.name,
      { formula: `IFERROR(AVERAGEIFS(${range('current')},${range('module')},${id}),"")`, result: blankIfNull(m.meanCurrent) },
      { formula: `IFERROR(AVERAGEIFS(${range('target')},${range('module')},${id},${range('current')},">0"),"")`, result: blankIfNull(m.meanTarget) },
      { formula: `IFERROR(AVERAGEIFS(${range('gap')},${range('module')},${id}),"")`, result: blankIfNull(m.meanGap) },
      { formula: `COUNTIFS(${range('module')},${id},${range('current')},">0")`, result: m.scored },
      { formula: `COUNTIFS(${range('module')},${id},${range('current')},"N/A")`, result: m.notApplicable },
      { formula: `COUNTIF(${range('module')},${id})`, result: m.total },
      ...(previous ? [blankIfNull(previous.modules.find((p) => p.moduleId === m.moduleId)?.meanCurrent)] : []),
    ]);
  });
  const o = r.overall;
  sheet.rows.push([
    'All',
    'Every capability in scope',
    { formula: `IFERROR(AVERAGE(${range('current')}),"")`, result: blankIfNull(o.meanCurrent) },
    { formula: `IFERROR(AVERAGEIFS(${range('target')},${range('current')},">0"),"")`, result: blankIfNull(o.meanTarget) },
    { formula: `IFERROR(AVERAGE(${range('gap')}),"")`, result: blankIfNull(o.meanGap) },
    { formula: `COUNTIF(${range('current')},">0")`, result: o.scored },
    { formula: `COUNTIF(${range('current')},"N/A")`, result: o.notApplicable },
    { formula: `ROWS(${range('module')})`, result: o.total },
    ...(previous ? [''] : []),
  ]);
  sheet.rowStyles = { [sheet.rows.length - 1]: { bold: true, topBorder: true } };
  const levels = levelScale(primary, accent);
  const h = headerRow(sheet);
  sheet.conditionalFormats = [{ range: `C${h + 1}:C${h + r.modules.length}`, type: 'colorScale', stops: [{ value: 1, color: levels[0] }, { value: 3, color: levels[2] }, { value: 5, color: levels[4] }] }];
  return sheet;
};

const votesSheet: SheetBuilder = ({ input, figures, anon, scoreRow }) => {
  const names = new Map(figures.results.capabilities.map((c) => [c.capabilityId, c.name]));
  const order = new Map(figures.results.capabilities.map((c, i) => [c.capabilityId, i]));
  const unitOf = new Map(input.participants.map((p) => [p.id, p.businessUnitId]));
  const votes = input.votes
    .filter((v) => order.has(v.capabilityId))
    .sort((a, b) => order.get(a.capabilityId)! - order.get(b.capabilityId)! || anon.person(a.participantId).localeCompare(anon.person(b.participantId)));
  const sheet: Sheet = {
    name: NAMES.votes,
    preamble: [],
    columns: [
      { header: 'Capability', width: 11 },
      { header: 'Name', width: 36 },
      { header: 'Participant', width: 22 },
      { header: 'Business unit', width: 20 },
      { header: 'Current vote', width: 13, numFmt: LEVEL, align: 'center', editable: true },
      { header: 'Target vote', width: 12, numFmt: LEVEL, align: 'center', editable: true },
      { header: 'Agreed current', width: 15, numFmt: LEVEL, align: 'center' },
      { header: 'Voted on', width: 13, numFmt: DATE },
    ],
    rows: [],
    frozenColumns: 2,
    autoFilter: true,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  const current = new Map(figures.results.capabilities.map((c) => [c.capabilityId, c.notApplicable ? 'N/A' : c.current]));
  for (const v of votes) {
    const s = scoreRow.get(v.capabilityId)!;
    const agreed = current.get(v.capabilityId) ?? null;
    sheet.rows.push([
      v.capabilityId,
      names.get(v.capabilityId) ?? '',
      anon.person(v.participantId),
      anon.unit(unitOf.get(v.participantId) ?? null) ?? '',
      v.currentLevel,
      v.targetLevel,
      { formula: `IF(${quoteSheet(SCORES)}!D${s}="","",${quoteSheet(SCORES)}!D${s})`, result: agreed ?? '' },
      { date: v.updatedAt.slice(0, 10) },
    ]);
  }
  if (sheet.rows.length) {
    const first = rowNumber(sheet, 0);
    const last = rowNumber(sheet, sheet.rows.length - 1);
    sheet.validations = [levelValidation(`E${first}:E${last}`), levelValidation(`F${first}:F${last}`)];
  }
  return sheet;
};

const heatmapSheet: SheetBuilder = ({ figures, primary, accent, scoreRow }) => {
  const { heat } = figures;
  const width = Math.max(1, ...heat.rows.map((r) => r.cells.length));
  const sheet: Sheet = {
    name: NAMES.heatmap,
    preamble: [
      { cells: ['Heat map: the agreed current level of every capability (columns are the capabilities of each module in framework order; their names are on the Scores sheet)'], style: 'text' },
    ],
    columns: [{ header: 'Module', width: 10 }, { header: 'Name', width: 34 }, ...Array.from({ length: width }, (_, i): Column => ({ header: String(i + 1), width: 7, numFmt: LEVEL, align: 'center' }))],
    rows: heat.rows.map((row) => [
      row.moduleId,
      row.name,
      ...Array.from({ length: width }, (_, i): CellValue => {
        const c = row.cells[i];
        if (!c) return null;
        const s = scoreRow.get(c.capabilityId)!;
        const ref = `${quoteSheet(SCORES)}!$D$${s}`;
        const result = c.state === 'notApplicable' ? 'N/A' : c.value === null ? '' : c.value;
        return { formula: `IF(${ref}="","",${ref})`, result };
      }),
    ]),
    frozenColumns: 2,
    autoFilter: false,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  const h = headerRow(sheet);
  const levels = levelScale(primary, accent);
  sheet.conditionalFormats = [
    {
      range: `C${h + 1}:${colLetter(2 + width)}${h + heat.rows.length}`,
      type: 'colorScale',
      stops: [
        { value: 1, color: levels[0] },
        { value: 3, color: levels[2] },
        { value: 5, color: levels[4] },
      ],
    },
  ];
  return sheet;
};

const KIND = { document: 'Document', interview_note: 'Interview note', link: 'Link', screenshot: 'Screenshot', metric: 'Metric', system_config: 'System config' } as const;

const evidenceSheet: SheetBuilder = ({ input, anon, accent }) => {
  const items = [...input.evidence].sort((a, b) => byNumber(a.capabilityIds[0] ?? '', b.capabilityIds[0] ?? '') || byText(a.title, b.title));
  const sheet: Sheet = {
    name: NAMES.evidence,
    preamble: [],
    columns: [
      { header: 'Evidence', width: 44, wrap: true },
      { header: 'Kind', width: 15 },
      { header: 'Source', width: 24 },
      { header: 'Collected', width: 13, numFmt: DATE },
      { header: 'Valid until', width: 13, numFmt: DATE, editable: true },
      { header: 'Stale', width: 9, align: 'center' },
      { header: 'Sensitivity', width: 13 },
      { header: 'Capabilities', width: 18 },
      { header: 'Attachment', width: 26 },
      { header: 'Link', width: 30 },
    ],
    rows: [],
    frozenColumns: 1,
    autoFilter: true,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  items.forEach((e, i) => {
    const row = rowNumber(sheet, i);
    sheet.rows.push([
      anon.text(e.title),
      KIND[e.kind],
      anon.text(e.source),
      e.collectedOn ? { date: e.collectedOn } : null,
      e.validUntil ? { date: e.validUntil } : null,
      { formula: `IF(AND(ISNUMBER(E${row}),E${row}<TODAY()),"Stale","")`, result: isStale(e.validUntil, input.today) ? 'Stale' : '' },
      e.sensitivity,
      e.capabilityIds.join(', '),
      e.attachmentName ?? '',
      e.url ?? '',
    ]);
  });
  if (items.length) {
    const first = rowNumber(sheet, 0);
    const last = rowNumber(sheet, items.length - 1);
    sheet.conditionalFormats = [{ range: `A${first}:J${last}`, type: 'expression', formula: `$F${first}="Stale"`, fill: tint(accent, 0.78), font: '9B1C1C' }];
  }
  return sheet;
};

const STATUS: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const actionsSheet: SheetBuilder = ({ input, figures, anon }) => {
  const names = new Map(figures.results.capabilities.map((c) => [c.capabilityId, c.name]));
  const order = new Map(figures.results.capabilities.map((c, i) => [c.capabilityId, i]));
  const actions = [...input.actions].sort((a, b) => (order.get(a.capabilityId) ?? 999) - (order.get(b.capabilityId) ?? 999));
  const sheet: Sheet = {
    name: NAMES.actions,
    preamble: [],
    columns: [
      { header: 'Capability', width: 11 },
      { header: 'Name', width: 32 },
      { header: 'Action', width: 56, wrap: true, editable: true },
      { header: 'Owner', width: 20, editable: true },
      { header: 'Due', width: 13, numFmt: DATE, editable: true },
      { header: 'Status', width: 13, editable: true },
      { header: 'Days overdue', width: 14, numFmt: '0', align: 'center' },
    ],
    rows: [],
    frozenColumns: 1,
    autoFilter: true,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  actions.forEach((a, i) => {
    const row = rowNumber(sheet, i);
    const overdue = a.status !== 'done' && a.dueDate !== null && a.dueDate < input.today;
    sheet.rows.push([
      a.capabilityId,
      names.get(a.capabilityId) ?? '',
      anon.text(a.text),
      anon.text(a.owner),
      a.dueDate ? { date: a.dueDate } : null,
      STATUS[a.status],
      { formula: `IF(AND(ISNUMBER(E${row}),F${row}<>"Done",E${row}<TODAY()),TODAY()-E${row},"")`, result: overdue ? daysBetween(a.dueDate!, input.today) : '' },
    ]);
  });
  if (actions.length) {
    const first = rowNumber(sheet, 0);
    const last = rowNumber(sheet, actions.length - 1);
    sheet.validations = [{ range: `F${first}:F${last}`, type: 'list', list: Object.values(STATUS), prompt: 'Open, In progress or Done', error: 'Status is Open, In progress or Done.' }];
    sheet.conditionalFormats = [{ range: `G${first}:G${last}`, type: 'expression', formula: `AND(ISNUMBER(G${first}),G${first}>0)`, fill: 'FDE2E1', font: '9B1C1C', bold: true }];
  }
  return sheet;
};

const trendSheet: SheetBuilder = ({ figures, primary, accent }) => {
  const t = figures.trend;
  const n = t.assessments.length;
  const change = n >= 2;
  const sheet: Sheet = {
    name: NAMES.trend,
    preamble: [{ cells: ['Mean current level per module in every assessment of the engagement, oldest first (blank where a module was out of scope or not scored)'], style: 'text' }],
    columns: [
      { header: 'Module', width: 10 },
      { header: 'Name', width: 36 },
      ...t.assessments.map((a): Column => ({ header: a.label, width: Math.max(11, a.label.length + 3), numFmt: MEAN, align: 'center' })),
      ...(change ? [{ header: 'Change since previous', width: 22, numFmt: SIGNED_MEAN, align: 'center' as const }] : []),
    ],
    rows: [],
    frozenColumns: 2,
    autoFilter: false,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  };
  const line = (id: string, name: string, values: (number | null)[], i: number): CellValue[] => {
    const row = rowNumber(sheet, i);
    const a = `${colLetter(2 + n - 1)}${row}`;
    const b = `${colLetter(2 + n)}${row}`;
    const last = values[n - 1] ?? null;
    const prev = values[n - 2] ?? null;
    return [
      id,
      name,
      ...values.map(blankIfNull),
      ...(change ? [{ formula: `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${b}-${a},"")`, result: last !== null && prev !== null ? last - prev : '' }] : []),
    ];
  };
  t.modules.forEach((m, i) => sheet.rows.push(line(m.moduleId, m.name, m.current, i)));
  sheet.rows.push(line('All', 'Every capability in scope', t.overall.current, t.modules.length));
  sheet.rowStyles = { [t.modules.length]: { bold: true, topBorder: true } };
  const levels = levelScale(primary, accent);
  const h = headerRow(sheet);
  if (n) sheet.conditionalFormats = [{ range: `C${h + 1}:${colLetter(2 + n)}${h + t.modules.length}`, type: 'colorScale', stops: [{ value: 1, color: levels[0] }, { value: 3, color: levels[2] }, { value: 5, color: levels[4] }] }];
  return sheet;
};

/** The builder of every sheet: from the assessment, or (`needs: 'scenario'`) from the roadmap scenario. */
export const SHEET_BUILDERS: Record<WorkbookSheetId, SheetBuilder> = {
  summary: summarySheet,
  scores: scoresSheet,
  votes: votesSheet,
  heatmap: heatmapSheet,
  evidence: evidenceSheet,
  actions: actionsSheet,
  initiatives: initiativesSheet,
  schedule: scheduleSheet,
  costs: costsSheet,
  costRows: costRowsSheet,
  trend: trendSheet,
};

/** The sheets a workbook has: the assessment's always, the roadmap's with a scenario. */
export function workbookSheets(input: Pick<ReportInput, 'scenario'>): WorkbookSheetId[] {
  return WORKBOOK_SHEETS.filter((s) => s.needs === 'results' || !!input.scenario).map((s) => s.id);
}

export function buildWorkbook(input: ReportInput, options: Partial<AnonymiseOptions> & { created: string }): Workbook {
  const figures = reportFigures(input);
  const anon = anonymiser(input.participants, input.businessUnits, { anonymise: !!options.anonymise, businessUnitNames: options.businessUnitNames });
  const scoreRow = new Map(figures.results.capabilities.map((c, i) => [c.capabilityId, i + 2]));
  const moneyFormat = currencyFormat(input.engagement.currency);
  const ctx: SheetContext = {
    input,
    figures,
    anon,
    primary: input.branding.primaryColor,
    accent: input.branding.accentColor,
    scoreRow,
    scoreRows: { first: 2, last: Math.max(2, figures.results.capabilities.length + 1) },
    moneyFormat,
  };
  const wanted = new Set(workbookSheets(input));
  return {
    title: `${input.engagement.client}: data platform maturity, ${input.assessment.label}`,
    subject: `Maturity assessment ${input.assessment.label} (${input.framework.name} ${input.framework.version})${input.scenario ? `, roadmap scenario ${input.scenario.name}` : ''}`,
    company: input.engagement.client,
    created: options.created,
    theme: { primary: bare(input.branding.primaryColor), headerText: textOn(input.branding.primaryColor), accent: bare(input.branding.accentColor) },
    footer: footerText(input.branding, input.engagement.client),
    moneyFormat,
    sheets: WORKBOOK_SHEETS.filter((s) => wanted.has(s.id)).map((s) => SHEET_BUILDERS[s.id](ctx)),
  };
}
