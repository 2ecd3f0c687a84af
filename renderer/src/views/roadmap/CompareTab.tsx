/** Two to four scenarios side by side: total cost, maturity per module at the horizon, time to target, and what each plan includes. */
import { useEffect, useState } from 'react';
import type { Engagement } from '../../../../shared/domain';
import { CompareDots, scenarioColor, type CompareRow } from '../../charts/CompareDots';
import { ChartFrame } from '../../charts/ChartFrame';
import { useFramework } from '../../stores/data';
import { useRoadmap } from '../../stores/roadmap';
import { money } from './format';
import { STATUS_TEXT } from './ScheduleStatus';

export function CompareTab({ engagement }: { engagement: Engagement }) {
  const scenarios = useRoadmap((s) => s.scenarios);
  const outputs = useRoadmap((s) => s.outputs);
  const initiatives = useRoadmap((s) => s.initiatives);
  const loadOutputs = useRoadmap((s) => s.loadOutputs);
  const framework = useFramework((s) => s.framework);
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = (picked ?? scenarios.slice(0, 4).map((s) => s.id)).filter((id) => scenarios.some((s) => s.id === id));
  const shown = scenarios.filter((s) => chosen.includes(s.id));
  const key = shown.map((s) => s.id).join(',');
  useEffect(() => {
    for (const id of key ? key.split(',') : []) void loadOutputs(id);
  }, [key, loadOutputs]);

  const cur = engagement.currency;
  const names = new Map(initiatives.map((x) => [x.id, x.name]));
  const moduleName = new Map((framework?.modules ?? []).map((m) => [m.id, m.name]));
  const outs = shown.map((s) => outputs[s.id]?.data ?? null);
  const assessments = new Map(engagement.assessments.map((a) => [a.id, a.label]));
  const toggle = (id: string, on: boolean) => setPicked(on ? [...chosen, id] : chosen.filter((x) => x !== id));

  if (scenarios.length < 2) return <p className="muted">Comparing needs at least two scenarios: copy a scenario (Roadmap tab, Copy) and change its budget or capacity.</p>;

  const modules = (outs.find((o) => o)?.maturity ?? []).filter((m) => m.baseline !== null);
  const rows: CompareRow[] = modules.map((m) => ({
    moduleId: m.moduleId,
    name: moduleName.get(m.moduleId) ?? m.moduleId,
    baseline: m.baseline,
    values: outs.map((o) => o?.maturity.find((x) => x.moduleId === m.moduleId)?.endState ?? null),
  }));
  const ready = outs.every((o) => o !== null);

  return (
    <div className="rm-compare">
      <fieldset className="rm-pick">
        <legend>Scenarios to compare (2 to 4)</legend>
        {scenarios.map((s) => (
          <label key={s.id} className="check">
            <input type="checkbox" checked={chosen.includes(s.id)} disabled={!chosen.includes(s.id) && chosen.length >= 4} onChange={(e) => toggle(s.id, e.target.checked)} />
            {s.name}
          </label>
        ))}
      </fieldset>
      {shown.length < 2 ? (
        <p className="muted">Pick at least two scenarios.</p>
      ) : (
        <div className="rm-compare-grid">
          <div className="table-scroll">
            <table className="table compact rm-compare-table" aria-label="Scenarios side by side">
              <thead>
                <tr>
                  <th scope="col"><span className="sr-only">Figure</span></th>
                  {shown.map((s, k) => (
                    <th key={s.id} scope="col"><span className="swatch" style={{ background: scenarioColor(k) }} /> {s.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <Row head="Baseline" cells={shown.map((s) => assessments.get(s.baselineAssessmentId) ?? '—')} />
                <Row head="Horizon" cells={shown.map((s, k) => (outs[k] ? `${outs[k]!.quarters[0]} to ${outs[k]!.quarters[outs[k]!.quarters.length - 1]}` : `${s.horizon} quarters`))} />
                <Row head="Budget" cells={shown.map((s) => (s.budget ? `${money(s.budget.amount, cur)} per ${s.budget.per === 'year' ? 'fiscal year' : 'quarter'}` : 'No limit'))} />
                <Row head="Plan" cells={shown.map((s) => (s.mode === 'manual' ? 'Set by hand' : s.schedule ? `${STATUS_TEXT[s.schedule.status]}${s.schedule.stale ? ' (out of date)' : ''}` : 'Not scheduled'))} />
                <Row head="Total cost" strong cells={outs.map((o) => (o ? money(o.costs.total.total, cur) : '…'))} />
                <Row head="Capex" cells={outs.map((o) => (o ? money(o.costs.total.capex, cur) : '…'))} />
                <Row head="Labour" cells={outs.map((o) => (o ? money(o.costs.total.labour, cur) : '…'))} />
                <Row head="Opex" cells={outs.map((o) => (o ? money(o.costs.total.opex, cur) : '…'))} />
                <Row head="Objective" cells={outs.map((o) => (o ? o.objective.toFixed(2) : '…'))} />
                {rows.map((r) => (
                  <Row key={r.moduleId} head={`${r.moduleId} at the horizon (now ${r.baseline?.toFixed(2)})`} cells={r.values.map((v) => v?.toFixed(2) ?? '—')} />
                ))}
                {rows.map((r) => (
                  <Row
                    key={`t-${r.moduleId}`}
                    head={`${r.moduleId} reaches its target`}
                    cells={outs.map((o) => {
                      const t = o?.timeToTarget.find((x) => x.moduleId === r.moduleId);
                      return t?.quarter ?? (t?.target === null ? 'No target' : 'Not within the horizon');
                    })}
                  />
                ))}
                <Row head="Includes" cells={outs.map((o) => (o ? o.plan.map((p) => names.get(p.initiativeId) ?? p.initiativeId).join(', ') || 'Nothing' : '…'))} />
                <Row head="Leaves out" cells={outs.map((o) => (o ? initiatives.filter((x) => !o.plan.some((p) => p.initiativeId === x.id)).map((x) => x.name).join(', ') || 'Nothing' : '…'))} />
                <Row head="Broken limits" cells={outs.map((o) => (o ? String(o.violations.length) : '…'))} />
              </tbody>
            </table>
          </div>
          <ChartFrame
            className="rm-figure"
            title="Maturity at the horizon"
            fileName="scenarios-maturity"
            empty={!ready ? 'Computing…' : rows.length ? null : 'Nothing is scored in the baseline assessment yet.'}
            description={compareSummary(shown.map((s) => s.name), rows)}
            table={<CompareTable shown={shown.map((s) => s.name)} rows={rows} />}
            footer={
              <ul className="legend" aria-hidden="true">
                <li><span className="swatch ring" /> Baseline</li>
                {shown.map((s, k) => (
                  <li key={s.id}><span className="swatch" style={{ background: scenarioColor(k) }} /> {s.name}</li>
                ))}
              </ul>
            }
          >
            {(a11y) => <CompareDots scenarios={shown.map((s) => s.name)} rows={rows} a11y={a11y} />}
          </ChartFrame>
        </div>
      )}
    </div>
  );
}

/** "Largest difference in M2: 2.88 (Lean budget) to 3.25 (More engineers)." */
function compareSummary(names: string[], rows: CompareRow[]): string {
  let best: { moduleId: string; lo: number; hi: number; loName: string; hiName: string } | null = null;
  for (const row of rows) {
    const vals = row.values.flatMap((v, k) => (v === null ? [] : [{ v, name: names[k]! }]));
    if (vals.length < 2) continue;
    const lo = vals.reduce((a, b) => (b.v < a.v ? b : a));
    const hi = vals.reduce((a, b) => (b.v > a.v ? b : a));
    if (!best || hi.v - lo.v > best.hi - best.lo) best = { moduleId: row.moduleId, lo: lo.v, hi: hi.v, loName: lo.name, hiName: hi.name };
  }
  const base = 'Module means after the horizon per scenario, the baseline as a ring.';
  if (!best || best.hi - best.lo < 1e-9) return `${base} The scenarios reach the same levels.`;
  return `${base} Largest difference in ${best.moduleId}: ${best.lo.toFixed(2)} (${best.loName}) to ${best.hi.toFixed(2)} (${best.hiName}).`;
}

function Row({ head, cells, strong }: { head: string; cells: string[]; strong?: boolean }) {
  return (
    <tr>
      <th scope="row">{head}</th>
      {cells.map((c, i) => (
        <td key={i} className={strong ? 'strong' : undefined}>{c}</td>
      ))}
    </tr>
  );
}

function CompareTable({ shown, rows }: { shown: string[]; rows: CompareRow[] }) {
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">Module</th>
          <th scope="col" className="num">Baseline</th>
          {shown.map((s) => (
            <th key={s} scope="col" className="num">{s}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.moduleId}>
            <th scope="row">{r.moduleId} {r.name}</th>
            <td className="num">{r.baseline?.toFixed(2)}</td>
            {r.values.map((v, i) => (
              <td key={i} className="num">{v?.toFixed(2) ?? '—'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
