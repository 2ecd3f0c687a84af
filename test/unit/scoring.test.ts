import { describe, expect, it } from 'vitest';
import { consensus, levelForMedian, median, medianLevels } from '../../shared/scoring/consensus';
import { averageLevel, gap, isScored, isStale, progress, restsOnStaleEvidence } from '../../shared/scoring/progress';
import { mark, splitMarked, stripMarks } from '../../shared/search';
import { agenda, pace } from '../../shared/workshop/agenda';

const v = (participantId: string, currentLevel: number, targetLevel: number | null = null) => ({ participantId, currentLevel, targetLevel });

describe('consensus from votes', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 5, 2], 2],
    [[2, 3], 2.5],
    [[4, 1, 4, 2], 3],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('proposes the median rounded half down, and the target median likewise', () => {
    const c = consensus([v('a', 2, 4), v('b', 3, 5)]);
    expect(c).toMatchObject({ median: 2.5, proposed: 2, targetMedian: 4.5, proposedTarget: 4 });
  });

  it('flags disagreement at a spread of two levels and names the outliers', () => {
    expect(consensus([v('a', 2), v('b', 3)]).disagreement).toBe(false);
    const c = consensus([v('a', 1), v('b', 3), v('c', 3), v('d', 3), v('e', 5)]);
    expect(c).toMatchObject({ spread: 4, disagreement: true, outliers: ['a', 'e'], histogram: [1, 0, 3, 0, 1], min: 1, max: 5 });
  });

  it('a median between two levels may be agreed as either; a whole one only as itself', () => {
    expect(medianLevels(2.5)).toEqual([2, 3]);
    expect(medianLevels(3)).toEqual([3]);
    expect(medianLevels(null)).toEqual([]);
    expect(levelForMedian(2.5)).toBe(2);
    expect(levelForMedian(2.5, 3)).toBe(3);
    expect(levelForMedian(2.5, 4)).toBeUndefined();
    expect(levelForMedian(3, 3)).toBe(3);
    expect(levelForMedian(3, 2)).toBeUndefined();
    expect(levelForMedian(null)).toBeNull();
  });

  it('has nothing to propose without votes', () => {
    expect(consensus([])).toMatchObject({ count: 0, median: null, proposed: null, spread: 0, disagreement: false, outliers: [] });
  });
});

describe('progress, gaps and freshness', () => {
  const ratings = {
    'M1.1': { currentLevel: 2, targetLevel: 4, notApplicable: false },
    'M1.2': { currentLevel: null, targetLevel: 3, notApplicable: false },
    'M1.3': { currentLevel: null, targetLevel: null, notApplicable: true },
    'M1.4': { currentLevel: 4, targetLevel: null, notApplicable: false },
  };
  const ids = ['M1.1', 'M1.2', 'M1.3', 'M1.4', 'M1.5'];

  it('counts a score or not-applicable as scored, a target alone as not', () => {
    expect(ids.map((id) => isScored(ratings[id as keyof typeof ratings]))).toEqual([true, false, true, true, false]);
    expect(progress(ids, ratings)).toEqual({ scored: 3, inScope: 5 });
  });

  it('leaves not-applicable capabilities out of averages and gaps', () => {
    expect(averageLevel(ids, ratings)).toBe(3);
    expect(gap(ratings['M1.1'])).toBe(2);
    expect(gap(ratings['M1.3'])).toBeNull();
    expect(gap(ratings['M1.4'])).toBeNull();
  });

  it('treats evidence as stale only after its valid-until date', () => {
    expect(isStale('2026-11-24', '2026-11-25')).toBe(true);
    expect(isStale('2026-11-25', '2026-11-25')).toBe(false);
    expect(isStale(null, '2026-11-25')).toBe(false);
    expect(restsOnStaleEvidence([{ stale: true }, { stale: true }])).toBe(true);
    expect(restsOnStaleEvidence([{ stale: true }, { stale: false }])).toBe(false);
    expect(restsOnStaleEvidence([])).toBe(false);
  });
});

describe('workshop agenda and pace', () => {
  const caps = ['M1.1', 'M1.2', 'M2.1', 'M2.2', 'M3.1'].map((id) => ({ id, moduleId: id.split('.')[0]! }));
  const a = agenda(caps, ['M2', 'M1'], 60);
  const start = Date.UTC(2026, 10, 25, 9, 0);
  const at = (min: number) => start + min * 60_000;

  it('derives minutes per capability from the session length and the modules chosen', () => {
    expect(a).toEqual({ capabilityIds: ['M1.1', 'M1.2', 'M2.1', 'M2.2'], minutesPerCapability: 15 });
  });

  it('says whether the room is on time, behind or ahead', () => {
    expect(pace(a, start, at(20), 'M1.2', 60)).toMatchObject({ position: 1, behindMinutes: 0, expectedDone: 1, remainingMinutes: 40 });
    expect(pace(a, start, at(40), 'M1.2', 60)).toMatchObject({ behindMinutes: 10 });
    expect(pace(a, start, at(5), 'M2.1', 60)).toMatchObject({ behindMinutes: -25 });
    expect(pace(a, start, at(5), 'M3.1', 60)).toMatchObject({ position: -1, behindMinutes: 0 });
  });
});

describe('search snippets', () => {
  it('split into plain and matched runs, so matches render as <mark> and never as HTML', () => {
    const snippet = `Kafka ${mark('partition')} counts <b>by</b> ${mark('topic')}`;
    expect(splitMarked(snippet)).toEqual([
      { text: 'Kafka ', match: false },
      { text: 'partition', match: true },
      { text: ' counts <b>by</b> ', match: false },
      { text: 'topic', match: true },
    ]);
    expect(stripMarks(snippet)).toBe('Kafka partition counts <b>by</b> topic');
  });
});
