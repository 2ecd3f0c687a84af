/**
 * A scenario's roadmap: the schedule (optimal from the solver, or set by hand), a Gantt by quarter with
 * dependency arrows, the budget and capacity used against their limits under it, every broken limit
 * where it is broken, and the projected maturity beside it with the time to target per module.
 */
import { useEffect, useState } from 'react';
import type { Engagement, RoadmapScenario, ScenarioOutputs } from '../../../../shared/domain';
import { addQuarters, fiscalLabel } from '../../../../shared/roadmap/quarters';
import { errorMessage } from '../../api';
import { ChartFrame } from '../../charts/ChartFrame';
import { Gantt, type GanttBar } from '../../charts/Gantt';
import { LimitStrip, type StripRow } from '../../charts/LimitStrip';
import { MaturityLines, type MaturitySeries } from '../../charts/MaturityLines';
import { useApp } from '../../stores/app';
import { useFramework } from '../../stores/data';
import { useRoadmap } from '../../stores/roadmap';
import { days, money, moneyShort, percent } from './format';
import { ScheduleStatus } from './ScheduleStatus';

const LIMITS = [
  { ms: 2000, label: '2 s' },
  { ms: 10_000, label: '10 s' },
  { ms: 30_000, label: '30 s' },
];

export function PlanTab({ engagement, scenario }: { engagement: Engagement; scenario: RoadmapScenario }) {
  const entry = useRoadmap((s) => s.outputs[scenario.id]);
  const loadOutputs = useRoadmap((s) => s.loadOutputs);
  const initiatives = useRoadmap((s) => s.initiatives);
  const scheduling = useRoadmap((s) => s.scheduling);
  const schedule = useRoadmap((s) => s.schedule);
  const updateScenario = useRoadmap((s) => s.updateScenario);
  const framework = useFramework((s) => s.framework);
  const notify = useApp((s) => s.notify);
  const [limit, setLimit] = useState(2000);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void loadOutputs(scenario.id);
  }, [scenario.id, loadOutputs]);

  const run = async () => {
    setProblem(null);
    try {
      const r = await schedule(scenario.id, limit);
      notify('info', `Scheduled ${scenario.name}: ${r.plan.length} initiative${r.plan.length === 1 ? '' : 's'} in the plan`);
    } catch (err) {
      setProblem(errorMessage(err));
    }
  };
  const setMode = async (mode: 'optimal' | 'manual') => {
    try {
      const starts = Object.keys(scenario.manualStarts).length || mode === 'optimal' ? {} : Object.fromEntries((scenario.schedule?.plan ?? []).map((p) => [p.initiativeId, p.startQuarter]));
      await updateScenario(scenario.id, mode === 'manual' && Object.keys(starts).length ? { mode, manualStarts: starts } : { mode });
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  const setStart = async (initiativeId: string, quarter: string | null) => {
    const next = { ...scenario.manualStarts };
    if (quarter) next[initiativeId] = quarter;
    else delete next[initiativeId];
    try {
      await updateScenario(scenario.id, { manualStarts: next });
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  const out = entry?.data ?? null;
  const manual = scenario.mode === 'manual';

  return (
    <div className="rm-plan">
      <div className="rm-schedule-bar">
        <div className="segmented" role="group" aria-label="Planning mode">
          <button type="button" className="seg" aria-pressed={!manual} onClick={() => void setMode('optimal')}>Optimal</button>
          <button type="button" className="seg" aria-pressed={manual} onClick={() => void setMode('manual')}>Manual</button>
        </div>
        {!manual ? (
          <>
            <label className="field rm-inline">
              <span className="field-label">Time limit</span>
              <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                {LIMITS.map((l) => (
                  <option key={l.ms} value={l.ms}>{l.label}</option>
                ))}
              </select>
            </label>
            <button className="btn primary" onClick={() => void run()} disabled={scheduling !== null} aria-busy={scheduling === scenario.id}>
              {scheduling === scenario.id ? 'Scheduling…' : 'Schedule'}
            </button>
            <ScheduleStatus schedule={scenario.schedule} />
          </>
        ) : (
          <p className="muted rm-manual-hint">Drag a bar, use the left and right arrow keys on it, or set the start quarters below; every broken limit is listed where it is broken.</p>
        )}
      </div>
      {problem && (
        <div className="callout danger" role="alert">
          <strong>Not scheduled.</strong> {problem}
        </div>
      )}
      {entry?.error && (
        <div className="callout danger" role="alert">
          <strong>This scenario cannot be computed as it stands.</strong>
          <ul>
            {(entry.error.fields.length ? entry.error.fields.map((f) => f.message) : [entry.error.message]).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {out && <PlanCharts engagement={engagement} scenario={scenario} out={out} moduleNames={new Map((framework?.modules ?? []).map((m) => [m.id, m.name]))} onMove={(id, s) => void setStart(id, addQuarters(scenario.startQuarter, s))} />}
      {out && manual && (
        <section className="card" aria-labelledby="starts-title">
          <h3 id="starts-title">Start quarters</h3>
          <table className="table compact" aria-label="Start quarters">
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">Start</th>
                <th scope="col">Last quarter of work</th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((x) => {
                const start = scenario.manualStarts[x.id] ?? '';
                return (
                  <tr key={x.id}>
                    <td>{x.name}</td>
                    <td>
                      <select aria-label={`Start of ${x.name}`} value={start} onChange={(e) => void setStart(x.id, e.target.value || null)}>
                        <option value="">Not in the plan</option>
                        {out.quarters.map((q, t) => (
                          <option key={q} value={q}>{`${q} · ${out.fiscalLabels[t]}`}</option>
                        ))}
                      </select>
                    </td>
                    <td>{start ? addQuarters(start, x.durationQuarters - 1) : <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** Why a module's target is not reached within the horizon, in a few words. */
function notReached(out: ScenarioOutputs, moduleId: string, target: number): string {
  const end = out.maturity.find((m) => m.moduleId === moduleId)?.endState ?? null;
  if (end !== null && end >= target - 1e-9) return `just after the horizon (${out.afterHorizon})`;
  return `not within the horizon: ${end?.toFixed(2) ?? '—'} of ${target.toFixed(2)}`;
}

/** "Budget per fiscal year: highest use 96 % (FY2028). Data engineer: highest use 100 % (2027-Q3)." */
function limitsSummary(rows: readonly StripRow[]): string {
  return rows
    .map((r) => {
      const top = r.cells.reduce((a, c) => (c.limit > 0 && c.used / c.limit > (a.limit > 0 ? a.used / a.limit : -1) ? c : a), r.cells[0]!);
      const over = r.cells.filter((c) => c.used > c.limit).length;
      const head = top.label.split(':')[0];
      return `${r.name}: highest use ${top.limit > 0 ? Math.round((top.used / top.limit) * 100) : 0} % (${head})${over ? `, over in ${over} period${over > 1 ? 's' : ''}` : ''}`;
    })
    .join('. ');
}

function PlanCharts({ engagement, scenario, out, moduleNames, onMove }: { engagement: Engagement; scenario: RoadmapScenario; out: ScenarioOutputs; moduleNames: Map<string, string>; onMove: (id: string, start: number) => void }) {
  const initiatives = useRoadmap((s) => s.initiatives);
  const cur = engagement.currency;
  const fy = engagement.fyStartMonth;
  const byId = new Map(initiatives.map((x) => [x.id, x]));
  const flagged = new Set(out.violations.map((v) => v.initiativeId).filter((id): id is string => id !== null));
  const T = out.quarters.length;
  const bars: GanttBar[] = out.plan.map((p) => {
    const x = byId.get(p.initiativeId);
    const start = out.quarters.indexOf(p.startQuarter);
    return {
      id: p.initiativeId,
      name: x?.name ?? p.initiativeId,
      start: start < 0 ? 0 : start,
      duration: x?.durationQuarters ?? 1,
      label: `${p.startQuarter} to ${p.endQuarter} (${fiscalLabel(p.startQuarter, fy)} to ${fiscalLabel(p.endQuarter, fy)})`,
      flagged: flagged.has(p.initiativeId),
    };
  });
  const planned = new Set(out.plan.map((p) => p.initiativeId));
  const deps = out.plan.flatMap((p) => (byId.get(p.initiativeId)?.dependsOn ?? []).filter((d) => planned.has(d)).map((d) => ({ from: d, to: p.initiativeId })));
  const left = initiatives.filter((x) => !planned.has(x.id));

  const strip: StripRow[] = [];
  if (out.limits.budget.length) {
    let from = 0;
    strip.push({
      name: `Budget per ${out.limits.budget[0]!.per === 'year' ? 'fiscal year' : 'quarter'}`,
      cells: out.limits.budget.map((b) => {
        const span = b.per === 'quarter' ? 1 : out.costs.byFiscalYear.find((f) => f.fiscalYear === b.label)?.quarters.length ?? 1;
        const cell = { from, span, used: b.spend, limit: b.limit, text: `${moneyShort(b.spend, cur)} / ${moneyShort(b.limit, cur)}`, label: `${b.label}: spend ${money(b.spend, cur)} of a ${money(b.limit, cur)} budget` };
        from += span;
        return cell;
      }),
    });
  }
  for (const c of out.limits.capacity) {
    if (c.byQuarter.every((q) => q.capacity === null)) continue;
    strip.push({
      name: c.roleName,
      cells: c.byQuarter.map((q, t) => ({ from: t, span: 1, used: q.used, limit: q.capacity ?? 0, text: `${q.used}/${q.capacity}`, label: `${q.quarter}: ${c.roleName} ${q.used} of ${q.capacity} person-days` })),
    });
  }

  const points = [...out.quarters, out.afterHorizon];
  const series: MaturitySeries[] = out.maturity
    .filter((m) => m.baseline !== null)
    .map((m) => ({ moduleId: m.moduleId, name: moduleNames.get(m.moduleId) ?? m.moduleId, values: [...m.byQuarter, m.endState], target: m.target }));
  const moved = series.filter((s) => (s.values[s.values.length - 1] ?? 0) > (s.values[0] ?? 0) + 1e-9);
  // the modules the plan moves, so the lines can be told apart; the table has every module
  const drawn = moved.length ? moved : series;

  return (
    <div className="rm-plan-grid">
      <div className="rm-plan-main">
        <ChartFrame
          className="rm-figure"
          title={`Schedule of ${scenario.name}`}
          fileName={`${scenario.name}-schedule`}
          empty={bars.length ? null : scenario.mode === 'manual' ? 'No initiative has a start quarter yet: set them below.' : scenario.schedule ? 'The plan is empty: no initiative fits the limits or adds maturity.' : 'Not scheduled yet: press Schedule.'}
          description={`${bars.length} of ${initiatives.length} initiatives planned between ${out.quarters[0]} and ${out.quarters[T - 1]}, ${deps.length} dependenc${deps.length === 1 ? 'y' : 'ies'} drawn as arrows; start and end quarters in the table.`}
          table={
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Initiative</th>
                  <th scope="col">Start</th>
                  <th scope="col">Last quarter of work</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {out.plan.map((p) => (
                  <tr key={p.initiativeId}>
                    <td>{byId.get(p.initiativeId)?.name}</td>
                    <td>{p.startQuarter} · {fiscalLabel(p.startQuarter, fy)}</td>
                    <td>{p.endQuarter} · {fiscalLabel(p.endQuarter, fy)}</td>
                    <td>{(byId.get(p.initiativeId)?.dependsOn ?? []).map((d) => byId.get(d)?.name).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
          footer={left.length ? <p className="muted small rm-left">Not in the plan: {left.map((x) => x.name).join(', ')}.</p> : null}
        >
          {(a11y) => <Gantt quarters={out.quarters} fiscalLabels={out.fiscalLabels} bars={bars} deps={deps} editable={scenario.mode === 'manual'} onMove={onMove} a11y={a11y} />}
        </ChartFrame>
        <ChartFrame
          className="rm-figure"
          title="Budget and capacity used"
          fileName={`${scenario.name}-limits`}
          empty={strip.length ? null : 'This scenario sets no budget and no capacity.'}
          description={limitsSummary(strip)}
          table={
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Limit</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">Used</th>
                  <th scope="col" className="num">Limit</th>
                </tr>
              </thead>
              <tbody>
                {out.limits.budget.map((b) => (
                  <tr key={`b-${b.label}`}>
                    <td>Budget</td>
                    <td>{b.label}</td>
                    <td className="num">{money(b.spend, cur)}</td>
                    <td className="num">{money(b.limit, cur)}</td>
                  </tr>
                ))}
                {out.limits.capacity.flatMap((c) =>
                  c.byQuarter
                    .filter((q) => q.capacity !== null)
                    .map((q) => (
                      <tr key={`${c.roleId}-${q.quarter}`}>
                        <td>{c.roleName}</td>
                        <td>{q.quarter}</td>
                        <td className="num">{days(q.used)}</td>
                        <td className="num">{days(q.capacity!)}</td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          }
        >
          {(a11y) => <LimitStrip quarters={out.quarters} rows={strip} a11y={a11y} />}
        </ChartFrame>
        <section className="rm-violations" aria-labelledby="violations-title">
          <h3 id="violations-title">Broken limits</h3>
          {out.violations.length === 0 ? (
            <p className="muted">None: the plan keeps to the budget, the capacity, the dependencies and the horizon.</p>
          ) : (
            <ul aria-label="Broken limits">
              {out.violations.map((v, k) => (
                <li key={k} className="violation">{v.message}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="rm-plan-side">
        <ChartFrame
          className="rm-figure"
          title="Projected maturity"
          fileName={`${scenario.name}-maturity`}
          empty={series.length ? null : 'Nothing is scored in the baseline assessment yet.'}
          description={
            moved.length
              ? `Module means under this plan, from now to after the horizon: ${moved.map((s) => `${s.moduleId} ${s.values[0]!.toFixed(2)} → ${s.values[s.values.length - 1]!.toFixed(2)}`).join(', ')}.${moved.length < series.length ? ` Not moved: ${series.filter((s) => !moved.includes(s)).map((s) => s.moduleId).join(', ')}.` : ''}`
              : 'No module mean moves within the horizon under this plan.'
          }
          table={
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">Module</th>
                  {points.map((p, i) => (
                    <th key={p} scope="col" className="num">{i === points.length - 1 ? `After (${p})` : p}</th>
                  ))}
                  <th scope="col" className="num">Target</th>
                </tr>
              </thead>
              <tbody>
                {series.map((s) => (
                  <tr key={s.moduleId}>
                    <th scope="row">{s.moduleId}</th>
                    {s.values.map((v, i) => (
                      <td key={i} className="num">{v?.toFixed(2) ?? '—'}</td>
                    ))}
                    <td className="num">{s.target?.toFixed(2) ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          {(a11y) => <MaturityLines points={points} series={drawn} a11y={a11y} />}
        </ChartFrame>
        <section aria-labelledby="ttt-title" className="rm-ttt">
          <h3 id="ttt-title">Time to target</h3>
          <table className="table compact" aria-label="Time to target">
            <tbody>
              {out.timeToTarget
                .filter((t) => t.target !== null)
                .map((t) => (
                  <tr key={t.moduleId}>
                    <th scope="row" title={moduleNames.get(t.moduleId)}>{t.moduleId}</th>
                    <td>{t.quarter ? `${t.quarter} · ${fiscalLabel(t.quarter, fy)}` : <span className="muted" title={t.reason ?? undefined}>{notReached(out, t.moduleId, t.target!)}</span>}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
        <p className="muted small">
          Objective (weighted module-mean levels × quarters): {out.objective.toFixed(2)}
          {scenario.schedule && scenario.mode === 'optimal' && scenario.schedule.gap !== null ? ` · gap ${percent(scenario.schedule.gap, 2)}` : ''}
        </p>
      </div>
    </div>
  );
}
