import { useState, type KeyboardEvent } from 'react';
import { actionStatuses, type ActionItem, type ActionStatus } from '../../../shared/domain';
import { useAssessment } from '../stores/assessment';
import { AutosaveField } from './AutosaveField';

const statusLabels: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };

/** Follow-ups agreed on a capability: add, edit in place (saved as typed), remove. */
export function ActionItems({ capabilityId, actions }: { capabilityId: string; actions: readonly ActionItem[] }) {
  const addAction = useAssessment((s) => s.addAction);
  const updateAction = useAssessment((s) => s.updateAction);
  const removeAction = useAssessment((s) => s.removeAction);
  const [draft, setDraft] = useState({ text: '', owner: '', dueDate: '' });

  const add = async () => {
    if (!draft.text.trim()) return;
    // Like the rationale: once the action is in, the keys belong to the workspace again (J moves on, digits score).
    if (document.activeElement instanceof HTMLElement && document.activeElement.closest('.action-add')) document.activeElement.blur();
    const done = await addAction(capabilityId, { text: draft.text, owner: draft.owner, dueDate: draft.dueDate || null });
    if (done) setDraft({ text: '', owner: draft.owner, dueDate: '' });
  };
  /** Esc leaves the form's fields, as it leaves the rationale. */
  const leave = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Escape' || !(e.target instanceof HTMLElement)) return;
    e.preventDefault();
    e.target.blur();
  };

  return (
    <div className="actions">
      {actions.length > 0 && (
        <ul className="action-list" aria-label="Action items">
          {actions.map((a) => (
            <li key={a.id} className={`action status-${a.status}`}>
              <AutosaveField className="grow" label="Action" hideLabel value={a.text} onSave={(text) => text.trim() && void updateAction(a.id, { text })} />
              <AutosaveField label="Owner" hideLabel placeholder="Owner" value={a.owner} onSave={(owner) => void updateAction(a.id, { owner })} />
              <label className="field">
                <span className="sr-only">Due date</span>
                <input type="date" value={a.dueDate ?? ''} onChange={(e) => void updateAction(a.id, { dueDate: e.target.value || null })} />
              </label>
              <label className="field">
                <span className="sr-only">Status</span>
                <select value={a.status} onChange={(e) => void updateAction(a.id, { status: e.target.value as ActionStatus })}>
                  {actionStatuses.map((s) => (
                    <option key={s} value={s}>
                      {statusLabels[s]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn small ghost danger-text" aria-label={`Remove action ${a.text}`} onClick={() => void removeAction(a.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form wrap action-add"
        onKeyDown={leave}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field grow">
          <span className="field-label">New action (A)</span>
          <input id="new-action" value={draft.text} placeholder="What will be done?" onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">
            <span className="sr-only">Action </span>Owner
          </span>
          <input value={draft.owner} onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Due</span>
          <input type="date" value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} />
        </label>
        <button type="submit" className="btn" disabled={!draft.text.trim()}>
          Add action
        </button>
      </form>
    </div>
  );
}
