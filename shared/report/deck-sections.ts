/**
 * The results sections of the deck: each a function from the report to slides on the grid of deck.ts.
 * Every figure comes from the results model (`reportFigures`); every text is cut to what its box holds
 * at its size (deck-layout.ts), so nothing overflows a slide; long lists continue on further slides.
 *
 * The roadmap sections (`roadmap`, `costs`, `chargeback`, `projected`, `scenarios`) are in deck-roadmap.ts
 * and join `SECTION_BUILDERS` under their ids; they read the scenario from the context.
 */
import type { ActionStatus } from '../domain';
import type { Capability, Framework } from '../framework/schema';
import { GAP_RULE, type CapabilityResult } from '../results';
import { isStale } from '../scoring/progress';
import { cols, GRID, type Block, type Cell, type DeckSectionId, type DeckTheme, type Slide } from './deck';
import { continued, fit, HEADER_HEIGHT, pages, shortName, table, tableHeight, tableSlides, type SectionBuilder } from './deck-layout';
import { chargebackSection, costsSection, projectedSection, roadmapSection, scenariosSection } from './deck-roadmap';
import { byNumber, byText, clip, count, fmtDate, fmtLevel, fmtMean, fmtSigned, NONE } from './format';
import type { ReportInput } from './input';
import { headlineNumbers, threeMessages } from './messages';

export {
  continued,
  fit,
  HEADER_HEIGHT,
  lineCapacity,
  lineCount,
  lineHeight,
  pages,
  shortName,
  subSize,
  table,
  tableHeight,
  wrap,
  type ColumnSpec,
  type SectionBuilder,
  type SectionContext,
} from './deck-layout';

function levelCell(theme: DeckTheme, level: number | null, notApplicable = false): Cell {
  if (notApplicable) return { text: 'N/A', fill: theme.notApplicable, color: theme.muted, align: 'center' };
  if (level === null) return { text: NONE, color: theme.muted, align: 'center' };
  return { text: String(level), fill: theme.levels[level - 1], color: theme.levelText[level - 1], bold: true, align: 'center' };
}

const capabilityLabel = (c: { capabilityId: string; name: string }) => `${c.capabilityId} ${c.name}`;

function frameworkCapabilities(fw: Framework): Map<string, Capability> {
  return new Map(fw.modules.flatMap((m) => m.capabilities.map((c) => [c.id, c] as const)));
}

function voteLine(c: CapabilityResult): string {
  if (!c.votes.count) return 'no votes';
  return `${count(c.votes.count, 'vote', 'votes')}, median ${c.votes.median}, range ${c.votes.min}-${c.votes.max}`;
}

// ---- sections ----------------------------------------------------------------------------------

const titleSection: SectionBuilder = ({ input, figures }) => {
  const r = figures.results;
  const scored = r.overall.scored + r.overall.notApplicable;
  return [
    {
      kind: 'title',
      kicker: `${input.assessment.label} · ${fmtDate(input.assessment.date)}`,
      title: 'Data platform maturity assessment',
      lead: input.engagement.client,
      blocks: [
        {
          kind: 'text',
          box: { x: 0.9, y: 5.35, w: 9, h: 0.9 },
          size: 12,
          paragraphs: [
            { text: `${input.framework.name} ${input.framework.version}` },
            { text: `${scored} of ${r.overall.total} capabilities scored across ${count(r.modules.length, 'module', 'modules')}` },
          ],
        },
      ],
      notes: [
        `Purpose: where ${input.engagement.client}'s data platform stands today, where it should be, and what to close first.`,
        `Assessment ${input.assessment.label} of ${fmtDate(input.assessment.date)}, against ${input.framework.name} ${input.framework.version}.`,
        `${scored} of ${r.overall.total} capabilities in scope were scored${r.overall.notApplicable ? ` (${r.overall.notApplicable} not applicable)` : ''}; ${count(input.participants.length, 'person', 'people')} took part.`,
      ],
    },
  ];
};

