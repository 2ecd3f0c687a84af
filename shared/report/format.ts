/** How the exports write numbers, dates and names: one place, so the deck, the workbook and the file names agree. */
import { currencyDigits } from '../roadmap/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Orders ids as a person reads them ("M1.2" before "M1.10"): one collator, made once. */
export const byNumber = new Intl.Collator(undefined, { numeric: true }).compare;
/** Orders names in the default locale's order (as `localeCompare`), with one collator made once. */
export const byText = new Intl.Collator().compare;

/** A dash for "nothing to show", never a zero. */
export const NONE = '–';

/** A mean level with one decimal: 2.6; a dash when there is none. */
export function fmtMean(x: number | null | undefined): string {
  return x === null || x === undefined ? NONE : x.toFixed(1);
}

/** A signed difference with one decimal: +1.2, −0.5, 0.0. */
export function fmtSigned(x: number | null | undefined, decimals = 1): string {
  if (x === null || x === undefined) return NONE;
  const s = Math.abs(x).toFixed(decimals);
  if (Number(s) === 0) return (0).toFixed(decimals);
  return x > 0 ? `+${s}` : `−${s}`;
}

/** A whole level or gap: 3, +2, −1. */
export function fmtLevel(x: number | null | undefined, signed = false): string {
  if (x === null || x === undefined) return NONE;
  return signed && x > 0 ? `+${x}` : x < 0 ? `−${-x}` : String(x);
}

/** A share as a whole percentage: 0.675 -> 68%. */
export function fmtPercent(x: number | null | undefined): string {
  return x === null || x === undefined ? NONE : `${Math.round(x * 100)}%`;
}

/** 2026-11-25 -> 25 Nov 2026. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return NONE;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Text cut to `max` characters at a word boundary where one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "1 capability" / "3 capabilities". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Joins names as a person writes them: "A", "A and B", "A, B and C". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Letters for pseudonyms and columns: 0 -> A, 25 -> Z, 26 -> AA. */
export function letters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const SYMBOLS: Record<string, { symbol: string; before: boolean; decimals: number }> = {
  EUR: { symbol: '€', before: true, decimals: 2 },
  USD: { symbol: '$', before: true, decimals: 2 },
  GBP: { symbol: '£', before: true, decimals: 2 },
  JPY: { symbol: '¥', before: true, decimals: 0 },
  CNY: { symbol: '¥', before: true, decimals: 2 },
  INR: { symbol: '₹', before: true, decimals: 2 },
  AUD: { symbol: 'A$', before: true, decimals: 2 },
  CAD: { symbol: 'C$', before: true, decimals: 2 },
  CHF: { symbol: 'CHF', before: false, decimals: 2 },
  SEK: { symbol: 'kr', before: false, decimals: 2 },
  NOK: { symbol: 'kr', before: false, decimals: 2 },
  DKK: { symbol: 'kr.', before: false, decimals: 2 },
  KRW: { symbol: '₩', before: true, decimals: 0 },
};

/**
 * The Excel number format for amounts in a currency (amounts in major units): "€"#,##0.00 for EUR,
 * #,##0.00 "CHF" for CHF; an unknown code is written after the amount. Negative amounts in brackets.
 */
export function currencyFormat(code: string): string {
  const c = SYMBOLS[code.toUpperCase()] ?? { symbol: code.toUpperCase(), before: false, decimals: 2 };
  const num = c.decimals ? `#,##0.${'0'.repeat(c.decimals)}` : '#,##0';
  const sym = `"${c.symbol}"`;
  const positive = c.before ? `${sym}${num}` : `${num} ${sym}`;
  return `${positive};(${positive})`;
}

function symbolOf(code: string): { symbol: string; before: boolean } {
  return SYMBOLS[code.toUpperCase()] ?? { symbol: code.toUpperCase(), before: false };
}

function withSymbol(number: string, code: string): string {
  const c = symbolOf(code);
  return c.before ? `${c.symbol}${number}` : `${number} ${c.symbol}`;
}

