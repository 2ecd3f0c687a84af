/**
 * Exporting the deck or the workbook of an assessment: which sections, which roadmap scenario (and the
 * scenarios to compare it with), anonymised or not, then the export's progress section by section (or
 * sheet by sheet) with a way to cancel, and the written file (a download in browser mode; in the desktop
 * app the file chosen in the save dialog). The roadmap sections stay off, with a note, until a scenario
 * has a plan (scheduled, or set by hand).
 */
import { useEffect, useState } from 'react';
import type { Engagement, RoadmapScenario } from '../../../shared/domain';
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
const SCENARIO_SECTIONS = DECK_SECTIONS.filter((s) => s.needs === 'scenario' && s.id !== 'scenarios').map((s) => s.id);
const NO_SCENARIOS: RoadmapScenario[] = [];

/** A scenario an export can show: one with a plan, scheduled or set by hand. */
const hasPlan = (s: RoadmapScenario) => s.mode === 'manual' || s.schedule !== null;

function scenarioLabel(s: RoadmapScenario): string {
  if (s.mode === 'manual') return `${s.name} (set by hand)`;
  if (!s.schedule) return `${s.name} (not scheduled yet)`;
  return s.schedule.stale ? `${s.name} (schedule out of date)` : s.name;
}

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
  const loadScenarios = useExports((s) => s.loadScenarios);
  const scenarios = useExports((s) => s.scenarios[engagement.id] ?? NO_SCENARIOS);
  const [scenariosError, setScenariosError] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('deck');
  const [assessmentId, setAssessmentId] = useState(engagement.assessments[0]?.id ?? '');
  const [sections, setSections] = useState<DeckSectionId[]>(RESULT_SECTIONS);
  const [scenarioId, setScenarioId] = useState('');
  const [compare, setCompare] = useState<string[]>([]);
  const [anonymise, setAnonymise] = useState(false);
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [taskId, setTaskId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const task = useExports((s) => (taskId ? s.tasks[taskId] : undefined));
  const running = taskId !== null && result === null;

  useEffect(() => {
    loadScenarios(engagement.id).then(
      () => setScenariosError(null),
      (err: unknown) => setScenariosError(errorMessage(err)),
    );
  }, [engagement.id, loadScenarios]);

  const planned = scenarios.filter(hasPlan);
  const scenario = planned.find((s) => s.id === scenarioId) ?? null;
  const compared = compare.filter((id) => id !== scenarioId && planned.some((s) => s.id === id));
  const available = (id: DeckSectionId) => {
    const info = DECK_SECTIONS.find((s) => s.id === id)!;
    return info.needs === 'results' || (scenario !== null && (id !== 'scenarios' || compared.length > 0));
  };
  const chosen = sections.filter(available);
  const steps =
    kind === 'deck'
      ? DECK_SECTIONS.filter((s) => chosen.includes(s.id)).map((s) => s.title)
      : WORKBOOK_SHEETS.filter((s) => s.needs === 'results' || scenario).map((s) => s.name);

  const pickScenario = (id: string) => {
    setScenarioId(id);
    setCompare([]);
    // A scenario brings its sections in; none takes them out.
    setSections(id ? [...sections.filter((x) => x !== 'scenarios'), ...SCENARIO_SECTIONS.filter((x) => !sections.includes(x))] : sections.filter((x) => RESULT_SECTIONS.includes(x)));
  };
  const toggleCompare = (id: string, on: boolean) => {
    const next = on ? [...compared, id] : compared.filter((x) => x !== id);
    setCompare(next);
    if (on && compared.length === 0 && !sections.includes('scenarios')) setSections([...sections, 'scenarios']);
  };

  const start = async () => {
    const id = newTaskId();
    setTaskId(id);
    setResult(null);
    setError(null);
    const businessUnitNames = Object.fromEntries(Object.entries(renames).filter(([, v]) => v.trim()));
    try {
      const r =
        kind === 'deck'
          ? await exportDeck({
              engagementId: engagement.id,
              assessmentId,
              sections: chosen,
              ...(scenario ? { scenarioId: scenario.id } : {}),
              ...(scenario && compared.length && chosen.includes('scenarios') ? { compareScenarioIds: compared } : {}),
              anonymise,
              businessUnitNames,
              taskId: id,
            })
          : await exportWorkbook({ engagementId: engagement.id, assessmentId, ...(scenario ? { scenarioId: scenario.id } : {}), anonymise, businessUnitNames, taskId: id });
      setResult(r);
    } catch (err) {
      setTaskId(null);
      setError(err instanceof ApiError && err.code === 'cancelled' ? 'Export cancelled; nothing was written.' : errorMessage(err));
    } finally {
      forget(id);
    }
  };

  const toggle = (id: DeckSectionId, on: boolean) => setSections(on ? DECK_SECTIONS.map((s) => s.id).filter((s) => s === id || sections.includes(s)) : sections.filter((s) => s !== id));

  const ready = engagement.assessments.length > 0 && !running && !(kind === 'deck' && chosen.length === 0);
  const sectionNote = (id: DeckSectionId, description: string) => {
    if (available(id)) return description;
    if (id === 'scenarios' && scenario) return 'tick a scenario to compare with';
    return planned.length ? 'pick a roadmap scenario above' : 'needs a scheduled roadmap scenario';
  };
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
            <label className="field">
              <span className="field-label">Roadmap scenario</span>
              <select value={scenario?.id ?? ''} onChange={(e) => pickScenario(e.target.value)} disabled={running || planned.length === 0} aria-describedby="export-scenario-hint">
                <option value="">None: the assessment’s results only</option>
                {scenarios.map((s) => (
                  <option key={s.id} value={s.id} disabled={!hasPlan(s)}>
                    {scenarioLabel(s)}
                  </option>
                ))}
              </select>
              <span id="export-scenario-hint" className="field-hint">
                {scenariosError
                  ? `The scenarios could not be read: ${scenariosError}`
                  : planned.length === 0
                    ? scenarios.length
                      ? 'No scenario has a plan yet: schedule one (or set its starts by hand) on the Roadmap screen to add the roadmap.'
                      : 'No roadmap scenario yet: plan one on the Roadmap screen to add the roadmap, costs and chargeback.'
                    : kind === 'deck'
                      ? 'Adds the roadmap, costs, chargeback and projected maturity.'
                      : 'Adds the Initiatives, Schedule, Costs and Cost rows sheets.'}
              </span>
            </label>
            {kind === 'deck' && scenario && planned.length > 1 && !running && !result && (
              <fieldset className="export-kind">
                <legend className="field-label">Compare with (up to three)</legend>
                {planned
                  .filter((s) => s.id !== scenario.id)
                  .map((s) => (
                    <label key={s.id} className="check">
                      <input
                        type="checkbox"
                        checked={compared.includes(s.id)}
                        disabled={!compared.includes(s.id) && compared.length >= 3}
                        onChange={(e) => toggleCompare(s.id, e.target.checked)}
                      />{' '}
                      {scenarioLabel(s)}
                    </label>
                  ))}
              </fieldset>
            )}
          </div>
          {kind === 'deck' && !running && !result && (
            <fieldset className="export-sections">
              <legend className="field-label">Sections</legend>
              {DECK_SECTIONS.map((s) => (
                <label key={s.id} className={available(s.id) ? 'check' : 'check muted'}>
                  <input type="checkbox" disabled={!available(s.id)} checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                  <span>
                    {s.title}
                    <span className="muted small"> · {sectionNote(s.id, s.description)}</span>
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
