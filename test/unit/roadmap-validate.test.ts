import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { explainInfeasibility } from '../../shared/roadmap/feasibility';
import { prepareProblem } from '../../shared/roadmap/problem';
import type { RoadmapInput } from '../../shared/roadmap/types';
import { validateRoadmap } from '../../shared/roadmap/validate';
import { initiative, world } from './roadmap-fixture';

function refusal(input: RoadmapInput): ApiError {
  try {
    validateRoadmap(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('invalid_input');
    return e as ApiError;
  }
  throw new Error('expected the input to be refused');
}
const fields = (e: ApiError) => (e.details as { fields: { path: string; message: string }[] }).fields;

describe('validation', () => {
  it('accepts a sound input', () => {
    expect(() => validateRoadmap(world([initiative('a', { uplifts: [{ capabilityId: 'M1.1', toLevel: 3 }] })]))).not.toThrow();
  });

  it('names a dependency cycle by initiative names, in order', () => {
    const e = refusal(
      world([
        initiative('lake', { name: 'Lakehouse migration', dependsOn: ['cat'] }),
        initiative('cat', { name: 'Catalogue rollout', dependsOn: ['lake'] }),
        initiative('other', { name: 'Other' }),
      ]),
    );
    expect(e.message).toBe('Dependency cycle: Lakehouse migration -> Catalogue rollout -> Lakehouse migration (each depends on the next, so none can start)');
    expect(fields(e)[0]!.path).toBe('initiatives.0.dependsOn');
  });

  it('names a longer cycle and a self-dependency', () => {
    const e = refusal(
      world([
        initiative('a', { name: 'A', dependsOn: ['b'] }),
        initiative('b', { name: 'B', dependsOn: ['c'] }),
        initiative('c', { name: 'C', dependsOn: ['a'] }),
        initiative('d', { name: 'D', dependsOn: ['d'] }),
      ]),
    );
    expect(fields(e).map((f) => f.message)).toEqual([
      'Dependency cycle: A -> B -> C -> A (each depends on the next, so none can start)',
      'Dependency cycle: D -> D (each depends on the next, so none can start)',
    ]);
  });

  it('refuses a cost split that does not add up to 100, naming the field and the sum', () => {
    const split = { mode: 'percent' as const, shares: [{ businessUnitId: 'fin', percent: 60 }, { businessUnitId: 'ops', percent: 30 }] };
    const e = refusal(world([initiative('a', { name: 'Lakehouse migration', costSplit: split })]));
    expect(e.message).toBe('Initiative "Lakehouse migration": costSplit.shares add up to 90%, they must add up to 100%');
    expect(fields(e)).toEqual([{ path: 'initiatives.0.costSplit.shares', message: e.message }]);
  });

  it('refuses an unknown business unit in a split', () => {
    const split = { mode: 'percent' as const, shares: [{ businessUnitId: 'fin', percent: 50 }, { businessUnitId: 'legal', percent: 50 }] };
    const e = refusal(world([initiative('a', { name: 'X', costSplit: split })]));
    expect(e.message).toBe('Initiative "X": cost split names unknown business unit "legal"');
    expect(fields(e)[0]!.path).toBe('initiatives.0.costSplit.shares.1.businessUnitId');
  });

  it.each([
    [{ uplifts: [{ capabilityId: 'M1.3', toLevel: 3 }] }, 'initiatives.0.uplifts.0.toLevel', 'Initiative "X": uplift of M1.3 to level 3 is not above its current level 3'],
    [{ uplifts: [{ capabilityId: 'M9.9', toLevel: 3 }] }, 'initiatives.0.uplifts.0.capabilityId', 'Initiative "X": uplifts name unknown capability M9.9'],
    [{ uplifts: [{ capabilityId: 'M2.2', toLevel: 3 }] }, 'initiatives.0.uplifts.0.capabilityId', 'Initiative "X": uplifts capability M2.2, which is not applicable in the baseline assessment'],
    [{ effort: [{ roleId: 'dba', days: 3 }] }, 'initiatives.0.effort.0.roleId', 'Initiative "X": effort names role "dba", which is not on the rate card'],
    [{ earliestStart: '2028-Q1' }, 'initiatives.0.earliestStart', 'Initiative "X": earliest start 2028-Q1 is after the horizon, which ends in 2027-Q4'],
    [{ dependsOn: ['ghost'] }, 'initiatives.0.dependsOn.0', 'Initiative "X": depends on unknown initiative "ghost"'],
    [{ durationQuarters: 0 }, 'initiatives.0.durationQuarters', 'Initiative "X": durationQuarters must be at least 1 quarter'],
  ])('refuses a bad initiative field %#', (over, path, message) => {
    const e = refusal(world([initiative('x', { name: 'X', ...over })]));
    expect(fields(e)).toEqual([{ path, message }]);
  });

  it('refuses unknown roles in capacity, starts past the horizon, and forced-and-excluded', () => {
    const input = world([initiative('x', { name: 'X' }), initiative('y', { name: 'Y' })], {
      capacity: [{ roleId: 'dba', daysPerQuarter: 10 }],
      manualStarts: { x: '2028-Q1' },
      forced: ['y'],
      excluded: ['y'],
    });
    expect(fields(refusal(input))).toEqual([
      { path: 'scenario.forced.0', message: 'Scenario "Base case": initiative "Y" is both forced and excluded' },
      { path: 'scenario.capacity.0.roleId', message: 'Scenario "Base case": capacity names role "dba", which is not on the rate card' },
      { path: 'scenario.manualStarts.x', message: 'Initiative "X": manual start 2028-Q1 is after the horizon, which ends in 2027-Q4' },
    ]);
  });

  it('refuses a forced initiative that depends, even through another, on an excluded one', () => {
    const input = world(
      [initiative('lake', { name: 'Lakehouse migration' }), initiative('mid', { name: 'Middle', dependsOn: ['lake'] }), initiative('cat', { name: 'Catalogue rollout', dependsOn: ['mid'] })],
      { forced: ['cat'], excluded: ['lake'] },
    );
    expect(refusal(input).message).toBe('Initiative "Catalogue rollout" is forced but depends on "Lakehouse migration" (through Middle), which is excluded');
    // not forced: allowed, the dependant simply cannot be planned
    expect(() => validateRoadmap({ ...input, scenario: { ...input.scenario, forced: [] } })).not.toThrow();
  });
});

describe('infeasibility, explained before solving', () => {
  const explain = (input: RoadmapInput) => {
    validateRoadmap(input);
    return explainInfeasibility(prepareProblem(input)).map((r) => r.message);
  };

  it('names a forced initiative that needs more days in a quarter than the capacity', () => {
    const input = world([initiative('lake', { name: 'Lakehouse migration', effort: [{ roleId: 'de', days: 60 }] })], {
      forced: ['lake'],
      capacity: [{ roleId: 'de', daysPerQuarter: 40 }],
    });
    expect(explain(input)).toEqual(['Forced initiative Lakehouse migration needs 60 data engineer days in 2027-Q1, capacity is 40']);
  });

  it('names the quarter where forced initiatives together need more than the budget', () => {
    // both can only run in 2027-Q2 (earliest start 2027-Q2, horizon ends 2027-Q2): 800,000 + 450,000 = 1,250,000
    const input = world(
      [
        initiative('lake', { name: 'Lakehouse migration', capex: 80_000_000, earliestStart: '2027-Q2' }),
        initiative('cat', { name: 'Catalogue rollout', capex: 45_000_000, earliestStart: '2027-Q2' }),
      ],
      { horizon: 2, forced: ['lake', 'cat'], budget: { per: 'quarter', amount: 90_000_000 } },
    );
    expect(explain(input)).toEqual(['Forced initiatives need 1,250,000 in 2027-Q2 (Lakehouse migration, Catalogue rollout), the budget is 900,000 per quarter']);
  });

  it('names a dependant that cannot finish within the horizon after its dependency', () => {
    // Lakehouse takes 2027-Q1..Q2, Catalogue could start 2027-Q3 and needs 2 quarters: past a 3-quarter horizon
    const input = world(
      [initiative('lake', { name: 'Lakehouse migration', durationQuarters: 2 }), initiative('cat', { name: 'Catalogue rollout', durationQuarters: 2, dependsOn: ['lake'] })],
      { horizon: 3, forced: ['cat'] },
    );
    expect(explain(input)).toEqual([
      'Catalogue rollout cannot finish within the horizon after its dependency Lakehouse migration: the earliest it can start is 2027-Q3 and it takes 2 quarters, the horizon ends in 2027-Q3',
    ]);
  });

  it('compares forced effort over the whole horizon with the capacity', () => {
    const input = world(
      ['a', 'b', 'c'].map((id) => initiative(id, { name: id.toUpperCase(), effort: [{ roleId: 'ar', days: 30 }] })),
      { horizon: 2, forced: ['a', 'b', 'c'], capacity: [{ roleId: 'ar', daysPerQuarter: 40 }] },
    );
    // 3 x 30 = 90 days against 2 x 40 = 80
    expect(explain(input)).toEqual(['Forced initiatives need 90 data architect days over the horizon (2027-Q1 to 2027-Q2), capacity is 80 (40 per quarter)']);
  });

  it('finds nothing when the forced initiatives fit', () => {
    const input = world([initiative('a', { effort: [{ roleId: 'de', days: 30 }] })], { forced: ['a'], capacity: [{ roleId: 'de', daysPerQuarter: 40 }] });
    expect(explain(input)).toEqual([]);
  });
});
