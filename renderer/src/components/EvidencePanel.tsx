import { useEffect, useState } from 'react';
import type { Evidence } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { attachmentBlob, downloadBlob, formatBytes, previewKind } from '../files';
import { formatDate } from '../format';
import { useApp } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { Dialog, DialogForm, DialogFrame } from './Dialog';
import { EvidenceDialog, kindLabels, sensitivityLabels } from './EvidenceDialog';
import { keysLabel } from './Shortcuts';
import { useFileDrop } from './useFileDrop';

interface EvidencePanelProps {
  engagementId: string;
  assessmentId: string;
  capabilityId: string;
  /** Evidence linked to this capability in this assessment. */
  linked: readonly Evidence[];
}

async function fetchFile(engagementId: string, evidenceId: string): Promise<{ blob: Blob; fileName: string }> {
  const content = await invoke('evidence.file', { engagementId, evidenceId });
  return { blob: attachmentBlob(content), fileName: content.fileName };
}

/**
 * The evidence behind a capability: linked items with their note or web address, freshness and files; add (or drop a
 * file), edit, delete (undone like any change), link, unlink, open.
 */
export function EvidencePanel({ engagementId, assessmentId, capabilityId, linked }: EvidencePanelProps) {
  const dialog = useWorkspace((s) => s.dialog);
  const droppedFile = useWorkspace((s) => s.droppedFile);
  const set = useWorkspace((s) => s.set);
  const unlink = useAssessment((s) => s.unlink);
  const removeEvidence = useAssessment((s) => s.removeEvidence);
  const notify = useApp((s) => s.notify);
  const { dragging, handlers } = useFileDrop((file) => set({ dialog: 'evidence', droppedFile: file }));
  const [preview, setPreview] = useState<Evidence | null>(null);
  const [editing, setEditing] = useState<Evidence | null>(null);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const stale = linked.filter((e) => e.stale).length;

  const remove = async (e: Evidence) => {
    setDeleting(null);
    await removeEvidence(e.id);
    notify('info', `Evidence “${e.title}” deleted. Undo (${keysLabel('Mod+Z')}) brings it back.`);
  };

  const save = async (e: Evidence) => {
    try {
      const { blob, fileName } = await fetchFile(engagementId, e.id);
      downloadBlob(blob, fileName);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };

  return (
    <section
      className={dragging ? 'card evidence dragging' : 'card evidence'}
      aria-labelledby="evidence-title"
      {...handlers}
    >
      <div className="card-head">
        <h3 id="evidence-title">
          Evidence ({linked.length}
          {stale > 0 && <span className="stale-count"> · {stale} stale</span>})
        </h3>
        <div className="card-actions">
          <button type="button" className="btn small" onClick={() => set({ dialog: 'link-evidence' })}>
            Link existing
          </button>
          <button type="button" className="btn small primary" onClick={() => set({ dialog: 'evidence', droppedFile: null })}>
            Add <kbd>E</kbd>
          </button>
        </div>
      </div>
      {linked.length === 0 ? (
        <p className="muted small drop-hint">No evidence yet. Add some, or drop a file here.</p>
      ) : (
        <ul className="evidence-list" aria-label="Linked evidence">
          {linked.map((e) => (
            <li key={e.id} className="evidence-item">
              <EvidenceSummary evidence={e} full />
              <div className="evidence-actions">
                {e.attachment && (
                  <>
                    <button type="button" className="btn small" onClick={() => setPreview(e)} aria-label={`Open ${e.attachment.fileName}`}>
                      Open
                    </button>
                    <button type="button" className="btn small" onClick={() => void save(e)} aria-label={`Save ${e.attachment.fileName}`}>
                      Save
                    </button>
                  </>
                )}
                {e.url && (
                  <a className="btn small" href={e.url} target="_blank" rel="noreferrer noopener" aria-label={`Visit ${e.title}`}>
                    Visit
                  </a>
                )}
                <button type="button" className="btn small" aria-label={`Edit ${e.title}`} onClick={() => setEditing(e)}>
                  Edit
                </button>
                <button type="button" className="btn small ghost" aria-label={`Unlink ${e.title}`} onClick={() => void unlink(capabilityId, e.id)}>
                  Unlink
                </button>
                <button type="button" className="btn small ghost danger-text" aria-label={`Delete ${e.title}`} onClick={() => setDeleting(e)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop to add as evidence for {capabilityId}</div>}
      <EvidenceDialog
        open={dialog === 'evidence'}
        engagementId={engagementId}
        assessmentId={assessmentId}
        capabilityId={capabilityId}
        initialFile={droppedFile}
        onClose={() => set({ dialog: null, droppedFile: null })}
      />
      <EvidenceDialog
        open={editing !== null}
        engagementId={engagementId}
        assessmentId={assessmentId}
        capabilityId={capabilityId}
        initialFile={null}
        editing={editing}
        onClose={() => setEditing(null)}
      />
      <Dialog
        open={deleting !== null}
        title="Delete this evidence?"
        onClose={() => setDeleting(null)}
        onSubmit={() => (deleting ? remove(deleting) : undefined)}
        danger
        submitLabel="Delete evidence"
      >
        {deleting && <p>{deletionSentence(deleting, assessmentId)}</p>}
      </Dialog>
      <LinkEvidenceDialog open={dialog === 'link-evidence'} engagementId={engagementId} capabilityId={capabilityId} linked={linked} onClose={() => set({ dialog: null })} />
      <PreviewDialog engagementId={engagementId} evidence={preview} onClose={() => setPreview(null)} onSave={save} />
    </section>
  );
}

/** What deleting an item takes away: every link it has, here and in other assessments. */
function deletionSentence(e: Evidence, assessmentId: string): string {
  const here = e.links.filter((l) => l.assessmentId === assessmentId).map((l) => l.capabilityId);
  const elsewhere = e.links.length - here.length;
  const where = [
    here.length ? `linked here to ${here.join(', ')}` : null,
    elsewhere ? `to ${elsewhere} capabilit${elsewhere === 1 ? 'y' : 'ies'} in other assessments` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return `“${e.title}”${where ? ` is ${where}` : ''}${e.attachment ? `, with the file ${e.attachment.fileName}` : ''}. Deleting removes it from all of them. Undo (${keysLabel('Mod+Z')}) brings it back with its links.`;
}

/** Notes longer than this show their start, with a button for the rest. */
const NOTE_PREVIEW = 280;

/** An item's note (or description), shown after saving as it was typed; long ones fold. */
function EvidenceText({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  if (!text.trim()) return null;
  const long = text.length > NOTE_PREVIEW;
  return (
    <div className="evidence-text small">
      <p dir="auto">{long && !all ? `${text.slice(0, NOTE_PREVIEW).trimEnd()}…` : text}</p>
      {long && (
        <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show less' : 'Show all'}
        </button>
      )}
    </div>
  );
}

export function EvidenceSummary({ evidence: e, full }: { evidence: Evidence; full?: boolean }) {
  return (
    <div className="evidence-summary">
      <span className="strong" dir="auto">
        {e.title}
      </span>
      <span className="evidence-meta small">
        <span className="tag plain">{kindLabels[e.kind]}</span>
        <span className={`tag sens-${e.sensitivity}`}>{sensitivityLabels[e.sensitivity]}</span>
        {e.validUntil && (
          <span className={e.stale ? 'tag stale' : 'muted'}>
            {e.stale ? '◷ Stale since ' : 'Valid until '}
            {formatDate(e.validUntil)}
          </span>
        )}
        {e.source && (
          <span className="muted" dir="auto">
            {e.source}
          </span>
        )}
      </span>
      {full && e.url && (
        <a className="evidence-url small" href={e.url} target="_blank" rel="noreferrer noopener">
          {e.url}
        </a>
      )}
      {full && <EvidenceText text={e.description} />}
      {e.attachment && (
        <span className="small muted">
          File: {e.attachment.fileName} · {formatBytes(e.attachment.size)}
        </span>
      )}
    </div>
  );
}

/** The engagement's evidence register, a page at a time, filtered as the consultant types. */
function useEvidencePage(engagementId: string, query: string, open: boolean, limit: number) {
  const [page, setPage] = useState<{ items: Evidence[]; total: number } | null>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    const t = window.setTimeout(() => {
      invoke('evidence.list', { engagementId, ...(query.trim() ? { query: query.trim() } : {}), limit })
        .then((r) => live && setPage(r))
        .catch(() => live && setPage({ items: [], total: 0 }));
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [engagementId, query, open, limit]);
  return page;
}

function LinkEvidenceDialog({ open, engagementId, capabilityId, linked, onClose }: { open: boolean; engagementId: string; capabilityId: string; linked: readonly Evidence[]; onClose(): void }) {
  const link = useAssessment((s) => s.link);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(50);
  const page = useEvidencePage(engagementId, filter, open, limit);
  const linkedIds = new Set(linked.map((e) => e.id));
  const shown = (page?.items ?? []).filter((e) => !linkedIds.has(e.id));
  return (
    <Dialog open={open} title={`Link evidence to ${capabilityId}`} onClose={onClose} cancelLabel="Done" wide>
      <label className="field">
        <span className="field-label">Find evidence by title or source</span>
        <input type="search" autoFocus value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <ul className="evidence-list pick" aria-label="Evidence to link">
        {shown.map((e) => (
          <li key={e.id} className="evidence-item">
            <EvidenceSummary evidence={e} />
            <button type="button" className="btn small" aria-label={`Link ${e.title}`} onClick={() => void link(capabilityId, e)}>
              Link
            </button>
          </li>
        ))}
        {page && shown.length === 0 && <li className="muted">No other evidence{filter ? ` matches “${filter}”` : ' in this engagement yet'}.</li>}
      </ul>
      {page && page.total > page.items.length && (
        <p className="small muted">
          Showing {page.items.length} of {page.total}.{' '}
          <button type="button" className="btn small" onClick={() => setLimit((n) => Math.min(200, n + 50))} disabled={limit >= 200}>
            Show more
          </button>
        </p>
      )}
    </Dialog>
  );
}

function PreviewDialog({ engagementId, evidence, onClose, onSave }: { engagementId: string; evidence: Evidence | null; onClose(): void; onSave(e: Evidence): void }) {
  return (
    <DialogFrame open={!!evidence} onClose={onClose} wide>
      {evidence && <Preview key={evidence.id} engagementId={engagementId} evidence={evidence} onSave={onSave} />}
    </DialogFrame>
  );
}

/** An attachment's picture or text, loaded when the preview opens (and shown as loading until then). */
function Preview({ engagementId, evidence, onSave }: { engagementId: string; evidence: Evidence; onSave(e: Evidence): void }) {
  const [state, setState] = useState<{ url?: string; text?: string; error?: string } | null>(null);
  const a = evidence.attachment;
  const kind = a ? previewKind(a) : null;
  const hasFile = !!a;

  useEffect(() => {
    if (!hasFile) return;
    let url: string | undefined;
    let live = true;
    fetchFile(engagementId, evidence.id)
      .then(async ({ blob }) => {
        if (!live) return;
        if (kind === 'image') {
          url = URL.createObjectURL(blob);
          setState({ url });
        } else if (kind === 'text') {
          const text = await blob.text();
          if (live) setState({ text });
        } else setState({});
      })
      .catch((err: unknown) => live && setState({ error: errorMessage(err) }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [engagementId, evidence.id, hasFile, kind]);

  return (
    <DialogForm title={a?.fileName ?? 'Attachment'} cancelLabel="Close">
      {a && (
        <div className="preview">
          <p className="small muted">
            {evidence.title} · {a.mime} · {formatBytes(a.size)}{' '}
            <button type="button" className="btn small" onClick={() => onSave(evidence)}>
              Save a copy
            </button>
          </p>
          {!state && <p className="muted">Loading…</p>}
          {state?.error && <p className="form-error" role="alert">{state.error}</p>}
          {state?.url && <img src={state.url} alt={evidence.title} className="preview-image" />}
          {state?.text !== undefined && (
            <pre className="preview-text" tabIndex={0} aria-label={`Contents of ${a.fileName}`}>
              {state.text}
            </pre>
          )}
          {state && !state.url && state.text === undefined && !state.error && <p>This kind of file has no preview here: save a copy to open it.</p>}
        </div>
      )}
    </DialogForm>
  );
}
