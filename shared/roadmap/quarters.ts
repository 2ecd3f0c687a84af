/**
 * Calendar quarters (`2027-Q1`) and the client's fiscal years.
 *
 * Fiscal-year convention: a fiscal year is named after the calendar year in which it ENDS, written
 * `FY2028`; its quarters are `FY2028 Q1` to `FY2028 Q4`. With a fiscal year starting in April,
 * calendar 2027-Q2 (April-June 2027) is `FY2028 Q1` and 2028-Q1 is `FY2028 Q4`. With January (the
 * calendar year) FY2027 is simply 2027.
 *
 * A fiscal year that does not start on a quarter's first month (e.g. February): a calendar quarter
 * belongs to the fiscal year that contains its FIRST month, and its fiscal quarter number counts from
 * the first calendar quarter that starts inside that fiscal year. With February: 2027-Q2 (April) is
 * FY2028 Q1, 2027-Q3 is Q2, 2027-Q4 is Q3 and 2028-Q1 (January 2028, still in the year that began in
 * February 2027) is FY2028 Q4. Every fiscal year still has exactly four calendar quarters.
 */
import { quarterPattern, type Quarter } from './types';

export interface QuarterParts {
  year: number;
  /** 1-4 */
  q: number;
}

/** `2027-Q3` -> {year: 2027, q: 3}; throws on anything else. */
export function parseQuarter(s: Quarter): QuarterParts {
  const m = quarterPattern.exec(s);
  if (!m) throw new Error(`not a quarter: ${JSON.stringify(s)} (expected e.g. 2027-Q1)`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

export function formatQuarter(p: QuarterParts): Quarter {
  return `${p.year}-Q${p.q}`;
}

export function isQuarter(s: unknown): s is Quarter {
  return typeof s === 'string' && quarterPattern.test(s);
}

/** Quarters since year 0: a total order in which consecutive quarters differ by 1. */
export function quarterOrdinal(s: Quarter): number {
  const p = parseQuarter(s);
  return p.year * 4 + (p.q - 1);
}

export function quarterFromOrdinal(n: number): Quarter {
  return formatQuarter({ year: Math.floor(n / 4), q: (n % 4) + 1 });
}

/** The quarter n quarters later (earlier when n < 0). */
export function addQuarters(s: Quarter, n: number): Quarter {
  return quarterFromOrdinal(quarterOrdinal(s) + n);
}

/** Quarters from `a` to `b`, b minus a (negative when b is earlier). */
export function quartersBetween(a: Quarter, b: Quarter): number {
  return quarterOrdinal(b) - quarterOrdinal(a);
}

/** `count` consecutive quarters from `start`. */
export function quarterRange(start: Quarter, count: number): Quarter[] {
  const s = quarterOrdinal(start);
  return Array.from({ length: Math.max(0, count) }, (_, i) => quarterFromOrdinal(s + i));
}

function checkMonth(fyStartMonth: number): void {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) throw new Error(`fiscal year start month must be 1-12, got ${fyStartMonth}`);
}

/**
 * The fiscal year of a quarter, named by the calendar year in which that fiscal year ends (FY2028 runs
 * April 2027 - March 2028 when it starts in April). The quarter's first month decides.
 */
export function fiscalYearOf(s: Quarter, fyStartMonth: number): number {
  checkMonth(fyStartMonth);
  const { year, q } = parseQuarter(s);
  const firstMonth = (q - 1) * 3 + 1;
  const startYear = firstMonth >= fyStartMonth ? year : year - 1;
  return fyStartMonth === 1 ? startYear : startYear + 1;
}

/** 1-4: the position of the quarter within its fiscal year (see the file comment for odd start months). */
export function fiscalQuarterOf(s: Quarter, fyStartMonth: number): number {
  checkMonth(fyStartMonth);
  const { q } = parseQuarter(s);
  const firstMonth = (q - 1) * 3 + 1;
  const monthsIn = (firstMonth - fyStartMonth + 12) % 12; // 0..11 months after the fiscal year starts
  return Math.floor(monthsIn / 3) + 1;
}

/** `FY2028` */
export function fiscalYearLabel(fy: number): string {
  return `FY${fy}`;
}

/** `FY2028 Q1` for calendar 2027-Q2 when the fiscal year starts in April. */
export function fiscalLabel(s: Quarter, fyStartMonth: number): string {
  return `${fiscalYearLabel(fiscalYearOf(s, fyStartMonth))} Q${fiscalQuarterOf(s, fyStartMonth)}`;
}
