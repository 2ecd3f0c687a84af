/**
 * An engagement as one file: exported to hand to a colleague (with or without evidence files, or only
 * evidence up to a sensitivity), or imported as a new engagement of this data folder.
 */
import { useState } from 'react';
import type { Engagement, Sensitivity } from '../../../shared/domain';
import type { ExportResult } from '../../../shared/report/outcomes';
import { errorMessage } from '../api';
import { useApp } from '../stores/app';
import { useExports } from '../stores/exports';
import { Dialog } from './Dialog';
import { WrittenFileLine } from './ExportDialog';

const LEVELS: { value: Sensitivity | ''; label: string }[] = [
  { value: '', label: 'All evidence, restricted included' },
  { value: 'confidential', label: 'Up to confidential' },
  { value: 'internal', label: 'Up to internal' },
  { value: 'public', label: 'Public evidence only' },
];

export function ExportEngagementDialog({ open, onClose, engagement }: { open: boolean; onClose(): void; engagement: Engagement }) {
  const exportEngagement = useExports((s) => s.exportEngagement);
  const [withAttachments, setWithAttachments] = useState(true);
  const [max, setMax] = useState<Sensitivity | ''>('');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setResult(null);
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await exportEngagement({ engagementId: engagement.id, withAttachments, ...(max ? { maxSensitivity: max } : {}) }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title={`Export ${engagement.client} as one file`} onClose={close} onSubmit={submit} submitLabel={result ? 'Export again' : 'Export file'} cancelLabel="Close" busy={busy} error={error}>
      <p className="muted">
        The whole engagement (people, assessments, scores, votes, evidence and history) as one file a colleague can import. It is a snapshot: later changes here are not in it.
      </p>
      <label className="check">
        <input type="checkbox" checked={withAttachments} onChange={(e) => setWithAttachments(e.target.checked)} /> Include evidence files
      </label>
      <label className="field">
        <span className="field-label">Evidence to include</span>
        <select value={max} onChange={(e) => setMax(e.target.value as Sensitivity | '')}>
          {LEVELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        <span className="field-hint">Evidence left out is removed from the file with its history, not just hidden.</span>
      </label>
      {result && <WrittenFileLine file={result} ms={result.ms} />}
    </Dialog>
  );
}

export function ImportEngagementDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const importEngagement = useExports((s) => s.importEngagement);
  const navigate = useApp((s) => s.navigate);
  const notify = useApp((s) => s.notify);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFile(null);
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await importEngagement(file);
      notify('info', r.newId ? `${r.engagement.client} imported as a copy: this folder already had that engagement` : `${r.engagement.client} imported`);
      close();
      navigate({ name: 'engagement', engagementId: r.engagement.id, tab: 'assessments' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title="Import an engagement file" onClose={close} onSubmit={file ? submit : undefined} submitLabel="Import" busy={busy} error={error}>
      <p className="muted">An engagement file (.mwb) exported from Maturity Workbench joins your engagements as it was; your own engagements are not changed.</p>
      <label className="field">
        <span className="field-label">Engagement file</span>
        <input type="file" accept=".mwb" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
    </Dialog>
  );
}
