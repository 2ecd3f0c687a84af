import { useEffect, useState } from 'react';
import type { AuditEntry, Participant } from '../../../shared/domain';
import { errorMessage, invoke } from '../api';
import { formatDateTime } from '../format';
import { describeEntry } from '../workspace/audit';

/**
 * The audit trail of an assessment (or of one capability in it), re-read when `version` changes. The read waits
 * for a quiet moment, so flicking through capabilities or typing scores does not query the history each time.
 */
export function useAuditTrail(engagementId: string, assessmentId: string, capabilityId: string | undefined, version: unknown) {
  const scope = `${assessmentId}/${capabilityId ?? ''}`;
  const [state, setState] = useState<{ scope: string; entries: AuditEntry[] | null; error: string | null }>({ scope, entries: null, error: null });
  useEffect(() => {
    let live = true;
    const t = window.setTimeout(() => {
      invoke('assessment.history', { engagementId, assessmentId, ...(capabilityId ? { capabilityId } : {}), limit: capabilityId ? 100 : 500 })
        .then((entries) => live && setState({ scope, entries, error: null }))
        .catch((err: unknown) => live && setState({ scope, entries: null, error: errorMessage(err) }));
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [engagementId, assessmentId, capabilityId, scope, version]);
  // Never show one capability's history under another's name while the new one loads.
  return state.scope === scope ? { entries: state.entries, error: state.error } : { entries: null, error: null };
}

interface AuditListProps {
  entries: readonly AuditEntry[] | null;
  error: string | null;
  participants: readonly Participant[];
  /** Show the capability of each entry (the assessment-wide view). */
  withCapability?: boolean;
  onCapability?: (capabilityId: string) => void;
  label: string;
  /** The list scrolls inside a fixed height, so it must be reachable by keyboard. */
  scrolls?: boolean;
}

/** Who changed what, when, from what to what. */
export function AuditList({ entries, error, participants, withCapability, onCapability, label, scrolls }: AuditListProps) {
  if (error) return <p className="form-error" role="alert">{error}</p>;
  if (!entries) return <p className="muted small">Loading…</p>;
  if (entries.length === 0) return <p className="muted small">No changes yet.</p>;
  return (
    <ol className={scrolls ? 'audit scrolls' : 'audit'} aria-label={label} tabIndex={scrolls ? 0 : undefined}>
      {entries.map((entry) => {
        const r = describeEntry(entry, participants);
        const cap = withCapability ? r.capabilityId ?? (entry.entity === 'rating' ? entry.entityId : null) : null;
        return (
          <li key={entry.seq}>
            <div className="audit-head">
              <span className="strong">{r.what}</span>
              {cap &&
                (onCapability ? (
                  <button type="button" className="link mono" onClick={() => onCapability(cap)}>
                    {cap}
                  </button>
                ) : (
                  <span className="mono">{cap}</span>
                ))}
              <span className="muted small audit-when">
                {entry.actor} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </span>
            </div>
            {r.changes.length > 0 && <div className="audit-changes small">{r.changes.join('; ')}</div>}
          </li>
        );
      })}
    </ol>
  );
}
