/**
 * The roadmap sections of the deck: the Gantt (native shapes by fiscal quarter, bars coloured by the
 * module each initiative mostly lifts, dependency arrows routed beside the bars and never over text),
 * cost per quarter (a stacked native chart), chargeback by business unit (a table to the cent), projected
 * maturity (a native line chart with time to target) and the scenario comparison. Every number is one of
 * the scenario's outputs (`scenario.outputs`), the numbers of the roadmap screens.
 */
import { fiscalLabel } from '../roadmap/quarters';
import { tint } from './branding';
import { cols, GRID, type Block, type Cell, type DeckTheme, type Shape, type Slide } from './deck';
import { continued, fit, HEADER_HEIGHT, pages, shortName, table, tableHeight, type SectionBuilder, type SectionContext } from './deck-layout';
import { chartMoneyFormat, count, fmtMean, fmtMoney, fmtMoneyShort, listing, NONE, toMajor } from './format';
import type { ReportScenario } from './input';
import {
  fiscalOf,
  fiscalRule,
  fiscalSpan,
  fiscalYears,
  moduleColor,
  moduleOfCapability,
  opensFiscalYear,
  plannedInitiatives,
  planShort,
  planWords,
  RISK_LABEL,
  shortFiscal,
  targetsReached,
  upliftWords,
  type PlannedInitiative,
} from './roadmap';

/** What every roadmap slide of one scenario needs: names, money in its currency, the plan in schedule order. */
interface Roadmap {
  s: ReportScenario;
  kicker: string;
  money: (minor: number) => string;
  whole: (minor: number) => string;
  short: (minor: number) => string;
  moduleName: (id: string) => string;
  planned: PlannedInitiative[];
  unitName: (id: string) => string;
}

const roadmaps = new WeakMap<SectionContext, Map<ReportScenario, Roadmap>>();

/** The roadmap of a scenario, made once per deck for all its sections. */
function roadmapOf(c: SectionContext, s: ReportScenario): Roadmap {
  let byScenario = roadmaps.get(c);
  if (!byScenario) roadmaps.set(c, (byScenario = new Map()));
  let r = byScenario.get(s);
  if (!r) byScenario.set(s, (r = makeRoadmap(c, s)));
  return r;
}

function makeRoadmap(c: SectionContext, s: ReportScenario): Roadmap {
  const fw = c.input.framework;
  const order = fw.modules.map((m) => m.id);
  const names = new Map(fw.modules.map((m) => [m.id, m.name]));
  const cur = s.outputs.currency;
  return {
    s,
    kicker: `Roadmap · ${s.name}`,
    money: (x) => fmtMoney(x, cur),
    whole: (x) => fmtMoney(x, cur, { whole: true }),
    short: (x) => fmtMoneyShort(x, cur),
    moduleName: (id) => names.get(id) ?? id,
    planned: plannedInitiatives(s, moduleOfCapability(fw), order),
    unitName: (id) => c.anon.unit(id) ?? id,
  };
}

/** A module that reaches its target only in the first quarter after the horizon (work finishing in its last quarter). */
function reachedAfter(s: ReportScenario, moduleId: string): boolean {
  const m = s.outputs.maturity.find((x) => x.moduleId === moduleId);
  return !!m && m.target !== null && m.endState !== null && m.endState >= m.target - 1e-9;
}

const horizonWords = (s: ReportScenario) => `${s.outputs.fiscalLabels[0]} to ${s.outputs.fiscalLabels[s.outputs.fiscalLabels.length - 1]}`;

// ---- the Gantt ---------------------------------------------------------------------------------

/** The Gantt's geometry in inches, relative to the slide body. */
export const GANTT = {
  /** The label column: number, name with owner below, risk. */
  label: 3.95,
  gap: 0.12,
  fyHead: 0.26,
  qHead: 0.24,
  headGap: 0.06,
  /** Rows on one slide at most; more initiatives continue on further slides. */
  maxRows: 12,
  maxRowHeight: 0.46,
  /** Between a bar and the quarter boundaries around it. */
  pad: 0.035,
  /** Where the arrow enters a dependant's bar, from its start. */
  entry: 0.14,
  legendRow: 0.22,
  legendPerRow: 5,
} as const;

const HEAD = GANTT.fyHead + GANTT.qHead + GANTT.headGap;
const ARROW = '4A5565';
const GRID_LINE = 'E2E5EA';
const FY_LINE = 'AEB6C2';

function riskStyle(theme: DeckTheme, risk: keyof typeof RISK_LABEL): { fill: string; text: string } {
  if (risk === 'high') return { fill: theme.warning, text: 'FFFFFF' };
  if (risk === 'medium') return { fill: 'F6DDB0', text: '6B4200' };
  return { fill: 'E3E8EE', text: '3D4754' };
}

/** Legend items laid out `legendPerRow` to a row: a swatch (or an arrow) and its words. */
/** A legend entry: a swatch of a colour, or an arrow (in the warning colour for a dependency the plan breaks). */
type LegendItem = { color: string | 'arrow' | 'broken'; label: string };

