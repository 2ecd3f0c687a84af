/** A scenario's costs: capex, labour and opex per quarter or fiscal year, and who pays (chargeback by business unit, to the cent). */
import { useEffect, useState } from 'react';
import type { Engagement, RoadmapScenario } from '../../../../shared/domain';
import { COST_PARTS, CostBars, type CostBar } from '../../charts/CostBars';
import { ChartFrame } from '../../charts/ChartFrame';
import { useRoadmap } from '../../stores/roadmap';
import { money, moneyShort } from './format';

/** "Highest 2028 Q2 (€237,750.00), lowest 2029 Q1 (€31,500.00). Capex and labour ..." */
function costSummary(bars: readonly CostBar[], fmt: (v: number) => string): string {
  const total = (b: CostBar) => b.capex + b.labour + b.opex;
  const hi = bars.reduce((a, b) => (total(b) > total(a) ? b : a), bars[0]!);
  const lo = bars.reduce((a, b) => (total(b) < total(a) ? b : a), bars[0]!);
  return `Highest ${hi.label} (${fmt(total(hi))}), lowest ${lo.label} (${fmt(total(lo))}). Capex and labour are spread evenly over each initiative's quarters; opex runs from the quarter after it completes.`;
}

export function CostsTab({ engagement, scenario }: { engagement: Engagement; scenario: RoadmapScenario }) {
  const entry = useRoadmap((s) => s.outputs[scenario.id]);
  const loadOutputs = useRoadmap((s) => s.loadOutputs);
  const [per, setPer] = useState<'quarter' | 'year'>('quarter');
  useEffect(() => {
    void loadOutputs(scenario.id);
  }, [scenario.id, loadOutputs]);
  const cur = engagement.currency;
  const fmt = (v: number) => money(v, cur);
  const out = entry?.data;
  if (entry?.error) return <div className="callout danger" role="alert">{entry.error.message}</div>;
  if (!out) return <p className="muted" aria-busy="true">Computing…</p>;

  const bars: CostBar[] =
    per === 'quarter'
      ? out.costs.byQuarter.map((q) => ({ label: q.quarter.replace('-', ' '), sub: q.fiscalLabel, capex: q.capex, labour: q.labour, opex: q.opex }))
      : out.costs.byFiscalYear.map((f) => ({ label: f.fiscalYear, sub: `${f.quarters.length} quarter${f.quarters.length > 1 ? 's' : ''}`, capex: f.capex, labour: f.labour, opex: f.opex }));
  const t = out.costs.total;
  const units = out.chargeback.businessUnits;
  const rows = per === 'quarter' ? out.chargeback.byQuarter.map((r, i) => ({ key: r.quarter, head: r.quarter, sub: out.fiscalLabels[i], row: r })) : out.chargeback.byFiscalYear.map((r) => ({ key: r.fiscalYear, head: r.fiscalYear, sub: '', row: r }));
  const unallocated = rows.some((r) => r.row.unallocated > 0);
  const unitTotal = (id: string) => out.chargeback.byFiscalYear.reduce((a, r) => a + (r.shares[id] ?? 0), 0);

  return (
    <div className="rm-costs">
      <p className="rm-totals">
        Total over the horizon: <strong>{fmt(t.total)}</strong> — capex {fmt(t.capex)}, labour {fmt(t.labour)}, opex {fmt(t.opex)}
        {scenario.schedule?.stale && scenario.mode === 'optimal' ? <span className="tag stale-plan">Plan out of date: schedule again</span> : null}
      </p>
      <ChartFrame
        className="rm-figure"
        title={`Cost per ${per === 'quarter' ? 'quarter' : 'fiscal year'}`}
        fileName={`${scenario.name}-costs`}
        empty={t.total === 0 ? 'Nothing is spent: the plan is empty.' : null}
        description={costSummary(bars, fmt)}
        controls={
          <div className="segmented" role="group" aria-label="Period">
            <button type="button" className="seg" aria-pressed={per === 'quarter'} onClick={() => setPer('quarter')}>Per quarter</button>
            <button type="button" className="seg" aria-pressed={per === 'year'} onClick={() => setPer('year')}>Per fiscal year</button>
          </div>
        }
        table={
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Period</th>
                {COST_PARTS.map((p) => (
                  <th key={p.key} scope="col" className="num">{p.name}</th>
                ))}
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label} <span className="muted small">{b.sub}</span></th>
                  <td className="num">{fmt(b.capex)}</td>
                  <td className="num">{fmt(b.labour)}</td>
                  <td className="num">{fmt(b.opex)}</td>
                  <td className="num">{fmt(b.capex + b.labour + b.opex)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
        footer={
          <ul className="legend" aria-hidden="true">
            {COST_PARTS.map((p) => (
              <li key={p.key}><span className={`swatch cost-${p.key}`} /> {p.name}</li>
            ))}
          </ul>
        }
      >
        {(a11y) => <CostBars bars={bars} format={fmt} formatShort={(v) => moneyShort(v, cur)} a11y={a11y} />}
      </ChartFrame>

      <section aria-labelledby="chargeback-title" className="rm-chargeback">
        <h3 id="chargeback-title">Chargeback by business unit</h3>
        <p className="muted small">
          Each initiative's spend is split by its cost split (equal shares among all business units, or its percentages); each {per === 'quarter' ? 'quarter' : 'fiscal year'} adds up to its total to the cent.
        </p>
        <div className="table-scroll">
          <table className="table compact" aria-label="Chargeback by business unit">
            <thead>
              <tr>
                <th scope="col">Business unit</th>
                {rows.map((r) => (
                  <th key={r.key} scope="col" className="num">
                    {r.head}
                    {r.sub && <div className="muted small">{r.sub}</div>}
                  </th>
                ))}
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  {rows.map((r) => (
                    <td key={r.key} className="num">{fmt(r.row.shares[u.id] ?? 0)}</td>
                  ))}
                  <td className="num strong">{fmt(unitTotal(u.id))}</td>
                </tr>
              ))}
              {unallocated && (
                <tr>
                  <th scope="row">Unallocated (no business units)</th>
                  {rows.map((r) => (
                    <td key={r.key} className="num">{fmt(r.row.unallocated)}</td>
                  ))}
                  <td className="num strong">{fmt(rows.reduce((a, r) => a + r.row.unallocated, 0))}</td>
                </tr>
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                {rows.map((r) => (
                  <td key={r.key} className="num strong">{fmt(r.row.total)}</td>
                ))}
                <td className="num strong">{fmt(t.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </div>
  );
}
