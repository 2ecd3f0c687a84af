/**
 * The pre-workshop survey of an assessment: send it (one workbook per participant, or one for all with a
 * sheet each), and import returned files: first a preview of the votes a file changes, then apply.
 * A file with any problem is refused whole, each problem named by sheet, row and column.
 */
import { useState } from 'react';
import type { Engagement } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { SurveyExportResult, SurveyImportResult } from '../../../shared/report/outcomes';
import { describeProblem, type SurveyProblem } from '../../../shared/report/survey';
import { errorMessage } from '../api';
import { useApp } from '../stores/app';
import { newTaskId, useExports } from '../stores/exports';
import { DialogForm, DialogFrame } from './Dialog';
import { WrittenFileLine } from './ExportDialog';

type Tab = 'send' | 'import';

export function SurveyDialog({ open, onClose, engagement }: { open: boolean; onClose(): void; engagement: Engagement }) {
  return (
    <DialogFrame open={open} onClose={onClose} wide>
      <SurveyForm engagement={engagement} />
    </DialogFrame>
  );
}

const level = (v: { current: number; target: number | null } | null) => (v ? `${v.current}${v.target !== null ? ` → ${v.target}` : ''}` : '–');

function SurveyForm({ engagement }: { engagement: Engagement }) {
  const exportSurvey = useExports((s) => s.exportSurvey);
  const importSurvey = useExports((s) => s.importSurvey);
  const notify = useApp((s) => s.notify);
  const [tab, setTab] = useState<Tab>('send');
  const [assessmentId, setAssessmentId] = useState(engagement.assessments[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>(engagement.participants.map((p) => p.id));
  const [oneFile, setOneFile] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SurveyExportResult | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SurveyImportResult | null>(null);
  const [problems, setProblems] = useState<SurveyProblem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setError(null);
    setProblems([]);
    setPreview(null);
    setSent(null);
  };

  const send = async () => {
    setBusy(true);
    reset();
    try {
      setSent(await exportSurvey({ engagementId: engagement.id, assessmentId, participantIds: chosen, oneFile, taskId: newTaskId() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const read = async (f: File, apply: boolean) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const r = await importSurvey(engagement.id, assessmentId, f, apply);
      setPreview(r);
      if (apply) notify('info', `${r.file}: ${r.changes.length} vote${r.changes.length === 1 ? '' : 's'} recorded`);
    } catch (err) {
      setPreview(null);
      const details = err instanceof ApiError ? (err.details as { problems?: SurveyProblem[] } | undefined) : undefined;
      if (details?.problems?.length) {
        setProblems(details.problems);
        setError('The survey was not imported; nothing was changed.');
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const changes = preview && !preview.applied ? preview.changes.length + preview.notes.added + preview.notes.updated : 0;
  const participant = (id: string) => engagement.participants.find((p) => p.id === id)?.name ?? id;

  return (
    <DialogForm
      title="Pre-workshop survey"
      cancelLabel="Close"
      busy={busy}
      error={error}
      onSubmit={tab === 'send' ? (chosen.length && assessmentId ? send : undefined) : file && changes > 0 ? () => read(file, true) : undefined}
      submitLabel={tab === 'send' ? (oneFile ? 'Export one file' : `Export ${chosen.length} file${chosen.length === 1 ? '' : 's'}`) : `Apply ${changes} change${changes === 1 ? '' : 's'}`}
    >
      <div className="survey-dialog">
        <div role="tablist" aria-label="Survey" className="tabs">
          {(['send', 'import'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === t}
              onClick={() => {
                setTab(t);
                reset();
              }}
            >
              {t === 'send' ? 'Send the survey' : 'Import returned files'}
            </button>
          ))}
        </div>
        <label className="field">
          <span className="field-label">Assessment</span>
          <select
            value={assessmentId}
            onChange={(e) => {
              setAssessmentId(e.target.value);
              reset();
            }}
          >
            {engagement.assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {tab === 'send' && (
          <>
            <fieldset className="survey-people">
              <legend className="field-label">Participants</legend>
              {engagement.participants.length === 0 && <p className="muted">Add the participants under People first.</p>}
              {engagement.participants.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))} /> {p.name}
                  {p.role && <span className="muted small"> · {p.role}</span>}
                </label>
              ))}
            </fieldset>
            <fieldset className="export-kind">
              <legend className="field-label">Files</legend>
              <label className="check">
                <input type="radio" name="survey-files" checked={!oneFile} onChange={() => setOneFile(false)} /> One workbook per participant
              </label>
              <label className="check">
                <input type="radio" name="survey-files" checked={oneFile} onChange={() => setOneFile(true)} /> One workbook for everyone, a sheet each
              </label>
            </fieldset>
            {sent && (
              <div className="survey-files">
                <p className="callout">
                  {sent.files.length === 1 ? 'Written:' : `${sent.files.length} files written to ${sent.path}:`} send them out; each participant picks levels from the drop-downs and returns the file.
                </p>
                {sent.files.map((f) => (
                  <WrittenFileLine key={f.path} file={f} />
                ))}
              </div>
            )}
          </>
        )}
        {tab === 'import' && (
          <>
            <label className="field">
              <span className="field-label">Returned survey (.xlsx)</span>
              <input
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  if (f) void read(f, false);
                }}
              />
            </label>
            {problems.length > 0 && (
              <ul className="survey-problems" aria-label="Problems in the file">
                {problems.map((p, i) => (
                  <li key={i}>{describeProblem(p)}</li>
                ))}
              </ul>
            )}
            {preview && (
              <div className="survey-preview">
                <p>
                  <strong>{preview.file}</strong>: {preview.sheets.map((s) => s.participantName).join(', ')} —{' '}
                  {preview.applied ? 'imported' : `${preview.changes.length} vote${preview.changes.length === 1 ? '' : 's'} to record`}, {preview.unchanged} unchanged, {preview.blank} left empty
                  {preview.comments.length ? `, ${preview.comments.length} comment${preview.comments.length === 1 ? '' : 's'}` : ''}.
                </p>
                {!preview.applied && preview.changes.length > 0 && (
                  <table className="table compact" aria-label="Votes the survey changes">
                    <thead>
                      <tr>
                        <th scope="col">Capability</th>
                        <th scope="col">Participant</th>
                        <th scope="col">Now</th>
                        <th scope="col">From the survey</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.changes.map((c) => (
                        <tr key={`${c.participantId}|${c.capabilityId}`}>
                          <td>{c.capabilityId}</td>
                          <td>{participant(c.participantId)}</td>
                          <td>{level(c.before)}</td>
                          <td className="strong">{level(c.after)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {!preview.applied && changes === 0 && <p className="muted">Nothing to change: these answers are already recorded.</p>}
                {preview.comments.length > 0 && !preview.applied && (
                  <p className="muted small">Comments are kept as interview notes linked to their capability ({preview.notes.added} new, {preview.notes.updated} changed).</p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </DialogForm>
  );
}