function legendShapes(items: LegendItem[], y: number, width: number, theme: DeckTheme): Shape[] {
  const w = width / GANTT.legendPerRow;
  return items.flatMap((item, k): Shape[] => {
    const x = (k % GANTT.legendPerRow) * w;
    const top = y + Math.floor(k / GANTT.legendPerRow) * GANTT.legendRow;
    const label: Shape = { type: 'rect', x: x + 0.3, y: top, w: w - 0.34, h: GANTT.legendRow, text: fit(item.label, w - 0.34, 8), fontSize: 8, textColor: theme.muted, lineWidth: 0 };
    if (item.color === 'arrow' || item.color === 'broken') {
      const line = item.color === 'arrow' ? ARROW : theme.warning;
      return [{ type: 'line', x, y: top + 0.05, w: 0.16, h: 0, line }, { type: 'arrow', x: x + 0.16, y: top + 0.05, w: 0, h: 0.13, line }, label];
    }
    return [{ type: 'rect', x, y: top + 0.05, w: 0.22, h: 0.12, fill: item.color, lineWidth: 0 }, label];
  });
}

function ganttSlide(c: SectionContext, r: Roadmap, rows: PlannedInitiative[], page: number, of: number, legend: LegendItem[]): Slide {
  const { theme, anon } = c;
  const { s } = r;
  const T = s.outputs.quarters.length;
  const body = cols(1, 12);
  const legendH = Math.ceil(legend.length / GANTT.legendPerRow) * GANTT.legendRow;
  const ganttH = body.h - legendH - 0.18;
  const rowH = Math.min(GANTT.maxRowHeight, (ganttH - HEAD) / Math.max(1, rows.length));
  const barH = Math.min(0.22, rowH * 0.58);
  // A name and a line under it in every row, a little smaller when many rows share the slide.
  const nameSize = rowH >= 0.34 ? 9 : 8.5;
  const subSize = rowH >= 0.34 ? 7.5 : 7;
  const gridX = GANTT.label + GANTT.gap;
  const colW = (body.w - gridX) / T;
  const rowTop = (i: number) => HEAD + i * rowH;
  const rowsBottom = rowTop(rows.length);
  const x0 = (t: number) => gridX + Math.max(0, Math.min(T, t)) * colW;
  const rowOf = new Map(rows.map((p, i) => [p.initiative.id, i]));
  const byId = new Map(r.planned.map((p) => [p.initiative.id, p]));
  const shapes: Shape[] = [];

  // Zebra rows, so the eye follows a row from its name to its bar.
  rows.forEach((_, i) => {
    if (i % 2 === 1) shapes.push({ type: 'rect', x: 0, y: rowTop(i), w: body.w, h: rowH, fill: theme.panel, lineWidth: 0 });
  });
  // Fiscal years over their quarters, then the fiscal quarter of each column.
  for (const fy of fiscalYears(s)) {
    const first = fy.quarters[0]!;
    const w = fy.quarters.length * colW;
    shapes.push({
      type: 'rect',
      x: x0(first) + 0.015,
      y: 0,
      w: w - 0.03,
      h: GANTT.fyHead,
      fill: theme.primary,
      lineWidth: 0,
      text: w >= 0.75 ? fy.label : shortFiscal(fy.label),
      fontSize: 9,
      bold: true,
      textColor: theme.headerText,
      align: 'center',
      name: `Fiscal year ${fy.label}`,
    });
  }
  s.outputs.fiscalLabels.forEach((label, t) => {
    shapes.push({ type: 'rect', x: x0(t), y: GANTT.fyHead, w: colW, h: GANTT.qHead, text: label.split(' ')[1] ?? label, fontSize: 8, textColor: theme.muted, align: 'center', lineWidth: 0 });
  });
  const headY = GANTT.fyHead;
  shapes.push(
    { type: 'rect', x: 0, y: headY, w: 0.34, h: GANTT.qHead, text: '#', fontSize: 8, bold: true, textColor: theme.muted, align: 'right', lineWidth: 0 },
    { type: 'rect', x: 0.38, y: headY, w: 1.6, h: GANTT.qHead, text: 'Initiative', fontSize: 8, bold: true, textColor: theme.muted, lineWidth: 0 },
    { type: 'rect', x: GANTT.label - 0.62, y: headY, w: 0.58, h: GANTT.qHead, text: 'Risk', fontSize: 8, bold: true, textColor: theme.muted, align: 'center', lineWidth: 0 },
    { type: 'line', x: 0, y: HEAD - 0.03, w: body.w, h: 0, line: theme.line, lineWidth: 0.75 },
  );
  // Quarter boundaries: stronger where a fiscal year opens.
  for (let t = 0; t <= T; t++) {
    const strong = t === 0 || t === T || opensFiscalYear(s, t);
    shapes.push({ type: 'line', x: x0(t), y: HEAD - 0.03, w: 0, h: rowsBottom - HEAD + 0.03, line: strong ? FY_LINE : GRID_LINE, lineWidth: strong ? 0.75 : 0.5 });
  }

  // Dependency arrows, under the bars: from the end of the one that must finish first, along its row,
  // then down (or up) to the top of the dependant's bar. Nothing in the grid carries text.
  for (const [j, p] of rows.entries()) {
    for (const depId of p.initiative.dependsOn) {
      const dep = byId.get(depId);
      if (!dep) continue;
      const i = rowOf.get(depId);
      if (i === undefined) continue;
      const early = p.start < dep.start + dep.duration;
      const color = early ? theme.warning : ARROW;
      const xe = x0(dep.start + dep.duration) - GANTT.pad;
      const xs = x0(p.start) + GANTT.pad + Math.min(GANTT.entry, colW * 0.22);
      const yi = rowTop(i) + rowH / 2;
      const yj = j > i ? rowTop(j) + (rowH - barH) / 2 : rowTop(j) + (rowH + barH) / 2;
      const name = `Arrow ${dep.number} to ${p.number}`;
      if (Math.abs(xs - xe) > 0.01) shapes.push({ type: 'line', x: xe, y: yi, w: xs - xe, h: 0, line: color, lineWidth: 1, name });
      shapes.push({ type: 'arrow', x: xs, y: yi, w: 0, h: yj - yi, line: color, lineWidth: 1, name });
    }
  }

  rows.forEach((p, i) => {
    const y = rowTop(i);
    const x = x0(p.start) + GANTT.pad;
    const w = Math.max(0.06, x0(p.start + p.duration) - x0(p.start) - 2 * GANTT.pad);
    shapes.push({ type: 'roundRect', x, y: y + (rowH - barH) / 2, w, h: barH, fill: moduleColor(p.module), lineWidth: 0, name: `Bar ${p.number} ${p.initiative.name}` });
    const before = p.initiative.dependsOn.map((d) => byId.get(d)).filter((d): d is PlannedInitiative => !!d && !rowOf.has(d.initiative.id));
    const owner = anon.text(p.initiative.owner.trim());
    // Said in words when the initiative it waits for is on an earlier slide (no arrow can reach it).
    const after = before.length ? `after #${before.map((d) => d.number).join(', #')}` : '';
    const second = [owner, after, p.module ? `${p.module} ${shortName(r.moduleName(p.module))}` : 'no uplift'].filter(Boolean).join(' · ');
    const nameW = GANTT.label - 0.38 - 0.7;
    shapes.push(
      { type: 'rect', x: 0, y, w: 0.34, h: rowH, text: String(p.number), fontSize: 8, textColor: theme.muted, align: 'right', lineWidth: 0 },
      { type: 'rect', x: 0.38, y: y + rowH * 0.06, w: nameW, h: rowH * 0.5, text: fit(anon.text(p.initiative.name), nameW, nameSize, 1, true), fontSize: nameSize, bold: true, textColor: theme.text, valign: 'bottom', lineWidth: 0 },
      { type: 'rect', x: 0.38, y: y + rowH * 0.54, w: nameW, h: rowH * 0.42, text: fit(second, nameW, subSize), fontSize: subSize, textColor: theme.muted, valign: 'top', lineWidth: 0 },
    );
    const risk = riskStyle(theme, p.initiative.risk);
    shapes.push({ type: 'roundRect', x: GANTT.label - 0.6, y: y + (rowH - 0.19) / 2, w: 0.54, h: 0.19, fill: risk.fill, lineWidth: 0, text: RISK_LABEL[p.initiative.risk], fontSize: 7, bold: true, textColor: risk.text, align: 'center' });
  });
  shapes.push(...legendShapes(legend, rowsBottom + 0.18, body.w, theme));

  const total = s.outputs.costs.total.total;
  const reached = targetsReached(s);
  const notes = rows.map((p) => {
    const it = p.initiative;
    const deps = it.dependsOn.map((d) => byId.get(d)).filter((d): d is PlannedInitiative => !!d);
    return (
      `#${p.number} ${anon.text(it.name)}${it.owner.trim() ? ` (${anon.text(it.owner.trim())})` : ''}: ${fiscalSpan(s, p.startQuarter, p.endQuarter)} (${p.startQuarter} to ${p.endQuarter}), ${it.risk} risk` +
      `${deps.length ? `; after ${listing(deps.map((d) => `#${d.number} ${anon.text(d.initiative.name)}`))}` : ''}` +
      `${it.uplifts.length ? `; lifts ${upliftWords(it)}` : ''}; capex ${r.money(it.capex)}, opex ${r.money(it.opexPerYear)} a year.`
    );
  });
  const broken = s.outputs.violations.length;
  return {
    kind: 'content',
    kicker: r.kicker,
    title: continued(`Roadmap: ${count(r.planned.length, 'initiative', 'initiatives')}, ${horizonWords(s)}`, page, of),
    lead: `${s.name}: ${r.short(total)} in all, ${reached.words} at target within the horizon; ${planShort(s)}.`,
    blocks: [{ kind: 'shapes', box: body, shapes }],
    footnote: fit(
      `${fiscalRule(s)} Bars run from the first to the last quarter of work; an arrow leads to an initiative that can start only once the one it comes from has finished.${broken ? ` ${count(broken, 'limit is', 'limits are')} broken (see the notes).` : ''}`,
      body.w,
      8,
      2,
    ),
    notes: [
      ...(page === 0
        ? [
            `${s.name}, planned from assessment ${s.baseline.label}: ${planWords(s)}. ${count(r.planned.length, 'initiative', 'initiatives')} of ${s.initiatives.length} in the plan, ${horizonWords(s)} (${s.outputs.quarters[0]} to ${s.outputs.quarters[T - 1]}). Total ${r.money(total)}.`,
            ...s.outputs.violations.map((v) => `Broken limit: ${v.message}.`),
          ]
        : []),
      ...notes,
      ...(page === of - 1 && s.initiatives.length > r.planned.length
        ? [`Not in this plan: ${listing(s.initiatives.filter((x) => !byId.has(x.id)).map((x) => anon.text(x.name)))}.`]
        : []),
    ],
  };
}

