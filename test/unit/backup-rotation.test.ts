/** Which backups the rotation keeps: 7 daily, 4 weekly, 12 monthly, all of today, then the size cap. */
import { describe, expect, it } from 'vitest';
import { isoWeek, rotationKeeps } from '../../electron/core/backups';

const at = (iso: string) => new Date(iso);
const entry = (iso: string, size = 100) => ({ id: iso, at: at(iso), size });

describe('ISO weeks', () => {
  it('follows ISO 8601: weeks start on Monday and belong to the year of their Thursday', () => {
    expect(isoWeek(at('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeek(at('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // a Friday of 2026's last week
    expect(isoWeek(at('2026-11-16T00:00:00Z'))).toBe(isoWeek(at('2026-11-22T23:59:59Z'))); // Monday .. Sunday
    expect(isoWeek(at('2026-11-15T23:59:59Z'))).not.toBe(isoWeek(at('2026-11-16T00:00:00Z')));
  });
});

describe('rotation', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months', () => {
    // One backup a day at 09:00 from 1 September to Friday 20 November 2026.
    const entries = [];
    for (let d = new Date('2026-09-01T09:00:00Z'); d <= new Date('2026-11-20T09:00:00Z'); d = new Date(d.getTime() + 86400000)) entries.push(entry(d.toISOString()));
    const kept = [...rotationKeeps(entries, '2026-11-20', Number.MAX_SAFE_INTEGER)].map((id) => id.slice(0, 10)).sort();
    expect(kept).toEqual([
      '2026-09-30', // September's newest
      '2026-10-31', // October's newest
      '2026-11-01', // newest of the week 26 Oct .. 1 Nov
      '2026-11-08', // newest of the week 2 .. 8 Nov
      '2026-11-14', // the last 7 days, 14 .. 20 Nov (15 Nov is also its week's newest)
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
  });

  it('keeps every backup of today, and only the newest of an earlier day', () => {
    const entries = ['2026-11-20T09:00:00Z', '2026-11-20T11:00:00Z', '2026-11-20T15:00:00Z', '2026-11-19T10:00:00Z', '2026-11-19T12:00:00Z'].map((iso) => entry(iso));
    expect([...rotationKeeps(entries, '2026-11-20', 10_000)].sort()).toEqual(['2026-11-19T12:00:00Z', '2026-11-20T09:00:00Z', '2026-11-20T11:00:00Z', '2026-11-20T15:00:00Z']);
  });

  it('drops the oldest first past the size cap, and never the newest', () => {
    const entries = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].map((d) => entry(`${d}T09:00:00Z`, 100));
    // 250 bytes hold two backups of 100 (three would be 300).
    expect([...rotationKeeps(entries, '2026-11-21', 250)].sort()).toEqual(['2026-11-19T09:00:00Z', '2026-11-20T09:00:00Z']);
    expect([...rotationKeeps(entries, '2026-11-21', 50)]).toEqual(['2026-11-20T09:00:00Z']);
  });
});
