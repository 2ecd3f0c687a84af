/**
 * The results of one assessment: the radar of module means, the heat map, the gap ranking with its
 * rule, where the room disagreed, evidence coverage and action items, all as the engine computed them.
 * What is missing is said in words instead of drawn as zeros. G goes back to the workspace.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { AssessmentResultsView, HeatMetric } from '../../../shared/results';
import { CoverageBars } from '../charts/CoverageBars';
import { fileSlug, fmtLevel, fmtPercent, shortModuleName } from '../charts/format';
import { GapBars } from '../charts/GapBars';
import { HeatMapChart } from '../charts/HeatMap';
import { RadarChart } from '../charts/Radar';
import { keysLabel } from '../components/Shortcuts';
import { formatDate } from '../format';
import { useApp } from '../stores/app';
import { useEngagement } from '../stores/data';
import { useResults } from '../stores/results';
import { isTypingTarget } from '../typing';
import { ScreenBusy, ScreenUnavailable } from '../components/ScreenState';

const STATUS_NAMES = { open: 'Open', in_progress: 'In progress', done: 'Done' } as const;

export function ResultsView({ engagementId, assessmentId }: { engagementId: string; assessmentId: string }) {
  const slot = useResults((s) => s.results);
  const loadResults = useResults((s) => s.loadResults);
  const client = useEngagement((s) => (s.current?.id === engagementId ? s.current.client : null));
  const navigate = useApp((s) => s.navigate);
  const [metric, setMetric] = useState<HeatMetric>('current');
  const [limit, setLimit] = useState<number | null>(15);
  const [present, setPresent] = useState(false);

  // Asked for before the first paint: the answer is on its way while the screen updates.
  useLayoutEffect(() => {
    void loadResults({ engagementId, assessmentId });
  }, [engagementId, assessmentId, loadResults]);
  useEffect(() => {
    if (useEngagement.getState().current?.id !== engagementId) void useEngagement.getState().open(engagementId);
  }, [engagementId]);

  // Opens a capability of the assessment on screen (while another one loads, the one still shown).
  const shownId = useRef(assessmentId);
  const toWorkspace = useCallback(
    (capabilityId?: string) => navigate({ name: 'assessment', engagementId, assessmentId: shownId.current, ...(capabilityId ? { capabilityId } : {}) }),
    [navigate, engagementId],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'g' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      navigate({ name: 'assessment', engagementId, assessmentId });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, engagementId, assessmentId]);

  // Another assessment's results stay on screen while this one's load, then update in place.
  const current = slot.viewKey?.assessmentId === assessmentId;
  const view = current || slot.loading ? slot.view : null;
  const stale = !!view && !current;
  useLayoutEffect(() => {
    shownId.current = view?.assessment.id ?? assessmentId;
  });
  if (slot.error && !view) {
    return <ScreenUnavailable title="Results unavailable" error={slot.error} back={{ label: 'Back to the engagement', go: () => navigate({ name: 'engagement', engagementId, tab: 'assessments' }) }} />;
  }
  if (!view) {
    return <ScreenBusy text="Computing the results…" />;
  }

  const a = view.assessment;
  const o = view.overall;
  const file = (what: string) => fileSlug(client ?? '', a.label, what);

  return (
    <section
      className={`page results-page${present ? ' present' : ''}${stale ? ' stale' : ''}`}
      aria-labelledby="results-title"
      aria-busy={stale}
      data-results-for={stale ? undefined : a.id}
    >
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>
              {client ?? 'Engagement'}
            </button>{' '}
            <span aria-hidden="true">/</span>{' '}
            <button className="link" onClick={() => toWorkspace()}>
              {a.label}
            </button>{' '}
            <span aria-hidden="true">/</span>
          </nav>
          <h1 id="results-title">
            Results: {a.label} <span className="muted ws-date">{formatDate(a.date)}</span>
          </h1>
          <p className="muted results-summary">
            {o.scored + o.notApplicable} of {o.total} scored{o.notApplicable ? ` (${o.notApplicable} not applicable)` : ''} · mean current{' '}
            <strong>{fmtLevel(o.meanCurrent)}</strong> · mean target <strong>{fmtLevel(o.meanTarget)}</strong> · mean gap{' '}
            <strong>{fmtLevel(o.meanGap)}</strong>
          </p>
        </div>
        <div className="page-actions">
          <button className="btn" onClick={() => toWorkspace()} title={`Back to the workspace (${keysLabel('G')})`}>
            ← Workspace <kbd>G</kbd>
          </button>
          <button className="btn" onClick={() => navigate({ name: 'trend', engagementId })}>
            Trend
          </button>
          <button className="btn" onClick={() => navigate({ name: 'portfolio', engagementId })}>
            Portfolio
          </button>
          <button className="btn" aria-pressed={present} onClick={() => setPresent(!present)} title="Larger charts and type, for a projector">
            Present
          </button>
        </div>
      </header>

      {view.missing.length > 0 && (
        <section className="notice results-missing" aria-labelledby="missing-title">
          <h2 id="missing-title">What these results do not cover yet</h2>
          <ul>
            {view.missing.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="results-grid">
        <RadarChart radar={view.radar} title="Maturity by module" fileName={file('radar')} />
        <ModulesTable view={view} />
        <div className="span-all">
          <HeatMapChart results={view} metric={metric} onMetric={setMetric} onOpen={toWorkspace} fileName={file('heat-map')} />
        </div>
        <div className="span-all">
          <GapBars entries={view.gapRanking} rule={view.gapRule} limit={limit} onLimit={setLimit} onOpen={toWorkspace} fileName={file('gap-ranking')} />
        </div>
        <div className="span-all">
          <Consensus view={view} onOpen={toWorkspace} />
        </div>
        <div className="span-all">
          <Evidence view={view} onOpen={toWorkspace} fileName={file('evidence')} />
        </div>
        <div className="span-all">
          <Actions view={view} onOpen={toWorkspace} />
        </div>
      </div>
    </section>
  );
}

function CapabilityLink({ id, name, onOpen }: { id: string; name: string; onOpen(id: string): void }) {
  return (
    <button className="link" onClick={() => onOpen(id)} title="Open in the workspace">
      <span className="mono-num strong">{id}</span> {name}
    </button>
  );
}

const ModulesTable = memo(function ModulesTable({ view }: { view: AssessmentResultsView }) {
  return (
    <section className="card results-card" aria-labelledby="modules-title">
      <h3 id="modules-title" className="chart-title">Module scores</h3>
      <p className="chart-desc">Means over scored capabilities only: not applicable and unscored ones are counted, never averaged in as zero.</p>
      <table className="table compact modules-table" aria-label="Module scores">
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Current</th>
            <th scope="col">Target</th>
            <th scope="col">Gap</th>
            <th scope="col">Scored</th>
          </tr>
        </thead>
        <tbody>
          {view.modules.map((m) => (
            <tr key={m.moduleId}>
              <th scope="row" title={m.name}>
                {m.moduleId} {shortModuleName(m.name)}
              </th>
              <td className="num strong">{fmtLevel(m.meanCurrent)}</td>
              <td className="num">{fmtLevel(m.meanTarget)}</td>
              <td className="num">{fmtLevel(m.meanGap)}</td>
              <td className="scored-cell">
                <span className="mono-num">
                  {m.scored}/{m.total}
                </span>
                {m.notApplicable ? <span className="muted small"> +{m.notApplicable} N/A</span> : null}
                {m.unconfirmed ? (
                  <span className="muted small note" title="Carried over from the previous assessment and not yet confirmed">
                    {m.unconfirmed} unconfirmed
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

/** The first few rows, and a button for the rest. */
function useShown<T>(rows: readonly T[], first = 8): { shown: readonly T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  const toggle =
    rows.length > first ? (
      <button type="button" className="btn small" onClick={() => setAll(!all)}>
        {all ? `Show the first ${first}` : `Show all ${rows.length}`}
      </button>
    ) : null;
  return { shown: all ? rows : rows.slice(0, first), toggle };
}