export const roadmapSection: SectionBuilder = (c) => {
  const s = c.input.scenario;
  if (!s) return [];
  const r = roadmapOf(c, s);
  if (r.planned.length === 0) {
    return [
      {
        kind: 'content',
        kicker: r.kicker,
        title: 'No initiative is in this plan yet',
        lead: `${s.name}: ${planWords(s)}.`,
        blocks: [
          {
            kind: 'text',
            box: cols(1, 8),
            size: 14,
            paragraphs: [
              { text: s.initiatives.length ? `${count(s.initiatives.length, 'initiative is', 'initiatives are')} defined, but none fits this scenario's budget, capacity and horizon, or all are excluded.` : 'No initiative is defined yet.', bullet: true },
              ...s.outputs.violations.map((v) => ({ text: v.message, bullet: true })),
            ],
          },
        ],
        notes: [`${s.name} plans nothing over ${horizonWords(s)}.`],
      },
    ];
  }
  const order = c.input.framework.modules.map((m) => m.id);
  const used = new Set(r.planned.map((p) => p.module));
  const byId = new Map(r.planned.map((p) => [p.initiative.id, p]));
  const breaks = r.planned.some((p) => p.initiative.dependsOn.some((d) => byId.has(d) && p.start < byId.get(d)!.start + byId.get(d)!.duration));
  const legend: LegendItem[] = [
    ...order.filter((m) => used.has(m)).map((m) => ({ color: moduleColor(m), label: `${m} ${shortName(r.moduleName(m))}` })),
    ...(used.has(null) ? [{ color: moduleColor(null), label: 'No capability lifted' }] : []),
    { color: 'arrow' as const, label: 'Dependency: finishes first' },
    ...(breaks ? [{ color: 'broken' as const, label: 'Starts before dependency ends' }] : []),
  ];
  const slides = Math.ceil(r.planned.length / GANTT.maxRows);
  const per = Math.ceil(r.planned.length / slides);
  const chunks = pages(r.planned, per);
  return chunks.map((rows, page) => ganttSlide(c, r, rows, page, chunks.length, legend));
};

