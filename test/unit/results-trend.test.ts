/** The trend over an engagement's assessments, oldest first, and the capabilities that moved between two. */
import { describe, expect, it } from 'vitest';
import { movers, trend, type RatedAssessment, type ResultsFramework } from '../../shared/results';
import type { RatingLike } from '../../shared/scoring/progress';

const fw: ResultsFramework = {
  id: 'tiny',
  version: '1.0.0',
  modules: [
    { id: 'M1', name: 'One', capabilities: [{ id: 'M1.1', name: 'A one' }, { id: 'M1.2', name: 'A two' }, { id: 'M1.3', name: 'A three' }] },
    { id: 'M2', name: 'Two', capabilities: [{ id: 'M2.1', name: 'B one' }, { id: 'M2.2', name: 'B two' }] },
  ],
};
const r = (currentLevel: number | null, targetLevel: number | null = null, notApplicable = false): RatingLike => ({ currentLevel, targetLevel, notApplicable });
const a = (id: string, label: string, date: string, ratings: Record<string, RatingLike>, scope = ['M1', 'M2']): RatedAssessment => ({ id, label, date, scope, ratings });

const q1 = a('id-q1', 'Q1 2026', '2026-01-15', { 'M1.1': r(1, 3), 'M1.2': r(2, 4), 'M1.3': r(3), 'M2.1': r(2) }, ['M1']);
const q2a = a('id-q2a', 'Q2 2026 a', '2026-04-15', { 'M1.1': r(2, 3), 'M1.2': r(2, 4), 'M1.3': r(4), 'M2.1': r(3, 4), 'M2.2': r(null, 5) });
const q2b = a('id-q2b', 'Q2 2026 b', '2026-04-15', { 'M1.1': r(4, 4), 'M1.2': r(1, 4), 'M1.3': r(null, null, true), 'M2.1': r(1), 'M2.2': r(2, 3) });

describe('trend', () => {
  const t = trend(fw, [q2b, q1, q2a]);

  it('orders assessments oldest first, by date then label', () => {
    expect(t.assessments.map((x) => x.id)).toEqual(['id-q1', 'id-q2a', 'id-q2b']);
  });

  it('gives each module its means per assessment, null out of scope or unscored', () => {
    expect(t.modules.map((m) => m.moduleId)).toEqual(['M1', 'M2']);
    expect(t.modules[0]!.current).toEqual([(1 + 2 + 3) / 3, (2 + 2 + 4) / 3, (4 + 1) / 2]);
    expect(t.modules[0]!.target).toEqual([(3 + 4) / 2, (3 + 4) / 2, (4 + 4) / 2]);
    expect(t.modules[0]!.scored).toEqual([3, 3, 2]);
    // M2 was out of Q1's scope: its stray rating there does not count.
    expect(t.modules[1]!.current).toEqual([null, 3, (1 + 2) / 2]);
    expect(t.modules[1]!.target).toEqual([null, 4, 3]);
    expect(t.overall.current).toEqual([(1 + 2 + 3) / 3, (2 + 2 + 4 + 3) / 4, (4 + 1 + 1 + 2) / 4]);
  });

  it('has no points for no assessments', () => {
    expect(trend(fw, [])).toMatchObject({ assessments: [], modules: [{ current: [] }, { current: [] }] });
  });
});

describe('movers', () => {
  it('lists the biggest rise and the biggest fall first, skipping what is not scored in both', () => {
    const m = movers(fw, q2a, q2b);
    expect(m.from.id).toBe('id-q2a');
    expect(m.to.id).toBe('id-q2b');
    // M1.1 2→4, M1.2 2→1, M2.1 3→1; M1.3 is N/A in q2b and M2.2 unscored in q2a.
    expect(m.up).toEqual([{ capabilityId: 'M1.1', moduleId: 'M1', name: 'A one', from: 2, to: 4, change: 4 - 2 }]);
    expect(m.down.map((x) => [x.capabilityId, x.change])).toEqual([
      ['M2.1', 1 - 3],
      ['M1.2', 1 - 2],
    ]);
    expect(m).toMatchObject({ unchanged: 0, compared: 3 });
  });

  it('orders equal moves by framework order and counts the unchanged', () => {
    const m = movers(fw, q1, q2a);
    // Only M1 is in both scopes: M1.1 1→2, M1.2 2→2, M1.3 3→4.
    expect(m.up.map((x) => [x.capabilityId, x.change])).toEqual([
      ['M1.1', 2 - 1],
      ['M1.3', 4 - 3],
    ]);
    expect(m.down).toEqual([]);
    expect(m).toMatchObject({ unchanged: 1, compared: 3 });
  });
});
