/**
 * Dates and times as the client reads them: in the locale of the engagement's region (a Nordic client sees
 * 27.11.2026, an American one 11/27/2026), unless Settings says otherwise for every engagement; with no
 * region that names a country, in this computer's own locale.
 */
import type { EngagementSummary } from '../../shared/domain';
import { useEngagement } from './stores/data';
import { useSettings } from './stores/settings';

/** Words of a region, as consultants type it, and the locale its dates are written in. */
const REGION_LOCALES: readonly [RegExp, string][] = [
  [/\b(sweden|swedish|sverige)\b/, 'sv-SE'],
  [/\b(nordics?|scandinavia(n)?|norway|norge|denmark|danmark|finland|suomi|iceland)\b/, 'nb-NO'],
  [/\b(dach|germany|deutschland|austria|österreich|switzerland|schweiz)\b/, 'de-DE'],
  [/\b(uk|u\.k\.|united kingdom|britain|great britain|england|scotland|ireland)\b/, 'en-GB'],
  [/\b(us|usa|u\.s\.|united states|north america)\b/, 'en-US'],
  [/\b(canada)\b/, 'en-CA'],
  [/\b(australia|anz|new zealand)\b/, 'en-AU'],
  [/\b(france|french)\b/, 'fr-FR'],
  [/\b(benelux|netherlands|nederland|holland|belgium)\b/, 'nl-NL'],
  [/\b(spain|españa|iberia)\b/, 'es-ES'],
  [/\b(portugal)\b/, 'pt-PT'],
  [/\b(italy|italia)\b/, 'it-IT'],
  [/\b(poland|polska|cee)\b/, 'pl-PL'],
  [/\b(japan)\b/, 'ja-JP'],
  [/\b(india)\b/, 'en-IN'],
  [/\b(brazil|brasil)\b/, 'pt-BR'],
  [/\b(singapore)\b/, 'en-SG'],
];

/** The locale a region's dates are written in, or null when the region names no place this knows. */
export function localeOfRegion(region: string | null | undefined): string | null {
  const r = (region ?? '').toLowerCase();
  if (!r.trim()) return null;
  return REGION_LOCALES.find(([words]) => words.test(r))?.[1] ?? null;
}

/** The locale for dates: Settings' choice, else the region's (given, or the open engagement's), else none. */
export function dateLocaleFor(region?: string | null): string | null {
  const chosen = useSettings.getState().settings?.dateLocale;
  if (chosen) return chosen;
  return localeOfRegion(region === undefined ? useEngagement.getState().current?.region : region);
}

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | null, kind: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const numeric = locale !== null;
    const date: Intl.DateTimeFormatOptions = numeric ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { year: 'numeric', month: 'short', day: 'numeric' };
    const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
    f = new Intl.DateTimeFormat(locale ?? undefined, kind === 'date' ? date : kind === 'time' ? time : { ...date, ...time });
    cache.set(key, f);
  }
  return f;
}

/**
 * A calendar date (YYYY-MM-DD) without timezone drift, written for the engagement's region (`region`, or the
 * open engagement's when left out).
 */
export function formatDate(isoDate: string, region?: string | null): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return formatter(dateLocaleFor(region), 'date').format(new Date(y!, (m ?? 1) - 1, d ?? 1));
}

export function formatTime(iso: string, region?: string | null): string {
  return formatter(dateLocaleFor(region), 'time').format(new Date(iso));
}

export function formatDateTime(iso: string, region?: string | null): string {
  return formatter(dateLocaleFor(region), 'dateTime').format(new Date(iso));
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "2026 Q4" for a date, by calendar quarter. */
export function quarterLabel(date = new Date()): string {
  return `${date.getFullYear()} Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** "1,234" in this computer's locale. */
export function formatCount(n: number): string {
  return n.toLocaleString();
}

/** What tells an engagement apart from another with the same client name: industry, region, dates, last assessment. */
export function engagementFacts(e: EngagementSummary): string {
  return [
    e.industry,
    e.region,
    `created ${formatDate(e.createdAt.slice(0, 10), e.region)}`,
    e.lastAssessment ? `last assessment ${e.lastAssessment.label}` : 'no assessment yet',
    e.lastOpenedAt ? `opened ${formatDate(e.lastOpenedAt.slice(0, 10), e.region)}` : 'never opened',
  ]
    .filter(Boolean)
    .join(' · ');
}