// ---- cost per quarter --------------------------------------------------------------------------

export const costsSection: SectionBuilder = (c) => {
  const s = c.input.scenario;
  if (!s) return [];
  const r = roadmapOf(c, s);
  const { theme } = c;
  const o = s.outputs;
  const cur = o.currency;
  const byQ = o.costs.byQuarter;
  const total = o.costs.total;
  const peak = byQ.reduce((a, q) => (q.total > a.total ? q : a), byQ[0]!);
  const maxMajor = Math.max(0, ...byQ.map((q) => toMajor(q.total, cur)));
  const colors = { capex: theme.primary, opex: theme.accent, labour: tint(theme.primary, 0.5) };
  const chartBox = cols(1, 7);
  const years = o.costs.byFiscalYear;
  const rows: Cell[][] = [
    ...years.map((y): Cell[] => [
      { text: y.fiscalYear, bold: true, ...(y.quarters.length < 4 ? { sub: `${count(y.quarters.length, 'quarter', 'quarters')} in the horizon` } : {}) },
      { text: r.whole(y.capex) },
      { text: r.whole(y.opex) },
      { text: r.whole(y.labour) },
      { text: r.whole(y.total), bold: true },
    ]),
    [{ text: 'Total', bold: true }, { text: r.whole(total.capex), bold: true }, { text: r.whole(total.opex), bold: true }, { text: r.whole(total.labour), bold: true }, { text: r.whole(total.total), bold: true }].map((cell) => ({
      ...cell,
      fill: tint(theme.primary, 0.85),
    })),
  ];
  const tableWidth = cols(8, 5).w;
  const t = table(
    theme,
    tableWidth,
    [
      { header: 'Fiscal year', share: 1.15 },
      { header: 'Capex', share: 1.2, align: 'right' },
      { header: 'Opex', share: 1.2, align: 'right' },
      { header: 'Labour', share: 1.2, align: 'right' },
      { header: 'Total', share: 1.25, align: 'right' },
    ],
    rows,
    { fontSize: 9, minRowHeight: 0.36 },
  );
  const tableBox = cols(8, 5, GRID.top, tableHeight(t));
  const budget = o.limits.budget;
  const over = budget.filter((b) => b.spend > b.limit);
  const budgetLine = s.budget
    ? `Budget ${r.whole(s.budget.amount)} per ${s.budget.per === 'year' ? 'fiscal year' : 'quarter'}: ${over.length ? `over in ${listing(over.map((b) => (s.budget!.per === 'quarter' ? shortFiscal(fiscalOf(s, b.label)) : b.label)))}` : `within it in every ${s.budget.per === 'year' ? 'year' : 'quarter'}`}.`
    : 'No budget limit is set for this scenario.';
  const blocks: Block[] = [
    {
      kind: 'chart',
      box: chartBox,
      chart: {
        type: 'bar',
        stacked: true,
        categories: o.fiscalLabels.map(shortFiscal),
        series: [
          { name: 'Capex', values: byQ.map((q) => (q.capex ? toMajor(q.capex, cur) : null)), color: colors.capex },
          { name: 'Opex', values: byQ.map((q) => (q.opex ? toMajor(q.opex, cur) : null)), color: colors.opex },
          { name: 'Labour', values: byQ.map((q) => (q.labour ? toMajor(q.labour, cur) : null)), color: colors.labour },
        ],
        axis: { min: 0, format: chartMoneyFormat(cur, maxMajor) },
        legend: 'bottom',
        altText: `Stacked columns of capex, opex and labour per fiscal quarter, ${horizonWords(s)}, in ${cur}.`,
      },
    },
    { kind: 'table', box: tableBox, table: t },
    {
      kind: 'text',
      box: cols(8, 5, tableBox.y + tableBox.h + 0.25, 1.2),
      size: 11,
      paragraphs: [
        { text: budgetLine, color: over.length ? theme.warning : theme.text, bold: over.length > 0, after: 6 },
        { text: `Peak: ${fiscalOf(s, peak.quarter)}, ${r.whole(peak.total)}.`, color: theme.muted },
      ],
    },
  ];
  return [
    {
      kind: 'content',
      kicker: r.kicker,
      title: `Cost per quarter: ${r.short(total.total)} over ${count(o.quarters.length, 'quarter', 'quarters')}`,
      lead: `Capex ${r.short(total.capex)}, opex ${r.short(total.opex)}, labour ${r.short(total.labour)}; spend peaks in ${fiscalOf(s, peak.quarter)} at ${r.short(peak.total)}.`,
      blocks,
      footnote: fit(
        `Capex and labour (person-days at the rate card's day rates) are spread evenly over each initiative's quarters; opex runs from the quarter after it completes. Amounts in ${cur}, rounded to whole units here; to the cent in the workbook. ${fiscalRule(s)}`,
        cols(1, 12).w,
        8,
        2,
      ),
      notes: [
        `Total ${r.money(total.total)}: capex ${r.money(total.capex)}, opex ${r.money(total.opex)}, labour ${r.money(total.labour)}.`,
        ...years.map((y) => `${y.fiscalYear}: ${r.money(y.total)} (capex ${r.money(y.capex)}, opex ${r.money(y.opex)}, labour ${r.money(y.labour)}).`),
        ...byQ.map((q) => `${q.fiscalLabel} (${q.quarter}): ${r.money(q.total)} = capex ${r.money(q.capex)} + opex ${r.money(q.opex)} + labour ${r.money(q.labour)}.`),
        budgetLine,
      ],
    },
  ];
};

