import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { Participant } from '../../../shared/domain';
import { CapabilityPanel } from '../components/CapabilityPanel';
import { ModuleNavigator } from '../components/ModuleNavigator';
import { keysLabel } from '../components/Shortcuts';
import { WorkshopClock } from '../components/WorkshopClock';
import { AttendanceDialog, WorkshopDialog } from '../components/WorkshopDialog';
import { formatDate } from '../format';
import { routeHash, useApp } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { NAV_WIDTH, useWorkspace } from '../stores/workspace';
import { turnOrder, useWorkspaceKeys } from '../workspace/keys';
import { useOpenAssessment, useWorkspaceModel } from '../workspace/hooks';
import { activeSession, visibleRows, voters as votersOf } from '../workspace/model';
import { ActivityView } from './ActivityView';
import { ScreenBusy, ScreenUnavailable } from '../components/ScreenState';

interface AssessmentViewProps {
  engagementId: string;
  assessmentId: string;
  capabilityId?: string;
  /** Show the assessment's activity and sessions instead of a capability. */
  activity?: boolean;
}

export function projectorUrl(engagementId: string, assessmentId: string): string {
  return `${window.location.pathname}${window.location.search}${routeHash({ name: 'projector', engagementId, assessmentId })}`;
}

/** The assessment workspace: navigator on the left, the capability in the middle, evidence and history on the right. */
export function AssessmentView({ engagementId, assessmentId, capabilityId: routeCapability, activity }: AssessmentViewProps) {
  const { detail, framework, error, engagement, participants } = useOpenAssessment(engagementId, assessmentId);
  const focus = useAssessment((s) => s.focus);
  const endWorkshop = useAssessment((s) => s.endWorkshop);
  const pending = useAssessment((s) => s.pending);
  const synced = useAssessment((s) => s.synced);
  const navigate = useApp((s) => s.navigate);
  const filter = useWorkspace((s) => s.filter);
  const moduleId = useWorkspace((s) => s.moduleId);
  const lastCapabilityId = useWorkspace((s) => s.lastCapabilityId);
  const dialog = useWorkspace((s) => s.dialog);
  const setWorkspace = useWorkspace((s) => s.set);
  const navWidth = useWorkspace((s) => s.navWidth);
  const updateWorkshop = useAssessment((s) => s.updateWorkshop);
  const model = useWorkspaceModel(framework, detail);
  const visible = useMemo(() => (model ? visibleRows(model, filter, moduleId) : []), [model, filter, moduleId]);
  const wanted = routeCapability ?? (activity ? lastCapabilityId : null);
  const capabilityId = wanted && model?.byId.has(wanted) ? wanted : (visible[0] ?? model?.rows[0])?.capability.id;
  const session = detail ? activeSession(detail.sessions) : null;
  const voters = votersOf(participants, session);

  const go = useCallback(
    (id: string) => {
      const leaving = useApp.getState().route;
      // Moving between capabilities replaces the history entry; leaving the activity view adds one.
      navigate({ name: 'assessment', engagementId, assessmentId, capabilityId: id }, { replace: !(leaving.name === 'assessment' && leaving.activity) });
    },
    [navigate, engagementId, assessmentId],
  );

  useWorkspaceKeys({ model: model ?? { modules: [], rows: [], byId: new Map(), progress: { scored: 0, inScope: 0 } }, visible, capabilityId, voters, go });

  // A new capability starts a fresh round of fast voting, drops a key still waiting for its number, and is shown
  // from its top: its title and score panel, never the old scroll position.
  useLayoutEffect(() => {
    useWorkspace.getState().set({ voteTurn: 0, prompt: null, ...(capabilityId ? { lastCapabilityId: capabilityId } : {}) });
    document.getElementById('ws-main')?.scrollTo({ top: 0 });
  }, [capabilityId]);

  // When someone arrives or leaves during a round, the turn stays with the person whose turn it was.
  const voterIds = voters.map((p) => p.id).join(' ');
  const lastVoters = useRef<{ ids: string; voters: readonly Participant[] } | null>(null);
  useEffect(() => {
    const before = lastVoters.current;
    lastVoters.current = { ids: voterIds, voters };
    const ws = useWorkspace.getState();
    if (!before || before.ids === voterIds || !ws.voteMode) return;
    const votes = useAssessment.getState().detail?.votes.filter((v) => v.capabilityId === capabilityId) ?? [];
    const holder = turnOrder(before.voters, votes, ws.votePass)[ws.voteTurn]?.id;
    const held = holder ? turnOrder(voters, votes, ws.votePass).findIndex((p) => p.id === holder) : -1;
    if (held >= 0 && held !== ws.voteTurn) ws.set({ voteTurn: held });
  });

  // While a workshop runs, the projector follows the facilitator (debounced, so flicking through does not flood it).
  const sessionId = session?.id;
  const focused = session?.focusCapabilityId;
  useEffect(() => {
    if (!sessionId || !capabilityId || focused === capabilityId) return;
    const t = window.setTimeout(() => void focus(sessionId, capabilityId), 150);
    return () => window.clearTimeout(t);
  }, [sessionId, capabilityId, focused, focus]);

  if (error) {
    return <ScreenUnavailable title="Assessment unavailable" error={error} back={{ label: 'Back to the engagement', go: () => navigate({ name: 'engagement', engagementId, tab: 'assessments' }) }} />;
  }
  if (!detail || !framework || !model) {
    return <ScreenBusy text="Opening the assessment…" />;
  }
  const row = capabilityId ? model.byId.get(capabilityId) : undefined;
  const a = detail.assessment;

  return (
    <section className="workspace" aria-labelledby="ws-title" data-synced={synced}>
      <header className="ws-header">
        <div className="ws-title-block">
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>
              {engagement?.client ?? 'Engagement'}
            </button>{' '}
            <span aria-hidden="true">/</span>
          </nav>
          <h1 id="ws-title">
            {a.label} <span className="muted ws-date">{formatDate(a.date)}</span>
          </h1>
        </div>
        <div className="ws-tools">
          <span className={pending ? 'save-state saving' : 'save-state'} data-pending={pending}>
            {pending ? 'Saving…' : '✓ All changes saved'}
          </span>
          <button type="button" className="btn" disabled={!detail.undo.undo} onClick={() => void useAssessment.getState().undo()} title={detail.undo.undo ? `Undo: ${detail.undo.undo} (${keysLabel('Mod+Z')})` : 'Nothing to undo'}>
            ↶ Undo
          </button>
          <button type="button" className="btn" disabled={!detail.undo.redo} onClick={() => void useAssessment.getState().redo()} title={detail.undo.redo ? `Redo: ${detail.undo.redo} (${keysLabel('Mod+Shift+Z')})` : 'Nothing to redo'}>
            ↷ Redo
          </button>
          <button type="button" className="btn" onClick={() => navigate({ name: 'results', engagementId, assessmentId })} title="Results of this assessment (G)">
            Results
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={!!activity}
            onClick={() => navigate({ name: 'assessment', engagementId, assessmentId, ...(activity ? { capabilityId } : { activity: true }) })}
          >
            Activity &amp; sessions
          </button>
          {!session && (
            <button type="button" className="btn primary" onClick={() => setWorkspace({ dialog: 'workshop' })}>
              Start workshop
            </button>
          )}
        </div>
        {session && (
          <div className="workshop-bar" role="region" aria-label="Workshop">
            <span className="live-dot" aria-hidden="true" />
            <strong>Workshop</strong>
            <WorkshopClock session={session} framework={framework} capabilityId={capabilityId ?? null} />
            <span className="workshop-bar-actions">
              <button type="button" className="btn small" onClick={() => setWorkspace({ dialog: 'attendance' })} title="Who is in the room: tick in a late arrival">
                Attendance ({voters.length})
              </button>
              <button
                type="button"
                className="btn small"
                aria-pressed={session.blind}
                title="Blind voting: the projector hides the votes until you reveal them with B"
                onClick={() => void updateWorkshop(session.id, { blind: !session.blind })}
              >
                Blind votes {session.blind ? 'on' : 'off'}
              </button>
              <button type="button" className="btn small" onClick={() => window.open(projectorUrl(engagementId, assessmentId), 'maturity-projector')}>
                Open projector
              </button>
              <button type="button" className="btn small" onClick={() => void endWorkshop(session.id)}>
                End workshop
              </button>
            </span>
          </div>
        )}
      </header>
      <div className="ws-body" style={{ gridTemplateColumns: `${navWidth}px minmax(0, 1fr)` }}>
        <ModuleNavigator model={model} visible={visible} capabilityId={capabilityId} onSelect={go} />
        <NavResizer width={navWidth} />
        <div className="ws-main" id="ws-main">
          {activity ? (
            <ActivityView engagementId={engagementId} detail={detail} framework={framework} participants={participants} onCapability={go} />
          ) : row ? (
            <CapabilityPanel row={row} detail={detail} framework={framework} participants={participants} voters={voters} session={session} engagementId={engagementId} />
          ) : (
            <p className="muted">No capability in scope.</p>
          )}
        </div>
      </div>
      <WorkshopDialog open={dialog === 'workshop'} modules={model.modules.map((g) => g.module)} participants={participants} onClose={() => setWorkspace({ dialog: null })} />
      {session && <AttendanceDialog open={dialog === 'attendance'} session={session} participants={participants} onClose={() => setWorkspace({ dialog: null })} />}
    </section>
  );
}

/** The edge between the capability list and the capability: drag it, or focus it and use the arrow keys. */
function NavResizer({ width }: { width: number }) {
  const setNavWidth = useWorkspace((s) => s.setNavWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowLeft: width - 16, ArrowRight: width + 16, Home: NAV_WIDTH.min, End: NAV_WIDTH.max }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    setNavWidth(next);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the capability list"
      aria-valuenow={width}
      aria-valuemin={NAV_WIDTH.min}
      aria-valuemax={NAV_WIDTH.max}
      tabIndex={0}
      className="nav-resizer"
      style={{ left: width - 4 }}
      onKeyDown={onKey}
      onPointerDown={(e: PointerEvent<HTMLDivElement>) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => drag.current && setNavWidth(drag.current.width + e.clientX - drag.current.x)}
      onPointerUp={() => {
        drag.current = null;
      }}
    />
  );
}
