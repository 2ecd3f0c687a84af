/** Spend per period (quarter or fiscal year) as stacked bars: capex, labour and opex. */
import { scaleBand, scaleLinear } from 'd3';
import type { ChartA11y } from './ChartFrame';
import { markProps, marksKeyDown } from './marks';

export interface CostBar {
  label: string;
  /** A second line under the label (the fiscal label of a quarter). */
  sub?: string;
  capex: number;
  labour: number;
  opex: number;
}

export const COST_PARTS = [
  { key: 'capex', name: 'Capex' },
  { key: 'labour', name: 'Labour' },
  { key: 'opex', name: 'Opex' },
] as const;

const W = 1100;
const H = 290;
const M = { top: 14, right: 12, bottom: 44, left: 74 };

export function CostBars({ bars, format, formatShort, a11y }: { bars: readonly CostBar[]; format: (v: number) => string; formatShort: (v: number) => string; a11y: ChartA11y }) {
  const x = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([M.left, W - M.right])
    .padding(0.28);
  const max = Math.max(1, ...bars.map((b) => b.capex + b.labour + b.opex));
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  let mark = 0;
  return (
    <svg className="chart-svg cost-bars" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={a11y.titleId} aria-describedby={a11y.descId} onKeyDown={(e) => marksKeyDown(e)}>
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line className="grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text className="axis-text" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central">{formatShort(t)}</text>
        </g>
      ))}
      {bars.map((b, i) => {
        let top = y(0);
        const total = b.capex + b.labour + b.opex;
        return (
          <g key={b.label} {...markProps(mark++, `${b.label}${b.sub ? ` (${b.sub})` : ''}: ${format(total)} — capex ${format(b.capex)}, labour ${format(b.labour)}, opex ${format(b.opex)}`)}>
            <title>{`${b.label}: ${format(total)}`}</title>
            {COST_PARTS.map((part) => {
              const v = b[part.key];
              const h = y(0) - y(v);
              top -= h;
              return v > 0 ? <rect key={part.key} className={`cost-${part.key}`} x={x(i)} y={top} width={x.bandwidth()} height={h} /> : null;
            })}
            {total > 0 && <text className="bar-total" x={x(i)! + x.bandwidth() / 2} y={y(total) - 4} textAnchor="middle">{formatShort(total)}</text>}
            <text className="axis-text" x={x(i)! + x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle">{b.label}</text>
            {b.sub && <text className="axis-text muted-text" x={x(i)! + x.bandwidth() / 2} y={H - M.bottom + 31} textAnchor="middle">{b.sub}</text>}
          </g>
        );
      })}
    </svg>
  );
}