// ---- chargeback --------------------------------------------------------------------------------

/** Business units a chargeback slide has room for, beside the quarter and the total. */
export const CHARGEBACK_UNITS_PER_SLIDE = 7;

export const chargebackSection: SectionBuilder = (c) => {
  const s = c.input.scenario;
  if (!s) return [];
  const r = roadmapOf(c, s);
  const { theme } = c;
  const o = s.outputs;
  const cb = o.chargeback;
  const units = cb.businessUnits;
  const total = o.costs.total.total;
  const unallocated = cb.byQuarter.reduce((a, q) => a + q.unallocated, 0);
  const unitTotal = (id: string) => cb.byQuarter.reduce((a, q) => a + q.shares[id]!, 0);
  const share = (x: number) => (total ? `${((x / total) * 100).toFixed(1)}%` : NONE);
  const groups = pages(units, CHARGEBACK_UNITS_PER_SLIDE);
  const fyFill = theme.panel;
  const totalFill = tint(theme.primary, 0.85);
  const ranked = [...units].sort((a, b) => unitTotal(b.id) - unitTotal(a.id));
  const lead = units.length
    ? `${listing(ranked.slice(0, 4).map((u) => `${r.unitName(u.id)} ${share(unitTotal(u.id))}`))}${ranked.length > 4 ? ` and ${ranked.length - 4} more` : ''} of ${r.money(total)}; every row adds up to its total to the cent.`
    : `The engagement has no business units yet, so ${r.money(unallocated)} is not charged to anyone.`;
  return groups.map((group, page): Slide => {
    const last = page === groups.length - 1;
    const withUnallocated = last && unallocated > 0;
    const columns = [
      { header: 'Quarter', share: 1.35 },
      ...group.map((u) => ({ header: r.unitName(u.id), share: 1.15, align: 'right' as const })),
      ...(withUnallocated ? [{ header: 'Not charged', share: 1.15, align: 'right' as const }] : []),
      ...(last ? [{ header: 'Total', share: 1.25, align: 'right' as const }] : []),
    ];
    const line = (label: Cell, row: { shares: Record<string, number>; unallocated: number; total: number }, style: Partial<Cell> = {}): Cell[] => [
      { ...label, ...style },
      ...group.map((u) => ({ text: r.money(row.shares[u.id]!), ...style })),
      ...(withUnallocated ? [{ text: r.money(row.unallocated), ...style }] : []),
      ...(last ? [{ text: r.money(row.total), bold: true, ...style }] : []),
    ];
    const rows: Cell[][] = [];
    for (const fy of fiscalYears(s)) {
      for (const t of fy.quarters) rows.push(line({ text: o.fiscalLabels[t]! }, cb.byQuarter[t]!));
      const y = cb.byFiscalYear.find((x) => x.fiscalYear === fy.label)!;
      rows.push(line({ text: `${fy.label} total` }, y, { bold: true, fill: fyFill }));
    }
    const all = { shares: Object.fromEntries(units.map((u) => [u.id, unitTotal(u.id)])), unallocated, total };
    rows.push(line({ text: 'Total' }, all, { bold: true, fill: totalFill }));
    const box = cols(1, 12);
    // Up to four units leave room beside the table for each unit's charge by fiscal year.
    const withChart = groups.length === 1 && units.length > 0 && units.length <= 4;
    const width = withChart ? cols(1, 7).w : Math.min(box.w, columns.reduce((a, col) => a + col.share, 0) * 1.05);
    const t = table(theme, width, columns, rows, { fontSize: 9, minRowHeight: Math.min(0.34, (box.h - HEADER_HEIGHT) / rows.length), zebra: false });
    const years = cb.byFiscalYear;
    const yearColors = years.map((_, k) => tint(theme.primary, Math.min(0.7, k * 0.3)));
    const maxMajor = Math.max(0, ...units.map((u) => toMajor(unitTotal(u.id), o.currency)));
    const blocks: Block[] = [{ kind: 'table', box: cols(1, withChart ? 7 : 12, GRID.top, tableHeight(t)), table: t }];
    if (withChart) {
      blocks.push({
        kind: 'chart',
        box: cols(8, 5),
        chart: {
          type: 'bar',
          horizontal: true,
          stacked: true,
          categories: units.map((u) => r.unitName(u.id)),
          series: years.map((y, k) => ({ name: y.fiscalYear, values: units.map((u) => (y.shares[u.id] ? toMajor(y.shares[u.id]!, o.currency) : null)), color: yearColors[k]! })),
          axis: { min: 0, format: chartMoneyFormat(o.currency, maxMajor) },
          legend: 'bottom',
          altText: `Bars of what each business unit is charged, by fiscal year, in ${o.currency}.`,
        },
      });
    }
    return {
      kind: 'content',
      kicker: r.kicker,
      title: continued(`Chargeback by business unit: ${r.short(total)}`, page, groups.length),
      lead,
      blocks,
      footnote: fit(
        `Each initiative's spend is split by its cost split (percent shares, or equal shares among every business unit); each quarter's shares are rounded to the cent by the largest remainder, so the units add up to the quarter's total exactly. A fiscal year is the sum of its quarters. Amounts in ${o.currency}.`,
        box.w,
        8,
        2,
      ),
      notes: [
        ...group.map((u) => `${r.unitName(u.id)}: ${r.money(unitTotal(u.id))} (${share(unitTotal(u.id))}); ${cb.byFiscalYear.map((y) => `${y.fiscalYear} ${r.money(y.shares[u.id]!)}`).join(', ')}.`),
        ...(withUnallocated ? [`Not charged (equal split with no business units): ${r.money(unallocated)}.`] : []),
        ...(last ? [`Total ${r.money(total)}, the total of the cost slide.`] : []),
      ],
    };
  });
};

