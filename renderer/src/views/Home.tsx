import { useCallback, useEffect, useState } from 'react';
import type { EngagementSummary } from '../../../shared/domain';
import type { DataFolderHealth, DuplicateGroup } from '../../../shared/files';
import { errorMessage, invoke } from '../api';
import { Dialog, Field } from '../components/Dialog';
import { EngagementFields, draftOf, emptyDraft, engagementFieldNames, type EngagementDraft } from '../components/EngagementForm';
import { formError, noError, personMessage, type PersonError } from '../errors';
import { ImportEngagementDialog } from '../components/EngagementFileDialog';
import { useApp } from '../stores/app';
import { useLibrary } from '../stores/data';
import { useSettings } from '../stores/settings';
import { engagementFacts, formatDate, formatDateTime } from '../format';

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export function NewEngagementDialog() {
  const open = useApp((s) => s.newEngagementOpen);
  const setApp = useApp((s) => s.set);
  const navigate = useApp((s) => s.navigate);
  const createEngagement = useLibrary((s) => s.create);
  const engagements = useLibrary((s) => s.engagements);
  const [draft, setDraft] = useState<EngagementDraft>(emptyDraft);
  const [error, setError] = useState<PersonError>(noError);
  const [busy, setBusy] = useState(false);
  const twins = draft.client.trim() ? engagements.filter((e) => sameName(e.client, draft.client)) : [];
  const close = () => {
    setApp({ newEngagementOpen: false });
    setDraft(emptyDraft());
    setError(noError);
  };
  const submit = async () => {
    setBusy(true);
    try {
      const created = await createEngagement(draft);
      close();
      navigate({ name: 'engagement', engagementId: created.id, tab: 'people' });
    } catch (err) {
      setError(formError(err, engagementFieldNames));
    } finally {
      setBusy(false);
    }
  };
  const clientNote = twins.length ? (
    <span className="warn-note" role="status">
      You already have {twins.length === 1 ? 'an engagement' : `${twins.length} engagements`} called <bdi>{twins[0]!.client}</bdi> ({twins.map(engagementFacts).join('; ')}). Creating another keeps both.
    </span>
  ) : null;
  return (
    <Dialog open={open} title="New engagement" onClose={close} onSubmit={submit} submitLabel={twins.length ? 'Create another' : 'Create engagement'} busy={busy} error={error.message}>
      <EngagementFields draft={draft} onChange={setDraft} errors={error.fields} clientNote={clientNote} />
    </Dialog>
  );
}

/** On the first launch, the name the history records each change under (skippable; kept in Settings). */
function NamePrompt() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!settings || settings.displayName || settings.nameAsked) return null;
  const save = async (patch: { displayName?: string; nameAsked: true }) => {
    try {
      await update(patch);
    } catch (err) {
      setError(formError(err, ['displayName']).fields.displayName ?? personMessage(err));
    }
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome. What is your name?</h2>
      <p className="muted small">The history records who made each change: your scores, votes and evidence will carry this name. You can change it in Settings.</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ displayName: name, nameAsked: true });
        }}
      >
        <Field label="Your name" error={error}>
          <input dir="auto" value={name} placeholder="e.g. Sam Rivera" onChange={(e) => setName(e.target.value)} />
        </Field>
        <button className="btn primary" type="submit">
          Save my name
        </button>
        <button className="btn ghost" type="button" onClick={() => void save({ nameAsked: true })}>
          Not now
        </button>
      </form>
    </section>
  );
}

