import { useEffect, useState } from 'react';
import { dateLocales, type AppInfo, type DateLocale, type ProjectorTheme, type Settings, type Theme } from '../../../shared/domain';
import { invoke } from '../api';
import { Field } from '../components/Dialog';
import { formError, noError, type PersonError } from '../errors';
import { useApp } from '../stores/app';
import { useSettings } from '../stores/settings';

const SAMPLE_DAY = new Date(2026, 10, 27);

/** "27.11.2026 (fi-FI)": how a date reads in each locale offered. */
function localeExample(locale: DateLocale): string {
  if (!locale) return "Each engagement's region (a Nordic client sees 27.11.2026)";
  const written = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(SAMPLE_DAY);
  const place = new Intl.DisplayNames(undefined, { type: 'region' }).of(locale.split('-')[1]!) ?? locale;
  return `${written} (${place})`;
}

const themeLabels: Record<Theme, string> = { system: 'As the operating system says', light: 'Light', dark: 'Dark' };
const projectorLabels: Record<ProjectorTheme, string> = { same: 'The same as the app', light: 'Light (bright rooms, weak beamers)', dark: 'Dark (dim rooms)' };

/** Who the history names as the author of changes, the evidence size limit, how dates read, light or dark, and where data lives. */
export function SettingsView() {
  const notify = useApp((s) => s.notify);
  const loadSettings = useSettings((s) => s.load);
  const updateSettings = useSettings((s) => s.update);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [error, setError] = useState<PersonError>(noError);

  useEffect(() => {
    void Promise.all([invoke('app.info', {}), loadSettings()])
      .then(([i, s]) => {
        setInfo(i);
        setDraft(s);
      })
      .catch((err: unknown) => setError(formError(err, [])));
  }, [loadSettings]);

  const save = async () => {
    if (!draft) return;
    try {
      setDraft(
        await updateSettings({
          // No name yet is fine: the history then names this computer's user.
          ...(draft.displayName.trim() ? { displayName: draft.displayName } : {}),
          attachmentLimitMb: draft.attachmentLimitMb,
          theme: draft.theme,
          projectorTheme: draft.projectorTheme,
          dateLocale: draft.dateLocale,
          ...(draft.displayName.trim() ? { nameAsked: true as const } : {}),
        }),
      );
      setError(noError);
      notify('info', 'Settings saved');
    } catch (err) {
      setError(formError(err, ['displayName', 'attachmentLimitMb', 'theme', 'projectorTheme', 'dateLocale']));
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
          <Field label="Your name" hint="Recorded as who made each change in the history and activity views." error={error.fields.displayName}>
            <input dir="auto" value={draft.displayName} placeholder="e.g. Sam Rivera" onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          </Field>
          <Field label="Largest evidence file (MB)" hint="Files above this size are refused with a clear message." error={error.fields.attachmentLimitMb}>
            <input
              type="number"
              min={1}
              max={2048}
              value={draft.attachmentLimitMb}
              onChange={(e) => setDraft({ ...draft, attachmentLimitMb: Number(e.target.value) })}
            />
          </Field>
          <Field label="Dates" hint="How every date is written, whatever the engagement." error={error.fields.dateLocale}>
            <select value={draft.dateLocale} onChange={(e) => setDraft({ ...draft, dateLocale: e.target.value as DateLocale })}>
              {dateLocales.map((l) => (
                <option key={l} value={l}>
                  {localeExample(l)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Colour scheme" error={error.fields.theme}>
            <select value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value as Theme })}>
              {(Object.keys(themeLabels) as Theme[]).map((t) => (
                <option key={t} value={t}>
                  {themeLabels[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Projector colour scheme" hint="The projector window only: it follows a change at once." error={error.fields.projectorTheme}>
            <select value={draft.projectorTheme} onChange={(e) => setDraft({ ...draft, projectorTheme: e.target.value as ProjectorTheme })}>
              {(Object.keys(projectorLabels) as ProjectorTheme[]).map((t) => (
                <option key={t} value={t}>
                  {projectorLabels[t]}
                </option>
              ))}
            </select>
          </Field>
          {error.message && (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          )}
          <button className="btn primary" type="submit">
            Save settings
          </button>
        </form>
      )}
      {!draft && error.message && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
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
