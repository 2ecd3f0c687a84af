/**
 * The schedule by quarter: one bar per planned initiative from its first to its last quarter of work,
 * arrows from each dependency's end to its dependant's start (red when the dependant starts too early),
 * calendar quarters with the client's fiscal labels above. In manual mode a bar can be dragged, or
 * moved a quarter at a time with the left and right arrow keys.
 */
import { scaleBand } from 'd3';
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ChartA11y } from './ChartFrame';
import { markProps, marksKeyDown } from './marks';

/** Shared with the limits strip, so quarters line up. */
export const GANTT = { width: 860, left: 210, right: 12, head: 40, row: 28, bar: 18 } as const;

export function quarterScale(count: number) {
  return scaleBand<number>()
    .domain(Array.from({ length: count }, (_, i) => i))
    .range([GANTT.left, GANTT.width - GANTT.right])
    .paddingInner(0.06);
}

export interface GanttBar {
  id: string;
  name: string;
  /** Quarter index of the first quarter of work (0 = the scenario's start). */
  start: number;
  duration: number;
  /** Read out and shown on hover: "2027-Q2 to 2027-Q3 (FY2028 Q1 to Q2)". */
  label: string;
  /** A limit is broken by this bar (manual mode). */
  flagged: boolean;
}

interface GanttProps {
  quarters: readonly string[];
  fiscalLabels: readonly string[];
  bars: readonly GanttBar[];
  deps: readonly { from: string; to: string }[];
  editable: boolean;
  onMove?: (id: string, start: number) => void;
  a11y: ChartA11y;
}

const short = (q: string) => q.replace('-', ' ');

export function Gantt({ quarters, fiscalLabels, bars, deps, editable, onMove, a11y }: GanttProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ id: string; x0: number; start0: number; start: number } | null>(null);
  const T = quarters.length;
  const x = quarterScale(T);
  const step = x.step();
  const height = GANTT.head + Math.max(1, bars.length) * GANTT.row + 8;
  const rowOf = new Map(bars.map((b, i) => [b.id, i]));
  const startOf = (b: GanttBar) => (drag?.id === b.id ? drag.start : b.start);
  const x0 = (s: number) => GANTT.left + s * step;
  const yMid = (i: number) => GANTT.head + i * GANTT.row + GANTT.row / 2;
  const clamp = (s: number, d: number) => Math.max(0, Math.min(T - d, s));

  const toViewBox = (clientDx: number) => {
    const svg = svgRef.current;
    return svg && svg.clientWidth ? (clientDx * GANTT.width) / svg.clientWidth : clientDx;
  };
  const down = (e: PointerEvent<SVGGElement>, b: GanttBar) => {
    if (!editable) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ id: b.id, x0: e.clientX, start0: b.start, start: b.start });
  };
  const moveTo = (e: PointerEvent<SVGGElement>, b: GanttBar) => {
    if (!drag || drag.id !== b.id) return;
    const s = clamp(drag.start0 + Math.round(toViewBox(e.clientX - drag.x0) / step), b.duration);
    if (s !== drag.start) setDrag({ ...drag, start: s });
  };
  const up = (b: GanttBar) => {
    if (!drag || drag.id !== b.id) return;
    if (drag.start !== drag.start0) onMove?.(b.id, drag.start);
    setDrag(null);
  };
  const key = (e: KeyboardEvent<SVGGElement>, b: GanttBar) => {
    if (!editable || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const s = clamp(b.start + (e.key === 'ArrowRight' ? 1 : -1), b.duration);
    if (s !== b.start) onMove?.(b.id, s);
  };

  return (
    <svg
      ref={svgRef}
      className={`chart-svg gantt${editable ? ' editable' : ''}`}
      viewBox={`0 0 ${GANTT.width} ${height}`}
      role="group"
      aria-labelledby={a11y.titleId}
      aria-describedby={a11y.descId}
      onKeyDown={(e) => marksKeyDown(e, { horizontal: false })}
    >
      <defs>
        <marker id="gantt-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
        </marker>
        <marker id="gantt-arrow-broken" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead broken" />
        </marker>
      </defs>
      {quarters.map((q, t) => (
        <g key={q} className="gantt-col">
          <rect className={t % 2 ? 'gantt-band odd' : 'gantt-band'} x={x0(t)} y={GANTT.head - 4} width={step} height={height - GANTT.head} />
          <text className="gantt-q" x={x0(t) + step / 2} y={14} textAnchor="middle">{short(q)}</text>
          <text className="gantt-fy" x={x0(t) + step / 2} y={30} textAnchor="middle">{fiscalLabels[t]?.replace(/^FY(\d\d)(\d\d)/, 'FY$2')}</text>
        </g>
      ))}
      {deps.map(({ from, to }) => {
        const i = rowOf.get(from);
        const j = rowOf.get(to);
        if (i === undefined || j === undefined) return null;
        const a = bars[i]!;
        const b = bars[j]!;
        const xEnd = x0(startOf(a) + a.duration) - 6;
        const xStart = x0(startOf(b)) + 1;
        const broken = startOf(b) < startOf(a) + a.duration;
        const y1 = yMid(i) + (j > i ? GANTT.bar / 2 : -GANTT.bar / 2);
        return (
          <path
            key={`${from}-${to}`}
            className={broken ? 'gantt-dep broken' : 'gantt-dep'}
            d={`M${xEnd},${y1} V${yMid(j)} H${xStart}`}
            markerEnd={`url(#${broken ? 'gantt-arrow-broken' : 'gantt-arrow'})`}
          />
        );
      })}
      {bars.map((b, i) => {
        const s = startOf(b);
        const y = yMid(i) - GANTT.bar / 2;
        return (
          <g
            key={b.id}
            className={`gantt-row${b.flagged ? ' flagged' : ''}${drag?.id === b.id ? ' dragging' : ''}`}
            {...markProps(i, `${b.name}: ${b.label}${b.flagged ? ', breaks a limit' : ''}${editable ? '. Left and right arrows move it a quarter.' : ''}`)}
            onPointerDown={(e) => down(e, b)}
            onPointerMove={(e) => moveTo(e, b)}
            onPointerUp={() => up(b)}
            onPointerCancel={() => setDrag(null)}
            onKeyDown={(e) => key(e, b)}
            data-initiative={b.name}
          >
            <title>{`${b.name}: ${b.label}`}</title>
            <text className="gantt-name" x={GANTT.left - 8} y={yMid(i)} textAnchor="end" dominantBaseline="central">
              {b.name.length > 30 ? `${b.name.slice(0, 29)}…` : b.name}
            </text>
            <rect className="gantt-bar" x={x0(s) + 1} y={y} width={Math.max(4, Math.min(b.duration, T - s) * step - 2)} height={GANTT.bar} rx={4} />
          </g>
        );
      })}
    </svg>
  );
}