const summarySection: SectionBuilder = ({ figures }) => {
  const r = figures.results;
  const kpis = headlineNumbers(r);
  const messages = threeMessages(r, figures.trend);
  const left = cols(1, 5);
  const right = cols(6, 7);
  return [
    {
      kind: 'content',
      kicker: 'Executive summary',
      title: 'Three things to take away',
      blocks: [
        { kind: 'kpis', box: left, columns: 2, items: kpis },
        {
          kind: 'messages',
          box: right,
          items: messages.map((m) => ({ headline: fit(m.headline, right.w - 0.7, 15, 2, true), detail: fit(m.detail, right.w - 0.7, 12, 3) })),
        },
      ],
      notes: [
        ...messages.map((m, i) => `${i + 1}. ${m.headline}. ${m.detail}`),
        `Numbers: ${kpis.map((k) => `${k.label.toLowerCase()} ${k.value}`).join('; ')}.`,
        ...r.missing.map((m) => `Caveat: ${m}.`),
      ],
    },
  ];
};

const radarSection: SectionBuilder = ({ figures, theme }) => {
  const { radar, results: r } = figures;
  const chartBox = cols(1, 7);
  const tableBox = cols(8, 5);
  const colors: Record<string, string> = { current: theme.primary, target: theme.accent, previous: '8A94A6' };
  const prev = radar.series.find((s) => s.key === 'previous');
  const inScope = radar.axes.map((a, i) => ({ a, i })).filter((x) => x.a.inScope);
  const value = (key: string, i: number) => radar.series.find((s) => s.key === key)?.values[i] ?? null;
  const rows: Cell[][] = inScope.map(({ a, i }) => {
    const cur = value('current', i);
    const tgt = value('target', i);
    const row: Cell[] = [
      { text: `${a.moduleId} ${shortName(a.name)}` },
      { text: fmtMean(cur), bold: true },
      { text: fmtMean(tgt) },
      { text: cur !== null && tgt !== null ? fmtSigned(tgt - cur) : NONE },
    ];
    if (prev) row.push({ text: fmtMean(value('previous', i)), color: theme.muted });
    return row;
  });
  const columns = [
    { header: 'Module', share: 3.2 },
    { header: 'Today', share: 0.9, align: 'right' as const },
    { header: 'Target', share: 0.9, align: 'right' as const },
    { header: 'Gap', share: 0.8, align: 'right' as const },
    ...(prev ? [{ header: 'Before', share: 0.9, align: 'right' as const }] : []),
  ];
  const widest = r.modules.filter((m) => m.meanGap !== null).sort((a, b) => b.meanGap! - a.meanGap!)[0];
  return [
    {
      kind: 'content',
      kicker: 'Where the platform stands',
      title: 'Maturity by module: today, target' + (prev ? ' and last time' : ''),
      lead: widest ? `The widest gap is in ${widest.moduleId} ${widest.name}: ${fmtMean(widest.meanCurrent)} today against ${fmtMean(widest.meanTarget)}.` : undefined,
      blocks: [
        {
          kind: 'chart',
          box: chartBox,
          chart: {
            type: 'radar',
            categories: radar.axes.map((a) => `${a.moduleId} ${shortName(a.name)}`),
            series: radar.series.map((s) => ({ name: s.label, values: s.values, color: colors[s.key]! })),
            axis: { min: radar.domain[0], max: radar.domain[1], step: 1, format: '0' },
            legend: 'bottom',
            altText: `Radar of mean current and target level per module${prev ? ', with the previous assessment' : ''}, on a scale of 1 to 5.`,
          },
        },
        { kind: 'table', box: tableBox, table: table(theme, tableBox.w, columns, rows, { fontSize: 10, minRowHeight: Math.min(0.42, (tableBox.h - HEADER_HEIGHT) / Math.max(1, rows.length)) }) },
      ],
      footnote: 'Module means are plain means of the agreed current (and target) levels; not applicable and unscored capabilities are left out, never counted as zero.',
      notes: [
        ...r.modules.map((m) => `${m.moduleId} ${m.name}: today ${fmtMean(m.meanCurrent)}, target ${fmtMean(m.meanTarget)}, mean gap ${fmtSigned(m.meanGap)} (${m.scored} of ${m.total} scored).`),
        ...(prev ? [`The grey line is ${prev.label.replace(/^Previous \(|\)$/g, '')}, the previous assessment.`] : []),
      ],
    },
  ];
};

function heatLead(o: { scored: number; notApplicable: number; unscored: number; total: number }): string {
  const parts = [`${o.scored} of ${o.total} capabilities scored`];
  if (o.notApplicable) parts.push(`${o.notApplicable} not applicable`);
  if (o.unscored) parts.push(`${o.unscored} not yet scored`);
  return `${parts.join(', ')}. Low levels in warm tones, high levels in deep ones.`;
}

