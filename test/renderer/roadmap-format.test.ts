/** How the roadmap screens read and show money and quarters: what a consultant types becomes minor units exactly. */
import { describe, expect, it } from 'vitest';
import { money, moneyInput, nextFiscalYearStart, parseMoney, quarterWithFiscal } from '../../renderer/src/views/roadmap/format';

describe('amounts', () => {
  it('reads what a consultant types as integer minor units of the currency', () => {
    expect(parseMoney('120000', 'EUR')).toBe(12_000_000);
    expect(parseMoney('120,000.50', 'EUR')).toBe(12_000_050);
    expect(parseMoney('1 250 000.5', 'EUR')).toBe(125_000_050);
    expect(parseMoney('', 'EUR')).toBe(0);
    // yen has no minor unit; dinar has three
    expect(parseMoney('1500', 'JPY')).toBe(1500);
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('2.125', 'KWD')).toBe(2125);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['12.345', '-5', '1e6', 'ten', '12.3.4']) expect(parseMoney(text, 'EUR'), text).toBeNull();
  });

  it('shows minor units back in the form they are typed, and with the currency', () => {
    expect(moneyInput(12_000_050, 'EUR')).toBe('120000.50');
    expect(moneyInput(1500, 'JPY')).toBe('1500');
    expect(money(8_866_668, 'EUR')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(88_666.68));
  });
});

describe('quarters', () => {
  it("starts a new scenario in the next quarter that opens a fiscal year of the client's", () => {
    expect(nextFiscalYearStart('2026-11-27', 4)).toBe('2027-Q2'); // April
    expect(nextFiscalYearStart('2026-11-27', 1)).toBe('2027-Q1'); // calendar year
    expect(nextFiscalYearStart('2026-05-10', 10)).toBe('2026-Q4'); // October
    expect(nextFiscalYearStart('2026-02-01', 2)).toBe('2026-Q2'); // February: April-June is the first quarter that starts inside the year
  });

  it('adds the fiscal label unless the fiscal year is the calendar year', () => {
    expect(quarterWithFiscal('2027-Q2', 4)).toBe('2027-Q2 · FY2028 Q1');
    expect(quarterWithFiscal('2027-Q2', 1)).toBe('2027-Q2');
  });
});
