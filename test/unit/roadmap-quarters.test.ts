import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  fiscalLabel,
  fiscalYearOf,
  formatQuarter,
  parseQuarter,
  quarterRange,
  quartersBetween,
} from '../../shared/roadmap/quarters';

describe('calendar quarters', () => {
  it('parses and formats 2027-Q3', () => {
    expect(parseQuarter('2027-Q3')).toEqual({ year: 2027, q: 3 });
    expect(formatQuarter({ year: 2027, q: 3 })).toBe('2027-Q3');
    expect(() => parseQuarter('2027-Q5')).toThrow(/not a quarter/);
    expect(() => parseQuarter('2027Q1')).toThrow(/not a quarter/);
  });

  it('adds quarters across year ends, both ways', () => {
    expect(addQuarters('2027-Q4', 1)).toBe('2028-Q1');
    expect(addQuarters('2027-Q1', -1)).toBe('2026-Q4');
    expect(addQuarters('2027-Q2', 11)).toBe('2030-Q1'); // 3 more in 2027, 4 in 2028, 4 in 2029: 3 + 4 + 4 = 11
    expect(quartersBetween('2027-Q3', '2028-Q2')).toBe(3);
  });

  it('lists a range of quarters', () => {
    expect(quarterRange('2027-Q3', 4)).toEqual(['2027-Q3', '2027-Q4', '2028-Q1', '2028-Q2']);
    expect(quarterRange('2027-Q3', 0)).toEqual([]);
  });
});

describe('fiscal labels: the fiscal year is named by the calendar year in which it ends', () => {
  it('April start: April-June 2027 is the first quarter of FY2028', () => {
    expect(fiscalLabel('2027-Q2', 4)).toBe('FY2028 Q1');
    expect(fiscalLabel('2027-Q4', 4)).toBe('FY2028 Q3');
    expect(fiscalLabel('2028-Q1', 4)).toBe('FY2028 Q4');
    expect(fiscalLabel('2027-Q1', 4)).toBe('FY2027 Q4');
    expect(fiscalYearOf('2027-Q1', 4)).toBe(2027);
    expect(fiscalYearOf('2027-Q2', 4)).toBe(2028);
  });

  it('January start: the fiscal year is the calendar year', () => {
    expect(fiscalLabel('2027-Q1', 1)).toBe('FY2027 Q1');
    expect(fiscalLabel('2027-Q3', 1)).toBe('FY2027 Q3');
  });

  it('October start: October-December 2026 is the first quarter of FY2027', () => {
    expect(fiscalLabel('2026-Q4', 10)).toBe('FY2027 Q1');
    expect(fiscalLabel('2027-Q3', 10)).toBe('FY2027 Q4');
  });

  it('February start (not a quarter start): the quarter belongs to the fiscal year of its first month', () => {
    // January 2027 lies in the year February 2026 - January 2027, which ends in 2027: its last quarter
    expect(fiscalLabel('2027-Q1', 2)).toBe('FY2027 Q4');
    // April 2027 is the first calendar quarter starting inside February 2027 - January 2028
    expect(fiscalLabel('2027-Q2', 2)).toBe('FY2028 Q1');
    expect(fiscalLabel('2027-Q3', 2)).toBe('FY2028 Q2');
    expect(fiscalLabel('2027-Q4', 2)).toBe('FY2028 Q3');
    expect(fiscalLabel('2028-Q1', 2)).toBe('FY2028 Q4');
  });

  it('December start: January 2027 is the first quarter of the year December 2026 - November 2027', () => {
    expect(fiscalLabel('2027-Q1', 12)).toBe('FY2027 Q1');
    expect(fiscalLabel('2027-Q4', 12)).toBe('FY2027 Q4');
  });
});