const heatmapSection: SectionBuilder = ({ figures, theme, input }) => {
  const { heat, results: r } = figures;
  const width = cols(1, 12).w;
  const perRow = Math.max(1, ...heat.rows.map((row) => row.cells.length));
  const first = 2.3;
  const names = new Map(r.capabilities.map((c) => [c.capabilityId, c.name]));
  const rows: Cell[][] = heat.rows.map((row) => [
    { text: `${row.moduleId} ${row.name}`, bold: true },
    ...Array.from({ length: perRow }, (_, i): Cell => {
      const c = row.cells[i];
      if (!c) return { text: '' };
      const base = levelCell(theme, c.state === 'scored' ? (c.value as number) : null, c.state === 'notApplicable');
      return { ...base, text: c.label, sub: names.get(c.capabilityId) ?? '' };
    }),
  ]);
  const cellShare = (width - first) / perRow;
  const t = table(
    theme,
    width,
    [{ header: 'Module', share: first, lines: 2 }, ...Array.from({ length: perRow }, (_, i) => ({ header: `${i + 1}`, share: cellShare, align: 'center' as const }))],
    rows,
    { fontSize: 9, minRowHeight: 0.4, zebra: false },
  );
  const tableH = tableHeight(t);
  const scale = input.framework.scale;
  return [
    {
      kind: 'content',
      kicker: 'Where the platform stands',
      title: 'Heat map: every capability at its agreed level',
      lead: heatLead(r.overall),
      blocks: [
        { kind: 'table', box: cols(1, 12, GRID.top, tableH), table: t },
        {
          kind: 'legend',
          box: cols(1, 12, GRID.top + tableH + 0.12, 0.3),
          items: [
            ...theme.levels.map((color, i) => ({ color, label: `${i + 1} ${scale[i]?.name ?? ''}`.trim() })),
            { color: theme.notApplicable, label: 'N/A not applicable' },
            { color: 'FFFFFF', label: '– not scored' },
          ],
        },
      ],
      notes: [
        `Each cell is one capability: its agreed current level and its name; the columns are the capabilities of each module in framework order. ${heat.scale.legend}.`,
        ...r.modules.map((m) => {
          const low = r.capabilities.filter((c) => c.moduleId === m.moduleId && c.current !== null && c.current <= 2).map((c) => c.capabilityId);
          return `${m.moduleId}: mean ${fmtMean(m.meanCurrent)}${low.length ? `; at level 1-2: ${low.join(', ')}` : ''}.`;
        }),
      ],
    },
  ];
};

