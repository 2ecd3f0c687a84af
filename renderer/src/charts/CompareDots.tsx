/** Maturity at the horizon per module, scenario by scenario: one row per module, a dot per scenario on the 1-5 scale, the baseline as a ring. */
import { scaleLinear, schemeTableau10 } from 'd3';
import type { ChartA11y } from './ChartFrame';
import { markProps, marksKeyDown } from './marks';

export interface CompareRow {
  moduleId: string;
  name: string;
  baseline: number | null;
  /** Per scenario, in the order of `scenarios`. */
  values: (number | null)[];
}

const W = 440;
const ROW = 26;
const M = { top: 24, left: 44, right: 16 };

export const scenarioColor = (k: number) => schemeTableau10[(k + 1) % schemeTableau10.length]!;

export function CompareDots({ scenarios, rows, a11y }: { scenarios: readonly string[]; rows: readonly CompareRow[]; a11y: ChartA11y }) {
  const x = scaleLinear().domain([1, 5]).range([M.left, W - M.right]);
  const H = M.top + rows.length * ROW + 8;
  let mark = 0;
  return (
    <svg className="chart-svg compare-dots" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={a11y.titleId} aria-describedby={a11y.descId} onKeyDown={(e) => marksKeyDown(e)}>
      {[1, 2, 3, 4, 5].map((l) => (
        <g key={l}>
          <line className="grid" x1={x(l)} x2={x(l)} y1={M.top - 6} y2={H - 6} />
          <text className="axis-text" x={x(l)} y={12} textAnchor="middle">{l}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const cy = M.top + i * ROW + ROW / 2;
        return (
          <g key={r.moduleId}>
            <text className="axis-text" x={M.left - 10} y={cy} textAnchor="end" dominantBaseline="central">{r.moduleId}<title>{r.name}</title></text>
            {r.baseline !== null && <circle className="cmp-baseline" cx={x(r.baseline)} cy={cy} r={7} {...markProps(mark++, `${r.moduleId} baseline ${r.baseline.toFixed(2)}`)} />}
            {r.values.map((v, k) =>
              v === null ? null : (
                <circle key={k} cx={x(v)} cy={cy + (k - (scenarios.length - 1) / 2) * 5} r={5} fill={scenarioColor(k)} {...markProps(mark++, `${r.moduleId} ${scenarios[k]}: ${v.toFixed(2)} at the horizon`)} />
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
