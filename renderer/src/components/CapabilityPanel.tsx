import type { ActionItem, AssessmentDetail, Participant } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { formatDate } from '../format';
import { useAssessment } from '../stores/assessment';
import type { CapabilityRow } from '../workspace/model';
import { ActionItems } from './ActionItems';
import { AuditList, useAuditTrail } from './AuditList';
import { CapabilityGuidance } from './CapabilityGuidance';
import { EvidencePanel } from './EvidencePanel';
import { LevelDescriptors } from './LevelDescriptors';
import { RatingNotes, ScorePanel } from './ScorePanel';
import { VotesPanel } from './VotesPanel';

/** Changes whenever something recorded about the capability changes (undo included). */
function historyVersion(row: CapabilityRow, actions: readonly ActionItem[]): string {
  const votes = row.votes.map((v) => `${v.participantId}${v.currentLevel}${v.targetLevel}${v.updatedAt}`);
  const evidence = row.evidence.map((e) => e.id);
  return JSON.stringify([row.rating ?? null, votes, evidence, actions]);
}

interface CapabilityPanelProps {
  row: CapabilityRow;
  detail: AssessmentDetail;
  framework: Framework;
  participants: readonly Participant[];
  voters: readonly Participant[];
  engagementId: string;
}

/** One capability on the workspace: what it means, the agreed score, the room's votes, notes, actions, evidence, history. */
export function CapabilityPanel({ row, detail, framework, participants, voters, engagementId }: CapabilityPanelProps) {
  const rate = useAssessment((s) => s.rate);
  const { capability, rating } = row;
  const module = framework.modules.find((m) => m.id === capability.moduleId);
  const assessmentId = detail.assessment.id;
  const previous = detail.previous?.ratings[capability.id];
  const na = !!rating?.notApplicable;
  const actions = detail.actions.filter((a) => a.capabilityId === capability.id);
  const history = useAuditTrail(engagementId, assessmentId, capability.id, historyVersion(row, actions));

  return (
    <div className="cap-layout">
      <article className="cap-main" aria-labelledby="cap-title">
        <header className="cap-header">
          <p className="eyebrow">
            {module?.id} · {module?.name}
          </p>
          <h2 id="cap-title" className="cap-title">
            <span className="mono">{capability.id}</span> {capability.name}
          </h2>
          <p className="statement">{capability.statement}</p>
          <div className={rating?.carriedOver ? 'status-strip carried' : 'status-strip'}>
            {rating?.carriedOver ? (
              <>
                <span>
                  <strong>Carried over</strong> from {detail.previous?.label ?? 'the previous assessment'}: still to be confirmed.
                </span>
                <button type="button" className="btn small primary" onClick={() => void rate(capability.id, { confirm: true })}>
                  Confirm <kbd>C</kbd>
                </button>
              </>
            ) : na ? (
              <span>
                <strong>Not applicable</strong> here: left out of every average.
              </span>
            ) : row.scored ? (
              <span className="muted">Agreed. Press J for the next capability, or U for the next unscored one.</span>
            ) : (
              <span className="muted">Not scored yet. Press 1 to 5 for the current level, Shift+1 to 5 for the target.</span>
            )}
          </div>
        </header>
        <ScorePanel capabilityId={capability.id} rating={rating} scale={framework.scale} />
        <LevelDescriptors
          capability={capability}
          scale={framework.scale}
          current={na ? null : rating?.currentLevel ?? null}
          target={na ? null : rating?.targetLevel ?? null}
          onPick={(level, asTarget) => void rate(capability.id, asTarget ? { targetLevel: level } : { currentLevel: level, ...(na ? { notApplicable: false } : {}) })}
          className="workspace-levels"
        />
        <VotesPanel row={row} participants={participants} voters={voters} />
        <RatingNotes key={capability.id} capabilityId={capability.id} rating={rating} />
        <ActionItems key={`actions-${capability.id}`} capabilityId={capability.id} actions={actions} />
        <CapabilityGuidance capability={capability} />
      </article>
      <aside className="cap-aside" aria-label="Evidence, previous assessment and history">
        {detail.previous && (
          <section className="card previous" aria-labelledby="previous-title">
            <h3 id="previous-title">
              {detail.previous.label} <span className="muted small">({formatDate(detail.previous.date)})</span>
            </h3>
            {previous ? (
              <>
                <p className="previous-score">
                  {previous.notApplicable ? (
                    'Not applicable'
                  ) : (
                    <>
                      Current <strong>{previous.currentLevel ?? '—'}</strong> · Target <strong>{previous.targetLevel ?? '—'}</strong>
                    </>
                  )}
                </p>
                {row.change !== null && (
                  <p className={`previous-change ${row.change > 0 ? 'up' : row.change < 0 ? 'down' : ''}`}>
                    {row.change === 0 ? 'Same level now' : `${row.change > 0 ? 'Up' : 'Down'} ${Math.abs(row.change)} level${Math.abs(row.change) > 1 ? 's' : ''} now`}
                  </p>
                )}
                {previous.rationale ? <blockquote className="previous-rationale">{previous.rationale}</blockquote> : <p className="muted small">No rationale recorded.</p>}
              </>
            ) : (
              <p className="muted small">Not scored in {detail.previous.label}.</p>
            )}
          </section>
        )}
        <EvidencePanel engagementId={engagementId} assessmentId={assessmentId} capabilityId={capability.id} linked={row.evidence} />
        <section className="card history" aria-labelledby="history-title">
          <h3 id="history-title">History of {capability.id}</h3>
          <AuditList {...history} participants={participants} label={`History of ${capability.id}`} scrolls />
        </section>
      </aside>
    </div>
  );
}
