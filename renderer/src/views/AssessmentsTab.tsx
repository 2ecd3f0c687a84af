import { useEffect, useState } from 'react';
import type { AssessmentStats, AssessmentSummary, Engagement } from '../../../shared/domain';
import type { FrameworkSummary } from '../../../shared/framework/schema';
import { invoke } from '../api';
import { Dialog, Field } from '../components/Dialog';
import { ProgressBar } from '../components/ProgressBar';
import { formError, noError, type PersonError } from '../errors';
import { formatCount, formatDate, quarterLabel, todayIso } from '../format';
import { useApp } from '../stores/app';
import { useEngagement, useFramework } from '../stores/data';
import { useFrameworks } from '../stores/frameworks';

/** Progress and contents of each assessment, re-read whenever the engagement is. */
function useAssessmentStats(engagement: Engagement): Map<string, AssessmentStats> {
  const [stats, setStats] = useState<Map<string, AssessmentStats>>(new Map());
  useEffect(() => {
    let live = true;
    invoke('assessment.stats', { engagementId: engagement.id })
      .then((list) => live && setStats(new Map(list.map((s) => [s.assessmentId, s]))))
      .catch(() => live && setStats(new Map()));
    return () => {
      live = false;
    };
  }, [engagement]);
  return stats;
}

