/**
 * The framework browser and the custom-framework workshop: every version's capabilities with their levels,
 * criteria and guidance; copy a framework, edit names, descriptors, criteria and the first-pass subset,
 * give it a version, export and import it as JSON.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Framework, FrameworkSummary } from '../../../shared/framework/schema';
import { allCapabilities, findCapability } from '../../../shared/framework/schema';
import { slug } from '../../../shared/slug';
import { errorMessage } from '../api';
import { CapabilityDetail } from '../components/CapabilityDetail';
import { CapabilityGuidance } from '../components/CapabilityGuidance';
import { Dialog, Field } from '../components/Dialog';
import { FrameworkEditor, pathsOf, type FieldError } from '../components/FrameworkEditor';
import { downloadBlob } from '../files';
import { useApp } from '../stores/app';
import { useFrameworks } from '../stores/frameworks';

interface FrameworkViewProps {
  capabilityId?: string;
  frameworkId?: string;
  version?: string;
}

const label = (s: FrameworkSummary) => `${s.name} ${s.version}${s.builtIn ? '' : s.locked ? ' (custom, in use)' : ' (custom)'}`;

export function FrameworkView({ capabilityId, frameworkId, version }: FrameworkViewProps) {
  const list = useFrameworks((s) => s.list);
  const loaded = useFrameworks((s) => s.loaded);
  const load = useFrameworks((s) => s.load);
  const getFramework = useFrameworks((s) => s.get);
  const exportJson = useFrameworks((s) => s.exportJson);
  const importText = useFrameworks((s) => s.importText);
  const remove = useFrameworks((s) => s.remove);
  const save = useFrameworks((s) => s.save);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const [framework, setFramework] = useState<Framework | null>(null);
  const [filter, setFilter] = useState('');
  const [firstPassOnly, setFirstPassOnly] = useState(false);
  const [dialog, setDialog] = useState<'copy' | 'remove' | null>(null);
  const [editing, setEditing] = useState<Framework | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => void load(), [load]);
  const builtIns = list.filter((f) => f.builtIn);
  const summary =
    (frameworkId && version ? list.find((f) => f.id === frameworkId && f.version === version) : undefined) ?? builtIns[builtIns.length - 1] ?? list[0];
  useEffect(() => {
    if (!summary) return;
    let live = true;
    getFramework(summary.id, summary.version)
      .then((fw) => live && setFramework(fw))
      .catch((err) => live && notify('error', errorMessage(err)));
    return () => {
      live = false;
    };
  }, [summary, getFramework, notify]);

  const shown = editing ?? (framework && summary && framework.id === summary.id && framework.version === summary.version ? framework : null);
  const caps = useMemo(() => (shown ? allCapabilities(shown) : []), [shown]);
  const hasFirstPass = caps.some((c) => c.firstPass);
  const selected = caps.find((c) => c.id === capabilityId) ?? caps[0];

  if (!loaded || !summary || !shown || !selected) {
    return (
      <section className="page" aria-busy="true">
        <p className="muted">Loading the framework…</p>
      </section>
    );
  }
  const module = shown.modules.find((m) => m.id === selected.moduleId)!;
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => text.toLowerCase().includes(needle);
  const go = (route: { frameworkId?: string; version?: string; capabilityId?: string }) => {
    const fw = route.frameworkId ? route : { frameworkId: summary.id, version: summary.version };
    const isDefault = fw.frameworkId === builtIns[builtIns.length - 1]?.id && fw.version === builtIns[builtIns.length - 1]?.version;
    navigate({ name: 'framework', ...(isDefault ? {} : { frameworkId: fw.frameworkId, version: fw.version }), ...(route.capabilityId ? { capabilityId: route.capabilityId } : {}) });
  };

  const download = async () => {
    try {
      const { fileName, json } = await exportJson(summary.id, summary.version);
      downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const imported = await importText(await file.text(), file.name);
      notify('info', `${imported.name} ${imported.version} imported`);
      go({ frameworkId: imported.id, version: imported.version, capabilityId: selected.id });
    } catch (err) {
      notify('error', errorMessage(err));
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const saveEdits = async () => {
    if (!editing) return;
    try {
      const saved = await save(editing);
      setEditing(null);
      setErrors([]);
      notify('info', `${saved.name} ${saved.version} saved`);
      go({ frameworkId: saved.id, version: saved.version, capabilityId: selected.id });
    } catch (err) {
      setErrors(pathsOf(err));
      notify('error', errorMessage(err));
    }
  };

  return (
    <section className="framework" aria-labelledby="framework-title">
      <nav className="fw-nav" aria-label="Modules and capabilities">
        <h1 id="framework-title" className="fw-title">
          Frameworks
        </h1>
        <label className="field">
          <span className="field-label">Framework</span>
          <select
            value={`${summary.id}@${summary.version}`}
            disabled={!!editing}
            onChange={(e) => {
              const [id, v] = e.target.value.split('@');
              go({ frameworkId: id, version: v, capabilityId: selected.id });
            }}
          >
            {list.map((f) => (
              <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
                {label(f)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="sr-only">Filter capabilities</span>
          <input type="search" placeholder="Filter capabilities…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        {hasFirstPass && (
          <label className="check small">
            <input type="checkbox" checked={firstPassOnly} onChange={(e) => setFirstPassOnly(e.target.checked)} /> First-pass subset only ({caps.filter((c) => c.firstPass).length}, for a half-day workshop)
          </label>
        )}
        {shown.modules.map((m) => {
          const rows = m.capabilities.filter((c) => (!firstPassOnly || c.firstPass) && (!needle || matches(c.name) || matches(c.statement) || matches(c.id) || matches(m.name)));
          if (rows.length === 0) return null;
          return (
            <div key={m.id} className="fw-module">
              <h2 className="fw-module-name">
                <span className="mono">{m.id}</span> {m.name}
              </h2>
              <ul>
                {rows.map((c) => (
                  <li key={c.id}>
                    <button className={c.id === selected.id ? 'fw-cap active' : 'fw-cap'} aria-current={c.id === selected.id ? 'true' : undefined} onClick={() => go({ capabilityId: c.id })}>
                      <span className="mono">{c.id}</span> {c.name}
                      {c.firstPass && <span className="sr-only"> (first pass)</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <article className="fw-detail" aria-labelledby="cap-title">
        <div className="fw-toolbar" role="toolbar" aria-label="Framework actions">
          <span className="muted small">
            {summary.builtIn ? 'Ships with the app' : summary.locked ? 'Custom, in use by an assessment: changes are saved as a new version' : 'Custom draft'}
            {shown.basedOn ? ` · based on ${shown.basedOn.id} ${shown.basedOn.version}` : ''}
          </span>
          {editing ? (
            <>
              <button type="button" className="btn primary" onClick={() => void saveEdits()}>
                Save {editing.version}
              </button>
              <button type="button" className="btn" onClick={() => (setEditing(null), setErrors([]))}>
                Discard changes
              </button>
            </>
          ) : (
            <>
              {!summary.builtIn && (
                <button type="button" className="btn" onClick={() => setEditing(structuredClone(shown))}>
                  Edit
                </button>
              )}
              <button type="button" className="btn" onClick={() => setDialog('copy')}>
                Copy…
              </button>
              <button type="button" className="btn" onClick={() => void download()}>
                Export JSON
              </button>
              <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
                Import JSON…
              </button>
              {!summary.builtIn && !summary.locked && (
                <button type="button" className="btn danger" onClick={() => setDialog('remove')}>
                  Remove
                </button>
              )}
            </>
          )}
          <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Framework file to import" onChange={(e) => void upload(e.target.files?.[0])} />
        </div>
        {editing ? (
          <FrameworkEditor
            framework={editing}
            capabilityId={selected.id}
            locked={!!summary.locked}
            errors={errors}
            onChange={setEditing}
            onCapability={(id) => go({ capabilityId: id })}
          />
        ) : (
          <>
            <p className="eyebrow">
              {module.id} · {module.name}
            </p>
            <h2 id="cap-title" className="cap-title">
              <span className="mono">{selected.id}</span> {selected.name}
            </h2>
            <p className="statement">{selected.statement}</p>
            <CapabilityDetail framework={shown} capability={findCapability(shown, selected.id)!} onCapability={(id) => go({ capabilityId: id })} />
            <CapabilityGuidance capability={selected} />
            {shown.scale[0]?.meaning && (
              <details className="scale-notes">
                <summary>The scale, level by level</summary>
                <dl>
                  {shown.scale.map((s) => (
                    <div key={s.level}>
                      <dt>
                        {s.level} {s.name}
                      </dt>
                      <dd>{s.meaning ?? s.summary}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </>
        )}
      </article>
      <CopyDialog open={dialog === 'copy'} source={summary} onClose={() => setDialog(null)} onCopied={(s) => go({ frameworkId: s.id, version: s.version, capabilityId: selected.id })} />
      <Dialog
        open={dialog === 'remove'}
        title={`Remove ${summary.name} ${summary.version}?`}
        danger
        submitLabel="Remove"
        onClose={() => setDialog(null)}
        onSubmit={async () => {
          try {
            await remove(summary.id, summary.version);
            setDialog(null);
            notify('info', `${summary.name} ${summary.version} removed`);
            go({ frameworkId: builtIns[builtIns.length - 1]?.id, version: builtIns[builtIns.length - 1]?.version });
          } catch (err) {
            notify('error', errorMessage(err));
          }
        }}
      >
        <p>This custom framework is not used by any assessment. Export it first if you may want it back.</p>
      </Dialog>
    </section>
  );
}

function CopyDialog({ open, source, onClose, onCopied }: { open: boolean; source: FrameworkSummary; onClose(): void; onCopied(s: FrameworkSummary): void }) {
  const copy = useFrameworks((s) => s.copy);
  const [name, setName] = useState(`${source.name} (our edition)`);
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fwId = slug(id || name, 60, '');
  return (
    <Dialog
      open={open}
      title={`Copy ${source.name} ${source.version}`}
      submitLabel="Copy"
      error={error}
      onClose={onClose}
      onSubmit={async () => {
        try {
          const created = await copy(source, fwId, name.trim());
          onClose();
          onCopied(created);
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <Field label="Name">
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field label="Id" hint={`Used in files and exports: ${fwId || '…'}. The copy starts at version 1.0.0.`}>
        <input value={id} placeholder={fwId} onChange={(e) => setId(e.target.value)} />
      </Field>
    </Dialog>
  );
}
