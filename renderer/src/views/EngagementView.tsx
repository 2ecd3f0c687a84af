import { useEffect, useState } from 'react';
import type { Engagement } from '../../../shared/domain';
import { BrandingForm } from '../components/BrandingForm';
import { EngagementExports } from '../components/EngagementExports';
import { EngagementFields, MONTHS, draftOf, engagementFieldNames, type EngagementDraft } from '../components/EngagementForm';
import { formError, noError, type PersonError } from '../errors';
import { useApp, type Route } from '../stores/app';
import { useEngagement } from '../stores/data';
import { AssessmentsTab } from './AssessmentsTab';
import { PeopleTab } from './PeopleTab';
import { ScreenBusy, ScreenUnavailable } from '../components/ScreenState';

type Tab = Extract<Route, { name: 'engagement' }>['tab'];

export function EngagementView({ engagementId, tab }: { engagementId: string; tab: Tab }) {
  const current = useEngagement((s) => s.current);
  const error = useEngagement((s) => s.error);
  const open = useEngagement((s) => s.open);
  const navigate = useApp((s) => s.navigate);

  useEffect(() => {
    if (current?.id !== engagementId) void open(engagementId);
  }, [engagementId, current?.id, open]);

  if (error) {
    return <ScreenUnavailable title="Engagement unavailable" error={error} back={{ label: 'Back to engagements', go: () => navigate({ name: 'home' }) }} />;
  }
  if (!current || current.id !== engagementId) return <ScreenBusy />;

  const tabs: { id: Tab; label: string }[] = [
    { id: 'assessments', label: `Assessments (${current.assessments.length})` },
    { id: 'people', label: `People (${current.participants.filter((p) => !p.leftAt).length})` },
    { id: 'details', label: 'Details' },
  ];

  return (
    <section className="page" aria-labelledby="engagement-title">
      <header className="page-header">
        <div>
          <nav aria-label="Breadcrumb" className="crumbs">
            <button className="link" onClick={() => navigate({ name: 'home' })}>Engagements</button> <span aria-hidden="true">/</span>
          </nav>
          <h1 id="engagement-title">
            <bdi>{current.client}</bdi> {current.archivedAt && <span className="tag">Archived</span>}
          </h1>
          <p className="muted" dir="auto">
            {[current.industry, current.region, current.currency, `FY starts ${MONTHS[current.fyStartMonth - 1]}`].filter(Boolean).join(' · ')}
          </p>
        </div>
        <button className="btn" onClick={() => navigate({ name: 'roadmap', engagementId, tab: 'initiatives' })}>Roadmap and scenarios</button>
        <button className="btn" onClick={() => navigate({ name: 'backups', engagementId })}>Backups</button>
        <EngagementExports engagement={current} />
      </header>
      <div role="tablist" aria-label="Engagement sections" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className="tab"
            onClick={() => navigate({ name: 'engagement', engagementId, tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'assessments' && <AssessmentsTab engagement={current} />}
        {tab === 'people' && <PeopleTab engagement={current} />}
        {tab === 'details' && <Details engagement={current} />}
        {tab === 'details' && <BrandingForm engagementId={current.id} />}
      </div>
    </section>
  );
}

function Details({ engagement }: { engagement: Engagement }) {
  const notify = useApp((s) => s.notify);
  const update = useEngagement((s) => s.update);
  const [draft, setDraft] = useState<EngagementDraft>(draftOf(engagement));
  const [error, setError] = useState<PersonError>(noError);
  const save = async () => {
    try {
      await update(draft);
      setError(noError);
      notify('info', 'Details saved');
    } catch (err) {
      setError(formError(err, engagementFieldNames));
    }
  };
  return (
    <form
      className="details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <EngagementFields draft={draft} onChange={setDraft} errors={error.fields} />
      {error.message && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <button className="btn primary" type="submit">Save details</button>
    </form>
  );
}
