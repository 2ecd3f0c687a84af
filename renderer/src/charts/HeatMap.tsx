/**
 * Modules by capabilities, coloured by one metric (current level, gap, confidence or evidence); a cell
 * opens its capability in the workspace. Colours are fixed per metric (the model's `HEAT_SCALES`), so
 * heat maps of different quarters compare.
 */
import { memo } from 'react';
import { HEAT_SCALES, heatMap, heatMetrics, type AssessmentResults, type HeatCell, type HeatMap as HeatMapData, type HeatMetric, type HeatScale } from '../../../shared/results';
import { Segmented } from '../components/Segmented';
import { ChartFrame } from './ChartFrame';
import { shortModuleName } from './format';
import { markProps, marksKeyDown } from './marks';

export const METRIC_NAMES: Record<HeatMetric, string> = { current: 'Current level', gap: 'Gap', confidence: 'Confidence', evidence: 'Evidence' };

const LABEL_W = 250;
const CELL_W = 114;
const CELL_H = 46;
const GAP = 4;
const HEAD = 26;

/** Strength of a cell's colour (0-1) and which end of a diverging scale it is on. */
export function intensity(value: number | null, scale: HeatScale): { t: number; side: 'low' | 'high' | 'none' } {
  if (value === null) return { t: 0, side: 'none' };
  const [lo, hi] = scale.domain;
  if (scale.kind === 'diverging') {
    const mid = scale.midpoint ?? 0;
    if (value === mid) return { t: 0, side: 'none' };
    const t = value > mid ? (value - mid) / (hi - mid) : (mid - value) / (mid - lo);
    return { t: Math.min(1, t), side: value > mid ? 'high' : 'low' };
  }
  return { t: Math.min(1, Math.max(0, (value - lo) / (hi - lo))), side: 'high' };
}

/** What a cell reads aloud: "M1.1 Pipeline SLAs: current level 3", "M1.3 …: current level N/A (not applicable)". */
export function heatCellLabel(cell: HeatCell, name: string, metric: HeatMetric): string {
  const state = cell.state === 'notApplicable' ? ' (not applicable)' : cell.state === 'unscored' ? ' (not scored)' : '';
  const what = metric === 'evidence' ? 'evidence items' : METRIC_NAMES[metric].toLowerCase();
  return `${cell.capabilityId} ${name}: ${what} ${cell.label}${state}`;
}

function describe(map: HeatMapData): string {
  const cells = map.rows.flatMap((r) => r.cells);
  const valued = cells.filter((c) => c.value !== null).length;
  const na = cells.filter((c) => c.state === 'notApplicable').length;
  const unscored = cells.filter((c) => c.state === 'unscored').length;
  const perModule = map.rows.map((r) => `${r.moduleId}: ${r.cells.map((c) => c.label).join(' ')}`).join('; ');
  return (
    `${METRIC_NAMES[map.metric]} of ${cells.length} capabilities in ${map.rows.length} modules: ${valued} with a value, ${na} not applicable, ` +
    `${unscored} not scored. ${map.scale.legend}. By module, in capability order: ${perModule}.`
  );
}

