/**
 * Exporting the deck or the workbook of an assessment: which sections, anonymised or not, then the
 * export's progress section by section (or sheet by sheet) with a way to cancel, and the written file
 * (a download in browser mode; in the desktop app the file chosen in the save dialog).
 */
import { useState } from 'react';
import type { Engagement } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { WORKBOOK_SHEETS } from '../../../shared/report/build-workbook';
import { DECK_SECTIONS, type DeckSectionId } from '../../../shared/report/deck';
import type { ExportResult } from '../../../shared/report/outcomes';
import { downloadHref, errorMessage, transport } from '../api';
import { formatBytes } from '../files';
import { newTaskId, useExports } from '../stores/exports';
import { DialogForm, DialogFrame } from './Dialog';
import { ProgressBar } from './ProgressBar';

type Kind = 'deck' | 'workbook';

const RESULT_SECTIONS = DECK_SECTIONS.filter((s) => s.needs === 'results').map((s) => s.id);

/** Where an export's file is: a download link in browser mode, its path in either case. */
export function WrittenFileLine({ file, ms }: { file: { path: string; fileName: string; bytes: number; download: string | null }; ms?: number }) {
  return (
    <div className="written-file">
      <div>
        <strong>{file.fileName}</strong>{' '}
        <span className="muted small">
          {formatBytes(file.bytes)}
          {ms !== undefined ? `, ${(ms / 1000).toFixed(1)} s` : ''}
        </span>
      </div>
      <div className="mono written-path" title={file.path}>
        {file.path}
      </div>
      {transport === 'http' && file.download && (
        <a className="btn small primary" href={downloadHref(file.download)} download={file.fileName}>
          Download
        </a>
      )}
    </div>
  );
}

export function ExportDialog({ open, onClose, engagement }: { open: boolean; onClose(): void; engagement: Engagement }) {
  return (
    <DialogFrame open={open} onClose={onClose} wide>
      <ExportForm engagement={engagement} />
    </DialogFrame>
  );
}

function ExportForm({ engagement }: { engagement: Engagement }) {
  const exportDeck = useExports((s) => s.exportDeck);
  const exportWorkbook = useExports((s) => s.exportWorkbook);
  const cancel = useExports((s) => s.cancel);
  const forget = useExports((s) => s.forget);
  const [kind, setKind] = useState<Kind>('deck');
  const [assessmentId, setAssessmentId] = useState(engagement.assessments[0]?.id ?? '');
  const [sections, setSections] = useState<DeckSectionId[]>(RESULT_SECTIONS);
  const [anonymise, setAnonymise] = useState(false);
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [taskId, setTaskId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useExports((s) => (taskId ? s.tasks[taskId] : undefined));
  const running = taskId !== null && result === null;

  const steps = kind === 'deck' ? DECK_SECTIONS.filter((s) => sections.includes(s.id)).map((s) => s.title) : WORKBOOK_SHEETS.filter((s) => s.needs === 'results').map((s) => s.name);

  const start = async () => {
    const id = newTaskId();
    setTaskId(id);
    setResult(null);
    setError(null);
    const businessUnitNames = Object.fromEntries(Object.entries(renames).filter(([, v]) => v.trim()));
    try {
      const r =
        kind === 'deck'
          ? await exportDeck({ engagementId: engagement.id, assessmentId, sections, anonymise, businessUnitNames, taskId: id })
          : await exportWorkbook({ engagementId: engagement.id, assessmentId, anonymise, businessUnitNames, taskId: id });
      setResult(r);
    } catch (err) {
      setTaskId(null);
      setError(err instanceof ApiError && err.code === 'cancelled' ? 'Export cancelled; nothing was written.' : errorMessage(err));
    } finally {
      forget(id);
    }
  };

  const toggle = (id: DeckSectionId, on: boolean) => setSections(on ? RESULT_SECTIONS.filter((s) => s === id || sections.includes(s)) : sections.filter((s) => s !== id));

  const ready = engagement.assessments.length > 0 && !running && !(kind === 'deck' && sections.length === 0);
  return (
    <DialogForm
      title="Export for the client"
      onSubmit={ready ? start : undefined}
      submitLabel={result ? 'Export again' : kind === 'deck' ? 'Export deck' : 'Export workbook'}
      error={error}
      cancelLabel="Close"
    >
      {engagement.assessments.length === 0 ? (
        <p className="muted">Create an assessment first: exports show an assessment's results.</p>
      ) : (
        <div className="export-dialog">
          <div className="form-grid">
            <fieldset className="export-kind" disabled={running}>
              <legend className="field-label">What</legend>
              <label className="check">
                <input type="radio" name="export-kind" checked={kind === 'deck'} onChange={() => setKind('deck')} /> Workshop deck (PowerPoint)
              </label>
              <label className="check">
                <input type="radio" name="export-kind" checked={kind === 'workbook'} onChange={() => setKind('workbook')} /> Workbook (Excel)
              </label>
            </fieldset>
            <label className="field">
              <span className="field-label">Assessment</span>
              <select value={assessmentId} disabled={running} onChange={(e) => setAssessmentId(e.target.value)}>
                {engagement.assessments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {kind === 'deck' && !running && !result && (
            <fieldset className="export-sections">
              <legend className="field-label">Sections</legend>
              {DECK_SECTIONS.map((s) => (
                <label key={s.id} className={s.needs === 'scenario' ? 'check muted' : 'check'}>
                  <input type="checkbox" disabled={s.needs === 'scenario'} checked={sections.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                  <span>
                    {s.title}
                    <span className="muted small"> · {s.needs === 'scenario' ? 'needs a roadmap scenario' : s.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {!running && !result && (
            <div className="export-anonymise">
              <label className="check">
                <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} /> Anonymise: participants become “Participant A, B, …”
              </label>
              {anonymise && engagement.businessUnits.length > 0 && (
                <div className="rename-units">
                  <span className="field-hint">Rename business units for a file that leaves the client (leave empty to keep a name):</span>
                  {engagement.businessUnits.map((u) => (
                    <label key={u.id} className="field">
                      <span className="field-label">{u.name}</span>
                      <input value={renames[u.id] ?? ''} placeholder={u.name} onChange={(e) => setRenames({ ...renames, [u.id]: e.target.value })} />
                    </label>
                  ))}
                </div>
              )}
            </div>
          )}
          {(running || result) && (
            <div className="export-progress" aria-live="polite">
              <ProgressBar value={result ? 1 : (task?.done ?? 0)} max={result ? 1 : (task?.total ?? steps.length + 1)} label="Export progress" />
              <ol className="export-steps">
                {steps.map((step) => {
                  const done = !!result || !!task?.steps.includes(step);
                  return (
                    <li key={step} className={done ? 'done' : ''}>
                      <span aria-hidden="true">{done ? '✓' : '·'}</span> {step}
                    </li>
                  );
                })}
                <li className={result ? 'done' : ''}>
                  <span aria-hidden="true">{result ? '✓' : '·'}</span> Writing the file
                </li>
              </ol>
              {running && (
                <button type="button" className="btn danger small" onClick={() => void cancel(taskId!)}>
                  Cancel export
                </button>
              )}
            </div>
          )}
          {result && <WrittenFileLine file={result} ms={result.ms} />}
        </div>
      )}
    </DialogForm>
  );
}
