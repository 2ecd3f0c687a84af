import { useState } from 'react';
import { evidenceKinds, sensitivities, textLimits, type Evidence, type EvidenceKind, type Sensitivity } from '../../../shared/domain';
import { formError, noError, type PersonError } from '../errors';
import { transport, uploadFile } from '../api';
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

/** The fields of the form, keyed as the engine names them (for errors shown beside each). */
const FIELDS = ['title', 'kind', 'sensitivity', 'source', 'url', 'collectedOn', 'validUntil', 'description', 'file'];

interface Draft {
  title: string;
  /** The title was filled from a file name too long for a title, and shortened. */
  titleShortened: boolean;
  kind: EvidenceKind;
  source: string;
  collectedOn: string;
  validUntil: string;
  sensitivity: Sensitivity;
  description: string;
  url: string;
  file: File | null;
}

/** Cuts text to `max` characters at a word where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A file name the engine accepts: at most 255 characters, keeping its extension. */
export function uploadName(name: string): string {
  if (name.length <= textLimits.fileName) return name;
  const ext = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
  return `${name.slice(0, textLimits.fileName - ext.length - 1)}…${ext}`;
}

/** What a file suggests: its name without extension as the title (shortened to fit), and "screenshot" for an image. */
function titleOf(file: File | null): { title: string; shortened: boolean } {
  const base = file ? file.name.replace(/\.[^.]+$/, '') : '';
  const title = shorten(base.trim(), textLimits.evidenceTitle);
  return { title, shortened: title !== base.trim() };
}
const kindOf = (file: File | null, otherwise: EvidenceKind): EvidenceKind => (file?.type.startsWith('image/') ? 'screenshot' : otherwise);

