/**
 * Which scenario the roadmap and costs show, and its settings: name, baseline assessment, start quarter
 * (the client's next fiscal year by default) and horizon, budget per quarter or fiscal year, capacity per
 * role, initiatives forced in or kept out, and module weights.
 */
import { useState } from 'react';
import type { Engagement, RoadmapScenario } from '../../../../shared/domain';
import { errorMessage } from '../../api';
import { DialogForm, DialogFrame } from '../../components/Dialog';
import { todayIso } from '../../format';
import { useApp } from '../../stores/app';
import { useFramework } from '../../stores/data';
import { fieldsOf, useRoadmap, type NewScenario } from '../../stores/roadmap';
import { FieldError, IssuesProvider, type FieldIssue } from './FieldErrors';
import { moneyInput, nextFiscalYearStart, parseMoney, quarterChoices, quarterWithFiscal } from './format';

export function ScenarioBar({ engagement, selected, onSelect }: { engagement: Engagement; selected: RoadmapScenario | null; onSelect: (id: string) => void }) {
  const scenarios = useRoadmap((s) => s.scenarios);
  const copyScenario = useRoadmap((s) => s.copyScenario);
  const removeScenario = useRoadmap((s) => s.removeScenario);
  const notify = useApp((s) => s.notify);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      notify('info', done);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  return (
    <div className="rm-scenario-bar">
      {scenarios.length > 0 && selected ? (
        <label className="field rm-inline">
          <span className="field-label">Scenario</span>
          <select value={selected.id} onChange={(e) => onSelect(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
      ) : (
        <p className="muted">No scenario yet: a scenario plans the initiatives under a budget and capacity, from an assessment.</p>
      )}
      <div className="page-actions">
        <button className="btn" onClick={() => setDialog('new')} disabled={engagement.assessments.length === 0} title={engagement.assessments.length ? undefined : 'Create an assessment first'}>
          New scenario
        </button>
        {selected && (
          <>
            <button className="btn" onClick={() => setDialog('edit')}>Settings</button>
            <button
              className="btn"
              onClick={() =>
                void act(async () => {
                  const copy = await copyScenario(selected.id);
                  onSelect(copy.id);
                }, `Copied ${selected.name}`)
              }
            >
              Copy
            </button>
            <button className="btn ghost danger-text" onClick={() => void act(() => removeScenario(selected.id), `${selected.name} removed (Ctrl+Z undoes)`)}>
              Remove
            </button>
          </>
        )}
      </div>
      <DialogFrame open={dialog !== null} onClose={() => setDialog(null)} wide>
        {dialog && <ScenarioForm engagement={engagement} scenario={dialog === 'edit' ? selected : null} onDone={(id) => { setDialog(null); if (id) onSelect(id); }} />}
      </DialogFrame>
    </div>
  );
}

interface Draft {
  name: string;
  baselineAssessmentId: string;
  startQuarter: string;
  horizon: number;
  budgetPer: 'none' | 'quarter' | 'year';
  budget: string;
  capacity: Record<string, string>;
  choice: Record<string, 'optional' | 'forced' | 'excluded'>;
  weights: Record<string, string>;
}

function ScenarioForm({ engagement, scenario, onDone }: { engagement: Engagement; scenario: RoadmapScenario | null; onDone: (id?: string) => void }) {
  const cur = engagement.currency;
  const rateCard = useRoadmap((s) => s.rateCard);
  const initiatives = useRoadmap((s) => s.initiatives);
  const scenarios = useRoadmap((s) => s.scenarios);
  const createScenario = useRoadmap((s) => s.createScenario);
  const updateScenario = useRoadmap((s) => s.updateScenario);
  const framework = useFramework((s) => s.framework);
  const roles = rateCard?.roles ?? [];
  const [d, setD] = useState<Draft>(() => ({
    name: scenario?.name ?? (scenarios.length ? `Scenario ${scenarios.length + 1}` : 'Base case'),
    baselineAssessmentId: scenario?.baselineAssessmentId ?? engagement.assessments[0]?.id ?? '',
    startQuarter: scenario?.startQuarter ?? nextFiscalYearStart(todayIso(), engagement.fyStartMonth),
    horizon: scenario?.horizon ?? 8,
    budgetPer: scenario?.budget?.per ?? 'none',
    budget: scenario?.budget ? moneyInput(scenario.budget.amount, cur) : '',
    capacity: Object.fromEntries((scenario?.capacity ?? []).map((c) => [c.roleId, String(c.daysPerQuarter)])),
    choice: Object.fromEntries([...(scenario?.forced ?? []).map((id) => [id, 'forced']), ...(scenario?.excluded ?? []).map((id) => [id, 'excluded'])]),
    weights: Object.fromEntries(Object.entries(scenario?.moduleWeights ?? {}).map(([m, w]) => [m, String(w)])),
  }));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const quarters = [...new Set([d.startQuarter, ...quarterChoices(nextFiscalYearStart(todayIso(), engagement.fyStartMonth))])].sort();
  const baselineScope = engagement.assessments.find((a) => a.id === d.baselineAssessmentId)?.scope ?? [];
  const modules = (framework?.modules ?? []).filter((m) => baselineScope.includes(m.id));

  const submit = async () => {
    const local: FieldIssue[] = [];
    const amount = d.budgetPer === 'none' ? 0 : parseMoney(d.budget, cur);
    if (amount === null) local.push({ path: 'budget.amount', message: `not an amount in ${cur}` });
    const capacity = roles
      .filter((r) => (d.capacity[r.id] ?? '').trim() !== '')
      .map((r) => {
        const days = Number(d.capacity[r.id]);
        if (!Number.isInteger(days) || days < 0) local.push({ path: `capacity.${r.id}`, message: 'whole person-days' });
        return { roleId: r.id, daysPerQuarter: days };
      });
    const weights: Record<string, number> = {};
    for (const [m, w] of Object.entries(d.weights)) {
      if (w.trim() === '') continue;
      const v = Number(w);
      if (!Number.isFinite(v) || v < 0) local.push({ path: `moduleWeights.${m}`, message: 'a number, 0 or more' });
      else if (v !== 1) weights[m] = v;
    }
    if (local.length) {
      setIssues(local);
      setError('Some fields need a correction.');
      return;
    }
    const fields: NewScenario = {
      name: d.name,
      baselineAssessmentId: d.baselineAssessmentId,
      startQuarter: d.startQuarter,
      horizon: d.horizon,
      budget: d.budgetPer === 'none' ? null : { per: d.budgetPer, amount: amount! },
      capacity,
      forced: initiatives.filter((x) => d.choice[x.id] === 'forced').map((x) => x.id),
      excluded: initiatives.filter((x) => d.choice[x.id] === 'excluded').map((x) => x.id),
      moduleWeights: weights,
    };
    try {
      const saved = scenario ? await updateScenario(scenario.id, fields) : await createScenario(fields);
      onDone(saved.id);
    } catch (err) {
      // capacity lines are listed by index: show them at their role
      setIssues(
        fieldsOf(err).map((i) => {
          const m = /^capacity\.(\d+)/.exec(i.path);
          return m ? { ...i, path: `capacity.${capacity[Number(m[1])]?.roleId ?? m[1]}` } : i;
        }),
      );
      setError(errorMessage(err));
    }
  };

  return (
    <DialogForm title={scenario ? `Settings of ${scenario.name}` : 'New scenario'} submitLabel={scenario ? 'Save scenario' : 'Create scenario'} onSubmit={submit} error={error}>
      <IssuesProvider issues={issues}>
        <div className="form-grid rm-editor">
          <label className="field">
            <span className="field-label">Scenario name</span>
            <input autoFocus value={d.name} onChange={(e) => set({ name: e.target.value })} />
            <FieldError path="name" />
          </label>
          <label className="field">
            <span className="field-label">Baseline assessment</span>
            <select value={d.baselineAssessmentId} onChange={(e) => set({ baselineAssessmentId: e.target.value })}>
              {engagement.assessments.map((a) => (
                <option key={a.id} value={a.id}>{a.label}</option>
              ))}
            </select>
            <FieldError path="baselineAssessmentId" />
          </label>
          <label className="field">
            <span className="field-label">Start quarter</span>
            <select value={d.startQuarter} onChange={(e) => set({ startQuarter: e.target.value })}>
              {quarters.map((q) => (
                <option key={q} value={q}>{quarterWithFiscal(q, engagement.fyStartMonth)}</option>
              ))}
            </select>
            <FieldError path="startQuarter" />
          </label>
          <label className="field">
            <span className="field-label">Horizon (quarters)</span>
            <select value={d.horizon} onChange={(e) => set({ horizon: Number(e.target.value) })}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
            <FieldError path="horizon" />
          </label>
          <label className="field">
            <span className="field-label">Budget</span>
            <select value={d.budgetPer} onChange={(e) => set({ budgetPer: e.target.value as Draft['budgetPer'] })}>
              <option value="none">No budget limit</option>
              <option value="quarter">Per quarter</option>
              <option value="year">Per fiscal year</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Budget amount ({cur})</span>
            <input inputMode="decimal" disabled={d.budgetPer === 'none'} value={d.budget} onChange={(e) => set({ budget: e.target.value })} />
            <span className="field-hint">Capex, labour and opex together.</span>
            <FieldError path="budget" />
          </label>
          <fieldset className="rm-fieldset">
            <legend>Capacity (person-days per quarter; empty = no limit)</legend>
            {roles.length === 0 && <p className="muted small">The rate card has no roles yet.</p>}
            {roles.map((r) => (
              <label key={r.id} className="field rm-inline">
                <span className="field-label">{r.name}</span>
                <input inputMode="numeric" value={d.capacity[r.id] ?? ''} onChange={(e) => set({ capacity: { ...d.capacity, [r.id]: e.target.value } })} />
                <FieldError path={`capacity.${r.id}`} />
              </label>
            ))}
            <FieldError path="capacity" />
          </fieldset>
          <fieldset className="rm-fieldset">
            <legend>Module weights (strategic priority; 1 when empty)</legend>
            <div className="rm-weights">
              {modules.map((m) => (
                <label key={m.id} className="field rm-inline" title={m.name}>
                  <span className="field-label">{m.id}</span>
                  <input inputMode="decimal" placeholder="1" value={d.weights[m.id] ?? ''} onChange={(e) => set({ weights: { ...d.weights, [m.id]: e.target.value } })} />
                  <FieldError path={`moduleWeights.${m.id}`} />
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="span-2 rm-fieldset">
            <legend>Initiatives</legend>
            {initiatives.length === 0 && <p className="muted small">No initiatives yet.</p>}
            <div className="rm-choices">
              {initiatives.map((x) => (
                <label key={x.id} className="field rm-inline">
                  <span className="field-label">{x.name}</span>
                  <select value={d.choice[x.id] ?? 'optional'} onChange={(e) => set({ choice: { ...d.choice, [x.id]: e.target.value as Draft['choice'][string] } })}>
                    <option value="optional">If worth it</option>
                    <option value="forced">Must be in</option>
                    <option value="excluded">Keep out</option>
                  </select>
                </label>
              ))}
            </div>
            <FieldError path="forced" />
            <FieldError path="excluded" />
          </fieldset>
        </div>
      </IssuesProvider>
    </DialogForm>
  );
}