// ---- projected maturity ------------------------------------------------------------------------

export const projectedSection: SectionBuilder = (c) => {
  const s = c.input.scenario;
  if (!s) return [];
  const r = roadmapOf(c, s);
  const { theme } = c;
  const o = s.outputs;
  const modules = o.maturity.filter((m) => m.baseline !== null);
  const after = fiscalLabel(o.afterHorizon, o.fyStartMonth);
  const ttt = new Map(o.timeToTarget.map((t) => [t.moduleId, t]));
  const reached = targetsReached(s);
  const rise = [...modules].sort((a, b) => (b.endState ?? 0) - (b.baseline ?? 0) - ((a.endState ?? 0) - (a.baseline ?? 0)))[0];
  const reachText = (id: string): Cell => {
    const t = ttt.get(id);
    if (!t || t.target === null) return { text: 'No target', color: theme.muted };
    if (t.quarter) return { text: fiscalOf(s, t.quarter), bold: true };
    // Work finishing in the last quarter lifts the module only in the quarter after the horizon.
    if (reachedAfter(s, id)) return { text: 'After the horizon', color: theme.muted, italic: true };
    return { text: `Not by ${shortFiscal(after)}`, color: theme.muted, italic: true };
  };
  const rows: Cell[][] = modules.map((m) => [
    { text: `${m.moduleId} ${shortName(r.moduleName(m.moduleId))}` },
    { text: fmtMean(m.baseline) },
    { text: fmtMean(m.endState), bold: true },
    { text: fmtMean(m.target) },
    reachText(m.moduleId),
  ]);
  const tableBox = cols(7, 6);
  const t = table(
    theme,
    tableBox.w,
    [
      { header: 'Module', share: 2.5 },
      { header: 'Today', share: 0.7, align: 'right' },
      { header: shortFiscal(after), share: 0.9, align: 'right' },
      { header: 'Target', share: 0.75, align: 'right' },
      { header: 'Reaches target', share: 1.45 },
    ],
    rows,
    { fontSize: 9, minRowHeight: Math.min(0.4, (tableBox.h - HEADER_HEIGHT) / Math.max(1, rows.length)) },
  );
  return [
    {
      kind: 'content',
      kicker: r.kicker,
      title: `Projected maturity: ${reached.words} reach their target within the horizon`,
      lead: rise && rise.endState !== null ? `${rise.moduleId} ${r.moduleName(rise.moduleId)} rises most, from ${fmtMean(rise.baseline)} to ${fmtMean(rise.endState)} by ${after}.` : undefined,
      blocks: [
        {
          kind: 'chart',
          box: cols(1, 6),
          chart: {
            type: 'line',
            categories: [...o.fiscalLabels, after].map(shortFiscal),
            series: modules.map((m) => ({ name: `${m.moduleId} ${shortName(r.moduleName(m.moduleId))}`, values: [...m.byQuarter, m.endState], color: moduleColor(m.moduleId) })),
            axis: { min: 1, max: 5, step: 1, format: '0' },
            legend: 'bottom',
            altText: `Lines of the projected mean level of each module per fiscal quarter, ${horizonWords(s)} and after, on a scale of 1 to 5.`,
          },
        },
        { kind: 'table', box: cols(7, 6, GRID.top, tableHeight(t)), table: t },
      ],
      footnote: fit(
        `An initiative's uplift counts from the quarter after its last quarter of work; a module's mean leaves out capabilities not applicable or not scored. Baseline: assessment ${s.baseline.label}. ${after} is the first quarter after the horizon.`,
        cols(1, 12).w,
        8,
        2,
      ),
      notes: modules.map((m) => {
        const tt = ttt.get(m.moduleId);
        const when = !tt || tt.target === null ? 'no target' : tt.quarter ? `reaches its target in ${fiscalOf(s, tt.quarter)} (${tt.quarter})` : (tt.reason ?? 'not within the horizon');
        return `${m.moduleId} ${r.moduleName(m.moduleId)}: ${m.baseline?.toFixed(2)} today, ${m.endState?.toFixed(2)} in ${after}, target ${m.target?.toFixed(2) ?? NONE}; ${when}. By quarter: ${m.byQuarter.map((v, k) => `${shortFiscal(o.fiscalLabels[k]!)} ${v?.toFixed(2) ?? NONE}`).join(', ')}.`;
      }),
    },
  ];
};

