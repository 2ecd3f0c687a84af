/**
 * The initiative editor: what it lifts (capabilities picked from the baseline's framework, with their
 * agreed levels), its cost, effort per role, timing, dependencies, cost split (percentages that must add
 * up to 100, the sum shown as you type) and risk. The engine's refusal appears at the field it names.
 */
import { useState } from 'react';
import type { Engagement, Initiative } from '../../../../shared/domain';
import { risks } from '../../../../shared/roadmap/types';
import { errorMessage } from '../../api';
import { DialogForm, DialogFrame } from '../../components/Dialog';
import { fieldsOf, useRoadmap, type BaselineView, type NewInitiative } from '../../stores/roadmap';
import { FieldError, IssuesProvider, type FieldIssue } from './FieldErrors';
import { moneyInput, nextFiscalYearStart, parseMoney, quarterChoices, quarterWithFiscal } from './format';
import { todayIso } from '../../format';

interface Draft {
  name: string;
  owner: string;
  description: string;
  note: string;
  uplifts: { capabilityId: string; toLevel: number }[];
  capex: string;
  opex: string;
  effort: Record<string, string>;
  durationQuarters: number;
  earliestStart: string;
  dependsOn: string[];
  splitMode: 'equal' | 'percent';
  shares: Record<string, string>;
  risk: Initiative['risk'];
}

function draftOf(x: Partial<Initiative>, currency: string): Draft {
  return {
    name: x.name ?? '',
    owner: x.owner ?? '',
    description: x.description ?? '',
    note: x.note ?? '',
    uplifts: x.uplifts?.map((u) => ({ ...u })) ?? [],
    capex: moneyInput(x.capex ?? 0, currency),
    opex: moneyInput(x.opexPerYear ?? 0, currency),
    effort: Object.fromEntries((x.effort ?? []).map((e) => [e.roleId, String(e.days)])),
    durationQuarters: x.durationQuarters ?? 1,
    earliestStart: x.earliestStart ?? '',
    dependsOn: [...(x.dependsOn ?? [])],
    splitMode: x.costSplit?.mode ?? 'equal',
    shares: x.costSplit?.mode === 'percent' ? Object.fromEntries(x.costSplit.shares.map((s) => [s.businessUnitId, String(s.percent)])) : {},
    risk: x.risk ?? 'medium',
  };
}

export interface EditorTarget {
  /** The initiative being edited; absent for a new one. */
  initiative?: Initiative;
  /** Fields to start a new one from (a suggestion). */
  prefill?: Partial<Initiative>;
}

export function InitiativeEditor({ target, engagement, baseline, onClose }: { target: EditorTarget | null; engagement: Engagement; baseline: BaselineView | null; onClose: () => void }) {
  return (
    <DialogFrame open={target !== null} onClose={onClose} wide>
      {target && <EditorBody target={target} engagement={engagement} baseline={baseline} onDone={onClose} />}
    </DialogFrame>
  );
}