function SampleOffer() {
  const createSample = useLibrary((s) => s.createSample);
  const navigate = useApp((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const sample = await createSample();
      navigate({ name: 'engagement', engagementId: sample.id, tab: 'assessments' });
    } catch (err) {
      setError(personMessage(err));
      setBusy(false);
    }
  };
  return (
    <div className="sample-offer">
      <p>
        New here? Open a <strong>sample engagement</strong>: a fictional retailer with two quarterly assessments, votes, evidence and action items.
        Delete it when you are done, like any other.
      </p>
      <button className="btn" onClick={() => void start()} disabled={busy} aria-busy={busy}>
        {busy ? 'Preparing the sample…' : 'Explore a sample engagement'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Pending =
  | { kind: 'rename'; engagement: EngagementSummary; draft: EngagementDraft }
  | { kind: 'delete'; engagement: EngagementSummary }
  | null;

/** What the engine found in the data folder; read again whenever the list of engagements changes. */
function useFolderHealth(engagements: EngagementSummary[]) {
  const [health, setHealth] = useState<DataFolderHealth | null>(null);
  // Bumped to read the folder's health again after a change.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    invoke('engagement.health', {})
      .then((h) => live && setHealth(h))
      .catch(() => live && setHealth(null));
    return () => {
      live = false;
    };
  }, [engagements, version]);
  return { health, reload };
}

const ACTIONS = {
  open: { label: 'Use this file', done: 'now in use' },
  copy: { label: 'Import as a separate engagement', done: 'imported as a separate engagement' },
  setAside: { label: 'Move out of the folder', done: 'moved to the set-aside folder' },
} as const;

/** Two or more files that hold one engagement: the one in use, and what to do with each other copy. */
function Duplicates({ groups, onDone }: { groups: DuplicateGroup[]; onDone: () => void }) {
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const resolve = async (engagementId: string, file: string, action: keyof typeof ACTIONS) => {
    setBusy(true);
    try {
      await invoke('engagement.resolveDuplicate', { engagementId, file, action });
      notify('info', `${file}: ${ACTIONS[action].done}`);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <section className="notice" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{groups.length === 1 ? 'Two files hold the same engagement' : `${groups.length} engagements are held by more than one file`}</h2>
      <p className="muted small">
        A copy left by a file sync or made by hand. The app keeps using the file marked in use, at every start; decide what to do with
        the other. Nothing is deleted.
      </p>
      {groups.map((g) => (
        <table key={g.engagementId} className="table" aria-label={`Files of ${g.client}`}>
          <thead>
            <tr>
              <th scope="col">Files of {g.client}</th>
              <th scope="col">Last written</th>
              <th scope="col">Changes</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {g.copies.map((c) => (
              <tr key={c.file}>
                <td>
                  <span className="mono">{c.file}</span>
                  {c.inUse && <span className="tag">In use</span>}
                </td>
                <td>{formatDateTime(c.modifiedAt)}</td>
                <td>
                  {c.changes}
                  {c.lastChange && <div className="muted small">last: {c.lastChange.command} by {c.lastChange.actor}, {formatDateTime(c.lastChange.at)}</div>}
                </td>
                <td className="row-actions">
                  {!c.inUse &&
                    (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).map((action) => (
                      <button key={action} className="btn small ghost" disabled={busy} onClick={() => void resolve(g.engagementId, c.file, action)}>
                        {ACTIONS[action].label}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

export function Home() {
  const engagements = useLibrary((s) => s.engagements);
  const unreadable = useLibrary((s) => s.unreadable);
  const loaded = useLibrary((s) => s.loaded);
  const error = useLibrary((s) => s.error);
  const navigate = useApp((s) => s.navigate);
  const setApp = useApp((s) => s.set);
  const notify = useApp((s) => s.notify);
  const rename = useLibrary((s) => s.rename);
  const archive = useLibrary((s) => s.archive);
  const remove = useLibrary((s) => s.remove);
  const [showArchived, setShowArchived] = useState(false);
  const [importing, setImporting] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [dialogError, setDialogError] = useState<PersonError>(noError);

  const visible = engagements.filter((e) => showArchived || !e.archivedAt);
  const archivedCount = engagements.filter((e) => e.archivedAt).length;
  const twinned = (e: EngagementSummary) => engagements.some((o) => o.id !== e.id && sameName(o.client, e.client));
  const { health, reload: reloadHealth } = useFolderHealth(engagements);
  const damaged = new Map((health?.damaged ?? []).map((d) => [d.engagementId, d]));
  const damagedFiles = new Set((health?.damaged ?? []).map((d) => d.file));
  const otherUnreadable = unreadable.filter((u) => !damagedFiles.has(u.file));

  const close = () => {
    setPending(null);
    setDialogError(noError);
  };

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) notify('info', done);
      close();
    } catch (err) {
      if (pending) setDialogError(formError(err, ['client']));
      else notify('error', personMessage(err));
    }
  };

  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page-header">
        <div>
          <h1 id="home-title">Engagements</h1>
          <p className="muted">Each engagement is one file in your data folder: a client, its people and its assessments.</p>
        </div>
        <div className="page-actions">
          {archivedCount > 0 && (
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived (
              {archivedCount})
            </label>
          )}
          <button className="btn" onClick={() => navigate({ name: 'portfolio' })}>Portfolio</button>
          <button className="btn" onClick={() => setImporting(true)}>
            Import engagement file…
          </button>
          <button className="btn primary" onClick={() => setApp({ newEngagementOpen: true })}>
            New engagement
          </button>
        </div>
      </header>
      <ImportEngagementDialog open={importing} onClose={() => setImporting(false)} />

      <NamePrompt />
      {error && <p className="form-error" role="alert">{error}</p>}
      {health?.libraryRebuilt && (
        <section className="notice" aria-labelledby="rebuilt-title">
          <h2 id="rebuilt-title">The list of engagements was rebuilt</h2>
          <p className="muted small">
            It was damaged ({health.libraryRebuilt.reason}) and was read again from the engagement files, which hold all your work.
            The damaged copy is kept as <span className="mono">{health.libraryRebuilt.keptAs}</span> in the data folder.
          </p>
        </section>
      )}
      {damaged.size > 0 && (
        <section className="notice" aria-labelledby="damaged-title">
          <h2 id="damaged-title">{damaged.size === 1 ? 'One engagement file is damaged' : `${damaged.size} engagement files are damaged`}</h2>
          <p className="muted small">A damaged file can be read but not changed. Restore it from one of its backups.</p>
          <ul>
            {[...damaged.values()].map((d) => (
              <li key={d.engagementId}>
                <strong>{d.client}</strong> (<span className="mono">{d.file}</span>): the check found &ldquo;{d.reason}&rdquo;.{' '}
                <button className="link" onClick={() => navigate({ name: 'backups', engagementId: d.engagementId })}>
                  Restore from a backup
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {health && health.duplicates.length > 0 && <Duplicates groups={health.duplicates} onDone={() => void Promise.all([reloadHealth(), useLibrary.getState().load()])} />}
      {health && health.halfCreated.length > 0 && (
        <section className="notice" aria-labelledby="half-title">
          <h2 id="half-title">Files left by an interrupted create</h2>
          <ul>
            {health.halfCreated.map((f) => (
              <li key={f.file}>{f.message}</li>
            ))}
          </ul>
        </section>
      )}
      {otherUnreadable.length > 0 && (
        <section className="notice" aria-labelledby="unreadable-title">
          <h2 id="unreadable-title">
            {otherUnreadable.length === 1 ? 'One file in your data folder could not be opened' : `${otherUnreadable.length} files in your data folder could not be opened`}
          </h2>
          <p className="muted small">They were left exactly as they are. Restore them from a backup, or move them out of the folder.</p>
          <ul>
            {otherUnreadable.map((u) => (
              <li key={u.file}>
                <span className="mono">{u.file}</span>: {u.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {loaded && visible.length === 0 && (
        <div className="empty">
          <h2>No engagements yet</h2>
          <p>Create one for each client you assess. Everything stays on this computer.</p>
          <button className="btn primary" onClick={() => setApp({ newEngagementOpen: true })}>
            Create your first engagement
          </button>
          {engagements.length === 0 && <SampleOffer />}
        </div>
      )}
      {visible.length > 0 && (
        <table className="table engagements" aria-label="Engagements">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Industry</th>
              <th scope="col">Last assessment</th>
              <th scope="col">Last opened</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((e) => (
              <tr key={e.id} className={e.archivedAt ? 'archived' : undefined}>
                <td>
                  <button className="link strong" dir="auto" onClick={() => navigate({ name: 'engagement', engagementId: e.id, tab: 'assessments' })}>
                    {e.client}
                  </button>
                  {e.archivedAt && <span className="tag">Archived</span>}
                  {damaged.has(e.id) && (
                    <>
                      {' '}
                      <span className="tag sens-restricted">Damaged</span>
                    </>
                  )}
                  <div className="muted small">
                    <bdi>{[e.region, e.currency].filter(Boolean).join(' · ')}</bdi>
                    {twinned(e) && <span className="twin-note"> · created {formatDate(e.createdAt.slice(0, 10), e.region)}</span>}
                  </div>
                </td>
                <td dir="auto">{e.industry || <span className="muted">—</span>}</td>
                <td>{e.lastAssessment ? <><bdi>{e.lastAssessment.label}</bdi> ({formatDate(e.lastAssessment.date, e.region)})</> : <span className="muted">None yet</span>}</td>
                <td>{e.lastOpenedAt ? formatDateTime(e.lastOpenedAt, e.region) : <span className="muted">Never</span>}</td>
                <td className="row-actions">
                  {damaged.has(e.id) && (
                    <button className="btn small" aria-label={`Restore ${e.client} from a backup`} onClick={() => navigate({ name: 'backups', engagementId: e.id })}>
                      Restore…
                    </button>
                  )}
                  <button className="btn small ghost" aria-label={`Rename ${e.client}`} onClick={() => setPending({ kind: 'rename', engagement: e, draft: draftOf(e) })}>
                    Rename
                  </button>
                  <button
                    className="btn small ghost"
                    aria-label={`${e.archivedAt ? 'Restore' : 'Archive'} ${e.client}`}
                    onClick={() =>
                      void run(
                        () => archive(e.id, !e.archivedAt),
                        e.archivedAt ? `${e.client} restored` : `${e.client} archived`,
                      )
                    }
                  >
                    {e.archivedAt ? 'Restore' : 'Archive'}
                  </button>
                  <button className="btn small ghost danger-text" aria-label={`Delete ${e.client}`} onClick={() => setPending({ kind: 'delete', engagement: e })}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Dialog
        open={pending?.kind === 'rename'}
        title="Rename engagement"
        onClose={close}
        error={dialogError.message}
        onSubmit={() =>
          pending?.kind === 'rename'
            ? run(() => rename(pending.engagement.id, pending.draft.client), 'Engagement renamed')
            : undefined
        }
      >
        {pending?.kind === 'rename' && (
          <Field label="Client name" error={dialogError.fields.client}>
            <input
              autoFocus
              dir="auto"
              value={pending.draft.client}
              onChange={(ev) => setPending({ ...pending, draft: { ...pending.draft, client: ev.target.value } })}
            />
          </Field>
        )}
      </Dialog>

      <Dialog
        open={pending?.kind === 'delete'}
        title="Delete engagement?"
        onClose={close}
        danger
        submitLabel="Delete permanently"
        error={dialogError.message}
        onSubmit={() =>
          pending?.kind === 'delete'
            ? run(() => remove(pending.engagement.id), `${pending.engagement.client} deleted`)
            : undefined
        }
      >
        {pending?.kind === 'delete' && (
          <>
            <dl className="facts delete-facts" aria-label="The engagement to delete">
              <dt>Client</dt>
              <dd dir="auto">{pending.engagement.client}</dd>
              <dt>Industry</dt>
              <dd dir="auto">{pending.engagement.industry || '—'}</dd>
              <dt>Region</dt>
              <dd dir="auto">{pending.engagement.region || '—'}</dd>
              <dt>Created</dt>
              <dd>{formatDate(pending.engagement.createdAt.slice(0, 10), pending.engagement.region)}</dd>
              <dt>Last assessment</dt>
              <dd>{pending.engagement.lastAssessment ? `${pending.engagement.lastAssessment.label} (${formatDate(pending.engagement.lastAssessment.date, pending.engagement.region)})` : 'None'}</dd>
              <dt>Last opened</dt>
              <dd>{pending.engagement.lastOpenedAt ? formatDateTime(pending.engagement.lastOpenedAt, pending.engagement.region) : 'Never'}</dd>
            </dl>
            <p>
              This removes the file of <strong dir="auto">{pending.engagement.client}</strong> from your data folder, with any backup copies of it: all its
              business units, participants, assessments, scores, evidence files and their history. It cannot be undone. Archive it instead to hide it but
              keep it.
            </p>
          </>
        )}
      </Dialog>
    </section>
  );
}
