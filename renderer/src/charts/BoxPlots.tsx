/** The portfolio per module: the other engagements' spread (range, quartiles, median) with this client marked. */
import { memo } from 'react';
import { scaleLinear } from 'd3';
import type { PortfolioModule, PortfolioView } from '../../../shared/results';
import { ChartFrame } from './ChartFrame';
import { fmtLevel, fmtOrdinal, shortModuleName } from './format';
import { markProps, marksKeyDown } from './marks';

const W = 1200;
const LABEL_W = 260;
const N_W = 60;
const OWN_W = 210;
const ROW = 40;
const TOP = 30;

export function ownText(m: PortfolioModule): string {
  if (!m.own) return 'this client: no scores';
  if (m.own.percentile === null) return `this client ${fmtLevel(m.own.value)}, no peers to compare`;
  return `this client ${fmtLevel(m.own.value)}, ${fmtOrdinal(m.own.percentile)} percentile (${m.own.band})`;
}

export function boxLabel(m: PortfolioModule, name: string, withOwn: boolean): string {
  const head = `${m.moduleId} ${shortModuleName(name)}: `;
  const spread =
    m.n === 0
      ? 'no engagement to compare'
      : `${m.n} ${m.n === 1 ? 'engagement' : 'engagements'}, median ${fmtLevel(m.median)}, quartiles ${fmtLevel(m.q1)} to ${fmtLevel(m.q3)}, range ${fmtLevel(m.min)} to ${fmtLevel(m.max)}`;
  return head + spread + (withOwn ? `; ${ownText(m)}` : '');
}

