import type { KeyboardEvent } from 'react';
import type { ActionItem, AssessmentDetail, Participant, WorkshopSession } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { formatDate } from '../format';
import { useAssessment } from '../stores/assessment';
import { useWorkspace, type DetailsTab } from '../stores/workspace';
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
  session: WorkshopSession | null;
  engagementId: string;
}

/**
 * One capability on the workspace, laid out to fit a laptop in front of a client: the title; the agreed score and
 * what the levels mean on the left; the room's votes and the evidence on the right; rationale, actions, history
 * and guidance below.
 */
export function CapabilityPanel({ row, detail, framework, participants, voters, session, engagementId }: CapabilityPanelProps) {
  const rate = useAssessment((s) => s.rate);
  const fullDescriptors = useWorkspace((s) => s.fullDescriptors);
  const setFullDescriptors = useWorkspace((s) => s.setFullDescriptors);
  const { capability, rating } = row;
  const module = framework.modules.find((m) => m.id === capability.moduleId);
  const assessmentId = detail.assessment.id;
  const na = !!rating?.notApplicable;
  const actions = detail.actions.filter((a) => a.capabilityId === capability.id);

  return (
    <article className="cap-view cap-layout" aria-labelledby="cap-title">
      <header className="cap-header">
        <p className="eyebrow">
          {module?.id} · {module?.name}
        </p>
        <h2 id="cap-title" className="cap-title">
          <span className="mono">{capability.id}</span> {capability.name}
        </h2>
        <p className="statement">{capability.statement}</p>
      </header>
      <div className="cap-main">
          <ScorePanel row={row} scale={framework.scale} voters={voters} previousLabel={detail.previous?.label ?? null} />
          <section className="descriptors" aria-label="What each level means">
            <div className="descriptors-head">
              <h3 className="descriptors-title">What each level means</h3>
              <button type="button" className="btn small ghost" aria-expanded={fullDescriptors} onClick={() => setFullDescriptors(!fullDescriptors)}>
                Full descriptors <span aria-hidden="true">{fullDescriptors ? '▴' : '▾'}</span>
              </button>
            </div>
            <LevelDescriptors
              capability={capability}
              scale={framework.scale}
              current={na ? null : rating?.currentLevel ?? null}
              target={na ? null : rating?.targetLevel ?? null}
              onPick={(level, asTarget) => void rate(capability.id, asTarget ? { targetLevel: level } : { currentLevel: level, ...(na ? { notApplicable: false } : {}) })}
              className={fullDescriptors ? 'workspace-levels' : 'workspace-levels compact'}
            />
          </section>
          <RatingNotes key={capability.id} capabilityId={capability.id} rating={rating} />
          <DetailsTabs row={row} actions={actions} engagementId={engagementId} assessmentId={assessmentId} participants={participants} />
      </div>
      <aside className="cap-aside" aria-label="Votes, evidence and previous assessment">
          <VotesPanel row={row} participants={participants} voters={voters} session={session} />
          <EvidencePanel engagementId={engagementId} assessmentId={assessmentId} capabilityId={capability.id} linked={row.evidence} />
          <PreviousCard row={row} detail={detail} />
        </aside>
    </article>
  );
}

const TABS: readonly DetailsTab[] = ['actions', 'history', 'guidance'];

/** Action items, the capability's history and the framework's guidance, one at a time. */
function DetailsTabs({ row, actions, engagementId, assessmentId, participants }: { row: CapabilityRow; actions: ActionItem[]; engagementId: string; assessmentId: string; participants: readonly Participant[] }) {
  const tab = useWorkspace((s) => s.detailsTab);
  const set = useWorkspace((s) => s.set);
  const { capability } = row;
  const history = useAuditTrail(engagementId, assessmentId, capability.id, historyVersion(row, actions));
  const labels: Record<DetailsTab, string> = { actions: `Actions (${actions.length})`, history: 'History', guidance: 'Guiding questions' };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    set({ detailsTab: next });
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <section className="details-tabs">
      <div role="tablist" aria-label={`More about ${capability.id}`} className="tabs compact-tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button key={t} id={`tab-${t}`} type="button" role="tab" className="tab" aria-selected={tab === t} aria-controls={`panel-${t}`} tabIndex={tab === t ? 0 : -1} onClick={() => set({ detailsTab: t })}>
            {labels[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'actions' && <ActionItems key={`actions-${capability.id}`} capabilityId={capability.id} actions={actions} />}
        {tab === 'history' && <AuditList {...history} participants={participants} label={`History of ${capability.id}`} scrolls />}
        {tab === 'guidance' && <CapabilityGuidance capability={capability} />}
      </div>
    </section>
  );
}

/** The same capability in the previous assessment, and how far it moved since. */
function PreviousCard({ row, detail }: { row: CapabilityRow; detail: AssessmentDetail }) {
  if (!detail.previous) return null;
  const previous = detail.previous.ratings[row.capability.id];
  return (
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
            {row.change !== null && (
              <span className={`previous-change ${row.change > 0 ? 'up' : row.change < 0 ? 'down' : ''}`}>
                {' '}
                · {row.change === 0 ? 'Same level now' : `${row.change > 0 ? 'Up' : 'Down'} ${Math.abs(row.change)} level${Math.abs(row.change) > 1 ? 's' : ''} now`}
              </span>
            )}
          </p>
          {previous.rationale ? <blockquote className="previous-rationale">{previous.rationale}</blockquote> : <p className="muted small">No rationale recorded.</p>}
        </>
      ) : (
        <p className="muted small">Not scored in {detail.previous.label}.</p>
      )}
    </section>
  );
}