const gapsSection: SectionBuilder = ({ figures, theme }) => {
  const r = figures.results;
  const top = r.gapRanking.slice(0, 10);
  const caps = new Map(r.capabilities.map((c) => [c.capabilityId, c]));
  if (top.length === 0) {
    return [
      {
        kind: 'content',
        kicker: 'What to close first',
        title: 'No capability is below its target',
        blocks: [{ kind: 'text', box: cols(1, 8), size: 14, paragraphs: r.missing.map((m) => ({ text: `${m}.`, bullet: true })) }],
        notes: ['No scored capability has a target above its current level, so nothing is ranked.', ...r.missing],
      },
    ];
  }
  const chartBox = cols(1, 6);
  const tableBox = cols(7, 6);
  const rows: Cell[][] = top.map((g, i) => [
    { text: String(i + 1), color: theme.muted },
    { text: capabilityLabel(g) },
    { text: `${caps.get(g.capabilityId)?.current ?? NONE} → ${caps.get(g.capabilityId)?.target ?? NONE}` },
    { text: `${g.priority}${g.priorityDefaulted ? '*' : ''}` },
    { text: g.confidence ?? 'not set', color: g.confidence ? undefined : theme.muted },
    { text: g.score.toFixed(1), bold: true },
  ]);
  return [
    {
      kind: 'content',
      kicker: 'What to close first',
      title: `The ${count(top.length, 'largest gap', 'largest gaps')}, ranked`,
      lead: `${r.gapRanking.length} capabilities are below target; ${top[0]!.capabilityId} ${top[0]!.name} ranks first.`,
      blocks: [
        {
          kind: 'chart',
          box: chartBox,
          chart: {
            type: 'bar',
            horizontal: true,
            stacked: true,
            categories: top.map((g) => clip(capabilityLabel(g), 40)),
            series: [
              { name: 'Current level', values: top.map((g) => caps.get(g.capabilityId)?.current ?? null), color: theme.primary },
              { name: 'Gap to target', values: top.map((g) => g.gap), color: theme.accent },
            ],
            axis: { min: 0, max: 5, step: 1, format: '0' },
            legend: 'bottom',
            labels: '0',
            altText: 'Bars of the ten highest-ranked gaps: current level and the gap to the target level.',
          },
        },
        {
          kind: 'table',
          box: tableBox,
          table: table(
            theme,
            tableBox.w,
            [
              { header: '#', share: 0.42, align: 'right' },
              { header: 'Capability', share: 2.95 },
              { header: 'Level', share: 0.75, align: 'center' },
              { header: 'Priority', share: 0.8, align: 'center' },
              { header: 'Confidence', share: 1.15 },
              { header: 'Score', share: 0.65, align: 'right' },
            ],
            rows,
            { fontSize: 9.5, minRowHeight: Math.min(0.4, (tableBox.h - HEADER_HEIGHT) / rows.length) },
          ),
        },
      ],
      footnote: fit(`${GAP_RULE.text}${top.some((g) => g.priorityDefaulted) ? ' * priority not set.' : ''}`, cols(1, 12).w, 8, 2),
      notes: [
        `Ranking rule: ${GAP_RULE.text}`,
        ...top.map(
          (g, i) =>
            `${i + 1}. ${capabilityLabel(g)}: gap ${g.gap} × priority ${g.priority}${g.priorityDefaulted ? ' (default)' : ''} × confidence ${g.confidenceFactor} × weight ${g.weight} = ${g.score.toFixed(2)}.`,
        ),
      ],
    },
  ];
};

function keyEvidence(input: ReportInput, capabilityId: string): { text: string; stale: number; total: number } {
  const items = input.evidence.filter((e) => e.capabilityIds.includes(capabilityId));
  const stale = items.filter((e) => isStale(e.validUntil, input.today)).length;
  const fresh = [...items].sort((a, b) => Number(isStale(a.validUntil, input.today)) - Number(isStale(b.validUntil, input.today)));
  return { text: fresh.slice(0, 2).map((e) => e.title).join('; '), stale, total: items.length };
}

