import { useCallback, useEffect, useMemo } from 'react';
import { CapabilityPanel } from '../components/CapabilityPanel';
import { ModuleNavigator } from '../components/ModuleNavigator';
import { keysLabel } from '../components/Shortcuts';
import { WorkshopClock } from '../components/WorkshopClock';
import { WorkshopDialog } from '../components/WorkshopDialog';
import { formatDate } from '../format';
import { routeHash, useApp } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { useWorkspaceKeys } from '../workspace/keys';
import { useOpenAssessment, useWorkspaceModel } from '../workspace/hooks';
import { activeSession, visibleRows, voters as votersOf } from '../workspace/model';
import { ActivityView } from './ActivityView';

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

  // A new capability starts a fresh round of fast voting.
  useEffect(() => {
    useWorkspace.getState().set({ voteTurn: 0, ...(capabilityId ? { lastCapabilityId: capabilityId } : {}) });
  }, [capabilityId]);

  // While a workshop runs, the projector follows the facilitator (debounced, so flicking through does not flood it).
  const sessionId = session?.id;
  const focused = session?.focusCapabilityId;
  useEffect(() => {
    if (!sessionId || !capabilityId || focused === capabilityId) return;
    const t = window.setTimeout(() => void focus(sessionId, capabilityId), 150);
    return () => window.clearTimeout(t);
  }, [sessionId, capabilityId, focused, focus]);

  if (error) {
    return (
      <section className="page">
        <h1>Assessment unavailable</h1>
        <p className="form-error" role="alert">{error}</p>
        <button className="btn" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>
          Back to the engagement
        </button>
      </section>
    );
  }
  if (!detail || !framework || !model) {
    return (
      <section className="page" aria-busy="true">
        <p className="muted">Opening the assessment…</p>
      </section>
    );
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
            <strong>Workshop running</strong>
            <WorkshopClock session={session} framework={framework} capabilityId={capabilityId ?? null} />
            <span className="workshop-bar-actions">
              <button type="button" className="btn" onClick={() => window.open(projectorUrl(engagementId, assessmentId), 'maturity-projector')}>
                Open projector
              </button>
              <button type="button" className="btn" onClick={() => void endWorkshop(session.id)}>
                End workshop
              </button>
            </span>
          </div>
        )}
      </header>
      <div className="ws-body">
        <ModuleNavigator model={model} visible={visible} capabilityId={capabilityId} onSelect={go} />
        <div className="ws-main" id="ws-main">
          {activity ? (
            <ActivityView engagementId={engagementId} detail={detail} framework={framework} participants={participants} onCapability={go} />
          ) : row ? (
            <CapabilityPanel row={row} detail={detail} framework={framework} participants={participants} voters={voters} engagementId={engagementId} />
          ) : (
            <p className="muted">No capability in scope.</p>
          )}
        </div>
      </div>
      <WorkshopDialog open={dialog === 'workshop'} modules={model.modules.map((g) => g.module)} participants={participants} onClose={() => setWorkspace({ dialog: null })} />
    </section>
  );
}
