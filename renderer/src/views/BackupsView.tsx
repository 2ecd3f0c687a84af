import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupList, BackupReason } from '../../../shared/files';
import { errorMessage, invoke } from '../api';
import { Dialog } from '../components/Dialog';
import { formatBytes } from '../files';
import { formatDate, formatDateTime } from '../format';
import { useApp } from '../stores/app';
import { commandLabel } from '../workspace/audit';

const REASONS: Record<BackupReason, string> = {
  daily: 'First change of the day',
  manual: 'Backed up by hand',
  migration: 'Before a format update',
  import: 'Before an import',
  'before-restore': 'Before a restore',
  'before-delete': 'Before an assessment was deleted',
};

function reasonLabel(b: BackupInfo): string {
  return b.reason === 'migration' ? `${REASONS.migration} (format ${b.fileVersion})` : REASONS[b.reason];
}

function changesLabel(b: BackupInfo): string {
  const c = b.changesSince;
  if (!c) return 'Not known (the current file cannot be read)';
  if (c.entries === 0) return 'No changes since';
  const last = c.last ? `; last: ${commandLabel(c.last.command)} by ${c.last.actor}, ${formatDateTime(c.last.at)}` : '';
  return `${c.entries} ${c.entries === 1 ? 'change' : 'changes'} since${last}`;
}

type Pending = { backup: BackupInfo; mode: 'new' | 'replace' } | null;

/** An engagement's backups: when and why each was taken, what changed since, and restore (as new, or in place). */
export function BackupsView({ engagementId }: { engagementId: string }) {
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Bumped to read the list again after a change.
  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    invoke('backup.list', { engagementId })
      .then((l) => {
        if (!live) return;
        setList(l);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [engagementId, version]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify('info', done);
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      setBusy(false);
      void load();
    }
  };

  const restore = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const { engagement, safetyBackup } = await invoke('backup.restore', { engagementId, backupId: pending.backup.id, mode: pending.mode });
      setPending(null);
      setDialogError(null);
      if (pending.mode === 'new') {
        notify('info', `Restored as a new engagement: ${engagement.client}`);
        navigate({ name: 'engagement', engagementId: engagement.id, tab: 'assessments' });
      } else {
        notify('info', safetyBackup ? 'Backup restored. The state before it is kept as a backup, so this can be undone.' : 'Backup restored.');
        void load();
      }
    } catch (err) {
      setDialogError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const client = list?.client ?? '';
  return (
    <section className="page" aria-labelledby="backups-title">
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            {list && !list.damaged && (
              <>
                <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>{client}</button> <span aria-hidden="true">/</span>
              </>
            )}
            {list?.damaged && <span>{client}</span>}
          </nav>
          <h1 id="backups-title">Backups{client && ` of ${client}`}</h1>
          <p className="muted">
            Taken on the first change of each day and before every format update, import, restore and assessment deletion. Each is checked when written.
          </p>
        </div>
        <div className="page-actions">
          <button className="btn" disabled={busy} onClick={() => void act(async () => {
            const check = await invoke('engagement.check', { engagementId });
            if (!check.ok) throw new Error(check.message);
          }, 'The file passed the full integrity check.')}>
            Check the file
          </button>
          <button className="btn primary" disabled={busy || Boolean(list?.damaged)} onClick={() => void act(() => invoke('backup.create', { engagementId }), 'Backup taken and checked')}>
            Back up now
          </button>
        </div>
      </header>

      {error && <p className="form-error" role="alert">{error}</p>}
      {list?.damaged && (
        <section className="notice" aria-labelledby="damaged-title">
          <h2 id="damaged-title">This engagement&rsquo;s file is damaged</h2>
          <p>
            The check found: {list.damaged}. The file can be read but not changed. Restore one of the backups below in its place to
            repair it; the damaged file is kept aside in the backup folder.
          </p>
        </section>
      )}

      {list && list.backups.length === 0 && (
        <div className="empty">
          <h2>No backups yet</h2>
          <p>The first change of the day takes one, or take one now.</p>
        </div>
      )}
      {list && list.backups.length > 0 && (
        <table className="table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">Changed since</th>
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.id}>
                <td>{formatDateTime(b.at)}</td>
                <td>{reasonLabel(b)}</td>
                <td className="mono-num">{formatBytes(b.size)}</td>
                <td>{changesLabel(b)}</td>
                <td className="row-actions">
                  <button className="btn small" aria-label={`Restore the backup of ${formatDateTime(b.at)} as a new engagement`} onClick={() => setPending({ backup: b, mode: 'new' })}>
                    Restore as new
                  </button>
                  <button className="btn small" aria-label={`Restore the backup of ${formatDateTime(b.at)} in place of the current file`} onClick={() => setPending({ backup: b, mode: 'replace' })}>
                    Replace current
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {list && (
        <dl className="facts">
          <dt>Kept</dt>
          <dd>The newest backup of each of the last 7 days, 4 weeks and 12 months, and all of today&rsquo;s</dd>
          <dt>Space used</dt>
          <dd>
            {formatBytes(list.totalBytes)} of {formatBytes(list.capBytes)} (past that, the oldest go first)
          </dd>
          <dt>Folder</dt>
          <dd className="mono">{list.folder}</dd>
        </dl>
      )}

      <Dialog
        open={pending !== null}
        title={pending?.mode === 'replace' ? 'Replace the current file?' : 'Restore as a new engagement?'}
        onClose={() => {
          setPending(null);
          setDialogError(null);
        }}
        onSubmit={restore}
        submitLabel={pending?.mode === 'replace' ? 'Replace with this backup' : 'Restore as new'}
        danger={pending?.mode === 'replace'}
        busy={busy}
        error={dialogError}
      >
        {pending?.mode === 'new' && (
          <p>
            A new engagement, <strong>{client} (restored {formatDate(pending.backup.at.slice(0, 10))})</strong>, is made from the backup of{' '}
            {formatDateTime(pending.backup.at)}. {client} itself is not changed.
          </p>
        )}
        {pending?.mode === 'replace' && (
          <>
            <p>
              The file of <strong>{client}</strong> is replaced by the backup of {formatDateTime(pending.backup.at)}.{' '}
              {pending.backup.changesSince && pending.backup.changesSince.entries > 0
                ? `The ${pending.backup.changesSince.entries} ${pending.backup.changesSince.entries === 1 ? 'change' : 'changes'} made since will no longer be in it.`
                : 'Nothing has changed since that backup.'}
            </p>
            <p>
              {list?.damaged
                ? 'The damaged file is kept aside in the backup folder.'
                : 'The current state is backed up first (“Before a restore”), so you can undo this by restoring that backup.'}
            </p>
          </>
        )}
      </Dialog>
    </section>
  );
}
