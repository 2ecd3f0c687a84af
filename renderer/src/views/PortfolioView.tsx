/**
 * The portfolio: a local, anonymised benchmark of the consultant's own engagements. Per module, the
 * spread of the others' latest scored assessment and where this client sits; filterable by industry and
 * region, with the number of engagements behind each figure. No other engagement's name appears: the
 * engine returns figures and counts only.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { BoxPlots } from '../charts/BoxPlots';
import { fileSlug } from '../charts/format';
import { formatDate } from '../format';
import { useApp } from '../stores/app';
import { useEngagement, useFramework } from '../stores/data';
import { useResults } from '../stores/results';

export function PortfolioView({ engagementId }: { engagementId?: string }) {
  const slot = useResults((s) => s.portfolio);
  const loadPortfolio = useResults((s) => s.loadPortfolio);
  const framework = useFramework((s) => s.framework);
  const client = useEngagement((s) => (engagementId && s.current?.id === engagementId ? s.current.client : null));
  const navigate = useApp((s) => s.navigate);
  const [filters, setFilters] = useState<{ industry?: string; region?: string }>({});

  useEffect(() => {
    void useFramework.getState().load();
  }, []);
  useLayoutEffect(() => {
    void loadPortfolio({ ...(engagementId ? { engagementId } : {}), ...filters });
  }, [engagementId, filters, loadPortfolio]);
  useEffect(() => {
    if (engagementId && useEngagement.getState().current?.id !== engagementId) void useEngagement.getState().open(engagementId);
  }, [engagementId]);

  // The last portfolio stays on screen while another engagement's or other filters' loads.
  const current = slot.viewKey?.engagementId === engagementId;
  const view = current || slot.loading ? slot.view : null;
  const stale = !!view && (!current || slot.loading);
  const names = useMemo(() => new Map((framework?.modules ?? []).map((m) => [m.id, m.name])), [framework]);
  const title = client ? `Portfolio: ${client} among your engagements` : 'Portfolio benchmark';

  return (
    <section
      className={`page results-page${stale ? ' stale' : ''}`}
      aria-labelledby="portfolio-title"
      aria-busy={stale}
      data-portfolio-for={view && !stale ? (engagementId ?? 'all') : undefined}
    >
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>{' '}
            {engagementId && (
              <>
                <button className="link" onClick={() => navigate({ name: 'engagement', engagementId, tab: 'assessments' })}>
                  {client ?? 'Engagement'}
                </button>{' '}
                <span aria-hidden="true">/</span>
              </>
            )}
          </nav>
          <h1 id="portfolio-title">{title}</h1>
          <p className="muted">
            A benchmark built on this computer from your own engagements’ latest scored assessments. It shows figures and counts only: no
            other client’s name.
          </p>
        </div>
        {engagementId && (
          <div className="page-actions">
            <button className="btn" onClick={() => navigate({ name: 'trend', engagementId })}>
              Trend
            </button>
          </div>
        )}
      </header>

      {slot.error && (
        <p className="form-error" role="alert">
          {slot.error}
        </p>
      )}
      {!view ? (
        <p className="muted" aria-busy="true">
          Gathering the portfolio…
        </p>
      ) : (
        <>
          <div className="portfolio-bar">
            <label className="field">
              <span className="field-label">Industry</span>
              <select value={filters.industry ?? ''} onChange={(e) => setFilters({ ...filters, industry: e.target.value || undefined })}>
                <option value="">All industries</option>
                {view.options.industries.map((i) => (
                  <option key={i} value={i}>
                    {i}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Region</span>
              <select value={filters.region ?? ''} onChange={(e) => setFilters({ ...filters, region: e.target.value || undefined })}>
                <option value="">All regions</option>
                {view.options.regions.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
            <p className="portfolio-count" aria-live="polite">
              <strong>{view.engagements}</strong> other {view.engagements === 1 ? 'engagement' : 'engagements'} compared
              {view.filters.industry || view.filters.region ? ` (${[view.filters.industry, view.filters.region].filter(Boolean).join(', ')})` : ''}
            </p>
          </div>
          {view.own && (
            <p className="callout">
              {view.own.date
                ? `This client (${[view.own.industry, view.own.region].filter(Boolean).join(', ') || 'no industry or region set'}) is placed with its latest scored assessment, ${formatDate(view.own.date)}: ${view.own.scored} of ${view.own.total} capabilities scored.`
                : 'This client has no scored assessment yet, so it is not placed among the others.'}
            </p>
          )}
          <BoxPlots portfolio={view} names={names} fileName={fileSlug(client ?? 'portfolio', 'benchmark')} />
          <details className="method">
            <summary>How these figures are computed</summary>
            <ul>
              <li>{view.method.latest}</li>
              <li>Each module’s value is the mean agreed current level of the capabilities scored in it; not applicable and unscored ones are left out.</li>
              <li>n is the number of other engagements with a value for the module; this client is compared with them and never counted among them.</li>
              <li>{view.method.quantiles}</li>
              <li>{view.method.percentile}</li>
            </ul>
          </details>
        </>
      )}
    </section>
  );
}