const modulesSection: SectionBuilder = ({ figures, theme, input, anon }) => {
  const r = figures.results;
  const fwCaps = frameworkCapabilities(input.framework);
  const fwModules = new Map(input.framework.modules.map((m) => [m.id, m]));
  const box = cols(1, 12);
  return r.modules.map((m): Slide => {
    const caps = r.capabilities.filter((c) => c.moduleId === m.moduleId);
    const below = caps.filter((c) => c.gap !== null && c.gap > 0).length;
    const rows: Cell[][] = caps.map((c) => {
      const ev = keyEvidence(input, c.capabilityId);
      return [
        { text: c.capabilityId, color: theme.muted },
        { text: c.name, bold: true },
        levelCell(theme, c.current, c.notApplicable),
        c.notApplicable ? { text: 'N/A', color: theme.muted, align: 'center' } : { text: fmtLevel(c.target), align: 'center' },
        { text: fmtLevel(c.gap, true), align: 'center', bold: c.gap !== null && c.gap >= 2, color: c.gap !== null && c.gap >= 2 ? theme.accentText : undefined },
        { text: c.confidence ?? NONE, color: c.confidence ? undefined : theme.muted },
        ev.total
          ? { text: anon.text(ev.text), sub: [ev.total > 2 ? `+${ev.total - 2} more` : '', ev.stale ? `${ev.stale} of ${ev.total} stale` : ''].filter(Boolean).join('; ') || undefined }
          : { text: 'No evidence linked', italic: true, color: theme.muted },
      ];
    });
    const summary = fwModules.get(m.moduleId)?.summary;
    return {
      kind: 'content',
      kicker: `Module ${m.moduleId}`,
      title: m.name,
      lead: fit(
        m.scored === 0
          ? `Nothing scored yet in this module (${m.notApplicable} not applicable).`
          : `${fmtMean(m.meanCurrent)} today against a target of ${fmtMean(m.meanTarget)}: ${count(below, 'capability is', 'capabilities are')} below target; evidence backs ${m.evidenceCoverage === null ? 'none' : `${Math.round(m.evidenceCoverage * 100)}%`} of the scores.`,
        cols(1, 12).w,
        13,
      ),
      blocks: [
        {
          kind: 'table',
          box,
          table: table(
            theme,
            box.w,
            [
              { header: 'Id', share: 0.55 },
              { header: 'Capability', share: 2.7, lines: 2 },
              { header: 'Today', share: 0.75, align: 'center' },
              { header: 'Target', share: 0.75, align: 'center' },
              { header: 'Gap', share: 0.6, align: 'center' },
              { header: 'Confidence', share: 1.0 },
              { header: 'Key evidence', share: 5.2, lines: 1 },
            ],
            rows,
            { fontSize: 10, minRowHeight: Math.min(0.5, (box.h - HEADER_HEIGHT) / Math.max(1, rows.length)) },
          ),
        },
      ],
      notes: [
        ...(summary ? [`${m.moduleId} ${m.name}: ${summary}`] : []),
        `Mean today ${fmtMean(m.meanCurrent)}, target ${fmtMean(m.meanTarget)}, mean gap ${fmtSigned(m.meanGap)}; ${m.scored} scored, ${m.notApplicable} not applicable, ${m.unscored} not scored.`,
        ...caps.map((c) => {
          const rationale = input.notes[c.capabilityId]?.rationale.trim();
          const statement = fwCaps.get(c.capabilityId)?.statement;
          const figures = c.notApplicable
            ? 'not applicable'
            : `today ${fmtLevel(c.current)}, target ${fmtLevel(c.target)}, gap ${fmtLevel(c.gap, true)}, confidence ${c.confidence ?? 'not set'}, priority ${c.priority ?? 'not set'}; ${voteLine(c)}; ${count(c.evidenceCount, 'evidence item', 'evidence items')}`;
          return `${c.capabilityId} ${c.name}: ${figures}.${rationale ? ` Why: ${clip(anon.text(rationale), 240)}` : statement ? ` (${clip(statement, 160)})` : ''}`;
        }),
      ],
    };
  });
};