function EditorBody({ target, engagement, baseline, onDone }: { target: EditorTarget; engagement: Engagement; baseline: BaselineView | null; onDone: () => void }) {
  const cur = engagement.currency;
  const rateCard = useRoadmap((s) => s.rateCard);
  const initiatives = useRoadmap((s) => s.initiatives);
  const addInitiative = useRoadmap((s) => s.addInitiative);
  const updateInitiative = useRoadmap((s) => s.updateInitiative);
  const [d, setD] = useState<Draft>(() => draftOf(target.initiative ?? target.prefill ?? {}, cur));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const roles = rateCard?.roles ?? [];
  const units = engagement.businessUnits;
  const others = initiatives.filter((x) => x.id !== target.initiative?.id);
  const shareSum = units.reduce((a, u) => a + (Number(d.shares[u.id] || 0) || 0), 0);
  const quarters = quarterChoices(nextFiscalYearStart(todayIso(), engagement.fyStartMonth));
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });

  const submit = async () => {
    const local: FieldIssue[] = [];
    const capex = parseMoney(d.capex, cur);
    const opex = parseMoney(d.opex, cur);
    if (capex === null) local.push({ path: 'capex', message: `not an amount in ${cur}` });
    if (opex === null) local.push({ path: 'opexPerYear', message: `not an amount in ${cur}` });
    const effortRoles = roles.filter((r) => (d.effort[r.id] ?? '').trim() !== '' && d.effort[r.id] !== '0');
    const effort = effortRoles.map((r, k) => {
      const days = Number(d.effort[r.id]);
      if (!Number.isInteger(days) || days < 0) local.push({ path: `effort.${k}.days`, message: `${r.name}: whole person-days` });
      return { roleId: r.id, days };
    });
    if (local.length) {
      setIssues(local.map((i) => ({ ...i, path: i.path.startsWith('effort.') ? `effort.${effortRoles[Number(i.path.split('.')[1])]!.id}` : i.path })));
      setError('Some fields need a correction.');
      return;
    }
    const fields: NewInitiative = {
      name: d.name,
      owner: d.owner,
      description: d.description,
      note: d.note,
      uplifts: d.uplifts.filter((u) => u.capabilityId),
      capex: capex!,
      opexPerYear: opex!,
      effort,
      durationQuarters: d.durationQuarters,
      earliestStart: d.earliestStart || null,
      dependsOn: d.dependsOn,
      costSplit:
        d.splitMode === 'equal'
          ? { mode: 'equal' }
          : { mode: 'percent', shares: units.filter((u) => (d.shares[u.id] ?? '').trim() !== '').map((u) => ({ businessUnitId: u.id, percent: Number(d.shares[u.id]) })) },
      risk: d.risk,
    };
    try {
      if (target.initiative) await updateInitiative(target.initiative.id, fields);
      else await addInitiative(fields);
      onDone();
    } catch (err) {
      // effort lines are listed by index: show them at their role
      const fieldIssues = fieldsOf(err).map((i) => {
        const m = /^effort\.(\d+)/.exec(i.path);
        return m ? { ...i, path: `effort.${effortRoles[Number(m[1])]?.id ?? m[1]}` } : i;
      });
      setIssues(fieldIssues);
      setError(errorMessage(err));
    }
  };

  const capLabel = (id: string, name: string) => {
    const l = baseline?.levels[id];
    const now = l?.notApplicable ? 'not applicable' : l?.current ? `now ${l.current}` : 'not scored';
    return `${id} ${name} (${now}${l?.target ? `, target ${l.target}` : ''})`;
  };

  const editing = target.initiative;
  return (
    <DialogForm title={editing ? `Edit ${editing.name}` : 'New initiative'} submitLabel={editing ? 'Save initiative' : 'Add initiative'} onSubmit={submit} error={error}>
    <IssuesProvider issues={issues}>
      <div className="form-grid rm-editor">
        <label className="field span-2">
          <span className="field-label">Name</span>
          <input autoFocus value={d.name} onChange={(e) => set({ name: e.target.value })} aria-invalid={issues.some((i) => i.path === 'name')} />
          <FieldError path="name" />
        </label>
        <label className="field">
          <span className="field-label">Owner</span>
          <input value={d.owner} onChange={(e) => set({ owner: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Risk</span>
          <select value={d.risk} onChange={(e) => set({ risk: e.target.value as Draft['risk'] })}>
            {risks.map((r) => (
              <option key={r} value={r}>{r[0]!.toUpperCase() + r.slice(1)}</option>
            ))}
          </select>
        </label>
        <label className="field span-2">
          <span className="field-label">Description</span>
          <textarea rows={2} value={d.description} onChange={(e) => set({ description: e.target.value })} />
        </label>

        <fieldset className="span-2 rm-fieldset">
          <legend>Capabilities it lifts{baseline ? ` (levels from ${baseline.label})` : ''}</legend>
          {d.uplifts.map((u, k) => (
            <div key={k} className="rm-line">
              <label className="field grow">
                <span className="field-label">Capability {k + 1}</span>
                <select value={u.capabilityId} onChange={(e) => set({ uplifts: d.uplifts.map((x, j) => (j === k ? { ...x, capabilityId: e.target.value } : x)) })}>
                  <option value="">Choose a capability…</option>
                  {(baseline?.framework.modules ?? []).map((m) => (
                    <optgroup key={m.id} label={`${m.id} ${m.name}`}>
                      {m.capabilities.map((c) => (
                        <option key={c.id} value={c.id}>{capLabel(c.id, c.name)}</option>
                      ))}
                    </optgroup>
                  ))}
                </select>
                <FieldError path={`uplifts.${k}.capabilityId`} />
              </label>
              <label className="field">
                <span className="field-label">To level</span>
                <select value={u.toLevel} onChange={(e) => set({ uplifts: d.uplifts.map((x, j) => (j === k ? { ...x, toLevel: Number(e.target.value) } : x)) })}>
                  {[1, 2, 3, 4, 5].map((l) => (
                    <option key={l} value={l}>{l}</option>
                  ))}
                </select>
                <FieldError path={`uplifts.${k}.toLevel`} />
              </label>
              <button type="button" className="btn small ghost danger-text" aria-label={`Remove capability ${k + 1}`} onClick={() => set({ uplifts: d.uplifts.filter((_, j) => j !== k) })}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="btn small" onClick={() => set({ uplifts: [...d.uplifts, { capabilityId: '', toLevel: 3 }] })}>
            Add a capability
          </button>
          <FieldError path="uplifts" />
        </fieldset>

        <label className="field">
          <span className="field-label">One-off cost (capex, {cur})</span>
          <input inputMode="decimal" value={d.capex} onChange={(e) => set({ capex: e.target.value })} />
          <FieldError path="capex" />
        </label>
        <label className="field">
          <span className="field-label">Running cost per year (opex, {cur})</span>
          <input inputMode="decimal" value={d.opex} onChange={(e) => set({ opex: e.target.value })} />
          <span className="field-hint">From the quarter after it completes.</span>
          <FieldError path="opexPerYear" />
        </label>
        <label className="field">
          <span className="field-label">Duration (quarters)</span>
          <select value={d.durationQuarters} onChange={(e) => set({ durationQuarters: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
          <FieldError path="durationQuarters" />
        </label>
        <label className="field">
          <span className="field-label">Earliest start</span>
          <select value={d.earliestStart} onChange={(e) => set({ earliestStart: e.target.value })}>
            <option value="">Any quarter</option>
            {[...new Set([...(d.earliestStart ? [d.earliestStart] : []), ...quarters])].sort().map((q) => (
              <option key={q} value={q}>{quarterWithFiscal(q, engagement.fyStartMonth)}</option>
            ))}
          </select>
          <FieldError path="earliestStart" />
        </label>

        <fieldset className="rm-fieldset">
          <legend>Effort (person-days per role, whole initiative)</legend>
          {roles.length === 0 && <p className="muted small">Add roles to the rate card first.</p>}
          {roles.map((r) => (
            <label key={r.id} className="field rm-inline">
              <span className="field-label">{r.name}</span>
              <input inputMode="numeric" value={d.effort[r.id] ?? ''} placeholder="0" onChange={(e) => set({ effort: { ...d.effort, [r.id]: e.target.value } })} />
              <FieldError path={`effort.${r.id}`} />
            </label>
          ))}
        </fieldset>

        <fieldset className="rm-fieldset">
          <legend>Cost split across business units</legend>
          <div className="rm-radios">
            <label className="check">
              <input type="radio" name="split" checked={d.splitMode === 'equal'} onChange={() => set({ splitMode: 'equal' })} /> Equal shares
            </label>
            <label className="check">
              <input type="radio" name="split" checked={d.splitMode === 'percent'} onChange={() => set({ splitMode: 'percent' })} /> By percentage
            </label>
          </div>
          {d.splitMode === 'percent' &&
            units.map((u) => (
              <label key={u.id} className="field rm-inline">
                <span className="field-label">{u.name} (%)</span>
                <input inputMode="decimal" value={d.shares[u.id] ?? ''} placeholder="0" onChange={(e) => set({ shares: { ...d.shares, [u.id]: e.target.value } })} />
              </label>
            ))}
          {d.splitMode === 'percent' && (
            <p className={Math.abs(shareSum - 100) < 1e-9 ? 'rm-sum ok' : 'rm-sum bad'} role="status">
              Sum: {Number(shareSum.toFixed(2))} %{Math.abs(shareSum - 100) < 1e-9 ? '' : ' (must be 100 %)'}
            </p>
          )}
          {d.splitMode === 'percent' && units.length === 0 && <p className="muted small">The engagement has no business units yet.</p>}
          <FieldError path="costSplit" />
        </fieldset>

        <fieldset className="span-2 rm-fieldset">
          <legend>Must finish first</legend>
          {others.length === 0 && <p className="muted small">No other initiatives yet.</p>}
          <div className="rm-checks">
            {others.map((x) => (
              <label key={x.id} className="check">
                <input
                  type="checkbox"
                  checked={d.dependsOn.includes(x.id)}
                  onChange={(e) => set({ dependsOn: e.target.checked ? [...d.dependsOn, x.id] : d.dependsOn.filter((id) => id !== x.id) })}
                />
                {x.name}
              </label>
            ))}
          </div>
          <FieldError path="dependsOn" />
        </fieldset>
        <label className="field span-2">
          <span className="field-label">Note</span>
          <textarea rows={2} value={d.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
      </div>
    </IssuesProvider>
    </DialogForm>
  );
}
