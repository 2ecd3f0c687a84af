import { slug } from '../../../shared/slug';
/** How the results screens write numbers, so a chart, its description and its table read the same. */

/** A mean level with one decimal ("2.3"), or the placeholder when there is none (never 0). */
export function fmtLevel(value: number | null | undefined, none = '–'): string {
  return value === null || value === undefined ? none : value.toFixed(1);
}

/** A signed difference with one decimal: "+0.5", "−1.0", "0.0". */
export function fmtChange(value: number): string {
  const s = Math.abs(value).toFixed(1);
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}

/** A score or factor with at most two decimals and no trailing zeros: 10, 4.8, 2.25. */
export function fmtNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** A share as a whole percentage: "33%". */
export function fmtPercent(share: number | null, none = '–'): string {
  return share === null ? none : `${Math.round(share * 100)}%`;
}

/** "12th", "1st", "22nd": a percentile rank, rounded. */
export function fmtOrdinal(value: number): string {
  const n = Math.round(value);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The first phrase of a long module name, for chart labels: "Data Governance, Compliance, and Access Control" → "Data Governance". */
export function shortModuleName(name: string): string {
  const cut = [' of ', ' and ', ', '].map((s) => name.indexOf(s)).filter((i) => i > 0);
  return cut.length ? name.slice(0, Math.min(...cut)) : name;
}

/** A file name from words: "2026 Q4 radar" → "2026-q4-radar". */
export function fileSlug(...parts: string[]): string {
  return slug(parts.join(' '), 80, 'chart');
}