const grouped = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * An amount held in minor units (as the roadmap stores money), in its currency: 123456789 EUR ->
 * "€1,234,567.89"; `whole` rounds to whole units ("€1,234,568"). Exact: no floating-point division.
 */
export function fmtMoney(minor: number, code: string, options: { whole?: boolean } = {}): string {
  const digits = currencyDigits(code);
  const neg = minor < 0;
  let abs = Math.round(Math.abs(minor));
  const unit = 10 ** digits;
  if (options.whole && digits) abs = Math.round(abs / unit) * unit;
  const major = Math.floor(abs / unit);
  const frac = abs - major * unit;
  const text = options.whole || digits === 0 ? grouped(String(major)) : `${grouped(String(major))}.${String(frac).padStart(digits, '0')}`;
  return `${neg ? '−' : ''}${withSymbol(text, code)}`;
}

/** A short amount for headlines and chart labels: "€1.2M", "€350k", "€950". */
export function fmtMoneyShort(minor: number, code: string): string {
  const major = Math.abs(minor) / 10 ** currencyDigits(code);
  const sign = minor < 0 ? '−' : '';
  const [value, suffix] = major >= 1e9 ? [major / 1e9, 'bn'] : major >= 1e6 ? [major / 1e6, 'M'] : major >= 1e4 ? [major / 1e3, 'k'] : [major, ''];
  const digits = suffix && value < 100 ? 1 : 0;
  return `${sign}${withSymbol(`${grouped(value.toFixed(digits).replace(/\.0$/, ''))}${suffix}`, code)}`;
}

/** Minor units as the number a chart or a workbook holds: major units (123456 EUR cents -> 1234.56). */
export function toMajor(minor: number, code: string): number {
  const unit = 10 ** currencyDigits(code);
  return Math.round(minor) / unit;
}

/**
 * The number format of a chart's money axis for values up to `max` (major units): millions ("€1.5M")
 * or thousands ("€350k") by scaling commas, whole units below.
 */
export function chartMoneyFormat(code: string, max: number): string {
  const c = symbolOf(code);
  const sym = `"${c.symbol}"`;
  const num = max >= 1e6 ? '#,##0.0,,"M"' : max >= 1e4 ? '#,##0,"k"' : '#,##0';
  return c.before ? `${sym}${num}` : `${num} ${sym}`;
}

/** Minor units per major unit of a currency (100, or 1 for JPY and KRW). */
export function minorUnits(code: string): number {
  return 10 ** (SYMBOLS[code.toUpperCase()]?.decimals ?? 2);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** A name that every file system accepts: no separators or reserved characters, no leading dots, at most 150 characters. */
export function safeFileName(name: string): string {
  const s = name.replace(UNSAFE, '-').replace(/\s+/g, ' ').replace(/^[.\s-]+|[.\s]+$/g, '').slice(0, 150).trim();
  return s || 'export';
}

export type ExportKind = 'deck' | 'workbook' | 'survey' | 'engagement';

const EXTENSIONS: Record<ExportKind, string> = { deck: '.pptx', workbook: '.xlsx', survey: '.xlsx', engagement: '.mwb' };
const WORDS: Record<ExportKind, string> = { deck: 'Maturity deck', workbook: 'Maturity workbook', survey: 'Survey', engagement: 'Engagement' };

export function extensionOf(kind: ExportKind): string {
  return EXTENSIONS[kind];
}

/**
 * The readable name of an export: client, assessment, what it is (and for whom), date.
 * "Northwind - 2026 Q4 - Maturity deck - 2026-11-25.pptx".
 */
export function exportFileName(kind: ExportKind, parts: { client: string; assessment?: string; who?: string; date: string }): string {
  const words = [parts.client, parts.assessment, parts.who ? `${WORDS[kind]} for ${parts.who}` : WORDS[kind], parts.date].filter((p): p is string => !!p);
  return safeFileName(words.join(' - ')) + EXTENSIONS[kind];
}
