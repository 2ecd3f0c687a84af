import { useEffect, useState } from 'react';
import type { Engagement } from '../../../shared/domain';
import { errorMessage } from '../api';
import { BrandingForm } from '../components/BrandingForm';
import { Dialog, Field } from '../components/Dialog';
import { EngagementExports } from '../components/EngagementExports';
import { EngagementFields, MONTHS, draftOf, type EngagementDraft } from '../components/EngagementForm';
import { formatDate, quarterLabel, todayIso } from '../format';
import { useApp, type Route } from '../stores/app';
import { useEngagement, useFramework } from '../stores/data';

type Tab = Extract<Route, { name: 'engagement' }>['tab'];

export function EngagementView({ engagementId, tab }: { engagementId: string; tab: Tab }) {
  const current = useEngagement((s) => s.current);
  const error = useEngagement((s) => s.error);
  const open = useEngagement((s) => s.open);
  const navigate = useApp((s) => s.navigate);

  useEffect(() => {
    if (current?.id !== engagementId) void open(engagementId);
  }, [engagementId, current?.id, open]);

  if (error) {
    return (
      <section className="page">
        <h1>Engagement unavailable</h1>
        <p className="form-error" role="alert">{error}</p>
        <button className="btn" onClick={() => navigate({ name: 'home' })}>Back to engagements</button>
      </section>
    );
  }
  if (!current || current.id !== engagementId) return <section className="page" aria-busy="true"><p className="muted">Opening…</p></section>;

  const tabs: { id: Tab; label: string }[] = [
    { id: 'assessments', label: `Assessments (${current.assessments.length})` },
    { id: 'people', label: `People (${current.participants.length})` },
    { id: 'details', label: 'Details' },
  ];

  return (
    <section className="page" aria-labelledby="engagement-title">
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>
          </nav>
          <h1 id="engagement-title">
            {current.client} {current.archivedAt && <span className="tag">Archived</span>}
          </h1>
          <p className="muted">
            {[current.industry, current.region, current.currency, `FY starts ${MONTHS[current.fyStartMonth - 1]}`].filter(Boolean).join(' · ')}
          </p>
        </div>
        <button className="btn" onClick={() => navigate({ name: 'roadmap', engagementId, tab: 'initiatives' })}>Roadmap and scenarios</button>
        <button className="btn" onClick={() => navigate({ name: 'backups', engagementId })}>Backups</button>
        <EngagementExports engagement={current} />
      </header>
      <div role="tablist" aria-label="Engagement sections" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className="tab"
            onClick={() => navigate({ name: 'engagement', engagementId, tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'assessments' && <Assessments engagement={current} />}
        {tab === 'people' && <People engagement={current} />}
        {tab === 'details' && <Details engagement={current} />}
        {tab === 'details' && <BrandingForm engagementId={current.id} />}
      </div>
    </section>
  );
}

function useAction() {
  const notify = useApp((s) => s.notify);
  return async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    try {
      await action();
      if (done) notify('info', done);
      return true;
    } catch (err) {
      notify('error', errorMessage(err));
      return false;
    }
  };
}

function Assessments({ engagement }: { engagement: Engagement }) {
  const framework = useFramework((s) => s.framework);
  const load = useFramework((s) => s.load);
  const createAssessment = useEngagement((s) => s.createAssessment);
  const navigate = useApp((s) => s.navigate);
  const [open, setOpen] = useState<'new' | 'from-previous' | null>(null);
  const [label, setLabel] = useState(quarterLabel());
  const [date, setDate] = useState(todayIso());
  const [scope, setScope] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  const modules = framework?.modules ?? [];
  // The engine lists assessments newest first.
  const latest = engagement.assessments[0];
  const from = open === 'from-previous' ? latest : undefined;
  const chosen = scope ?? from?.scope ?? modules.map((m) => m.id);

  const start = (kind: 'new' | 'from-previous') => {
    setScope(null);
    setError(null);
    setLabel(quarterLabel());
    setDate(todayIso());
    setOpen(kind);
  };
  const submit = async () => {
    try {
      await createAssessment({ label, date, scope: chosen, ...(from ? { fromAssessmentId: from.id } : {}) });
      setOpen(null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const openWorkspace = (assessmentId: string) => navigate({ name: 'assessment', engagementId: engagement.id, assessmentId });

  return (
    <div>
      <div className="section-bar">
        <h2>Assessments</h2>
        <div className="page-actions">
          {latest && <button className="btn" onClick={() => navigate({ name: 'trend', engagementId: engagement.id })}>Trend</button>}
          {latest && (
            <button className="btn" onClick={() => start('from-previous')}>
              New assessment from previous
            </button>
          )}
          <button className="btn primary" onClick={() => start('new')}>New assessment</button>
        </div>
      </div>
      {engagement.assessments.length === 0 ? (
        <p className="muted">No assessment yet. Create one per scoring round, for example one per quarter.</p>
      ) : (
        <table className="table" aria-label="Assessments">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Date</th>
              <th scope="col">Framework</th>
              <th scope="col">Scope</th>
              <th scope="col">Previous</th>
            </tr>
          </thead>
          <tbody>
            {engagement.assessments.map((a) => (
              <tr key={a.id}>
                <td>
                  <button className="link strong" title="Open the workspace" onClick={() => openWorkspace(a.id)}>
                    {a.label}
                  </button>
                </td>
                <td>{formatDate(a.date)}</td>
                <td>
                  {framework?.id === a.frameworkId ? framework.name : a.frameworkId} v{a.frameworkVersion}
                </td>
                <td>{a.scope.length === modules.length ? `All ${a.scope.length} modules` : a.scope.join(', ')}</td>
                <td>
                  {a.previousAssessmentId ? engagement.assessments.find((p) => p.id === a.previousAssessmentId)?.label : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        open={open !== null}
        title={from ? `New assessment from ${from.label}` : 'New assessment'}
        onClose={() => setOpen(null)}
        onSubmit={submit}
        submitLabel="Create assessment"
        error={error}
      >
        {from && (
          <p className="callout">
            Starts from the agreed scores, targets and evidence links of <strong>{from.label}</strong>. Each carried-over score stays marked
            “carried over” until you confirm it (<kbd>C</kbd>) or score it again.
          </p>
        )}
        <div className="form-grid">
          <Field label="Label" hint="Shown in trends and exports, e.g. 2026 Q4">
            <input autoFocus value={label} onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <Field label="Date">
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        </div>
        <fieldset className="scope">
          <legend>Modules in scope</legend>
          {modules.map((m) => (
            <label key={m.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(m.id)}
                onChange={(e) => setScope(e.target.checked ? [...chosen, m.id] : chosen.filter((id) => id !== m.id))}
              />
              {m.id} {m.name}
            </label>
          ))}
        </fieldset>
      </Dialog>
    </div>
  );
}

function People({ engagement }: { engagement: Engagement }) {
  const act = useAction();
  const addBusinessUnit = useEngagement((s) => s.addBusinessUnit);
  const removeBusinessUnit = useEngagement((s) => s.removeBusinessUnit);
  const addParticipant = useEngagement((s) => s.addParticipant);
  const updateParticipant = useEngagement((s) => s.updateParticipant);
  const removeParticipant = useEngagement((s) => s.removeParticipant);
  const [unitName, setUnitName] = useState('');
  const [person, setPerson] = useState({ name: '', role: '', businessUnitId: '' });
  const [editing, setEditing] = useState<{ id: string; name: string; role: string; businessUnitId: string } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const unitNames = new Map(engagement.businessUnits.map((u) => [u.id, u.name]));

  const saveEdit = async () => {
    if (!editing) return;
    try {
      await updateParticipant(editing.id, { name: editing.name, role: editing.role, businessUnitId: editing.businessUnitId || null });
      setEditing(null);
      setEditError(null);
    } catch (err) {
      setEditError(errorMessage(err));
    }
  };

  const addUnit = async () => {
    if (await act(() => addBusinessUnit(unitName), `Business unit ${unitName.trim()} added`)) setUnitName('');
  };
  const addPerson = async () => {
    const ok = await act(
      () => addParticipant({ name: person.name, role: person.role, businessUnitId: person.businessUnitId || null }),
      `${person.name.trim()} added`,
    );
    if (ok) setPerson({ name: '', role: '', businessUnitId: person.businessUnitId });
  };

  return (
    <div className="two-col">
      <section aria-labelledby="bu-title">
        <h2 id="bu-title">Business units</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addUnit();
          }}
        >
          <label className="field grow">
            <span className="field-label">Business unit name</span>
            <input value={unitName} onChange={(e) => setUnitName(e.target.value)} placeholder="e.g. Finance" />
          </label>
          <button className="btn" type="submit">Add unit</button>
        </form>
        <ul className="list" aria-label="Business units">
          {engagement.businessUnits.map((u) => (
            <li key={u.id}>
              <span>{u.name}</span>
              <button
                className="btn small ghost danger-text"
                aria-label={`Remove ${u.name}`}
                onClick={() => void act(() => removeBusinessUnit(u.id), `${u.name} removed`)}
              >
                Remove
              </button>
            </li>
          ))}
          {engagement.businessUnits.length === 0 && <li className="muted">No business units yet.</li>}
        </ul>
      </section>
      <section aria-labelledby="people-title">
        <h2 id="people-title">Participants</h2>
        <form
          className="inline-form wrap"
          onSubmit={(e) => {
            e.preventDefault();
            void addPerson();
          }}
        >
          <label className="field grow">
            <span className="field-label">Name</span>
            <input value={person.name} onChange={(e) => setPerson({ ...person, name: e.target.value })} />
          </label>
          <label className="field grow">
            <span className="field-label">Role</span>
            <input value={person.role} placeholder="e.g. Head of Data" onChange={(e) => setPerson({ ...person, role: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Business unit</span>
            <select value={person.businessUnitId} onChange={(e) => setPerson({ ...person, businessUnitId: e.target.value })}>
              <option value="">None</option>
              {engagement.businessUnits.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </label>
          <button className="btn" type="submit">Add participant</button>
        </form>
        <table className="table" aria-label="Participants">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Business unit</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {engagement.participants.map((p) => (
              <tr key={p.id}>
                <td className="strong">{p.name}</td>
                <td>{p.role}</td>
                <td>{p.businessUnitId ? unitNames.get(p.businessUnitId) : <span className="muted">—</span>}</td>
                <td className="row-actions">
                  <button
                    className="btn small ghost"
                    aria-label={`Edit ${p.name}`}
                    onClick={() => setEditing({ id: p.id, name: p.name, role: p.role, businessUnitId: p.businessUnitId ?? '' })}
                  >
                    Edit
                  </button>
                  <button
                    className="btn small ghost danger-text"
                    aria-label={`Remove ${p.name}`}
                    onClick={() => void act(() => removeParticipant(p.id), `${p.name} removed`)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {engagement.participants.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">No participants yet: add the people who will score in the workshop.</td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <Dialog
        open={editing !== null}
        title="Edit participant"
        onClose={() => {
          setEditing(null);
          setEditError(null);
        }}
        onSubmit={saveEdit}
        error={editError}
      >
        {editing && (
          <div className="form-grid">
            <Field label="Name">
              <input autoFocus value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            </Field>
            <Field label="Role">
              <input value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value })} />
            </Field>
            <Field label="Business unit">
              <select value={editing.businessUnitId} onChange={(e) => setEditing({ ...editing, businessUnitId: e.target.value })}>
                <option value="">None</option>
                {engagement.businessUnits.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </Dialog>
    </div>
  );
}

function Details({ engagement }: { engagement: Engagement }) {
  const act = useAction();
  const update = useEngagement((s) => s.update);
  const [draft, setDraft] = useState<EngagementDraft>(draftOf(engagement));
  return (
    <form
      className="details"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => update(draft), 'Details saved');
      }}
    >
      <EngagementFields draft={draft} onChange={setDraft} />
      <button className="btn primary" type="submit">Save details</button>
    </form>
  );
}