const consensusSection: SectionBuilder = ({ figures, theme, input, anon }) => {
  const r = figures.results;
  const voted = r.capabilities.filter((c) => c.votes.count > 0);
  const votes = voted.reduce((n, c) => n + c.votes.count, 0);
  const d = [...r.consensus.disagreements].sort((a, b) => b.spread - a.spread);
  const against = r.consensus.agreedAgainstMedian;
  const kpiBox = cols(1, 12, GRID.top, 1.0);
  const kpis: Block = {
    kind: 'kpis',
    box: kpiBox,
    columns: 4,
    items: [
      { value: String(voted.length), label: 'Capabilities voted on' },
      { value: String(votes), label: 'Votes cast' },
      { value: String(d.length), label: 'Disagreements', detail: 'spread of two levels or more' },
      { value: String(against.length), label: 'Agreed ≠ the room', detail: 'agreed level differs from the votes’ proposal' },
    ],
  };
  if (voted.length === 0) {
    return [
      {
        kind: 'content',
        kicker: 'Consensus',
        title: 'No votes were recorded for this assessment',
        blocks: [kpis],
        notes: ['The scores were agreed without individual votes, so there is no spread to show.'],
      },
    ];
  }
  const unitOf = new Map(input.participants.map((p) => [p.id, p.businessUnitId]));
  const who = (id: string) => {
    const unit = anon.unit(unitOf.get(id) ?? null);
    return unit ? `${anon.person(id)} (${unit})` : anon.person(id);
  };
  const tableBox = cols(1, 12, GRID.top + 1.25);
  const slides: Slide[] = [];
  const per = 7;
  const chunks = pages(d, per);
  chunks.forEach((chunk, page) => {
    const rows: Cell[][] = chunk.map((x) => [
      { text: capabilityLabel(x), bold: true },
      { text: String(x.count), align: 'center' },
      { text: `${x.min} – ${x.max}`, align: 'center' },
      { text: String(x.median), align: 'center' },
      x.agreed === null ? { text: 'not agreed', italic: true, color: theme.muted } : levelCell(theme, x.agreed),
      { text: x.outliers.length ? x.outliers.map((o) => who(o.participantId)).join(', ') : NONE },
    ]);
    slides.push({
      kind: 'content',
      kicker: 'Consensus',
      title: continued(d.length ? `Where the room disagreed: ${count(d.length, 'capability', 'capabilities')}` : 'The room agreed everywhere', page, chunks.length),
      lead: d.length ? 'Votes spread two levels or more; the people furthest from the median are named.' : `No capability's votes spread by two levels or more across ${votes} votes.`,
      blocks: [
        kpis,
        ...(chunk.length
          ? [
              {
                kind: 'table' as const,
                box: tableBox,
                table: table(
                  theme,
                  tableBox.w,
                  [
                    { header: 'Capability', share: 3.6 },
                    { header: 'Votes', share: 0.7, align: 'center' },
                    { header: 'Range', share: 0.9, align: 'center' },
                    { header: 'Median', share: 0.8, align: 'center' },
                    { header: 'Agreed', share: 0.9, align: 'center' },
                    { header: 'Two or more levels from the median', share: 4.6 },
                  ],
                  rows,
                  { fontSize: 10, minRowHeight: 0.4 },
                ),
              },
            ]
          : []),
      ],
      notes: chunk.length
        ? chunk.map(
            (x) =>
              `${capabilityLabel(x)}: ${x.count} votes from ${x.min} to ${x.max}, median ${x.median}; agreed ${x.agreed ?? 'not yet'}. Furthest: ${x.outliers.map((o) => anon.person(o.participantId)).join(', ') || 'nobody two levels out'}.`,
          )
        : [`${votes} votes over ${voted.length} capabilities, none spread two levels or more.`],
    });
  });
  if (against.length) {
    const rows: Cell[][] = against.slice(0, 9).map((a) => [
      { text: capabilityLabel(a), bold: true },
      levelCell(theme, a.agreed),
      { text: String(a.median), align: 'center' },
      { text: String(a.proposed), align: 'center' },
      { text: fmtSigned(a.difference, 1), align: 'center' },
    ]);
    const box = cols(1, 12);
    slides.push({
      kind: 'content',
      kicker: 'Consensus',
      title: `Where the agreed score differs from the room: ${count(against.length, 'capability', 'capabilities')}`,
      lead: 'The agreed level is not the level the median of the votes proposes; the rationale explains why.',
      blocks: [
        {
          kind: 'table',
          box,
          table: table(
            theme,
            box.w,
            [
              { header: 'Capability', share: 5 },
              { header: 'Agreed', share: 1, align: 'center' },
              { header: 'Median of votes', share: 1.4, align: 'center' },
              { header: 'Votes propose', share: 1.3, align: 'center' },
              { header: 'Agreed − median', share: 1.4, align: 'center' },
            ],
            rows,
            { fontSize: 10, minRowHeight: 0.4 },
          ),
        },
      ],
      footnote: against.length > 9 ? `${against.length - 9} more in the workbook (Votes sheet).` : undefined,
      notes: against.map((a) => {
        const why = input.notes[a.capabilityId]?.rationale.trim();
        return `${capabilityLabel(a)}: agreed ${a.agreed}, median ${a.median}, proposed ${a.proposed}.${why ? ` Rationale: ${clip(anon.text(why), 200)}` : ''}`;
      }),
    });
  }
  return slides;
};

const STATUS_LABEL: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };
const STATUS_ORDER: Record<ActionStatus, number> = { open: 0, in_progress: 1, done: 2 };

