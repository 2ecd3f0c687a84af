import { useEffect } from 'react';
import type { WorkshopSession } from '../../../shared/domain';
import { LevelDescriptors } from '../components/LevelDescriptors';
import { formatMedian, voteDots } from '../components/VotesPanel';
import { VoteDots } from '../components/VoteDots';
import { WorkshopClock } from '../components/WorkshopClock';
import { useOpenAssessment, useWorkspaceModel } from '../workspace/hooks';

/** The running session, else the latest one. */
function currentSession(sessions: readonly WorkshopSession[]): WorkshopSession | null {
  const running = sessions.filter((s) => s.endedAt === null);
  const pool = running.length ? running : sessions;
  return [...pool].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** What the room sees: the capability the facilitator is on, the votes, the agreed score and the clock. Follows live. */
export function ProjectorView({ engagementId, assessmentId }: { engagementId: string; assessmentId: string }) {
  const { detail, framework, error, engagement, participants } = useOpenAssessment(engagementId, assessmentId);
  const model = useWorkspaceModel(framework, detail);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'f' && !e.ctrlKey && !e.metaKey && !e.altKey) toggleFullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);


  if (error) {
    return (
      <main className="projector" id="main">
        <p className="pj-message" role="alert">{error}</p>
      </main>
    );
  }
  if (!detail || !framework || !model) {
    return (
      <main className="projector" id="main" aria-busy="true">
        <p className="pj-message">Connecting…</p>
      </main>
    );
  }
  const session = currentSession(detail.sessions);
  const focusId = session?.focusCapabilityId ?? model.rows[0]?.capability.id;
  const row = focusId ? model.byId.get(focusId) : undefined;
  const module = row ? framework.modules.find((m) => m.id === row.capability.moduleId) : undefined;
  const rating = row?.rating;
  const na = !!rating?.notApplicable;
  const agreed = na ? null : rating?.currentLevel ?? null;
  const target = na ? null : rating?.targetLevel ?? null;
  const dots = row ? voteDots(row, participants) : { current: [], target: [] };

  return (
    <main className="projector" id="main" aria-labelledby="pj-title">
      <header className="pj-top">
        <div className="pj-context">
          <span className="logo" aria-hidden="true">◆</span> {engagement?.client} · {detail.assessment.label}
          {(!session || session.endedAt) && <span className="pj-note">{session ? 'Workshop ended' : 'No workshop running: start one on the workspace'}</span>}
        </div>
        {session && <WorkshopClock session={session} framework={framework} capabilityId={focusId ?? null} large />}
      </header>
      {row ? (
        <>
          <section className="pj-cap" aria-live="polite">
            <p className="pj-eyebrow">
              {module?.id} · {module?.name}
            </p>
            <h1 id="pj-title" className="pj-title">
              <span className="pj-id">{row.capability.id}</span> {row.capability.name}
            </h1>
            <p className="pj-statement">{row.capability.statement}</p>
          </section>
          <LevelDescriptors capability={row.capability} scale={framework.scale} current={agreed} target={target} className="pj-levels" />
          <footer className="pj-bottom">
            <div className="pj-votes">
              <p className={row.consensus.disagreement ? 'pj-disagree' : 'pj-disagree none'}>
                {row.consensus.disagreement ? `⚑ Disagreement: votes ${row.consensus.spread} levels apart, discuss first` : ' '}
              </p>
              <VoteDots capacity={session?.participantIds.length || participants.length} current={dots.current} target={dots.target} median={row.consensus.median} agreed={agreed} agreedTarget={target} large />
            </div>
            <dl className="pj-scores">
              <div>
                <dt>Votes</dt>
                <dd>{row.consensus.count}</dd>
              </div>
              <div>
                <dt>Median</dt>
                <dd>{formatMedian(row.consensus.median)}</dd>
              </div>
              <div className="pj-agreed">
                <dt>Agreed</dt>
                <dd>{na ? 'N/A' : agreed ?? '—'}</dd>
              </div>
              <div>
                <dt>Target</dt>
                <dd>{target ?? '—'}</dd>
              </div>
            </dl>
          </footer>
        </>
      ) : (
        <h1 id="pj-title" className="pj-message">No capability in scope.</h1>
      )}
    </main>
  );
}