const Consensus = memo(function Consensus({ view, onOpen }: { view: AssessmentResultsView; onOpen(id: string): void }) {
  // Widest spread first, then framework order.
  const disagreements = [...view.consensus.disagreements].sort((a, b) => b.spread - a.spread);
  const against = [...view.consensus.agreedAgainstMedian].sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  const d = useShown(disagreements);
  const m = useShown(against);
  const voted = view.capabilities.filter((c) => c.votes.count > 0).length;
  return (
    <section className="card results-card" aria-labelledby="consensus-title">
      <h3 id="consensus-title" className="chart-title">Consensus</h3>
      <p className="chart-desc">
        {voted === 0
          ? 'No votes were recorded in this assessment.'
          : `${voted} capabilities have votes: the room disagreed (votes two or more levels apart) on ${disagreements.length}, and ${against.length} agreed ${against.length === 1 ? 'score differs' : 'scores differ'} from the level the votes proposed.`}
      </p>
      <div className="two-col even">
        <div>
          <h4>Where the room disagreed</h4>
          {disagreements.length === 0 ? (
            <p className="muted">No capability had votes two or more levels apart.</p>
          ) : (
            <table className="table compact" aria-label="Disagreements">
              <thead>
                <tr>
                  <th scope="col">Capability</th>
                  <th scope="col">Votes</th>
                  <th scope="col">Median</th>
                  <th scope="col">Agreed</th>
                  <th scope="col">Far from the median</th>
                </tr>
              </thead>
              <tbody>
                {d.shown.map((x) => (
                  <tr key={x.capabilityId}>
                    <th scope="row">
                      <CapabilityLink id={x.capabilityId} name={x.name} onOpen={onOpen} />
                    </th>
                    <td className="num">
                      {x.count} ({x.min}–{x.max})
                    </td>
                    <td className="num">{x.median}</td>
                    <td className="num strong">{x.agreed ?? '–'}</td>
                    <td>{x.outliers.map((p) => p.name).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.toggle}
        </div>
        <div>
          <h4>Agreed against the median of the votes</h4>
          {against.length === 0 ? (
            <p className="muted">Every agreed score with votes is the level the votes proposed.</p>
          ) : (
            <table className="table compact" aria-label="Agreed against the median">
              <thead>
                <tr>
                  <th scope="col">Capability</th>
                  <th scope="col">Agreed</th>
                  <th scope="col">Median</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                {m.shown.map((x) => (
                  <tr key={x.capabilityId}>
                    <th scope="row">
                      <CapabilityLink id={x.capabilityId} name={x.name} onOpen={onOpen} />
                    </th>
                    <td className="num strong">{x.agreed}</td>
                    <td className="num">{x.median}</td>
                    <td className="num">{x.difference > 0 ? `+${x.difference}` : x.difference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {m.toggle}
        </div>
      </div>
    </section>
  );
});

const Evidence = memo(function Evidence({ view, onOpen, fileName }: { view: AssessmentResultsView; onOpen(id: string): void; fileName: string }) {
  const e = view.evidence;
  const stale = view.capabilities.filter((c) => c.staleEvidenceCount > 0);
  const missing = useShown(e.unevidenced, 10);
  return (
    <section className="evidence-results two-col even" aria-label="Evidence">
      <CoverageBars modules={e.modules} fileName={fileName} />
      <div className="card results-card">
        <h3 className="chart-title">Evidence</h3>
        <p>
          <strong>{fmtPercent(e.overall.coverage)}</strong> of scored capabilities have evidence ({e.overall.withEvidence} of {e.overall.scored}).{' '}
          <strong>{e.overall.staleItems}</strong> evidence {e.overall.staleItems === 1 ? 'link is' : 'links are'} past their valid-until date on{' '}
          {formatDate(view.today)}.
        </p>
        {stale.length > 0 && (
          <>
            <h4>Resting on stale evidence</h4>
            <ul className="plain-list" aria-label="Capabilities with stale evidence">
              {stale.slice(0, 6).map((c) => (
                <li key={c.capabilityId}>
                  <CapabilityLink id={c.capabilityId} name={c.name} onOpen={onOpen} />{' '}
                  <span className="muted small">
                    {c.staleEvidenceCount} of {c.evidenceCount} stale
                  </span>
                </li>
              ))}
              {stale.length > 6 && <li className="muted small">and {stale.length - 6} more</li>}
            </ul>
          </>
        )}
        <h4>Scored with no evidence ({e.unevidenced.length})</h4>
        {e.unevidenced.length === 0 ? (
          <p className="muted">Every scored capability has evidence.</p>
        ) : (
          <ul className="plain-list columns" aria-label="Scored without evidence">
            {missing.shown.map((c) => (
              <li key={c.capabilityId}>
                <CapabilityLink id={c.capabilityId} name={c.name} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        )}
        {missing.toggle}
      </div>
    </section>
  );
});

const Actions = memo(function Actions({ view, onOpen }: { view: AssessmentResultsView; onOpen(id: string): void }) {
  const items = new Map(view.actionItems.map((a) => [a.id, a]));
  const names = new Map(view.capabilities.map((c) => [c.capabilityId, c.name]));
  const { actions } = view;
  return (
    <section className="card results-card" aria-labelledby="actions-title">
      <h3 id="actions-title" className="chart-title">Action items by owner</h3>
      <p className="chart-desc">
        {actions.total} action {actions.total === 1 ? 'item' : 'items'}: {actions.byStatus.open} open, {actions.byStatus.in_progress} in progress, {actions.byStatus.done} done.
      </p>
      {actions.total === 0 ? (
        <p className="muted">No action items yet: add them on a capability in the workspace (A).</p>
      ) : (
        <table className="table compact actions-table" aria-label="Action items by owner and status">
          <thead>
            <tr>
              <th scope="col">Owner</th>
              {(['open', 'in_progress', 'done'] as const).map((s) => (
                <th key={s} scope="col">{STATUS_NAMES[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actions.owners.map((o) => (
              <tr key={o.owner}>
                <th scope="row">
                  {o.owner} <span className="muted">({o.total})</span>
                </th>
                {o.statuses.map((s) => (
                  <td key={s.status}>
                    {s.count === 0 ? (
                      <span className="muted">–</span>
                    ) : (
                      <ul className="plain-list">
                        {s.actionIds.map((id) => {
                          const item = items.get(id);
                          if (!item) return null;
                          return (
                            <li key={id}>
                              <button className="link" onClick={() => onOpen(item.capabilityId)} title={names.get(item.capabilityId)}>
                                <span className="mono-num strong">{item.capabilityId}</span>
                              </button>{' '}
                              {item.text}
                              {item.dueDate && <span className="muted small"> · due {formatDate(item.dueDate)}</span>}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
