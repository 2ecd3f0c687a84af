/** The rate card: roles and their day rates, edited as a small table and saved together. */
import { useState } from 'react';
import type { RateCard } from '../../../../shared/domain';
import { errorMessage } from '../../api';
import { useApp } from '../../stores/app';
import { fieldsOf, useRoadmap } from '../../stores/roadmap';
import { FieldError, IssuesProvider, type FieldIssue } from './FieldErrors';
import { money, moneyInput, parseMoney } from './format';

type Row = { id?: string; name: string; rate: string };

const rowsOf = (card: RateCard | null, currency: string): Row[] => (card?.roles ?? []).map((r) => ({ id: r.id, name: r.name, rate: moneyInput(r.dayRate, currency) }));

export function RateCardEditor({ currency }: { currency: string }) {
  const rateCard = useRoadmap((s) => s.rateCard);
  const setRateCard = useRoadmap((s) => s.setRateCard);
  const notify = useApp((s) => s.notify);
  const [editing, setEditing] = useState<Row[] | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const roles = rateCard?.roles ?? [];

  const save = async () => {
    if (!editing) return;
    const local: FieldIssue[] = [];
    const payload = editing.map((r, k) => {
      const dayRate = parseMoney(r.rate, currency);
      if (dayRate === null) local.push({ path: `roles.${k}.dayRate`, message: `not an amount in ${currency}` });
      return { ...(r.id ? { id: r.id } : {}), name: r.name, dayRate: dayRate ?? 0 };
    });
    if (local.length) {
      setIssues(local);
      return;
    }
    try {
      await setRateCard(payload);
      setEditing(null);
      setIssues([]);
      setError(null);
      notify('info', 'Rate card saved');
    } catch (err) {
      setIssues(fieldsOf(err));
      setError(errorMessage(err));
    }
  };

  if (!editing) {
    return (
      <section className="card rm-ratecard" aria-labelledby="ratecard-title">
        <div className="card-head">
          <h2 id="ratecard-title">Rate card</h2>
          <button className="btn small" onClick={() => setEditing(rowsOf(rateCard, currency).concat(roles.length ? [] : [{ name: '', rate: '' }]))}>
            Edit rate card
          </button>
        </div>
        {roles.length === 0 ? (
          <p className="muted">No roles yet. Add the roles initiatives are staffed with, e.g. data engineer, platform engineer, analyst.</p>
        ) : (
          <ul className="rm-roles" aria-label="Rate card">
            {roles.map((r) => (
              <li key={r.id}>
                <span>{r.name}</span> <strong>{money(r.dayRate, currency)}</strong> <span className="muted small">a day</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  return (
    <section className="card rm-ratecard" aria-labelledby="ratecard-title">
      <h2 id="ratecard-title">Rate card</h2>
      <IssuesProvider issues={issues}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {editing.map((r, k) => (
            <div key={r.id ?? `new-${k}`} className="rm-line">
              <label className="field grow">
                <span className="field-label">Role {k + 1}</span>
                <input autoFocus={k === editing.length - 1 && !r.id} value={r.name} onChange={(e) => setEditing(editing.map((x, j) => (j === k ? { ...x, name: e.target.value } : x)))} />
                <FieldError path={`roles.${k}.name`} />
              </label>
              <label className="field">
                <span className="field-label">Day rate ({currency})</span>
                <input inputMode="decimal" value={r.rate} onChange={(e) => setEditing(editing.map((x, j) => (j === k ? { ...x, rate: e.target.value } : x)))} />
                <FieldError path={`roles.${k}.dayRate`} />
              </label>
              <button type="button" className="btn small ghost danger-text" aria-label={`Remove role ${r.name || k + 1}`} onClick={() => setEditing(editing.filter((_, j) => j !== k))}>
                Remove
              </button>
            </div>
          ))}
          <FieldError path="roles" />
          {error && !issues.length && <p className="form-error" role="alert">{error}</p>}
          <div className="rm-actions">
            <button type="button" className="btn small" onClick={() => setEditing([...editing, { name: '', rate: '' }])}>
              Add role
            </button>
            <span className="grow" />
            <button type="button" className="btn small ghost" onClick={() => { setEditing(null); setIssues([]); setError(null); }}>
              Cancel
            </button>
            <button type="submit" className="btn small primary">Save rate card</button>
          </div>
        </form>
      </IssuesProvider>
    </section>
  );
}
