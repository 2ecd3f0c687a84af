/**
 * Use against limits under the Gantt, on the same quarters: one row for the budget (a cell per quarter,
 * or per fiscal year spanning its quarters) and one per role with a capacity. Each cell fills with the
 * share used; over the limit it turns red and says by how much.
 */
import type { ChartA11y } from './ChartFrame';
import { markProps, marksKeyDown } from './marks';
import { GANTT, quarterScale } from './Gantt';

export interface StripCell {
  /** First quarter index and number of quarters the cell spans. */
  from: number;
  span: number;
  used: number;
  limit: number;
  /** Short text in the cell ("140/120", "€1.2M/€1M"). */
  text: string;
  /** Read out: "2027-Q2: data engineer 140 of 120 person-days". */
  label: string;
}

export interface StripRow {
  name: string;
  cells: StripCell[];
}

const ROW = 30;

export function LimitStrip({ quarters, rows, a11y }: { quarters: readonly string[]; rows: readonly StripRow[]; a11y: ChartA11y }) {
  const x = quarterScale(quarters.length);
  const step = x.step();
  const height = rows.length * ROW + 6;
  let mark = 0;
  return (
    <svg
      className="chart-svg limit-strip"
      viewBox={`0 0 ${GANTT.width} ${height}`}
      role="group"
      aria-labelledby={a11y.titleId}
      aria-describedby={a11y.descId}
      onKeyDown={(e) => marksKeyDown(e)}
    >
      {rows.map((row, r) => (
        <g key={row.name}>
          <text className="strip-name" x={GANTT.left - 8} y={r * ROW + ROW / 2} textAnchor="end" dominantBaseline="central">
            {row.name}
          </text>
          {row.cells.map((c) => {
            const ratio = c.limit > 0 ? c.used / c.limit : c.used > 0 ? 2 : 0;
            const level = ratio > 1 + 1e-9 ? 'over' : ratio >= 0.9 ? 'near' : 'ok';
            const w = c.span * step - 4;
            const h = ROW - 6;
            const fill = Math.min(1, ratio) * h;
            const x0 = GANTT.left + c.from * step + 2;
            const y0 = r * ROW + 3;
            return (
              <g key={c.from} className={`strip-cell ${level}`} {...markProps(mark++, `${c.label}${level === 'over' ? ', over the limit' : ''}`)}>
                <title>{c.label}</title>
                <rect className="strip-track" x={x0} y={y0} width={w} height={h} rx={3} />
                <rect className="strip-fill" x={x0} y={y0 + h - fill} width={w} height={fill} rx={3} />
                <text className="strip-text" x={x0 + w / 2} y={y0 + h / 2} textAnchor="middle" dominantBaseline="central">
                  {c.text}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
