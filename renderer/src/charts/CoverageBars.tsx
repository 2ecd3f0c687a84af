/** Evidence coverage per module: the share of scored capabilities that have at least one evidence item. */
import { memo } from 'react';
import { scaleLinear } from 'd3';
import type { ModuleEvidence } from '../../../shared/results';
import { ChartFrame } from './ChartFrame';
import { fmtPercent, shortModuleName } from './format';
import { markProps, marksKeyDown } from './marks';

const W = 640;
const LABEL_W = 230;
const ROW = 30;
const TOP = 24;

export function coverageLabel(m: ModuleEvidence): string {
  const stale = m.staleItems ? `; ${m.staleItems} stale evidence ${m.staleItems === 1 ? 'link' : 'links'}` : '';
  return m.coverage === null
    ? `${m.moduleId} ${shortModuleName(m.name)}: nothing scored${stale}`
    : `${m.moduleId} ${shortModuleName(m.name)}: ${fmtPercent(m.coverage)} evidenced (${m.withEvidence} of ${m.scored} scored)${stale}`;
}

export function CoverageTable({ modules }: { modules: readonly ModuleEvidence[] }) {
  return (
    <table className="table compact" aria-label="Evidence coverage by module">
      <thead>
        <tr>
          <th scope="col">Module</th>
          <th scope="col">Scored</th>
          <th scope="col">With evidence</th>
          <th scope="col">Coverage</th>
          <th scope="col">Stale links</th>
        </tr>
      </thead>
      <tbody>
        {modules.map((m) => (
          <tr key={m.moduleId}>
            <th scope="row">
              {m.moduleId} {shortModuleName(m.name)}
            </th>
            <td className="num">{m.scored}</td>
            <td className="num">{m.withEvidence}</td>
            <td className="num">{fmtPercent(m.coverage)}</td>
            <td className="num">{m.staleItems}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CoverageBarsChart({ modules, fileName }: { modules: readonly ModuleEvidence[]; fileName: string }) {
  const x = scaleLinear().domain([0, 1]).range([0, W - LABEL_W - 70]);
  const height = TOP + modules.length * ROW + 8;
  const scored = modules.some((m) => m.scored > 0);
  return (
    <ChartFrame
      title="Evidence coverage by module"
      description={modules.map(coverageLabel).join('. ') + '.'}
      table={<CoverageTable modules={modules} />}
      fileName={fileName}
      empty={scored ? null : ['Nothing is scored yet, so there is no coverage to show.']}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg coverage" viewBox={`0 0 ${W} ${height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          <g aria-hidden="true" className="axis">
            {[0, 0.5, 1].map((t) => (
              <g key={t}>
                <line className="grid-line" x1={LABEL_W + x(t)} x2={LABEL_W + x(t)} y1={TOP - 6} y2={height - 4} />
                <text className="tick" x={LABEL_W + x(t)} y={TOP - 10} textAnchor="middle">
                  {fmtPercent(t)}
                </text>
              </g>
            ))}
          </g>
          {modules.map((m, i) => {
            const y = TOP + i * ROW;
            return (
              <g key={m.moduleId} className="bar" {...markProps(i, coverageLabel(m))}>
                <text className="bar-label" x={LABEL_W - 10} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                  <tspan className="bar-id">{m.moduleId}</tspan> {shortModuleName(m.name)}
                </text>
                {m.coverage === null ? (
                  <text className="bar-none" x={LABEL_W + 4} y={y + ROW / 2} dominantBaseline="middle">
                    nothing scored
                  </text>
                ) : (
                  <>
                    <rect className="bar-track" x={LABEL_W} y={y + 6} width={x(1)} height={ROW - 12} rx={3} />
                    <rect className="bar-rect" x={LABEL_W} y={y + 6} width={Math.max(2, x(m.coverage))} height={ROW - 12} rx={3} />
                    <text className="bar-value" x={LABEL_W + x(1) + 8} y={y + ROW / 2} dominantBaseline="middle">
                      {fmtPercent(m.coverage)} ({m.withEvidence}/{m.scored})
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const CoverageBars = memo(CoverageBarsChart);
