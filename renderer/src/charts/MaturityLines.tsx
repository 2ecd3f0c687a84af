/**
 * Projected maturity: the mean level of each module quarter by quarter under the plan (an initiative's
 * uplift counts from the quarter after it finishes), ending with the state after the horizon.
 */
import { scaleLinear, scalePoint, schemeTableau10 } from 'd3';
import type { ChartA11y } from './ChartFrame';
import { markProps, marksKeyDown } from './marks';

export interface MaturitySeries {
  moduleId: string;
  name: string;
  /** One value per point (horizon quarters, then the end state); null when nothing is scored. */
  values: (number | null)[];
  target: number | null;
}

const W = 420;
const H = 280;
const M = { top: 12, right: 40, bottom: 40, left: 30 };

export function moduleColor(moduleId: string): string {
  return schemeTableau10[(Number(moduleId.replace(/\D/g, '')) - 1 + schemeTableau10.length) % schemeTableau10.length]!;
}

/** Label positions at the line ends, pushed apart so that no two overlap. */
function spread(ys: number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

export function MaturityLines({ points, series, a11y }: { points: readonly string[]; series: readonly MaturitySeries[]; a11y: ChartA11y }) {
  const x = scalePoint<number>()
    .domain(points.map((_, i) => i))
    .range([M.left + 6, W - M.right])
    .padding(0.1);
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const lo = Math.max(1, Math.floor(Math.min(...all, 5) * 2) / 2 - 0.5);
  const hi = Math.min(5, Math.ceil(Math.max(...all, 1) * 2) / 2 + 0.25);
  const y = scaleLinear().domain([lo, hi]).range([H - M.bottom, M.top]);
  const ends = series.map((s) => {
    const last = [...s.values].reverse().find((v) => v !== null);
    return last === undefined || last === null ? 0 : y(last);
  });
  const labelY = spread(ends, 12);
  const every = points.length > 7 ? 2 : 1;
  let mark = 0;
  return (
    <svg className="chart-svg maturity-lines" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={a11y.titleId} aria-describedby={a11y.descId} onKeyDown={(e) => marksKeyDown(e)}>
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line className="grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text className="axis-text" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central">{t}</text>
        </g>
      ))}
      {points.map((p, i) =>
        i % every === 0 || i === points.length - 1 ? (
          <text key={p} className="axis-text" x={x(i)} y={H - M.bottom + 14} textAnchor="middle">
            {i === points.length - 1 ? 'after' : p.replace('-', ' ')}
          </text>
        ) : null,
      )}
      {series.map((s, k) => {
        const color = moduleColor(s.moduleId);
        const pts = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
        if (!pts.length) return null;
        return (
          <g key={s.moduleId} className="mat-series">
            <path d={`M${pts.join('L')}`} fill="none" stroke={color} strokeWidth={2} />
            {s.values.map((v, i) =>
              v === null ? null : (
                <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={color} {...markProps(mark++, `${s.moduleId} ${s.name}: ${v.toFixed(2)} in ${i === points.length - 1 ? 'the quarter after the horizon' : points[i]}`)} />
              ),
            )}
            <text className="mat-label" x={W - M.right + 6} y={labelY[k]} dominantBaseline="central" style={{ fill: color }}>{s.moduleId}</text>
          </g>
        );
      })}
    </svg>
  );
}
