/** The radar of module means: current, target and the previous assessment, each a labelled series. */
import { memo } from 'react';
import { lineRadial, scaleLinear } from 'd3';
import type { Radar as RadarData } from '../../../shared/results';
import { ChartFrame } from './ChartFrame';
import { fmtLevel, shortModuleName } from './format';
import { markProps, marksKeyDown } from './marks';

const W = 700;
const H = 560;
const CX = W / 2;
const CY = 268;
const R = 185;
const LINE = 17;

/** "M4 Enterprise Data Modeling" on lines of at most `width` characters. */
function wrap(text: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
const LEVELS = [1, 2, 3, 4, 5];

/** The text a radar point reads, also the table's: "M1 Strategic Alignment — Current (2026 Q4): 3.0". */
export function radarPointLabel(axis: { moduleId: string; name: string }, seriesLabel: string, value: number | null): string {
  return `${axis.moduleId} ${shortModuleName(axis.name)} — ${seriesLabel}: ${value === null ? 'no scores' : fmtLevel(value)}`;
}

export function radarDescription(radar: RadarData): string {
  return radar.series
    .map((s) => `${s.label}: ${radar.axes.map((a, i) => `${a.moduleId} ${s.values[i] === null ? (a.inScope ? 'no scores' : 'not in scope') : fmtLevel(s.values[i])}`).join(', ')}.`)
    .join(' ');
}

export function RadarTable({ radar }: { radar: RadarData }) {
  return (
    <table className="table compact" aria-label="Module means">
      <thead>
        <tr>
          <th scope="col">Module</th>
          {radar.series.map((s) => (
            <th key={s.key} scope="col">{s.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {radar.axes.map((a, i) => (
          <tr key={a.moduleId}>
            <th scope="row">
              {a.moduleId} {shortModuleName(a.name)}
              {!a.inScope && <span className="muted small"> (not in scope)</span>}
            </th>
            {radar.series.map((s) => (
              <td key={s.key} className="num" data-series={s.key}>
                {fmtLevel(s.values[i])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RadarChartDrawing({ radar, title, fileName }: { radar: RadarData; title: string; fileName: string }) {
  const n = radar.axes.length;
  const r = scaleLinear().domain([0, radar.domain[1]]).range([0, R]);
  const angle = (i: number) => (2 * Math.PI * i) / n;
  const point = (i: number, v: number) => [CX + r(v) * Math.sin(angle(i)), CY - r(v) * Math.cos(angle(i))] as const;
  const nothing = radar.series.every((s) => s.key === 'previous' || s.values.every((v) => v === null));
  let mark = 0;

  return (
    <ChartFrame
      title={title}
      description={radarDescription(radar)}
      table={<RadarTable radar={radar} />}
      fileName={fileName}
      empty={nothing ? ['No module has a scored capability yet: score capabilities in the workspace to draw the radar.'] : null}
    >
      {({ titleId, descId }) => (
        <svg className="chart-svg radar" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          <g className="radar-grid" aria-hidden="true">
            {LEVELS.map((l) => (
              <polygon key={l} className="grid-ring" points={radar.axes.map((_, i) => point(i, l).join(',')).join(' ')} />
            ))}
            {radar.axes.map((a, i) => {
              const [x, y] = point(i, radar.domain[1]);
              const [lx, ly] = point(i, radar.domain[1] + 0.5);
              const anchor = Math.abs(lx - CX) < 8 ? 'middle' : lx > CX ? 'start' : 'end';
              const lines = wrap(`${a.moduleId} ${shortModuleName(a.name)}`);
              // Above the centre the lines grow upwards, below it downwards, at the sides around the spoke.
              const top = ly < CY - R * 0.6 ? ly - (lines.length - 1) * LINE : ly > CY + R * 0.6 ? ly : ly - ((lines.length - 1) * LINE) / 2;
              return (
                <g key={a.moduleId} className={a.inScope ? 'axis' : 'axis out-of-scope'}>
                  <line className="grid-spoke" x1={CX} y1={CY} x2={x} y2={y} />
                  <text className="axis-label" x={lx} y={top} textAnchor={anchor} dominantBaseline="middle">
                    {lines.map((line, li) => (
                      <tspan key={li} x={lx} dy={li === 0 ? 0 : LINE}>
                        {li === 0 ? (
                          <>
                            <tspan className="axis-id">{a.moduleId}</tspan>
                            {line.slice(a.moduleId.length)}
                          </>
                        ) : (
                          line
                        )}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
            {LEVELS.map((l) => (
              <text key={l} className="ring-label" x={CX + r(l) * Math.sin(Math.PI / n) + 3} y={CY - r(l) * Math.cos(Math.PI / n)} dominantBaseline="middle">
                {l}
              </text>
            ))}
          </g>
          {radar.series.map((s) => {
            const line = lineRadial<number | null>()
              .defined((v) => v !== null)
              .angle((_, i) => angle(i))
              .radius((v) => r(v ?? 0));
            // Closing the shape: repeat the first value at the end (a gap stays open where a module has no value).
            const path = line([...s.values, s.values[0] ?? null]);
            return (
              <g key={s.key} className={`series series-${s.key}`}>
                {path && <path d={path} transform={`translate(${CX} ${CY})`} />}
                {s.values.map((v, i) => {
                  if (v === null) return null;
                  const [x, y] = point(i, v);
                  return (
                    <g key={i} className="point" {...markProps(mark++, radarPointLabel(radar.axes[i]!, s.label, v))}>
                      <circle cx={x} cy={y} r={s.key === 'current' ? 5.5 : 4.5} />
                    </g>
                  );
                })}
              </g>
            );
          })}
          <g className="legend" transform={`translate(8 ${H - 22 * radar.series.length})`}>
            {radar.series.map((s, i) => (
              <g key={s.key} className={`series series-${s.key}`} transform={`translate(0 ${i * 22})`}>
                <line x1={0} x2={26} y1={8} y2={8} />
                <circle cx={13} cy={8} r={4} />
                <text className="legend-label" x={34} y={8} dominantBaseline="middle">
                  {s.label}
                </text>
              </g>
            ))}
          </g>
        </svg>
      )}
    </ChartFrame>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const RadarChart = memo(RadarChartDrawing);