function draftFor(file: File | null): Draft {
  const { title, shortened } = titleOf(file);
  return {
    title,
    titleShortened: shortened,
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

function draftOf(e: Evidence): Draft {
  return {
    title: e.title,
    titleShortened: false,
    kind: e.kind,
    source: e.source,
    collectedOn: e.collectedOn ?? '',
    validUntil: e.validUntil ?? '',
    sensitivity: e.sensitivity,
    description: e.description,
    url: e.url ?? '',
    file: null,
  };
}

interface EvidenceDialogProps {
  open: boolean;
  engagementId: string;
  assessmentId: string;
  capabilityId: string;
  /** A file dropped on the evidence panel. */
  initialFile: File | null;
  /** An item to edit instead of adding a new one. */
  editing?: Evidence | null;
  onClose(): void;
}

/** Adds evidence (with an optional file) and links it to the capability on screen, or edits an item; errors show at their fields. */
export function EvidenceDialog({ open, onClose, ...form }: EvidenceDialogProps) {
  return (
    <DialogFrame open={open} onClose={onClose}>
      <EvidenceForm {...form} onClose={onClose} />
    </DialogFrame>
  );
}

/**
 * The file as the engine takes it: in browser mode streamed ahead by upload (memory stays flat for large
 * files); in the desktop app inline, up to what a command can carry.
 */
async function carried(file: File): Promise<{ name: string; mime: string; uploadId: string } | { name: string; mime: string; dataBase64: string }> {
  const name = uploadName(file.name);
  const mime = file.type || 'application/octet-stream';
  if (transport === 'http') return { name, mime, uploadId: (await uploadFile(file, name)).uploadId };
  return { name, mime, dataBase64: await fileToBase64(file) };
}

/** The form, filled afresh (from the dropped file, or the item edited) each time the dialog opens. */
function EvidenceForm({ engagementId, assessmentId, capabilityId, initialFile, editing, onClose }: Omit<EvidenceDialogProps, 'open'>) {
  const addEvidence = useAssessment((s) => s.addEvidence);
  const updateEvidence = useAssessment((s) => s.updateEvidence);
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : draftFor(initialFile)));
  const [error, setError] = useState<PersonError>(noError);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const chooseFile = (file: File | null) =>
    setDraft((d) => {
      if (d.title) return { ...d, file, kind: kindOf(file, d.kind) };
      const { title, shortened } = titleOf(file);
      return { ...d, file, title, titleShortened: shortened, kind: kindOf(file, d.kind) };
    });
  const { dragging, handlers } = useFileDrop(chooseFile);

  const fields = {
    title: draft.title,
    kind: draft.kind,
    source: draft.source,
    collectedOn: draft.collectedOn || null,
    validUntil: draft.validUntil || null,
    sensitivity: draft.sensitivity,
    description: draft.description,
    url: draft.url.trim() || null,
  };
  const submit = async () => {
    setBusy(true);
    setError(noError);
    try {
      if (editing) {
        await updateEvidence({ evidenceId: editing.id, ...fields });
      } else {
        const file = draft.file ? await carried(draft.file) : undefined;
        await addEvidence({ engagementId, ...fields, ...(file ? { file } : {}), links: [{ assessmentId, capabilityId }] });
      }
      onClose();
    } catch (err) {
      setError(formError(err, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogForm
      title={editing ? `Edit evidence: ${editing.title}` : `Add evidence to ${capabilityId}`}
      onSubmit={submit}
      submitLabel={editing ? 'Save changes' : 'Add evidence'}
      busy={busy}
      error={error.message}
    >
      <div className="form-grid evidence-form">
        <Field
          label="Title"
          error={error.fields.title}
          hint={draft.titleShortened ? 'The file name is too long for a title: it was shortened. Change it if you like.' : undefined}
        >
          <input autoFocus dir="auto" value={draft.title} onChange={(e) => set({ title: e.target.value, titleShortened: false })} />
        </Field>
        <Field label="Kind" error={error.fields.kind}>
          <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as EvidenceKind })}>
            {evidenceKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sensitivity" error={error.fields.sensitivity}>
          <select value={draft.sensitivity} onChange={(e) => set({ sensitivity: e.target.value as Sensitivity })}>
            {sensitivities.map((s) => (
              <option key={s} value={s}>
                {sensitivityLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Source" hint="Who or what it came from" error={error.fields.source}>
          <input dir="auto" value={draft.source} onChange={(e) => set({ source: e.target.value })} />
        </Field>
        <Field label="Web address" error={error.fields.url}>
          <input type="url" value={draft.url} placeholder="https://…" onChange={(e) => set({ url: e.target.value })} />
        </Field>
        <Field label="Collected on" error={error.fields.collectedOn}>
          <input type="date" value={draft.collectedOn} onChange={(e) => set({ collectedOn: e.target.value })} />
        </Field>
        <Field label="Valid until" hint="After this date it counts as stale" error={error.fields.validUntil}>
          <input type="date" value={draft.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />
        </Field>
        <div className="span-2">
          <Field label={draft.kind === 'interview_note' ? 'Note' : 'Description'} error={error.fields.description}>
            <textarea rows={draft.kind === 'interview_note' ? 6 : 3} dir="auto" value={draft.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
        </div>
        {editing ? (
          editing.attachment && (
            <p className="small muted span-2">
              File: {editing.attachment.fileName} · {formatBytes(editing.attachment.size)} (a file cannot be replaced: add a new item for a new version)
            </p>
          )
        ) : (
          <div className={dragging ? 'dropzone span-2 dragging' : 'dropzone span-2'} {...handlers}>
            <Field label="File (optional): choose one or drop it here" error={error.fields.file}>
              <input type="file" onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
            </Field>
            {draft.file && (
              <p className="small">
                <strong>{draft.file.name}</strong> · {formatBytes(draft.file.size)}{' '}
                <button type="button" className="link" onClick={() => chooseFile(null)}>
                  Remove file
                </button>
              </p>
            )}
          </div>
        )}
      </div>
    </DialogForm>
  );
}
