import { useCallback, useEffect, useState } from 'react';
import type { EngagementSummary } from '../../../shared/domain';
import type { DataFolderHealth, DuplicateGroup } from '../../../shared/files';
import { errorMessage, invoke } from '../api';
import { Dialog } from '../components/Dialog';
import { ImportEngagementDialog } from '../components/EngagementFileDialog';
import { EngagementFields, draftOf, emptyDraft, type EngagementDraft } from '../components/EngagementForm';
import { useApp } from '../stores/app';
import { useLibrary } from '../stores/data';
import { formatDate, formatDateTime } from '../format';

export function NewEngagementDialog() {
  const open = useApp((s) => s.newEngagementOpen);
  const setApp = useApp((s) => s.set);
  const navigate = useApp((s) => s.navigate);
  const createEngagement = useLibrary((s) => s.create);
  const [draft, setDraft] = useState<EngagementDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setApp({ newEngagementOpen: false });
    setDraft(emptyDraft());
    setError(null);
  };
  const submit = async () => {
    setBusy(true);
    try {
      const created = await createEngagement(draft);
      close();
      navigate({ name: 'engagement', engagementId: created.id, tab: 'people' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title="New engagement" onClose={close} onSubmit={submit} submitLabel="Create engagement" busy={busy} error={error}>
      <EngagementFields draft={draft} onChange={setDraft} />
    </Dialog>
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
  const [dialogError, setDialogError] = useState<string | null>(null);

  const visible = engagements.filter((e) => showArchived || !e.archivedAt);
  const archivedCount = engagements.filter((e) => e.archivedAt).length;
  const { health, reload: reloadHealth } = useFolderHealth(engagements);
  const damaged = new Map((health?.damaged ?? []).map((d) => [d.engagementId, d]));
  const damagedFiles = new Set((health?.damaged ?? []).map((d) => d.file));
  const otherUnreadable = unreadable.filter((u) => !damagedFiles.has(u.file));

  const close = () => {
    setPending(null);
    setDialogError(null);
  };

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) notify('info', done);
      close();
    } catch (err) {
      if (pending) setDialogError(errorMessage(err));
      else notify('error', errorMessage(err));
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
                  <button className="link strong" onClick={() => navigate({ name: 'engagement', engagementId: e.id, tab: 'assessments' })}>
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
                    {[e.region, e.currency].filter(Boolean).join(' · ')}
                  </div>
                </td>
                <td>{e.industry || <span className="muted">—</span>}</td>
                <td>{e.lastAssessment ? `${e.lastAssessment.label} (${formatDate(e.lastAssessment.date)})` : <span className="muted">None yet</span>}</td>
                <td>{e.lastOpenedAt ? formatDateTime(e.lastOpenedAt) : <span className="muted">Never</span>}</td>
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
        error={dialogError}
        onSubmit={() =>
          pending?.kind === 'rename'
            ? run(() => rename(pending.engagement.id, pending.draft.client), 'Engagement renamed')
            : undefined
        }
      >
        {pending?.kind === 'rename' && (
          <label className="field">
            <span className="field-label">Client name</span>
            <input
              autoFocus
              value={pending.draft.client}
              onChange={(ev) => setPending({ ...pending, draft: { ...pending.draft, client: ev.target.value } })}
            />
          </label>
        )}
      </Dialog>

      <Dialog
        open={pending?.kind === 'delete'}
        title="Delete engagement?"
        onClose={close}
        danger
        submitLabel="Delete permanently"
        error={dialogError}
        onSubmit={() =>
          pending?.kind === 'delete'
            ? run(() => remove(pending.engagement.id), `${pending.engagement.client} deleted`)
            : undefined
        }
      >
        {pending?.kind === 'delete' && (
          <p>
            This removes the file of <strong>{pending.engagement.client}</strong> from your data folder, with any backup copies
            of it: all its business units, participants, assessments, scores, evidence files and their history. It cannot be
            undone. Archive it instead to hide it but keep it.
          </p>
        )}
      </Dialog>
    </section>
  );
}
