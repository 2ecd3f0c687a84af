/**
 * An engagement over time: each module's mean over every assessment, and the capabilities that moved
 * most between any two assessments the consultant picks (by default the last two).
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Mover, TrendView as Trend } from '../../../shared/results';
import { fileSlug } from '../charts/format';
import { TrendChart } from '../charts/TrendChart';
import { formatDate } from '../format';
import { useApp } from '../stores/app';
import { useEngagement } from '../stores/data';
import { useResults } from '../stores/results';
import { ScreenBusy, ScreenUnavailable } from '../components/ScreenState';

const SHOWN = 10;

export function TrendView({ engagementId }: { engagementId: string }) {
  const slot = useResults((s) => s.trend);
  const loadTrend = useResults((s) => s.loadTrend);
  const client = useEngagement((s) => (s.current?.id === engagementId ? s.current.client : null));
  const navigate = useApp((s) => s.navigate);
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});

  useLayoutEffect(() => {
    void loadTrend({ engagementId, ...(pair.from ? { fromAssessmentId: pair.from } : {}), ...(pair.to ? { toAssessmentId: pair.to } : {}) });
  }, [engagementId, pair.from, pair.to, loadTrend]);
  useEffect(() => {
    if (useEngagement.getState().current?.id !== engagementId) void useEngagement.getState().open(engagementId);
  }, [engagementId]);

  // Another engagement's trend stays on screen while this one's loads, then updates in place.
  const current = slot.viewKey?.engagementId === engagementId;
  const view = current || slot.loading ? slot.view : null;
  const stale = !!view && !current;
  if (slot.error && !view) {
    return <ScreenUnavailable title="Trend unavailable" error={slot.error} back={{ label: 'Back to the engagement', go: () => navigate({ name: 'engagement', engagementId, tab: 'assessments' }) }} />;
  }
  if (!view) {
    return <ScreenBusy text="Computing the trend…" />;
  }
  const first = view.assessments[0];
  const last = view.assessments[view.assessments.length - 1];

  return (
    <section
      className={`page results-page${stale ? ' stale' : ''}`}
      aria-labelledby="trend-title"
      aria-busy={stale}
      data-trend-for={stale ? undefined : engagementId}
    >
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>
              {client ?? 'Engagement'}
            </button>{' '}
            <span aria-hidden="true">/</span>
          </nav>
          <h1 id="trend-title">Trend{client && !stale ? `: ${client}` : ''}</h1>
          <p className="muted">
            {view.assessments.length === 0
              ? 'No assessment yet.'
              : `${view.assessments.length} ${view.assessments.length === 1 ? 'assessment' : 'assessments'}, ${first!.label} (${formatDate(first!.date)}) to ${last!.label} (${formatDate(last!.date)})`}
          </p>
        </div>
        <div className="page-actions">
          {last && (
            <button className="btn" onClick={() => navigate({ name: 'results', engagementId, assessmentId: last.id })}>
              Results of {last.label}
            </button>
          )}
          <button className="btn" onClick={() => navigate({ name: 'portfolio', engagementId })}>
            Portfolio
          </button>
        </div>
      </header>
      {view.excluded.length > 0 && (
        <p className="notice">
          Not in the trend, scored against another framework: {view.excluded.map((a) => `${a.label} (${a.frameworkId})`).join(', ')}.
        </p>
      )}
      <TrendChart trend={view} fileName={fileSlug(client ?? '', 'trend')} />
      <Movers view={view} onPair={setPair} onOpen={(assessmentId, capabilityId) => navigate({ name: 'assessment', engagementId, assessmentId, capabilityId })} />
    </section>
  );
}

function Movers({ view, onPair, onOpen }: { view: Trend; onPair(p: { from?: string; to?: string }): void; onOpen(assessmentId: string, capabilityId: string): void }) {
  const [all, setAll] = useState(false);
  const m = view.movers;
  if (!m) {
    return (
      <section className="card results-card" aria-labelledby="movers-title">
        <h3 id="movers-title" className="chart-title">Biggest movers</h3>
        <p className="muted">Movers compare two assessments: create the next quarter’s assessment from this one to see what changed.</p>
      </section>
    );
  }
  const list = (movers: Mover[], label: string, empty: string) => (
    <div>
      <h4>{label}</h4>
      {movers.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="table compact" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Capability</th>
              <th scope="col">{m.from.label}</th>
              <th scope="col">{m.to.label}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {(all ? movers : movers.slice(0, SHOWN)).map((x) => (
              <tr key={x.capabilityId}>
                <th scope="row">
                  <button className="link" onClick={() => onOpen(m.to.id, x.capabilityId)} title="Open in the workspace">
                    <span className="mono-num strong">{x.capabilityId}</span> {x.name}
                  </button>
                </th>
                <td className="num">{x.from}</td>
                <td className="num">{x.to}</td>
                <td className={`num strong ${x.change > 0 ? 'up' : 'down'}`}>{x.change > 0 ? `+${x.change}` : `−${-x.change}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
  const more = m.up.length > SHOWN || m.down.length > SHOWN;
  return (
    <section className="card results-card" aria-labelledby="movers-title">
      <div className="card-head">
        <h3 id="movers-title" className="chart-title">Biggest movers</h3>
        <div className="card-actions movers-pick">
          <label className="field">
            <span className="field-label">From</span>
            <select value={m.from.id} onChange={(e) => onPair({ from: e.target.value, to: m.to.id })}>
              {view.assessments.map((a) => (
                <option key={a.id} value={a.id} disabled={a.id === m.to.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">To</span>
            <select value={m.to.id} onChange={(e) => onPair({ from: m.from.id, to: e.target.value })}>
              {view.assessments.map((a) => (
                <option key={a.id} value={a.id} disabled={a.id === m.from.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn small" onClick={() => onPair({ from: m.to.id, to: m.from.id })} title="Compare the other way round">
            Swap
          </button>
        </div>
      </div>
      <p className="chart-desc">
        {m.compared} capabilities scored in both {m.from.label} and {m.to.label}: {m.up.length} rose, {m.down.length} fell, {m.unchanged} unchanged.
      </p>
      <div className="two-col even">
        {list(m.up, `Rose from ${m.from.label} to ${m.to.label}`, 'No capability rose.')}
        {list(m.down, `Fell from ${m.from.label} to ${m.to.label}`, 'No capability fell.')}
      </div>
      {more && (
        <button type="button" className="btn small" onClick={() => setAll(!all)}>
          {all ? `Show the top ${SHOWN}` : 'Show every mover'}
        </button>
      )}
    </section>
  );
}
