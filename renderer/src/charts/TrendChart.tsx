/** Each module's mean level over every assessment of the engagement: small multiples, current and target. */
import { memo } from 'react';
import { line, scaleLinear, scalePoint } from 'd3';
import type { TrendView } from '../../../shared/results';
import { ChartFrame } from './ChartFrame';
import { fmtLevel, shortModuleName } from './format';
import { markProps, marksKeyDown } from './marks';

const COLS = 3;
const PW = 300;
const PH = 178;
const GAP_X = 24;
const GAP_Y = 26;
const M = { top: 36, right: 14, bottom: 24, left: 30 };

export function trendPointLabel(moduleId: string, name: string, assessment: string, current: number | null, target: number | null): string {
  return `${moduleId} ${shortModuleName(name)}, ${assessment}: current ${fmtLevel(current, 'no scores')}, target ${fmtLevel(target, 'none')}`;
}

function describe(t: TrendView): string {
  const labels = t.assessments.map((a) => a.label);
  return (
    `Mean current level per module over ${labels.length} assessments (${labels.join(', ')}). ` +
    t.modules.map((m) => `${m.moduleId}: ${m.current.map((v) => fmtLevel(v)).join(', ')}`).join('; ') +
    '.'
  );
}

export function TrendTable({ trend }: { trend: TrendView }) {
  return (
    <table className="table compact" aria-label="Module means by assessment">
      <thead>
        <tr>
          <th scope="col">Module</th>
          {trend.assessments.map((a) => (
            <th key={a.id} scope="col">{a.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trend.modules.map((m) => (
          <tr key={m.moduleId}>
            <th scope="row">
              {m.moduleId} {shortModuleName(m.name)}
            </th>
            {m.current.map((v, i) => (
              <td key={trend.assessments[i]!.id} className="num">
                {fmtLevel(v)}
                {m.target[i] !== null && <span className="muted small"> → {fmtLevel(m.target[i])}</span>}
              </td>
            ))}
          </tr>
        ))}
        <tr className="overall">
          <th scope="row">All modules</th>
          {trend.overall.current.map((v, i) => (
            <td key={trend.assessments[i]!.id} className="num strong">
              {fmtLevel(v)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function TrendChartDrawing({ trend, fileName }: { trend: TrendView; fileName: string }) {
  const rows = Math.ceil(trend.modules.length / COLS);
  const width = COLS * PW + (COLS - 1) * GAP_X;
  const height = rows * PH + (rows - 1) * GAP_Y + 34;
  const x = scalePoint<number>()
    .domain(trend.assessments.map((_, i) => i))
    .range([M.left + 8, PW - M.right - 8])
    .padding(trend.assessments.length === 1 ? 0.5 : 0);
  const y = scaleLinear().domain([1, 5]).range([PH - M.bottom, M.top]);
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(i)!)
    .y((v) => y(v ?? 1));
  const first = trend.assessments[0]?.label ?? '';
  const last = trend.assessments[trend.assessments.length - 1]?.label ?? '';
  const scored = trend.modules.some((m) => m.current.some((v) => v !== null));
  let mark = 0;

  return (
    <ChartFrame
      title="Module means over time"
      description={describe(trend)}
      table={<TrendTable trend={trend} />}
      fileName={fileName}
      empty={trend.assessments.length === 0 ? ['No assessment yet.'] : scored ? null : ['Nothing is scored in any assessment yet.']}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg trend" viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          {trend.modules.map((m, mi) => {
            const ox = (mi % COLS) * (PW + GAP_X);
            const oy = Math.floor(mi / COLS) * (PH + GAP_Y);
            const none = m.current.every((v) => v === null);
            return (
              <g key={m.moduleId} className="panel" transform={`translate(${ox} ${oy})`}>
                <rect className="panel-bg" width={PW} height={PH} rx={6} />
                <text className="panel-title" x={10} y={18}>
                  <tspan className="panel-id">{m.moduleId}</tspan> {shortModuleName(m.name)}
                </text>
                <g aria-hidden="true">
                  {[1, 2, 3, 4, 5].map((l) => (
                    <g key={l}>
                      <line className="grid-line" x1={M.left} x2={PW - M.right} y1={y(l)} y2={y(l)} />
                      <text className="tick" x={M.left - 8} y={y(l)} textAnchor="end" dominantBaseline="middle">
                        {l}
                      </text>
                    </g>
                  ))}
                  <text className="tick" x={x(0)} y={PH - 6} textAnchor={trend.assessments.length === 1 ? 'middle' : 'start'}>
                    {first}
                  </text>
                  {trend.assessments.length > 1 && (
                    <text className="tick" x={x(trend.assessments.length - 1)} y={PH - 6} textAnchor="end">
                      {last}
                    </text>
                  )}
                </g>
                {none ? (
                  <text className="panel-none" x={PW / 2} y={PH / 2 + 4} textAnchor="middle">
                    no scores
                  </text>
                ) : (
                  <>
                    <path className="series series-target" d={path(m.target) ?? undefined} />
                    <path className="series series-current" d={path(m.current) ?? undefined} />
                    {m.current.map((v, i) =>
                      v === null ? null : (
                        <g key={i} className="point series-current" {...markProps(mark++, trendPointLabel(m.moduleId, m.name, trend.assessments[i]!.label, v, m.target[i] ?? null), { row: Math.floor(mi / COLS), col: (mi % COLS) * 100 + i })}>
                          <circle cx={x(i)} cy={y(v)} r={4.5} />
                        </g>
                      ),
                    )}
                  </>
                )}
              </g>
            );
          })}
          <g className="legend" transform={`translate(0 ${height - 14})`} aria-hidden="true">
            <g className="series series-current">
              <line x1={0} x2={26} y1={0} y2={0} />
              <circle cx={13} cy={0} r={4} />
              <text className="legend-label" x={34} y={0} dominantBaseline="middle">
                Mean current level
              </text>
            </g>
            <g className="series series-target" transform="translate(200 0)">
              <line x1={0} x2={26} y1={0} y2={0} />
              <text className="legend-label" x={34} y={0} dominantBaseline="middle">
                Mean target level
              </text>
            </g>
          </g>
        </svg>
      )}
    </ChartFrame>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const TrendChart = memo(TrendChartDrawing);
