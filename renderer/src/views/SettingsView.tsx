import { useEffect, useState } from 'react';
import type { AppInfo, Settings } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { Field } from '../components/Dialog';
import { useApp } from '../stores/app';
import { useSettings } from '../stores/settings';

/** Who the history names as the author of changes, the evidence size limit, and where data lives. */
export function SettingsView() {
  const notify = useApp((s) => s.notify);
  const loadSettings = useSettings((s) => s.load);
  const updateSettings = useSettings((s) => s.update);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([invoke('app.info', {}), loadSettings()])
      .then(([i, s]) => {
        setInfo(i);
        setDraft(s);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [loadSettings]);

  const save = async () => {
    if (!draft) return;
    try {
      setDraft(await updateSettings({ displayName: draft.displayName, attachmentLimitMb: draft.attachmentLimitMb }));
      setError(null);
      notify('info', 'Settings saved');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="page narrow" aria-labelledby="settings-title">
      <header className="page-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="muted">These apply to every engagement on this computer.</p>
        </div>
      </header>
      {draft && (
        <form
          className="details"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="Your name" hint="Recorded as who made each change in the history and activity views.">
            <input value={draft.displayName} placeholder="e.g. Sam Rivera" onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          </Field>
          <Field label="Largest evidence file (MB)" hint="Files above this size are refused with a clear message.">
            <input
              type="number"
              min={1}
              max={2048}
              value={draft.attachmentLimitMb}
              onChange={(e) => setDraft({ ...draft, attachmentLimitMb: Number(e.target.value) })}
            />
          </Field>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button className="btn primary" type="submit">
            Save settings
          </button>
        </form>
      )}
      {info && (
        <dl className="facts">
          <dt>Data folder</dt>
          <dd className="mono">{info.dataDir}</dd>
          <dt>Version</dt>
          <dd>
            {info.name} {info.version} ({info.transport === 'ipc' ? 'desktop app' : 'browser mode'})
          </dd>
        </dl>
      )}
    </section>
  );
}
