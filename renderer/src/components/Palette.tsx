import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Engagement, SearchHit } from '../../../shared/domain';
import { allCapabilities } from '../../../shared/framework/schema';
import { invoke } from '../api';
import { engagementFacts } from '../format';
import { useApp, type Route } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { useEngagement, useFramework, useLibrary } from '../stores/data';
import { Snippet } from './Snippet';

interface Item {
  key: string;
  label: string;
  detail: ReactNode;
  /** Plain text the static items are filtered by. */
  text: string;
  kind: string;
  route: Route;
}

const hitKinds: Record<SearchHit['kind'], string> = { capability: 'Capability', rationale: 'Rationale', action: 'Action', evidence: 'Evidence' };

/** The assessment a hit should open: the one on screen, else the hit's own, else the latest of the engagement. */
function hitRoute(hit: SearchHit, engagement: Engagement, openAssessmentId: string | null): Route {
  const detail = useAssessment.getState().detail;
  let assessmentId = openAssessmentId ?? hit.assessmentId ?? engagement.assessments[0]?.id ?? null;
  let capabilityId = hit.capabilityId;
  if (hit.kind === 'evidence') {
    const links = detail?.evidence.find((e) => e.id === hit.refId)?.links ?? [];
    const here = links.find((l) => l.assessmentId === openAssessmentId);
    const first = here ?? links[0];
    if (first) ({ assessmentId, capabilityId } = first);
  } else if (hit.assessmentId && hit.kind !== 'capability') {
    assessmentId = hit.assessmentId;
  }
  if (!assessmentId) return { name: 'framework', ...(capabilityId ? { capabilityId } : {}) };
  return { name: 'assessment', engagementId: engagement.id, assessmentId, ...(capabilityId ? { capabilityId } : {}) };
}

/**
 * Full-text hits in the open engagement (capability texts, rationales, actions, evidence and text attachments).
 * The last answer stays listed while the next query is on its way; a query under two letters lists none.
 */
function useSearchHits(query: string, engagementId: string | null, assessmentId: string | null): SearchHit[] {
  const q = query.trim();
  const searching = !!engagementId && q.length >= 2;
  const [hits, setHits] = useState<SearchHit[]>([]);
  useEffect(() => {
    if (!engagementId || q.length < 2) return;
    let live = true;
    const t = window.setTimeout(() => {
      invoke('search.query', { engagementId, query: q, ...(assessmentId ? { assessmentId } : {}), limit: 20 })
        .then((r) => live && setHits(r))
        .catch(() => live && setHits([]));
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [q, engagementId, assessmentId]);
  return searching ? hits : [];
}

/** Ctrl+K: jump to a screen, an engagement or a capability, or to anything said or filed in the open engagement. */
export function Palette() {
  const open = useApp((s) => s.paletteOpen);
  const setApp = useApp((s) => s.set);
  const load = useFramework((s) => s.load);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (open) void load();
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open, load]);

  // The search field and results exist only while open, so each opening starts with an empty query.
  return (
    <dialog ref={ref} className="palette" aria-label="Search and jump" onClose={() => setApp({ paletteOpen: false })}>
      {open && <PaletteSearch />}
    </dialog>
  );
}

function PaletteSearch() {
  const route = useApp((s) => s.route);
  const setApp = useApp((s) => s.set);
  const navigate = useApp((s) => s.navigate);
  const engagements = useLibrary((s) => s.engagements);
  const engagement = useEngagement((s) => s.current);
  const framework = useFramework((s) => s.framework);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const openAssessmentId = route.name === 'assessment' && engagement?.id === route.engagementId ? route.assessmentId : null;
  const inEngagement = engagement && (route.name === 'engagement' || route.name === 'assessment') && route.engagementId === engagement.id ? engagement : null;
  const hits = useSearchHits(query, inEngagement?.id ?? null, openAssessmentId);

  const items = useMemo<Item[]>(() => {
    const screens: Item[] = [
      { key: 'home', label: 'Engagements', detail: 'Screen', text: 'Engagements Screen', kind: 'Screen', route: { name: 'home' } },
      { key: 'fw', label: 'Framework browser', detail: 'Screen', text: 'Framework browser Screen', kind: 'Screen', route: { name: 'framework' } },
    ];
    const es: Item[] = engagements.map((e) => ({
      key: e.id,
      label: e.client,
      // Two engagements of one client read alike: what tells them apart is said beside each.
      detail: `Engagement · ${engagementFacts(e)}`,
      text: `${e.client} Engagement ${e.industry}`,
      kind: 'Engagement',
      route: { name: 'engagement', engagementId: e.id, tab: 'assessments' },
    }));
    const caps: Item[] = framework
      ? allCapabilities(framework).map((c) => ({
          key: c.id,
          label: `${c.id} ${c.name}`,
          detail: c.statement,
          text: `${c.id} ${c.name} ${c.statement}`,
          kind: 'Capability',
          route: openAssessmentId && inEngagement
            ? { name: 'assessment', engagementId: inEngagement.id, assessmentId: openAssessmentId, capabilityId: c.id }
            : { name: 'framework', capabilityId: c.id },
        }))
      : [];
    return [...screens, ...es, ...caps];
  }, [engagements, framework, openAssessmentId, inEngagement]);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = items.filter((i) => words.every((w) => i.text.toLowerCase().includes(w))).slice(0, hits.length ? 6 : 12);
  // A capability already listed by name is not listed again as a full-text hit.
  const listed = new Set(matching.map((m) => m.key));
  const found: Item[] = inEngagement
    ? hits.filter((h) => !(h.kind === 'capability' && listed.has(h.refId))).map((h, i) => ({
        key: `hit-${i}-${h.kind}-${h.refId}`,
        label: h.title,
        detail: <Snippet text={h.snippet} />,
        text: h.title,
        kind: `${hitKinds[h.kind]}${h.capabilityId ? ` · ${h.capabilityId}` : ''}`,
        route: hitRoute(h, inEngagement, openAssessmentId),
      }))
    : [];
  const results = [...matching, ...found];

  const choose = (item: Item | undefined) => {
    if (!item) return;
    setApp({ paletteOpen: false });
    navigate(item.route);
  };

  return (
    <>
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={results[active] ? `palette-${results[active].key}` : undefined}
        aria-label={inEngagement ? `Search engagements, screens, capabilities and everything in ${inEngagement.client}` : 'Search engagements, screens and capabilities'}
        placeholder={inEngagement ? `Search everything in ${inEngagement.client}…` : 'Search engagements, screens and capabilities…'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            // A search field would only clear itself on Escape; here Escape closes, as everywhere else.
            e.preventDefault();
            setApp({ paletteOpen: false });
          }
        }}
      />
      <ul id="palette-results" role="listbox" aria-label="Results">
        {results.map((r, i) => (
          <li
            key={r.key}
            id={`palette-${r.key}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(r);
            }}
          >
            <span className="palette-line">
              <span className="strong">{r.label}</span>
              <span className="palette-kind">{r.kind}</span>
            </span>
            <span className="muted small ellipsis">{r.detail}</span>
          </li>
        ))}
        {results.length === 0 && <li className="muted">Nothing matches “{query}”.</li>}
      </ul>
    </>
  );
}
