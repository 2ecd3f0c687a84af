/**
 * The planning half of an engagement: initiatives and the rate card, the roadmap of a scenario (Gantt,
 * limits, projected maturity), its costs and chargeback, and scenarios side by side. Ctrl+Z and
 * Ctrl+Shift+Z undo and redo roadmap edits (text fields keep their own undo).
 */
import { useEffect } from 'react';
import { MONTHS } from '../components/EngagementForm';
import { useApp, type RoadmapTab } from '../stores/app';
import { useEngagement, useFramework } from '../stores/data';
import { useRoadmap } from '../stores/roadmap';
import { isTypingTarget } from '../typing';
import { CompareTab } from './roadmap/CompareTab';
import { CostsTab } from './roadmap/CostsTab';
import { InitiativesTab } from './roadmap/InitiativesTab';
import { PlanTab } from './roadmap/PlanTab';
import { ScenarioBar } from './roadmap/ScenarioBar';
import { ScreenBusy, ScreenUnavailable } from '../components/ScreenState';

const TABS: { id: RoadmapTab; label: string }[] = [
  { id: 'initiatives', label: 'Initiatives' },
  { id: 'plan', label: 'Roadmap' },
  { id: 'costs', label: 'Costs' },
  { id: 'compare', label: 'Compare scenarios' },
];

/** Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) outside text fields and dialogs: the roadmap's undo and redo. */
export function roadmapHistoryKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey || isTypingTarget(e.target) || document.querySelector('dialog[open]')) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  return null;
}

export function RoadmapView({ engagementId, tab, scenarioId }: { engagementId: string; tab: RoadmapTab; scenarioId?: string | undefined }) {
  const engagement = useEngagement((s) => s.current);
  const openEngagement = useEngagement((s) => s.open);
  const open = useRoadmap((s) => s.open);
  const loaded = useRoadmap((s) => s.loaded);
  const error = useRoadmap((s) => s.error);
  const scenarios = useRoadmap((s) => s.scenarios);
  const undo = useRoadmap((s) => s.undo);
  const undoLast = useRoadmap((s) => s.undoLast);
  const redoLast = useRoadmap((s) => s.redoLast);
  const navigate = useApp((s) => s.navigate);
  const loadFramework = useFramework((s) => s.load);

  useEffect(() => void loadFramework(), [loadFramework]);
  useEffect(() => {
    if (engagement?.id !== engagementId) void openEngagement(engagementId);
  }, [engagementId, engagement?.id, openEngagement]);
  useEffect(() => {
    void open(engagementId);
  }, [engagementId, open]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = roadmapHistoryKey(e);
      if (!action) return;
      e.preventDefault();
      void (action === 'undo' ? undoLast() : redoLast());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoLast, redoLast]);

  const selected = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0] ?? null;
  const go = (next: RoadmapTab, sid = selected?.id) => navigate({ name: 'roadmap', engagementId, tab: next, ...(sid ? { scenarioId: sid } : {}) });

  if (error) {
    return <ScreenUnavailable title="Roadmap unavailable" error={error} back={{ label: 'Back to the engagement', go: () => navigate({ name: 'engagement', engagementId, tab: 'assessments' }) }} />;
  }
  if (!engagement || engagement.id !== engagementId || !loaded) return <ScreenBusy text="Opening the roadmap…" />;

  return (
    <section className="page roadmap-page" aria-labelledby="roadmap-title">
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>{engagement.client}</button>{' '}
            <span aria-hidden="true">/</span>
          </nav>
          <h1 id="roadmap-title">Roadmap and scenarios</h1>
          <p className="muted">
            Amounts in {engagement.currency} · fiscal year starts in {MONTHS[engagement.fyStartMonth - 1]}
          </p>
        </div>
        <div className="page-actions">
          <button className="btn small" disabled={!undo.undo} title={undo.undo ? `Undo: ${undo.undo} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => void undoLast()}>
            Undo{undo.undo ? `: ${undo.undo}` : ''}
          </button>
          <button className="btn small" disabled={!undo.redo} title={undo.redo ? `Redo: ${undo.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={() => void redoLast()}>
            Redo
          </button>
        </div>
      </header>
      <div role="tablist" aria-label="Roadmap sections" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`rtab-${t.id}`} aria-selected={tab === t.id} aria-controls={`rpanel-${t.id}`} className="tab" onClick={() => go(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`rpanel-${tab}`} aria-labelledby={`rtab-${tab}`} className="tab-panel">
        {tab === 'initiatives' && <InitiativesTab engagement={engagement} />}
        {(tab === 'plan' || tab === 'costs') && (
          <>
            <ScenarioBar engagement={engagement} selected={selected} onSelect={(sid) => go(tab, sid)} />
            {selected && tab === 'plan' && <PlanTab engagement={engagement} scenario={selected} />}
            {selected && tab === 'costs' && <CostsTab engagement={engagement} scenario={selected} />}
          </>
        )}
        {tab === 'compare' && <CompareTab engagement={engagement} />}
      </div>
    </section>
  );
}
