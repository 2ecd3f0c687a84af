/**
 * Numbers in a consultant's words, for messages: amounts in major units with thousands separators and
 * no currency symbol ("1,250,000", "1,250,000.50"), days as whole numbers ("1,140").
 */

const fractionDigitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY); 2 when unknown. */
export function currencyDigits(currency: string): number {
  let d = fractionDigitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    fractionDigitsCache.set(currency, d);
  }
  return d;
}

function group(n: bigint | number): string {
  const s = String(n);
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Minor units -> "1,250,000" (whole) or "1,250,000.50"; negative amounts get a leading minus. */
export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const neg = minor < 0;
  const abs = Math.round(Math.abs(minor));
  const unit = 10 ** digits;
  const major = Math.floor(abs / unit);
  const frac = abs - major * unit;
  const text = frac === 0 || digits === 0 ? group(major) : `${group(major)}.${String(frac).padStart(digits, '0')}`;
  return neg ? `-${text}` : text;
}

/** 1140 -> "1,140"; fractions (never produced by the spreading rules) keep one decimal. */
export function formatDays(days: number): string {
  return Number.isInteger(days) ? group(days) : days.toFixed(1);
}
