import type { AssessmentDetail, Participant } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { AuditList, useAuditTrail } from '../components/AuditList';
import { formatDate, formatTime } from '../format';

interface ActivityViewProps {
  engagementId: string;
  detail: AssessmentDetail;
  framework: Framework;
  participants: readonly Participant[];
  onCapability(capabilityId: string): void;
}

/** Everything that happened in an assessment, newest first, and its workshop sessions. */
export function ActivityView({ engagementId, detail, framework, participants, onCapability }: ActivityViewProps) {
  const trail = useAuditTrail(engagementId, detail.assessment.id, undefined, detail);
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const moduleNames = new Map(framework.modules.map((m) => [m.id, m.name]));
  return (
    <div className="activity">
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Workshop sessions ({detail.sessions.length})</h2>
        {detail.sessions.length === 0 ? (
          <p className="muted">No workshop yet. Start one from the bar above when the room is ready.</p>
        ) : (
          <table className="table" aria-label="Workshop sessions">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Time</th>
                <th scope="col">Participants present</th>
                <th scope="col">Modules covered</th>
              </tr>
            </thead>
            <tbody>
              {detail.sessions.map((s) => (
                <tr key={s.id}>
                  <td className="strong">{formatDate(s.heldOn)}</td>
                  <td>
                    {formatTime(s.startedAt)} – {s.endedAt ? formatTime(s.endedAt) : <span className="tag live">Running</span>}
                    <div className="muted small">{s.minutes} min planned</div>
                  </td>
                  <td>{s.participantIds.map((id) => names.get(id) ?? 'Former participant').join(', ') || <span className="muted">—</span>}</td>
                  <td>
                    {s.modules.map((m) => {
                      const total = framework.modules.find((x) => x.id === m)?.capabilities.length ?? 0;
                      const shown = s.discussed.filter((c) => c.startsWith(`${m}.`)).length;
                      return (
                        <div key={m}>
                          <span className="mono">{m}</span> {moduleNames.get(m)}{' '}
                          <span className="muted small">
                            · {shown} of {total} discussed
                          </span>
                        </div>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="activity-title">
        <h2 id="activity-title">Activity</h2>
        <AuditList {...trail} participants={participants} withCapability onCapability={onCapability} label="Activity in this assessment" />
      </section>
    </div>
  );
}
