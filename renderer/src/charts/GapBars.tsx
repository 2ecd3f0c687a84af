/** The gap ranking as bars: which capabilities to close first, with the rule that ranked them beside it. */
import { memo } from 'react';
import { scaleLinear } from 'd3';
import type { GapRankEntry, GapRuleText } from '../../../shared/results';
import { ChartFrame } from './ChartFrame';
import { fmtNumber } from './format';
import { markProps, marksKeyDown } from './marks';

const W = 1200;
const LABEL_W = 340;
const ROW = 28;
const TOP = 8;

/** "10 = gap 2 × priority 5 × confidence 1 (high) × weight 1". */
export function gapTerms(e: GapRankEntry): string {
  const priority = e.priorityDefaulted ? `priority ${e.priority} (not set)` : `priority ${e.priority}`;
  const confidence = `confidence ${fmtNumber(e.confidenceFactor)} (${e.confidence ?? 'not set'})`;
  return `${fmtNumber(e.score)} = gap ${e.gap} × ${priority} × ${confidence} × weight ${fmtNumber(e.weight)}`;
}

export function gapBarLabel(e: GapRankEntry, rank: number): string {
  return `${rank}. ${e.capabilityId} ${e.name}: score ${gapTerms(e)}`;
}

export function GapTable({ entries }: { entries: readonly GapRankEntry[] }) {
  return (
    <table className="table compact" aria-label="Gap ranking">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Capability</th>
          <th scope="col">Gap</th>
          <th scope="col">Priority</th>
          <th scope="col">Confidence factor</th>
          <th scope="col">Weight</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={e.capabilityId}>
            <td className="num">{i + 1}</td>
            <th scope="row">
              {e.capabilityId} {e.name}
            </th>
            <td className="num">{e.gap}</td>
            <td className="num">{e.priorityDefaulted ? `${e.priority} (not set)` : e.priority}</td>
            <td className="num">
              {fmtNumber(e.confidenceFactor)} ({e.confidence ?? 'not set'})
            </td>
            <td className="num">{fmtNumber(e.weight)}</td>
            <td className="num strong">{fmtNumber(e.score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface GapBarsProps {
  entries: readonly GapRankEntry[];
  rule: GapRuleText;
  /** How many to show; all when null. */
  limit: number | null;
  onLimit(limit: number | null): void;
  onOpen(capabilityId: string): void;
  fileName: string;
}

function GapBarsChart({ entries, rule, limit, onLimit, onOpen, fileName }: GapBarsProps) {
  const shown = limit === null ? entries : entries.slice(0, limit);
  const max = Math.max(1, ...entries.map((e) => e.score));
  const x = scaleLinear().domain([0, max]).range([0, W - LABEL_W - 60]);
  const height = TOP + shown.length * ROW + 8;
  const description = entries.length
    ? `${entries.length} capabilities have a gap to close; ${limit !== null && entries.length > limit ? `the top ${limit} are shown` : 'all are shown'}. ` +
      shown.map((e, i) => `${i + 1}. ${e.capabilityId} score ${fmtNumber(e.score)}`).join('; ') +
      '.'
    : 'No capability has a gap to close.';

  return (
    <ChartFrame
      title="Gap ranking"
      description={description}
      table={<GapTable entries={shown} />}
      fileName={fileName}
      className="gap-chart"
      empty={entries.length ? null : ['No capability has a gap yet: a gap needs an agreed current level and a higher target.']}
      controls={
        entries.length > (limit ?? Infinity) || (limit === null && entries.length > 15) ? (
          <button type="button" className="btn small" onClick={() => onLimit(limit === null ? 15 : null)}>
            {limit === null ? 'Top 15' : `All ${entries.length}`}
          </button>
        ) : null
      }
      footer={
        <div className="gap-rule">
          <p className="formula">
            Score = <strong>{rule.formula}</strong>
          </p>
          <p className="muted small">{rule.text}</p>
        </div>
      }
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg gap-bars" viewBox={`0 0 ${W} ${height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          {shown.map((e, i) => {
            const y = TOP + i * ROW;
            return (
              <g
                key={e.capabilityId}
                className="bar"
                {...markProps(i, `${gapBarLabel(e, i + 1)}. Open in the workspace`, { role: 'button' })}
                onClick={() => onOpen(e.capabilityId)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    onOpen(e.capabilityId);
                  }
                }}
              >
                <title>{gapTerms(e)}</title>
                <text className="bar-label" x={LABEL_W - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                  <tspan className="bar-id">{e.capabilityId}</tspan> {e.name}
                </text>
                <rect className="bar-rect" x={LABEL_W} y={y + 5} width={Math.max(2, x(e.score))} height={ROW - 10} rx={3} />
                <text className="bar-value" x={LABEL_W + x(e.score) + 6} y={y + ROW / 2} dominantBaseline="middle">
                  {fmtNumber(e.score)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const GapBars = memo(GapBarsChart);