const actionsSection: SectionBuilder = ({ figures, theme, input, anon }) => {
  const r = figures.results;
  const names = new Map(r.capabilities.map((c) => [c.capabilityId, c.name]));
  const sorted = [...input.actions].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.capabilityId.localeCompare(b.capabilityId),
  );
  const a = r.actions;
  const lead = `${count(a.total, 'action', 'actions')}: ${a.byStatus.open} open, ${a.byStatus.in_progress} in progress, ${a.byStatus.done} done.`;
  if (sorted.length === 0) {
    return [{ kind: 'content', kicker: 'Next steps', title: 'No action items recorded yet', blocks: [], notes: ['Action items are recorded per capability in the workspace.'] }];
  }
  return tableSlides(theme, {
    kicker: 'Next steps',
    title: 'Action items',
    lead,
    items: sorted,
    perSlide: 11,
    columns: [
      { header: 'Capability', share: 2.6, lines: 2 },
      { header: 'Action', share: 5.4, lines: 2 },
      { header: 'Owner', share: 1.6 },
      { header: 'Due', share: 1.1 },
      { header: 'Status', share: 1.1 },
    ],
    row: (x) => {
      const overdue = x.status !== 'done' && x.dueDate !== null && x.dueDate < input.today;
      return [
        { text: `${x.capabilityId} ${names.get(x.capabilityId) ?? ''}`.trim(), color: theme.muted },
        { text: anon.text(x.text) },
        { text: anon.text(x.owner.trim()) || 'Unassigned', color: x.owner.trim() ? undefined : theme.muted },
        { text: fmtDate(x.dueDate), color: overdue ? theme.warning : undefined, bold: overdue },
        { text: STATUS_LABEL[x.status] },
      ];
    },
    options: { fontSize: 10, minRowHeight: 0.36 },
    notes: [
      lead,
      ...a.owners.map((o) => `${anon.text(o.owner)}: ${o.total} (${o.statuses.map((s) => `${s.count} ${STATUS_LABEL[s.status].toLowerCase()}`).join(', ')}).`),
    ],
  });
};

const SENSITIVITY_LABEL = { public: 'Public', internal: 'Internal', confidential: 'Confidential', restricted: 'Restricted' } as const;
const KIND_LABEL = { document: 'Document', interview_note: 'Interview note', link: 'Link', screenshot: 'Screenshot', metric: 'Metric', system_config: 'System config' } as const;

const evidenceSection: SectionBuilder = ({ theme, input, anon }) => {
  const items = [...input.evidence].sort((a, b) => byNumber(a.capabilityIds[0] ?? '', b.capabilityIds[0] ?? '') || byText(a.title, b.title));
  const stale = items.filter((e) => isStale(e.validUntil, input.today)).length;
  const lead = `${count(items.length, 'item', 'items')} linked to this assessment${stale ? `; ${stale} past their valid-until date, in red` : ''}.`;
  if (items.length === 0) {
    return [{ kind: 'content', kicker: 'Appendix', title: 'Evidence register: nothing linked yet', blocks: [], notes: ['No evidence item is linked to a capability of this assessment.'] }];
  }
  return tableSlides(theme, {
    kicker: 'Appendix',
    title: 'Evidence register',
    lead,
    items,
    perSlide: 12,
    columns: [
      { header: 'Evidence', share: 4.2 },
      { header: 'Kind', share: 1.3 },
      { header: 'Source', share: 2.0 },
      { header: 'Collected', share: 1.1 },
      { header: 'Valid until', share: 1.3 },
      { header: 'Sensitivity', share: 1.1 },
      { header: 'Capabilities', share: 1.4 },
    ],
    row: (e) => {
      const isOld = isStale(e.validUntil, input.today);
      return [
        { text: anon.text(e.title) },
        { text: KIND_LABEL[e.kind] },
        { text: anon.text(e.source) || NONE, color: e.source ? undefined : theme.muted },
        { text: fmtDate(e.collectedOn) },
        { text: fmtDate(e.validUntil), color: isOld ? theme.warning : undefined, bold: isOld },
        { text: SENSITIVITY_LABEL[e.sensitivity] },
        { text: e.capabilityIds.join(', ') },
      ];
    },
    options: { fontSize: 9, minRowHeight: 0.34 },
    notes: [lead, 'Every item is in the workbook’s Evidence register, with a stale flag that follows today’s date.'],
  });
};

/** The builder of every section: from the assessment's results, or (`needs: 'scenario'`) from the roadmap scenario. */
export const SECTION_BUILDERS: Record<DeckSectionId, SectionBuilder> = {
  title: titleSection,
  summary: summarySection,
  radar: radarSection,
  heatmap: heatmapSection,
  gaps: gapsSection,
  modules: modulesSection,
  consensus: consensusSection,
  roadmap: roadmapSection,
  costs: costsSection,
  chargeback: chargebackSection,
  projected: projectedSection,
  scenarios: scenariosSection,
  actions: actionsSection,
  evidence: evidenceSection,
};