export function PortfolioTable({ portfolio, names }: { portfolio: PortfolioView; names: Map<string, string> }) {
  const withOwn = portfolio.own !== null;
  return (
    <table className="table compact" aria-label="Portfolio by module">
      <thead>
        <tr>
          <th scope="col">Module</th>
          <th scope="col">n</th>
          <th scope="col">Min</th>
          <th scope="col">Q1</th>
          <th scope="col">Median</th>
          <th scope="col">Q3</th>
          <th scope="col">Max</th>
          {withOwn && <th scope="col">This client</th>}
          {withOwn && <th scope="col">Percentile</th>}
        </tr>
      </thead>
      <tbody>
        {portfolio.modules.map((m) => (
          <tr key={m.moduleId}>
            <th scope="row">
              {m.moduleId} {shortModuleName(names.get(m.moduleId) ?? '')}
            </th>
            <td className="num">{m.n}</td>
            <td className="num">{fmtLevel(m.min)}</td>
            <td className="num">{fmtLevel(m.q1)}</td>
            <td className="num strong">{fmtLevel(m.median)}</td>
            <td className="num">{fmtLevel(m.q3)}</td>
            <td className="num">{fmtLevel(m.max)}</td>
            {withOwn && <td className="num strong">{fmtLevel(m.own?.value)}</td>}
            {withOwn && <td>{m.own?.percentile == null ? '–' : `${fmtOrdinal(m.own.percentile)} (${m.own.band})`}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BoxPlotsChart({ portfolio, names, fileName }: { portfolio: PortfolioView; names: Map<string, string>; fileName: string }) {
  const withOwn = portfolio.own !== null;
  const right = N_W + (withOwn ? OWN_W : 0);
  const x = scaleLinear().domain([1, 5]).range([LABEL_W + 16, W - right - 24]);
  const height = TOP + portfolio.modules.length * ROW + 40;
  const anyPeer = portfolio.modules.some((m) => m.n > 0);
  const description =
    `${portfolio.engagements} other ${portfolio.engagements === 1 ? 'engagement' : 'engagements'} compared. ` +
    portfolio.modules.map((m) => boxLabel(m, names.get(m.moduleId) ?? '', withOwn)).join('. ') +
    '.';

  return (
    <ChartFrame
      title="Where this client sits, module by module"
      description={description}
      table={<PortfolioTable portfolio={portfolio} names={names} />}
      fileName={fileName}
      empty={anyPeer ? null : ['No other engagement has a scored assessment to compare with (with these filters).']}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg boxplots" viewBox={`0 0 ${W} ${height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          <g aria-hidden="true">
            {[1, 2, 3, 4, 5].map((l) => (
              <g key={l}>
                <line className="grid-line" x1={x(l)} x2={x(l)} y1={TOP - 8} y2={TOP + portfolio.modules.length * ROW} />
                <text className="tick" x={x(l)} y={TOP - 14} textAnchor="middle">
                  {l}
                </text>
              </g>
            ))}
            <text className="tick strong" x={W - N_W / 2} y={TOP - 14} textAnchor="middle">
              n
            </text>
            {withOwn && (
              <text className="tick strong" x={W - right + 4} y={TOP - 14}>
                This client
              </text>
            )}
          </g>
          {portfolio.modules.map((m, i) => {
            const y = TOP + i * ROW + ROW / 2;
            const name = names.get(m.moduleId) ?? '';
            return (
              <g key={m.moduleId} className="box" {...markProps(i, boxLabel(m, name, withOwn))}>
                <text className="bar-label" x={LABEL_W - 10} y={y} textAnchor="end" dominantBaseline="middle">
                  <tspan className="bar-id">{m.moduleId}</tspan> {shortModuleName(name)}
                </text>
                {m.n > 0 && m.min !== null && m.max !== null && m.q1 !== null && m.q3 !== null && m.median !== null ? (
                  <>
                    <line className="whisker" x1={x(m.min)} x2={x(m.max)} y1={y} y2={y} />
                    <line className="whisker-end" x1={x(m.min)} x2={x(m.min)} y1={y - 7} y2={y + 7} />
                    <line className="whisker-end" x1={x(m.max)} x2={x(m.max)} y1={y - 7} y2={y + 7} />
                    <rect className="box-rect" x={x(m.q1)} y={y - 11} width={Math.max(2, x(m.q3) - x(m.q1))} height={22} rx={3} />
                    <line className="median" x1={x(m.median)} x2={x(m.median)} y1={y - 11} y2={y + 11} />
                  </>
                ) : (
                  <text className="bar-none" x={x(1)} y={y} dominantBaseline="middle">
                    no engagement to compare
                  </text>
                )}
                {m.own && (
                  <g className="own">
                    <path className="own-mark" d={`M ${x(m.own.value)} ${y - 9} l 9 9 l -9 9 l -9 -9 z`} />
                  </g>
                )}
                {withOwn && (
                  <text className="own-value" x={W - right + 4} y={y} dominantBaseline="middle">
                    {m.own ? (
                      <>
                        <tspan className="strong">{fmtLevel(m.own.value)}</tspan>
                        {m.own.percentile !== null && ` · ${fmtOrdinal(m.own.percentile)} percentile`}
                      </>
                    ) : (
                      'no scores'
                    )}
                  </text>
                )}
                <text className="n-value" x={W - N_W / 2} y={y} textAnchor="middle" dominantBaseline="middle">
                  {m.n}
                </text>
              </g>
            );
          })}
          <g className="legend" transform={`translate(${LABEL_W + 12} ${height - 16})`} aria-hidden="true">
            <rect className="box-rect" x={0} y={-8} width={28} height={16} rx={3} />
            <line className="median" x1={14} x2={14} y1={-8} y2={8} />
            <text className="legend-label" x={36} y={0} dominantBaseline="middle">
              Middle half of the other engagements (quartiles), median, range
            </text>
            {withOwn && (
              <g transform="translate(470 0)">
                <path className="own-mark" d="M 0 -8 l 8 8 l -8 8 l -8 -8 z" />
                <text className="legend-label" x={14} y={0} dominantBaseline="middle">
                  This client
                </text>
              </g>
            )}
          </g>
        </svg>
      )}
    </ChartFrame>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const BoxPlots = memo(BoxPlotsChart);