/** "24 scores, 41 votes, 6 action items and 12 evidence links": what deleting an assessment takes with it. */
function contents(s: AssessmentStats | undefined): string {
  if (!s) return 'its scores, votes, action items and evidence links';
  const parts = [
    [s.scored + s.toConfirm, 'score'],
    [s.votes, 'vote'],
    [s.actions, 'action item'],
    [s.evidenceLinks, 'evidence link'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${formatCount(n as number)} ${what}${n === 1 ? '' : 's'}`);
  if (!parts.length) return 'nothing recorded yet';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

type Pending = { kind: 'new' | 'from-previous' } | { kind: 'rename'; assessment: AssessmentSummary; label: string; date: string } | { kind: 'delete'; assessment: AssessmentSummary } | null;

export function AssessmentsTab({ engagement }: { engagement: Engagement }) {
  const framework = useFramework((s) => s.framework);
  const load = useFramework((s) => s.load);
  const createAssessment = useEngagement((s) => s.createAssessment);
  const updateAssessment = useEngagement((s) => s.updateAssessment);
  const deleteAssessment = useEngagement((s) => s.deleteAssessment);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const stats = useAssessmentStats(engagement);
  const [pending, setPending] = useState<Pending>(null);
  const [label, setLabel] = useState(quarterLabel());
  const [date, setDate] = useState(todayIso());
  const [scope, setScope] = useState<string[] | null>(null);
  const frameworks = useFrameworks((s) => s.list);
  const loadFrameworks = useFrameworks((s) => s.load);
  useEffect(() => void loadFrameworks(), [loadFrameworks]);
  // `id@version`; empty means the newest built-in framework.
  const [frameworkKey, setFrameworkKey] = useState('');
  const [error, setError] = useState<PersonError>(noError);
  const [busy, setBusy] = useState(false);
  useEffect(() => void load(), [load]);
  const modules = framework?.modules ?? [];
  // The engine lists assessments newest first.
  const latest = engagement.assessments[0];
  const from = pending?.kind === 'from-previous' ? latest : undefined;
  const chosen = scope ?? from?.scope ?? modules.map((m) => m.id);
  const openWorkspace = (assessmentId: string) => navigate({ name: 'assessment', engagementId: engagement.id, assessmentId });

  const close = () => {
    setPending(null);
    setError(noError);
  };
  const start = (kind: 'new' | 'from-previous') => {
    setScope(null);
    setFrameworkKey('');
    setError(noError);
    setLabel(quarterLabel());
    setDate(todayIso());
    setPending({ kind });
  };
  const attempt = async (action: () => Promise<void>, shown: string[]) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      setError(formError(err, shown));
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    attempt(async () => {
      const [frameworkId, frameworkVersion] = frameworkKey ? frameworkKey.split('@') : [];
      const created = await createAssessment({
        label,
        date,
        scope: chosen,
        ...(frameworkId && frameworkVersion ? { frameworkId, frameworkVersion } : {}),
        ...(from ? { fromAssessmentId: from.id } : {}),
      });
      close();
      // Straight into the new assessment's workspace: that is what it was created for.
      openWorkspace(created.id);
    }, ['label', 'date', 'scope', 'frameworkId', 'frameworkVersion']);
  const rename = () =>
    attempt(async () => {
      if (pending?.kind !== 'rename') return;
      await updateAssessment(pending.assessment.id, { label: pending.label, date: pending.date });
      close();
    }, ['label', 'date']);
  const remove = () =>
    attempt(async () => {
      if (pending?.kind !== 'delete') return;
      const gone = await deleteAssessment(pending.assessment.id);
      close();
      notify('info', `${gone.label} deleted. The backup taken just before is on the Backups screen.`);
    }, []);

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
              <th scope="col">Progress</th>
              <th scope="col">Framework</th>
              <th scope="col">Scope</th>
              <th scope="col">Previous</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {engagement.assessments.map((a) => {
              const s = stats.get(a.id);
              return (
                <tr key={a.id}>
                  <td>
                    <button className="link strong" dir="auto" title="Open the workspace" onClick={() => openWorkspace(a.id)}>
                      {a.label}
                    </button>
                  </td>
                  <td>{formatDate(a.date)}</td>
                  <td className="assessment-progress">
                    {s ? (
                      <>
                        <span>
                          {s.scored} / {s.inScope} scored
                          {s.toConfirm > 0 && <span className="to-confirm"> · {s.toConfirm} to confirm</span>}
                        </span>
                        <ProgressBar value={s.scored} max={s.inScope} label={`Progress of ${a.label}`} />
                      </>
                    ) : (
                      <span className="muted">…</span>
                    )}
                  </td>
                  <td>
                    {framework?.id === a.frameworkId ? framework.name : a.frameworkId} v{a.frameworkVersion}
                  </td>
                  <td>{a.scope.length === modules.length ? `All ${a.scope.length} modules` : a.scope.join(', ')}</td>
                  <td>
                    {a.previousAssessmentId ? engagement.assessments.find((p) => p.id === a.previousAssessmentId)?.label : <span className="muted">—</span>}
                  </td>
                  <td className="row-actions">
                    <button className="btn small ghost" aria-label={`Rename ${a.label}`} onClick={() => { setError(noError); setPending({ kind: 'rename', assessment: a, label: a.label, date: a.date }); }}>
                      Rename
                    </button>
                    <button className="btn small ghost danger-text" aria-label={`Delete ${a.label}`} onClick={() => { setError(noError); setPending({ kind: 'delete', assessment: a }); }}>
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Dialog
        open={pending?.kind === 'new' || pending?.kind === 'from-previous'}
        title={from ? `New assessment from ${from.label}` : 'New assessment'}
        onClose={close}
        onSubmit={create}
        submitLabel="Create assessment"
        busy={busy}
        error={error.message}
      >
        {from && (
          <p className="callout">
            Starts from the agreed scores, targets and evidence links of <strong>{from.label}</strong>. Each carried-over score stays marked
            “carried over” until you confirm it (<kbd>C</kbd>) or score it again.
          </p>
        )}
        <div className="form-grid">
          <Field label="Label" hint="Shown in trends and exports, e.g. 2026 Q4" error={error.fields.label}>
            <input autoFocus dir="auto" value={label} onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <Field label="Date" error={error.fields.date}>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        </div>
        <FrameworkChoice frameworks={frameworks} value={frameworkKey} onChange={setFrameworkKey} from={from} error={error.fields.frameworkVersion ?? error.fields.frameworkId} />
        <fieldset className="scope">
          <legend>Modules in scope</legend>
          {error.fields.scope && (
            <p className="field-error" role="alert">
              {error.fields.scope}
            </p>
          )}
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
      <Dialog open={pending?.kind === 'rename'} title="Rename assessment" onClose={close} onSubmit={rename} busy={busy} error={error.message}>
        {pending?.kind === 'rename' && (
          <div className="form-grid">
            <Field label="Label" error={error.fields.label}>
              <input autoFocus dir="auto" value={pending.label} onChange={(e) => setPending({ ...pending, label: e.target.value })} />
            </Field>
            <Field label="Date" error={error.fields.date}>
              <input type="date" value={pending.date} onChange={(e) => setPending({ ...pending, date: e.target.value })} />
            </Field>
          </div>
        )}
      </Dialog>
      <Dialog open={pending?.kind === 'delete'} title="Delete assessment?" onClose={close} onSubmit={remove} danger submitLabel="Delete assessment" busy={busy} error={error.message}>
        {pending?.kind === 'delete' && (
          <p>
            <strong dir="auto">{pending.assessment.label}</strong> ({formatDate(pending.assessment.date)}) goes with {contents(stats.get(pending.assessment.id))}. The
            evidence items themselves stay in the engagement, and other assessments are not touched. A backup of the engagement is taken first: the assessment can be brought back from Backups.
          </p>
        )}
      </Dialog>
    </div>
  );
}

/** Which framework version the new assessment is scored against; moving on from the previous one's is offered. */
function FrameworkChoice({ frameworks, value, onChange, from, error }: { frameworks: readonly FrameworkSummary[]; value: string; onChange(v: string): void; from?: AssessmentSummary; error?: string }) {
  const builtIns = frameworks.filter((f) => f.builtIn);
  const newest = builtIns[builtIns.length - 1];
  const chosen = value ? frameworks.find((f) => `${f.id}@${f.version}` === value) : newest;
  const changes = from && chosen && (from.frameworkId !== chosen.id || from.frameworkVersion !== chosen.version);
  return (
    <Field label="Framework" error={error} hint={chosen?.criteria ? 'Each level has pass criteria to tick as a checklist.' : 'Descriptors per level, without pass criteria.'}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{newest ? `${newest.name} ${newest.version} (newest)` : 'The newest framework'}</option>
        {frameworks
          .filter((f) => f !== newest)
          .map((f) => (
            <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
              {f.name} {f.version}
              {f.builtIn ? '' : ' (custom)'}
            </option>
          ))}
      </select>
      {changes && (
        <span className="field-hint">
          {from.label} was scored against {from.frameworkVersion}: its scores are carried over capability by capability to {chosen.version}, each marked to confirm.
        </span>
      )}
    </Field>
  );
}
