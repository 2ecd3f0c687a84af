import { scaleLinear } from 'd3';
import { useId } from 'react';

export interface VoteDot {
  id: string;
  /** Short label drawn in the dot (initials). */
  label: string;
  /** Full name, for the tooltip. */
  name: string;
  level: number;
  outlier?: boolean;
}

interface VoteDotsProps {
  current: readonly VoteDot[];
  target?: readonly VoteDot[];
  median: number | null;
  /** The agreed current level, marked on the scale. */
  agreed: number | null;
  agreedTarget?: number | null;
  /** Larger type and dots for the projector. */
  large?: boolean;
  /** Room reserved for this many dots on one level (and a target row), so the chart does not grow as votes come in. */
  capacity?: number;
}

const LEVELS = [1, 2, 3, 4, 5];

/**
 * Each vote as a dot on the 1-5 scale (stacked when several pick a level), with the median and the agreed score.
 * For the projector (`large`) the dots are bigger and sit up to three abreast at a level, so the chart is wide rather
 * than tall and grows with the screen: initials stay readable from the back of the room.
 */
export function VoteDots({ current, target = [], median, agreed, agreedTarget = null, large, capacity = 1 }: VoteDotsProps) {
  const titleId = useId();
  const width = large ? 860 : 520;
  const r = large ? 22 : 11;
  const perRow = large ? 3 : 1;
  const gapY = r * 2 + 4;
  const rows = (n: number) => Math.ceil(n / perRow);
  const reserved = Math.min(Math.max(1, rows(capacity)), 3);
  const stack = (dots: readonly VoteDot[]) => Math.max(reserved, ...LEVELS.map((l) => rows(dots.filter((d) => d.level === l).length)));
  const showTarget = target.length > 0 || capacity > 1;
  const rowHeight = (dots: readonly VoteDot[]) => stack(dots) * gapY + 8;
  const labelWidth = large ? 84 : 64;
  const x = scaleLinear().domain([1, 5]).range([labelWidth + r + 14, width - r - 14]);
  const currentH = rowHeight(current);
  const targetH = showTarget ? rowHeight(target) : 0;
  const axisY = currentH + targetH + 8;
  /** Width of the band marking the agreed level: around the widest line of dots. */
  const band = perRow * gapY + 8;
  const height = axisY + (large ? 42 : 30);

  const row = (dots: readonly VoteDot[], top: number, h: number, kind: 'current' | 'target') => (
    <g className={`vd-row vd-${kind}`}>
      <text className="vd-rowlabel" x={0} y={top + h / 2} dominantBaseline="middle">
        {kind === 'current' ? 'Current' : 'Target'}
      </text>
      {LEVELS.map((l) => {
        const here = dots.filter((d) => d.level === l);
        return here.map((d, i) => {
          const line = Math.floor(i / perRow);
          const inLine = Math.min(perRow, here.length - line * perRow);
          const cx = x(l) + ((i % perRow) - (inLine - 1) / 2) * gapY;
          const cy = top + h - 4 - r - line * gapY;
          return (
            <g key={`${kind}-${d.id}`} className={d.outlier ? 'vd-dot outlier' : 'vd-dot'} transform={`translate(${cx},${cy})`}>
              <title>{`${d.name}: ${kind} ${l}${d.outlier ? ' (outlier)' : ''}`}</title>
              <circle r={r} />
              <text dominantBaseline="central" textAnchor="middle">
                {d.label}
              </text>
            </g>
          );
        });
      })}
    </g>
  );

  const summary = current.length
    ? `${current.length} vote${current.length > 1 ? 's' : ''}: ${current.map((d) => `${d.name} ${d.level}`).join(', ')}. Median ${median ?? 'none'}${agreed ? `, agreed ${agreed}` : ''}.`
    : 'No votes yet.';

  return (
    <svg className={large ? 'vote-dots large' : 'vote-dots'} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{summary}</title>
      {LEVELS.map((l) => (
        <line key={l} className="vd-grid" x1={x(l)} x2={x(l)} y1={4} y2={axisY} />
      ))}
      {agreed !== null && <rect className="vd-agreed" x={x(agreed) - band / 2} y={2} width={band} height={currentH} rx={8} />}
      {agreedTarget !== null && showTarget && <rect className="vd-agreed target" x={x(agreedTarget) - band / 2} y={currentH + 2} width={band} height={targetH} rx={8} />}
      {/* The median line runs behind the dots, so initials stay readable; its marker sits on the axis. */}
      {median !== null && <line className="vd-median-line" x1={x(median)} x2={x(median)} y1={0} y2={axisY + 4} />}
      {row(current, 0, currentH, 'current')}
      {showTarget && row(target, currentH, targetH, 'target')}
      <line className="vd-axis" x1={x(1) - r} x2={x(5) + r} y1={axisY} y2={axisY} />
      {LEVELS.map((l) => (
        <text key={l} className="vd-tick" x={x(l)} y={axisY + (large ? 30 : 20)} textAnchor="middle">
          {l}
        </text>
      ))}
      {median !== null && (
        <g className="vd-median" transform={`translate(${x(median)},0)`}>
          <path d={`M -7 ${axisY + 5} L 7 ${axisY + 5} L 0 ${axisY - 5} Z`} />
        </g>
      )}
    </svg>
  );
}