// ---- scenario comparison -----------------------------------------------------------------------

export function scenarioColors(theme: DeckTheme): string[] {
  return [theme.primary, theme.accent, '2A9D8F', '8E6BB5'];
}

export const scenariosSection: SectionBuilder = (c) => {
  const list = c.input.compare ?? [];
  if (list.length < 2) return [];
  const { theme, anon } = c;
  const rs = list.map((s) => roadmapOf(c, s));
  const first = rs[0]!;
  const colors = scenarioColors(theme);
  const kicker = 'Roadmap · scenarios';
  const names = list.map((s) => s.name);
  const width = cols(1, 12).w;

  // 1. The figures side by side, and maturity at the end of each horizon per module.
  const figureRows: [string, (r: Roadmap) => Cell][] = [
    ['Baseline', (r) => ({ text: r.s.baseline.label })],
    ['Horizon', (r) => ({ text: `${shortFiscal(r.s.outputs.fiscalLabels[0]!)} – ${shortFiscal(r.s.outputs.fiscalLabels[r.s.outputs.fiscalLabels.length - 1]!)}` })],
    ['Budget', (r) => ({ text: r.s.budget ? `${r.short(r.s.budget.amount)} a ${r.s.budget.per}` : 'No limit' })],
    ['Plan', (r) => ({ text: r.s.mode === 'manual' ? 'Set by hand' : r.s.schedule?.status === 'optimal' ? 'Optimal' : 'Best found in time', ...(r.s.schedule?.stale ? { sub: 'out of date' } : {}) })],
    ['Initiatives', (r) => ({ text: `${r.planned.length} of ${r.s.initiatives.length}` })],
    ['Total cost', (r) => ({ text: r.whole(r.s.outputs.costs.total.total), bold: true })],
    ['Capex', (r) => ({ text: r.whole(r.s.outputs.costs.total.capex) })],
    ['Labour', (r) => ({ text: r.whole(r.s.outputs.costs.total.labour) })],
    ['Opex', (r) => ({ text: r.whole(r.s.outputs.costs.total.opex) })],
    ['Modules at target', (r) => ({ text: `${targetsReached(r.s).reached} of ${targetsReached(r.s).of}`, bold: true })],
    ['Broken limits', (r) => ({ text: String(r.s.outputs.violations.length), ...(r.s.outputs.violations.length ? { color: theme.warning, bold: true } : {}) })],
  ];
  const leftBox = cols(1, 6);
  const figures = table(
    theme,
    leftBox.w,
    [{ header: '', share: 1.5 }, ...names.map((n) => ({ header: n, share: 1.35, align: 'right' as const }))],
    figureRows.map(([label, cell]) => [{ text: label, color: theme.muted }, ...rs.map((r) => ({ align: 'right' as const, ...cell(r) }))]),
    { fontSize: 9.5, minRowHeight: Math.min(0.38, (leftBox.h - HEADER_HEIGHT) / figureRows.length) },
  );
  const modules = first.s.outputs.maturity.filter((m) => m.baseline !== null).map((m) => m.moduleId);
  const endOf = (s: ReportScenario, id: string) => s.outputs.maturity.find((m) => m.moduleId === id)?.endState ?? null;
  const cheapest = [...rs].sort((a, b) => a.s.outputs.costs.total.total - b.s.outputs.costs.total.total)[0]!;
  const most = [...rs].sort((a, b) => targetsReached(b.s).reached - targetsReached(a.s).reached || b.s.outputs.objective - a.s.outputs.objective)[0]!;
  const mostWords =
    targetsReached(most.s).reached > 0
      ? `${most.s.name} brings the most modules to target (${targetsReached(most.s).words})`
      : `${most.s.name} lifts maturity most over its horizon`;
  const slides: Slide[] = [
    {
      kind: 'content',
      kicker,
      title: `${count(list.length, 'scenario', 'scenarios')} side by side`,
      lead: `${cheapest.s.name} costs least (${cheapest.short(cheapest.s.outputs.costs.total.total)}); ${mostWords}.`,
      blocks: [
        { kind: 'table', box: cols(1, 6, GRID.top, tableHeight(figures)), table: figures },
        {
          kind: 'chart',
          box: cols(7, 6),
          chart: {
            type: 'bar',
            categories: modules,
            series: [
              { name: 'Today', values: modules.map((id) => first.s.outputs.maturity.find((m) => m.moduleId === id)?.baseline ?? null), color: 'B8C0CC' },
              ...list.map((s, k) => ({ name: s.name, values: modules.map((id) => endOf(s, id)), color: colors[k % colors.length]! })),
            ],
            axis: { min: 0, max: 5, step: 1, format: '0', title: 'Module mean after the horizon' },
            legend: 'bottom',
            altText: `Clustered columns of each module's mean today and after the horizon of each scenario: ${listing(names)}.`,
          },
        },
      ],
      footnote: fit('Costs are totals over each scenario’s horizon; maturity is the module mean in the first quarter after it. Every figure is the scenario’s own output on the roadmap screens.', width, 8, 2),
      notes: rs.map(
        (r) =>
          `${r.s.name}: ${planWords(r.s)}; ${r.planned.length} of ${r.s.initiatives.length} initiatives; total ${r.money(r.s.outputs.costs.total.total)} (capex ${r.money(r.s.outputs.costs.total.capex)}, labour ${r.money(r.s.outputs.costs.total.labour)}, opex ${r.money(r.s.outputs.costs.total.opex)}); ${targetsReached(r.s).words} at target; objective ${r.s.outputs.objective.toFixed(2)}.`,
      ),
    },
  ];

  // 2. Maturity and time to target, module by module.
  const ttRows: Cell[][] = modules.map((id) => {
    const base = first.s.outputs.maturity.find((m) => m.moduleId === id)!;
    return [
      { text: `${id} ${shortName(first.moduleName(id))}` },
      { text: fmtMean(base.baseline) },
      { text: fmtMean(base.target) },
      ...list.map((s): Cell => {
        const tt = s.outputs.timeToTarget.find((x) => x.moduleId === id);
        const when = !tt || tt.target === null ? 'no target' : tt.quarter ? `target ${shortFiscal(fiscalOf(s, tt.quarter))}` : reachedAfter(s, id) ? 'target after the horizon' : 'target not reached';
        return { text: fmtMean(endOf(s, id)), bold: true, sub: when, align: 'right' };
      }),
    ];
  });
  const box = cols(1, 12);
  const tt = table(
    theme,
    box.w,
    [
      { header: 'Module', share: 2.6 },
      { header: 'Today', share: 0.8, align: 'right' },
      { header: 'Target', share: 0.8, align: 'right' },
      ...names.map((n) => ({ header: n, share: 1.6, align: 'right' as const })),
    ],
    ttRows,
    { fontSize: 9.5, minRowHeight: Math.min(0.46, (box.h - HEADER_HEIGHT) / Math.max(1, ttRows.length)) },
  );
  slides.push({
    kind: 'content',
    kicker,
    title: 'Maturity after the horizon, and when each module reaches its target',
    lead: list.map((s) => `${s.name}: ${targetsReached(s).words}`).join('; ') + '.',
    blocks: [{ kind: 'table', box: cols(1, 12, GRID.top, tableHeight(tt)), table: tt }],
    notes: modules.map(
      (id) =>
        `${id}: ${list
          .map((s) => {
            const x = s.outputs.timeToTarget.find((y) => y.moduleId === id);
            return `${s.name} ${endOf(s, id)?.toFixed(2) ?? NONE}${x?.quarter ? `, target in ${fiscalOf(s, x.quarter)}` : x?.target === null ? ', no target' : ', target not within the horizon'}`;
          })
          .join('; ')}.`,
    ),
  });

  // 3. What each scenario includes, initiative by initiative.
  const starts = list.map((s) => new Map(s.outputs.plan.map((p) => [p.initiativeId, p])));
  const everyone = first.s.initiatives;
  const ordered = [...everyone].sort((a, b) => Number(!starts.some((m) => m.has(a.id))) - Number(!starts.some((m) => m.has(b.id))));
  const perSlide = 11;
  const chunks = pages(ordered, perSlide);
  chunks.forEach((chunk, page) => {
    const rows: Cell[][] = chunk.map((x) => [
      { text: anon.text(x.name), bold: true, sub: anon.text(x.owner.trim()) || undefined },
      ...list.map((s, k): Cell => {
        const p = starts[k]!.get(x.id);
        return p ? { text: fiscalSpan(s, p.startQuarter, p.endQuarter), align: 'center' } : { text: 'Not planned', color: theme.muted, italic: true, align: 'center' };
      }),
    ]);
    const t = table(theme, box.w, [{ header: 'Initiative', share: 2.8 }, ...names.map((n) => ({ header: n, share: 1.7, align: 'center' as const }))], rows, {
      fontSize: 9.5,
      minRowHeight: Math.min(0.4, (box.h - HEADER_HEIGHT) / Math.max(1, rows.length)),
    });
    slides.push({
      kind: 'content',
      kicker,
      title: continued('What each scenario includes', page, chunks.length),
      lead: list.map((s, k) => `${s.name}: ${starts[k]!.size} of ${everyone.length}`).join('; ') + '.',
      blocks: [{ kind: 'table', box: cols(1, 12, GRID.top, tableHeight(t)), table: t }],
      footnote: 'Each cell is the fiscal quarters of work in that scenario’s plan.',
      notes: chunk.map((x) => `${anon.text(x.name)}: ${list.map((s, k) => `${s.name} ${starts[k]!.has(x.id) ? `${starts[k]!.get(x.id)!.startQuarter} to ${starts[k]!.get(x.id)!.endQuarter}` : 'not planned'}`).join('; ')}.`),
    });
  });
  return slides;
};
