/**
 * Money and quarters as the roadmap screens show them: amounts in the engagement's currency with
 * Intl.NumberFormat (stored as integer minor units, converted by the currency's digits), quarters as
 * `2027-Q1` with the client's fiscal label beside them.
 */
import { currencyDigits } from '../../../../shared/roadmap/format';
import { addQuarters, fiscalLabel, fiscalQuarterOf, quarterRange } from '../../../../shared/roadmap/quarters';

const cache = new Map<string, Intl.NumberFormat>();
function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  let f = cache.get(key);
  if (!f) {
    const digits = currencyDigits(currency);
    f = compact
      ? new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })
      : new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** 12345678 minor units of EUR -> "€123,456.78". */
export function money(minor: number, currency: string): string {
  return formatter(currency, false).format(minor / 10 ** currencyDigits(currency));
}

/** A short amount for chart axes and bars: "€1.2M". */
export function moneyShort(minor: number, currency: string): string {
  return formatter(currency, true).format(minor / 10 ** currencyDigits(currency));
}

/** Minor units as the plain number a consultant types: 12345678 -> "123456.78" (EUR), "" for zero when asked. */
export function moneyInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * What a consultant typed as an amount, in minor units: "120000", "120,000.50", "120 000" -> integer; null
 * when it is not an amount with at most the currency's digits.
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const clean = text.replace(/[\s,_']/g, '');
  if (clean === '') return 0;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(clean);
  if (!m || (m[2] ?? '').length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** "2027-Q2 · FY2028 Q1" (only the calendar quarter when the fiscal year is the calendar year). */
export function quarterWithFiscal(q: string, fyStartMonth: number): string {
  return fyStartMonth === 1 ? q : `${q} · ${fiscalLabel(q, fyStartMonth)}`;
}

/**
 * The first quarter after `today` (YYYY-MM-DD) that is the first quarter of one of the client's fiscal
 * years (shared/roadmap/quarters.ts): where a new scenario starts.
 */
export function nextFiscalYearStart(today: string, fyStartMonth: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const thisQuarter = `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return quarterRange(addQuarters(thisQuarter, 1), 4).find((q) => fiscalQuarterOf(q, fyStartMonth) === 1) ?? addQuarters(thisQuarter, 1);
}

/** Quarters a start or an earliest start may take: from four quarters back to five years ahead of `from`. */
export function quarterChoices(from: string, count = 24): string[] {
  return quarterRange(addQuarters(from, -4), count + 4);
}

export const percent = (v: number, digits = 1) => `${(v * 100).toFixed(digits)} %`;

export function days(n: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(n)} d`;
}
