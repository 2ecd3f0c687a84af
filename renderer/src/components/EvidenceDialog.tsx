import { useState } from 'react';
import { evidenceKinds, sensitivities, type EvidenceKind, type Sensitivity } from '../../../shared/domain';
import { errorMessage } from '../api';
import { fileToBase64, formatBytes } from '../files';
import { todayIso } from '../format';
import { useAssessment } from '../stores/assessment';
import { DialogForm, DialogFrame, Field } from './Dialog';
import { useFileDrop } from './useFileDrop';

export const kindLabels: Record<EvidenceKind, string> = {
  document: 'Document',
  interview_note: 'Interview note',
  link: 'Link',
  screenshot: 'Screenshot',
  metric: 'Metric',
  system_config: 'System configuration',
};

export const sensitivityLabels: Record<Sensitivity, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};

interface Draft {
  title: string;
  kind: EvidenceKind;
  source: string;
  collectedOn: string;
  validUntil: string;
  sensitivity: Sensitivity;
  description: string;
  url: string;
  file: File | null;
}

/** What a file suggests: its name without extension as the title, and "screenshot" for an image. */
const titleOf = (file: File | null) => (file ? file.name.replace(/\.[^.]+$/, '') : '');
const kindOf = (file: File | null, otherwise: EvidenceKind): EvidenceKind => (file?.type.startsWith('image/') ? 'screenshot' : otherwise);

function draftFor(file: File | null): Draft {
  return {
    title: titleOf(file),
    kind: kindOf(file, 'document'),
    source: '',
    collectedOn: todayIso(),
    validUntil: '',
    sensitivity: 'internal',
    description: '',
    url: '',
    file,
  };
}

interface EvidenceDialogProps {
  open: boolean;
  engagementId: string;
  assessmentId: string;
  capabilityId: string;
  /** A file dropped on the evidence panel. */
  initialFile: File | null;
  onClose(): void;
}

/** Adds evidence (with an optional file) and links it to the capability on screen; engine errors show here. */
export function EvidenceDialog({ open, onClose, ...form }: EvidenceDialogProps) {
  return (
    <DialogFrame open={open} onClose={onClose}>
      <EvidenceForm {...form} onClose={onClose} />
    </DialogFrame>
  );
}

/** The form, filled afresh (from the dropped file, if any) each time the dialog opens. */
function EvidenceForm({ engagementId, assessmentId, capabilityId, initialFile, onClose }: Omit<EvidenceDialogProps, 'open'>) {
  const addEvidence = useAssessment((s) => s.addEvidence);
  const [draft, setDraft] = useState<Draft>(() => draftFor(initialFile));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const chooseFile = (file: File | null) => setDraft((d) => ({ ...d, file, title: d.title || titleOf(file), kind: kindOf(file, d.kind) }));
  const { dragging, handlers } = useFileDrop(chooseFile);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = draft.file ? { name: draft.file.name, mime: draft.file.type || 'application/octet-stream', dataBase64: await fileToBase64(draft.file) } : undefined;
      await addEvidence({
        engagementId,
        title: draft.title,
        kind: draft.kind,
        source: draft.source,
        collectedOn: draft.collectedOn || null,
        validUntil: draft.validUntil || null,
        sensitivity: draft.sensitivity,
        description: draft.description,
        url: draft.url.trim() || null,
        ...(file ? { file } : {}),
        links: [{ assessmentId, capabilityId }],
      });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogForm title={`Add evidence to ${capabilityId}`} onSubmit={submit} submitLabel="Add evidence" busy={busy} error={error}>
      <div className="form-grid evidence-form">
        <Field label="Title">
          <input autoFocus value={draft.title} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <Field label="Kind">
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as EvidenceKind })}>
            {evidenceKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sensitivity">
          <select value={draft.sensitivity} onChange={(e) => set({ sensitivity: e.target.value as Sensitivity })}>
            {sensitivities.map((s) => (
              <option key={s} value={s}>
                {sensitivityLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Source" hint="Who or what it came from">
          <input value={draft.source} onChange={(e) => set({ source: e.target.value })} />
        </Field>
        <Field label="Web address">
          <input type="url" value={draft.url} placeholder="https://…" onChange={(e) => set({ url: e.target.value })} />
        </Field>
        <Field label="Collected on">
          <input type="date" value={draft.collectedOn} onChange={(e) => set({ collectedOn: e.target.value })} />
        </Field>
        <Field label="Valid until" hint="After this date it counts as stale">
          <input type="date" value={draft.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />
        </Field>
        <label className="field span-2">
          <span className="field-label">Description</span>
          <textarea rows={3} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
        <div className={dragging ? 'dropzone span-2 dragging' : 'dropzone span-2'} {...handlers}>
          <label className="field">
            <span className="field-label">File (optional): choose one or drop it here</span>
            <input type="file" onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
          </label>
          {draft.file && (
            <p className="small">
              <strong>{draft.file.name}</strong> · {formatBytes(draft.file.size)}{' '}
              <button type="button" className="link" onClick={() => chooseFile(null)}>
                Remove file
              </button>
            </p>
          )}
        </div>
      </div>
    </DialogForm>
  );
}
