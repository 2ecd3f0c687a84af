import { useEffect, useLayoutEffect, useRef } from 'react';
import type { WorkshopSession } from '../../../shared/domain';
import { LevelDescriptors } from '../components/LevelDescriptors';
import { Messages } from '../components/Messages';
import { formatMedian, voteDots } from '../components/VotesPanel';
import { VoteDots } from '../components/VoteDots';
import { WorkshopClock } from '../components/WorkshopClock';
import { useOpenAssessment, useWorkspaceModel } from '../workspace/hooks';
import type { CapabilityRow } from '../workspace/model';

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

const overflows = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('.level')].some((l) => l.scrollHeight > l.clientHeight + 1);

/**
 * Sizes the descriptors' text to the room they have: as large as fits (up to 1.5 times the base size on a big
 * screen), never cut off on a small one. Re-fits when the screen or the capability changes.
 */
function useFitText(key: string) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const set = (f: number) => el.style.setProperty('--fit', f.toFixed(3));
      let lo = 0.45;
      let hi = 1.5;
      set(hi);
      if (!overflows(el)) return;
      for (let i = 0; i < 9; i++) {
        const mid = (lo + hi) / 2;
        set(mid);
        if (overflows(el)) hi = mid;
        else lo = mid;
      }
      set(lo);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [key]);
  return ref;
}

/** What the room sees: the capability the facilitator is on, the votes, the agreed score and the clock. Follows live. */
export function ProjectorView({ engagementId, assessmentId }: { engagementId: string; assessmentId: string }) {
  const { detail, framework, error, engagement, participants } = useOpenAssessment(engagementId, assessmentId);
  const model = useWorkspaceModel(framework, detail);
  const session = detail ? currentSession(detail.sessions) : null;
  const focusId = session?.focusCapabilityId ?? model?.rows[0]?.capability.id;
  const row = focusId ? model?.byId.get(focusId) : undefined;
  const rating = row?.rating;
  const levelsRef = useFitText(`${row?.capability.id}:${rating?.currentLevel}:${rating?.targetLevel}`);

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
  const module = row ? framework.modules.find((m) => m.id === row.capability.moduleId) : undefined;
  const na = !!rating?.notApplicable;
  const agreed = na ? null : rating?.currentLevel ?? null;
  const target = na ? null : rating?.targetLevel ?? null;
  const capacity = session?.participantIds.length || participants.length;
  // Blind voting: while the round is open the room sees how many have voted, not what.
  const hidden = !!row && !!session && session.blind && !session.endedAt && !session.revealed.includes(row.capability.id);

  return (
    <main className="projector" id="main" aria-labelledby="pj-title">
      <header className="pj-top">
        <div className="pj-context">
          <span className="logo" aria-hidden="true">◆</span> {engagement?.client} · {detail.assessment.label}
          {(!session || session.endedAt) && <span className="pj-note">{session ? 'Workshop ended' : 'No workshop running: start one on the workspace'}</span>}
        </div>
        <Messages className="pj-messages" />
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
          <div className="pj-levels-box" ref={levelsRef}>
            <LevelDescriptors capability={row.capability} scale={framework.scale} current={agreed} target={target} className="pj-levels" />
          </div>
          <footer className="pj-bottom">
            <div className="pj-votes">
              {hidden ? <HiddenVotes row={row} capacity={capacity} /> : <RoomVotes row={row} participants={participants} capacity={capacity} agreed={agreed} target={target} />}
            </div>
            <div className="pj-side">
            {row.consensus.disagreement && !hidden && <p className="pj-disagree">⚑ Disagreement: votes {row.consensus.spread} levels apart, discuss first</p>}
            <dl className="pj-scores">
              <div>
                <dt>Votes</dt>
                <dd>{row.consensus.count}</dd>
              </div>
              <div>
                <dt>Median</dt>
                <dd title={hidden ? 'Hidden until the votes are revealed' : undefined}>{hidden ? '?' : formatMedian(row.consensus.median)}</dd>
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
            </div>
          </footer>
        </>
      ) : (
        <h1 id="pj-title" className="pj-message">No capability in scope.</h1>
      )}
    </main>
  );
}

function RoomVotes({ row, participants, capacity, agreed, target }: { row: CapabilityRow; participants: Parameters<typeof voteDots>[1]; capacity: number; agreed: number | null; target: number | null }) {
  const dots = voteDots(row, participants);
  return <VoteDots capacity={capacity} current={dots.current} target={dots.target} median={row.consensus.median} agreed={agreed} agreedTarget={target} large />;
}

/** Blind voting before the reveal: one mark per person in the room, filled once they have voted. */
function HiddenVotes({ row, capacity }: { row: CapabilityRow; capacity: number }) {
  const count = row.consensus.count;
  const slots = Math.max(capacity, count);
  return (
    <div className="pj-hidden">
      <p className="pj-hidden-count">
        {count} of {slots} have voted
      </p>
      <p className="pj-hidden-note">The votes appear all at once when the facilitator reveals them.</p>
      <p className="pj-hidden-marks" aria-hidden="true">
        {Array.from({ length: slots }, (_, i) => (
          <span key={i} className={i < count ? 'mark in' : 'mark'} />
        ))}
      </p>
    </div>
  );
}