export function HeatTable({ map, names }: { map: HeatMapData; names: Map<string, string> }) {
  const width = Math.max(...map.rows.map((r) => r.cells.length));
  return (
    <table className="table compact heat-table" aria-label={`${METRIC_NAMES[map.metric]} by capability`}>
      <thead>
        <tr>
          <th scope="col">Module</th>
          {Array.from({ length: width }, (_, i) => (
            <th key={i} scope="col">{i + 1}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {map.rows.map((r) => (
          <tr key={r.moduleId}>
            <th scope="row">
              {r.moduleId} {shortModuleName(r.name)}
            </th>
            {r.cells.map((c) => (
              <td key={c.capabilityId} className="num" data-capability={c.capabilityId} title={`${c.capabilityId} ${names.get(c.capabilityId) ?? ''}`}>
                <span className="muted small">{c.capabilityId}</span> {c.label}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface HeatMapProps {
  results: AssessmentResults;
  metric: HeatMetric;
  onMetric(metric: HeatMetric): void;
  onOpen(capabilityId: string): void;
  fileName: string;
}

function HeatMapChartDrawing({ results, metric, onMetric, onOpen, fileName }: HeatMapProps) {
  const map = heatMap(results, metric);
  const names = new Map(results.capabilities.map((c) => [c.capabilityId, c.name]));
  const cols = Math.max(1, ...map.rows.map((r) => r.cells.length));
  const width = LABEL_W + cols * (CELL_W + GAP) + 8;
  const height = HEAD + map.rows.length * (CELL_H + GAP) + 76;
  const legendY = HEAD + map.rows.length * (CELL_H + GAP) + 18;
  let mark = 0;

  return (
    <ChartFrame
      title={`Heat map: ${METRIC_NAMES[metric].toLowerCase()} by capability`}
      description={describe(map)}
      table={<HeatTable map={map} names={names} />}
      fileName={`${fileName}-${metric}`}
      empty={map.rows.length ? null : ['No modules in scope.']}
      controls={
        <Segmented<HeatMetric>
          label="Heat map metric"
          className="small-seg metric-switch"
          options={heatMetrics.map((m) => ({ value: m, label: METRIC_NAMES[m] }))}
          value={metric}
          onChange={(m) => m && onMetric(m)}
        />
      }
      footer={<p className="chart-note muted small">Select a cell (Enter) to open the capability in the workspace. Arrow keys move between cells.</p>}
    >
      {({ titleId, descId }) => (
        <svg className={`chart-svg heatmap metric-${metric}`} viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={titleId} aria-describedby={descId} onKeyDown={marksKeyDown}>
          <g aria-hidden="true">
            {Array.from({ length: cols }, (_, i) => (
              <text key={i} className="col-label" x={LABEL_W + i * (CELL_W + GAP) + CELL_W / 2} y={HEAD - 9} textAnchor="middle">
                {i + 1}
              </text>
            ))}
          </g>
          {map.rows.map((row, ri) => {
            const y = HEAD + ri * (CELL_H + GAP);
            return (
              <g key={row.moduleId} className="heat-row">
                <text className="row-label" x={LABEL_W - 12} y={y + CELL_H / 2} textAnchor="end" dominantBaseline="middle" aria-hidden="true">
                  <tspan className="row-id">{row.moduleId}</tspan> {shortModuleName(row.name)}
                </text>
                {row.cells.map((cell, ci) => {
                  const x = LABEL_W + ci * (CELL_W + GAP);
                  const { t, side } = intensity(cell.value, map.scale);
                  const name = names.get(cell.capabilityId) ?? '';
                  const strong = t > 0.55;
                  return (
                    <g
                      key={cell.capabilityId}
                      className={`cell state-${cell.state} side-${side}${strong ? ' strong' : ''}`}
                      {...markProps(mark++, `${heatCellLabel(cell, name, metric)}. Open in the workspace`, { row: ri, col: ci, role: 'button' })}
                      onClick={() => onOpen(cell.capabilityId)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onOpen(cell.capabilityId);
                        }
                      }}
                    >
                      <title>{`${cell.capabilityId} ${name}`}</title>
                      <rect className="cell-bg" x={x} y={y} width={CELL_W} height={CELL_H} rx={5} />
                      {side !== 'none' && <rect className="cell-fill" x={x} y={y} width={CELL_W} height={CELL_H} rx={5} style={{ fillOpacity: 0.14 + 0.8 * t }} />}
                      <text className="cell-id" x={x + 6} y={y + 13}>
                        {cell.capabilityId}
                      </text>
                      <text className="cell-value" x={x + CELL_W / 2} y={y + CELL_H / 2 + 7} textAnchor="middle" dominantBaseline="middle">
                        {cell.label}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <g className="heat-legend" transform={`translate(${LABEL_W} ${legendY})`} aria-hidden="true">
            <HeatLegend scale={map.scale} />
          </g>
        </svg>
      )}
    </ChartFrame>
  );
}

/** A legend swatch's text: "+2" on the gap scale, "low" for confidence 1, "3+" for the last evidence step. */
function legendValue(scale: HeatScale, v: number): string {
  if (scale === HEAT_SCALES.confidence) return (['low', 'medium', 'high'] as const)[v - 1]!;
  if (scale === HEAT_SCALES.evidence && v === scale.domain[1]) return `${v}+`;
  return scale.kind === 'diverging' && v > 0 ? `+${v}` : String(v);
}

function HeatLegend({ scale }: { scale: HeatScale }) {
  const [lo, hi] = scale.domain;
    const values = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return (
    <>
      {values.map((v, i) => {
        const { t, side } = intensity(v, scale);
        return (
          <g key={v} transform={`translate(${i * 58} 0)`} className={`cell side-${side}${t > 0.55 ? ' strong' : ''}`}>
            <rect className="cell-bg" width={54} height={22} rx={3} />
            {side !== 'none' && <rect className="cell-fill" width={54} height={22} rx={3} style={{ fillOpacity: 0.14 + 0.8 * t }} />}
            <text className="cell-value legend-value" x={27} y={12} textAnchor="middle" dominantBaseline="middle">
              {legendValue(scale, v)}
            </text>
          </g>
        );
      })}
      <text className="legend-label" x={0} y={40} dominantBaseline="middle">
        {scale.legend}. N/A: not applicable; –: not scored.
      </text>
    </>
  );
}

/** Drawn again only when its data or options change (a screen re-renders around it while loading). */
export const HeatMapChart = memo(HeatMapChartDrawing);
