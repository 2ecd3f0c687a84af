/**
 * The roadmap through the HTTP transport, on real engagement files: rate card, initiatives, scenarios,
 * the optimal schedule (HiGHS in the engine's worker thread), outputs, refusals and undo.
 *
 * The world (every expected number below is worked out by hand from it):
 * - EUR, fiscal year from April; business units Finance, HR, Operations (listed by name).
 * - Baseline 2026 Q4: M1.1 2 -> 4, M1.2 2 -> 3, M2.1 3 -> 4; nothing else scored. Module means: M1 2
 *   (target 3.5), M2 3 (target 4). One level of M1 is worth 1/2 of a module-mean level, of M2 a whole one.
 * - Rate card: data engineer 800.00 a day, analyst 500.00 a day.
 * - Lakehouse migration (A): M1.1 -> 3, capex 120,000.00, opex 40,000.00 a year, 60 data-engineer days, 2 quarters, equal split.
 * - Data catalogue (B): after A, M1.2 -> 3, capex 30,000.00, 20 analyst days, 1 quarter, Finance 50 / Operations 30 / HR 20.
 * - Quality monitoring (C): M2.1 -> 4, capex 10,000.00, 10 data-engineer days, 1 quarter, equal split.
 * - Scenario "Base case": 2027-Q2 (FY2028 Q1) for 4 quarters, 40 data-engineer days a quarter, no budget.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Initiative } from '../../shared/roadmap/types';
import { startHarness, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
let assessmentId: string;
let units: Record<'Finance' | 'HR' | 'Operations', string>;
let roles: { de: string; an: string };

beforeEach(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Northwind', currency: 'EUR', fyStartMonth: 4 })).id;
  units = {} as typeof units;
  for (const name of ['Finance', 'Operations', 'HR'] as const) units[name] = (await h.call('businessUnit.add', { engagementId, name })).id;
  assessmentId = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
  for (const [capabilityId, currentLevel, targetLevel] of [
    ['M1.1', 2, 4],
    ['M1.2', 2, 3],
    ['M2.1', 3, 4],
  ] as const) {
    await h.call('assessment.rate', { engagementId, assessmentId, capabilityId, currentLevel, targetLevel });
  }
  const card = await h.call('rateCard.set', {
    engagementId,
    roles: [
      { name: 'Data engineer', dayRate: 80_000 },
      { name: 'Analyst', dayRate: 50_000 },
    ],
  });
  roles = { de: card.roles[0]!.id, an: card.roles[1]!.id };
});
afterEach(async () => {
  await h.stop();
});

async function addThree(): Promise<{ a: Initiative; b: Initiative; c: Initiative }> {
  const a = await h.call('initiative.add', {
    engagementId,
    name: 'Lakehouse migration',
    owner: 'Head of Data',
    uplifts: [{ capabilityId: 'M1.1', toLevel: 3 }],
    capex: 12_000_000,
    opexPerYear: 4_000_000,
    effort: [{ roleId: roles.de, days: 60 }],
    durationQuarters: 2,
  });
  const b = await h.call('initiative.add', {
    engagementId,
    name: 'Data catalogue',
    uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }],
    capex: 3_000_000,
    effort: [{ roleId: roles.an, days: 20 }],
    dependsOn: [a.id],
    costSplit: {
      mode: 'percent',
      shares: [
        { businessUnitId: units.Finance, percent: 50 },
        { businessUnitId: units.Operations, percent: 30 },
        { businessUnitId: units.HR, percent: 20 },
      ],
    },
  });
  const c = await h.call('initiative.add', {
    engagementId,
    name: 'Quality monitoring',
    uplifts: [{ capabilityId: 'M2.1', toLevel: 4 }],
    capex: 1_000_000,
    effort: [{ roleId: roles.de, days: 10 }],
  });
  return { a, b, c };
}

const baseCase = () =>
  h.call('scenario.create', { engagementId, name: 'Base case', startQuarter: '2027-Q2', horizon: 4, capacity: [{ roleId: roles.de, daysPerQuarter: 40 }] });

describe('rate card and initiatives', () => {
  it('keeps role ids across edits and refuses to drop a role that an initiative still needs', async () => {
    const { a } = await addThree();
    const card = await h.call('rateCard.set', {
      engagementId,
      roles: [
        { id: roles.de, name: 'Data engineer', dayRate: 85_000 },
        { id: roles.an, name: 'Analyst', dayRate: 50_000 },
        { name: 'Platform engineer', dayRate: 90_000 },
      ],
    });
    expect(card.roles.map((r) => [r.name, r.dayRate])).toEqual([
      ['Data engineer', 85_000],
      ['Analyst', 50_000],
      ['Platform engineer', 90_000],
    ]);
    expect(card.roles[0]!.id).toBe(roles.de);
    const { error } = await h.fail('rateCard.set', { engagementId, roles: [{ id: roles.an, name: 'Analyst', dayRate: 50_000 }] });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"Data engineer" is still in the effort of Lakehouse migration, Quality monitoring');
    expect(await h.call('rateCard.get', { engagementId })).toEqual(card);
    expect((await h.call('initiative.list', { engagementId })).find((x) => x.id === a.id)!.effort).toEqual([{ roleId: roles.de, days: 60 }]);
  });

  it('lists initiatives with every field as added, and replaces lists whole on update', async () => {
    const { a, b } = await addThree();
    const list = await h.call('initiative.list', { engagementId });
    expect(list.map((x) => x.name)).toEqual(['Lakehouse migration', 'Data catalogue', 'Quality monitoring']);
    expect(list[1]).toEqual({
      id: b.id,
      name: 'Data catalogue',
      description: '',
      owner: '',
      uplifts: [{ capabilityId: 'M1.2', toLevel: 3 }],
      capex: 3_000_000,
      opexPerYear: 0,
      effort: [{ roleId: roles.an, days: 20 }],
      durationQuarters: 1,
      earliestStart: null,
      dependsOn: [a.id],
      costSplit: {
        mode: 'percent',
        shares: [
          { businessUnitId: units.Finance, percent: 50 },
          { businessUnitId: units.Operations, percent: 30 },
          { businessUnitId: units.HR, percent: 20 },
        ],
      },
      risk: 'medium',
      note: '',
    });
    const updated = await h.call('initiative.update', { engagementId, initiativeId: b.id, costSplit: { mode: 'equal' }, dependsOn: [], risk: 'high' });
    expect(updated).toMatchObject({ costSplit: { mode: 'equal' }, dependsOn: [], risk: 'high', name: 'Data catalogue' });
    expect((await h.call('initiative.list', { engagementId }))[1]).toEqual(updated);
  });

  it('refuses bad input at the field it concerns and writes nothing', async () => {
    const { a, b, c } = await addThree();
    await baseCase();
    await h.call('initiative.update', { engagementId, initiativeId: a.id, dependsOn: [c.id] });
    const before = await h.call('initiative.list', { engagementId });
    const refusals: [object, string, RegExp][] = [
      [
        { initiativeId: b.id, costSplit: { mode: 'percent', shares: [{ businessUnitId: units.Finance, percent: 60 }, { businessUnitId: units.HR, percent: 30 }] } },
        'costSplit.shares',
        /costSplit.shares add up to 90%, they must add up to 100%/,
      ],
      // B depends on A, A on C: C depending on B closes the circle
      [{ initiativeId: c.id, dependsOn: [b.id] }, 'dependsOn', /Dependency cycle: Lakehouse migration -> Quality monitoring -> Data catalogue -> Lakehouse migration/],
      [{ initiativeId: a.id, uplifts: [{ capabilityId: 'M1.1', toLevel: 2 }] }, 'uplifts.0.toLevel', /uplift of M1.1 to level 2 is not above its current level 2/],
      [{ initiativeId: a.id, uplifts: [{ capabilityId: 'M1.7', toLevel: 3 }] }, 'uplifts.0.capabilityId', /M1.7, which has no agreed current level/],
      [{ initiativeId: a.id, uplifts: [{ capabilityId: 'M99.1', toLevel: 3 }] }, 'uplifts.0.capabilityId', /unknown capability M99.1/],
      [{ initiativeId: a.id, effort: [{ roleId: 'zzzzzzzzzzzz', days: 5 }] }, 'effort.0.roleId', /role "zzzzzzzzzzzz", which is not on the rate card/],
      [{ initiativeId: c.id, earliestStart: '2028-Q2' }, 'earliestStart', /earliest start 2028-Q2 is after the horizon, which ends in 2028-Q1/],
      [{ initiativeId: c.id, durationQuarters: 0 }, 'durationQuarters', /must be at least 1 quarter/],
    ];
    for (const [patch, path, message] of refusals) {
      const { status, error } = await h.fail('initiative.update', { engagementId, ...patch });
      expect(status, path).toBe(400);
      expect(error.message).toMatch(message);
      expect((error.details as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(path);
    }
    expect(await h.call('initiative.list', { engagementId })).toEqual(before);
  });
});

describe('scheduling and outputs', () => {
  it('schedules every initiative as early as the limits allow, stores the plan and computes the outputs from it', async () => {
    const { a, b, c } = await addThree();
    const s = await baseCase();
    expect(s.schedule).toBeNull();
    const res = await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    expect(res.status).toBe('optimal');
    // C counts at 4 checkpoints (1 each), A at 3 (1/2 each), B after A at 2 (1/2 each)
    expect(res.objective).toBeCloseTo(6.5, 9);
    expect(res.gap).toBe(0);
    expect(res.plan).toEqual([
      { initiativeId: a.id, startQuarter: '2027-Q2', endQuarter: '2027-Q3' },
      { initiativeId: c.id, startQuarter: '2027-Q2', endQuarter: '2027-Q2' },
      { initiativeId: b.id, startQuarter: '2027-Q4', endQuarter: '2027-Q4' },
    ]);
    const listed = (await h.call('scenario.list', { engagementId }))[0]!;
    expect(listed.schedule).toMatchObject({ status: 'optimal', plan: res.plan, stale: false, timeLimitMs: 2000 });

    const out = await h.call('scenario.outputs', { engagementId, scenarioId: s.id });
    expect(out.fiscalLabels).toEqual(['FY2028 Q1', 'FY2028 Q2', 'FY2028 Q3', 'FY2028 Q4']);
    // Q2: A capex 60,000 + labour 24,000; C capex 10,000 + labour 8,000. Q3: A 60,000 + 24,000.
    // Q4: B capex 30,000 + labour 10,000; A's opex 10,000 from the quarter after it finishes. 2028-Q1: A's opex.
    expect(out.costs.byQuarter.map((q) => [q.quarter, q.capex, q.labour, q.opex, q.total])).toEqual([
      ['2027-Q2', 7_000_000, 3_200_000, 0, 10_200_000],
      ['2027-Q3', 6_000_000, 2_400_000, 0, 8_400_000],
      ['2027-Q4', 3_000_000, 1_000_000, 1_000_000, 5_000_000],
      ['2028-Q1', 0, 0, 1_000_000, 1_000_000],
    ]);
    expect(out.costs.byFiscalYear).toEqual([
      { fiscalYear: 'FY2028', quarters: ['2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1'], capex: 16_000_000, labour: 6_600_000, opex: 2_000_000, total: 24_600_000 },
    ]);
    // Q4: 5,000,000 = A's opex in thirds + B 50/30/20: 2,333,333.33 / 1,133,333.33 / 1,533,333.33; the odd cent goes to Finance (listed first).
    const cb = (q: string) => out.chargeback.byQuarter.find((r) => r.quarter === q)!.shares;
    expect(cb('2027-Q2')).toEqual({ [units.Finance]: 3_400_000, [units.HR]: 3_400_000, [units.Operations]: 3_400_000 });
    expect(cb('2027-Q4')).toEqual({ [units.Finance]: 2_333_334, [units.HR]: 1_133_333, [units.Operations]: 1_533_333 });
    expect(cb('2028-Q1')).toEqual({ [units.Finance]: 333_334, [units.HR]: 333_333, [units.Operations]: 333_333 });
    expect(out.chargeback.byFiscalYear[0]!.shares).toEqual({ [units.Finance]: 8_866_668, [units.HR]: 7_666_666, [units.Operations]: 8_066_666 });
    expect(out.chargeback.businessUnits.map((u) => u.name)).toEqual(['Finance', 'HR', 'Operations']);
    const m = (id: string) => out.maturity.find((x) => x.moduleId === id)!;
    expect(m('M1')).toMatchObject({ baseline: 2, target: 3.5, byQuarter: [2, 2, 2.5, 3], endState: 3 });
    expect(m('M2')).toMatchObject({ baseline: 3, target: 4, byQuarter: [3, 4, 4, 4], endState: 4 });
    expect(out.timeToTarget.find((t) => t.moduleId === 'M2')).toMatchObject({ quarter: '2027-Q3' });
    expect(out.timeToTarget.find((t) => t.moduleId === 'M1')).toMatchObject({ quarter: null, reason: expect.stringContaining('mean of 3.00 against a target of 3.50') });
    expect(out.limits.capacity[0]!.byQuarter.map((x) => x.used)).toEqual([40, 30, 0, 0]);
    expect(out.violations).toEqual([]);
  });

  it('delays the initiative worth less when capacity binds, and marks the stored plan out of date after an edit', async () => {
    const { a, b, c } = await addThree();
    const s = await baseCase();
    await h.call('scenario.update', { engagementId, scenarioId: s.id, capacity: [{ roleId: roles.de, daysPerQuarter: 30 }] });
    const res = await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    // A and C together need 40 data-engineer days in one quarter. C first: C at 4 checkpoints (1 each), A in
    // Q3-Q4 at 2 (1/2 each), B in 2028-Q1 at 1 (1/2): 5.5. A first: A 1.5 + C in Q4 2 + B in Q4 1 = 4.5.
    expect(res.objective).toBeCloseTo(5.5, 9);
    expect(res.plan).toEqual([
      { initiativeId: c.id, startQuarter: '2027-Q2', endQuarter: '2027-Q2' },
      { initiativeId: a.id, startQuarter: '2027-Q3', endQuarter: '2027-Q4' },
      { initiativeId: b.id, startQuarter: '2028-Q1', endQuarter: '2028-Q1' },
    ]);
    await h.call('initiative.update', { engagementId, initiativeId: c.id, capex: 2_000_000 });
    expect((await h.call('scenario.list', { engagementId }))[0]!.schedule!.stale).toBe(true);
    // a note does not change what the solver plans from
    await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    await h.call('initiative.update', { engagementId, initiativeId: c.id, note: 'Start with the finance feeds' });
    expect((await h.call('scenario.list', { engagementId }))[0]!.schedule!.stale).toBe(false);
  });

  it('refuses an infeasible scenario, naming the limit, and keeps the schedule it had', async () => {
    const { a } = await addThree();
    const s = await baseCase();
    const first = await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    await h.call('scenario.update', { engagementId, scenarioId: s.id, forced: [a.id], capacity: [{ roleId: roles.de, daysPerQuarter: 20 }] });
    const { status, error } = await h.fail('scenario.schedule', { engagementId, scenarioId: s.id });
    expect(status).toBe(400);
    expect(error.message).toContain('Forced initiative Lakehouse migration needs 30 data engineer days in 2027-Q2, capacity is 20');
    expect((error.details as { fields: { path: string }[] }).fields[0]!.path).toBe('capacity');
    expect((await h.call('scenario.list', { engagementId }))[0]!.schedule).toMatchObject({ plan: first.plan, solvedAt: first.solvedAt, stale: true });
  });

  it('lists every broken limit where it is broken in manual mode', async () => {
    const { a, c } = await addThree();
    const s = await baseCase();
    await h.call('scenario.update', {
      engagementId,
      scenarioId: s.id,
      mode: 'manual',
      capacity: [{ roleId: roles.de, daysPerQuarter: 30 }],
      budget: { per: 'quarter', amount: 9_000_000 },
      manualStarts: { [a.id]: '2027-Q2', [c.id]: '2027-Q2' },
    });
    const out = await h.call('scenario.outputs', { engagementId, scenarioId: s.id });
    expect(out.mode).toBe('manual');
    expect(out.plan.map((p) => p.startQuarter)).toEqual(['2027-Q2', '2027-Q2']);
    expect(out.violations.map((v) => v.message)).toEqual(['2027-Q2: spend 102,000 of a 90,000 budget', '2027-Q2: data engineer 40 of 30 person-days']);
    const { error } = await h.fail('scenario.update', { engagementId, scenarioId: s.id, manualStarts: { [a.id]: '2028-Q2' } });
    expect(error.message).toContain('manual start 2028-Q2 is after the horizon, which ends in 2028-Q1');
    expect((error.details as { fields: { path: string }[] }).fields[0]!.path).toBe(`manualStarts.${a.id}`);
  });

  it('copies a scenario with its settings and schedule, and compares a copy with a lower budget', async () => {
    const { c } = await addThree();
    const s = await baseCase();
    await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    const copy = await h.call('scenario.copy', { engagementId, scenarioId: s.id });
    expect(copy.name).toBe('Base case (copy)');
    expect(copy.schedule).toMatchObject({ stale: false, plan: (await h.call('scenario.list', { engagementId }))[0]!.schedule!.plan });
    expect((await h.call('scenario.copy', { engagementId, scenarioId: s.id })).name).toBe('Base case (copy 2)');
    const lean = await h.call('scenario.update', { engagementId, scenarioId: copy.id, name: 'Lean', budget: { per: 'year', amount: 10_000_000 } });
    expect(lean.schedule!.stale).toBe(true);
    const res = await h.call('scenario.schedule', { engagementId, scenarioId: copy.id });
    // 100,000 for FY2028, the whole horizon: A alone costs 168,000 and B needs A; C (18,000) fits.
    expect(res.plan).toEqual([{ initiativeId: c.id, startQuarter: '2027-Q2', endQuarter: '2027-Q2' }]);
    const [base, cheap] = await Promise.all([h.call('scenario.outputs', { engagementId, scenarioId: s.id }), h.call('scenario.outputs', { engagementId, scenarioId: copy.id })]);
    expect(base.costs.total.total).toBe(24_600_000);
    expect(cheap.costs.total.total).toBe(1_800_000);
    expect(cheap.limits.budget).toEqual([{ label: 'FY2028', per: 'year', spend: 1_800_000, limit: 10_000_000 }]);
    const { error } = await h.fail('scenario.update', { engagementId, scenarioId: copy.id, name: 'base CASE' });
    expect(error.code).toBe('conflict');
  });
});

describe('undo of roadmap edits', () => {
  const undo = () => h.call('history.undo', { engagementId, scope: 'roadmap' });
  const redo = () => h.call('history.redo', { engagementId, scope: 'roadmap' });

  it('undoes and redoes adding, editing and removing initiatives, with their lists and what refers to them', async () => {
    const { a, b, c } = await addThree();
    const s = await baseCase();
    await h.call('scenario.update', { engagementId, scenarioId: s.id, forced: [a.id], excluded: [c.id] });
    const full = await h.call('initiative.list', { engagementId });

    await h.call('initiative.update', { engagementId, initiativeId: b.id, costSplit: { mode: 'equal' }, effort: [{ roleId: roles.de, days: 5 }], name: 'Catalogue' });
    expect(await h.call('history.state', { engagementId, scope: 'roadmap' })).toEqual({ undo: 'Edit initiative Catalogue', redo: null });
    expect(await undo()).toMatchObject({ done: 'Edit initiative Catalogue', undo: 'Edit scenario Base case', redo: 'Edit initiative Catalogue' });
    expect(await h.call('initiative.list', { engagementId })).toEqual(full);
    await redo();
    expect((await h.call('initiative.list', { engagementId }))[1]).toMatchObject({ name: 'Catalogue', costSplit: { mode: 'equal' }, effort: [{ roleId: roles.de, days: 5 }] });
    await undo();

    // removing A takes B's dependency on it and the scenario's choice with it; undo brings all back
    await h.call('initiative.remove', { engagementId, initiativeId: a.id });
    expect((await h.call('initiative.list', { engagementId })).map((x) => [x.name, x.dependsOn])).toEqual([
      ['Data catalogue', []],
      ['Quality monitoring', []],
    ]);
    expect((await h.call('scenario.list', { engagementId }))[0]).toMatchObject({ forced: [], excluded: [c.id] });
    await undo();
    expect(await h.call('initiative.list', { engagementId })).toEqual(full);
    expect((await h.call('scenario.list', { engagementId }))[0]).toMatchObject({ forced: [a.id], excluded: [c.id] });
  });

  it('undoes scenario edits, copies and schedules, and leaves the assessment\'s own undo alone', async () => {
    await addThree();
    const s = await baseCase();
    await h.call('scenario.schedule', { engagementId, scenarioId: s.id });
    await h.call('assessment.rate', { engagementId, assessmentId, capabilityId: 'M3.1', currentLevel: 2 });
    const copy = await h.call('scenario.copy', { engagementId, scenarioId: s.id });
    await h.call('scenario.update', { engagementId, scenarioId: s.id, horizon: 6, budget: { per: 'quarter', amount: 5_000_000 } });

    // the assessment's Ctrl+Z undoes the score, not the roadmap
    expect(await h.call('history.undo', { engagementId, assessmentId })).toMatchObject({ done: 'M3.1: score 2', capabilityId: 'M3.1' });
    expect((await h.call('scenario.list', { engagementId }))[0]).toMatchObject({ horizon: 6 });

    expect((await undo()).done).toBe('Edit scenario Base case');
    expect((await h.call('scenario.list', { engagementId }))[0]).toMatchObject({ horizon: 4, budget: null });
    expect((await undo()).done).toBe('Copy scenario Base case');
    expect((await h.call('scenario.list', { engagementId })).map((x) => x.id)).toEqual([s.id]);
    expect((await undo()).done).toBe('Schedule Base case');
    expect((await h.call('scenario.list', { engagementId }))[0]!.schedule).toBeNull();
    await redo();
    await redo();
    expect((await h.call('scenario.list', { engagementId })).map((x) => [x.id, x.schedule?.status])).toEqual([
      [s.id, 'optimal'],
      [copy.id, 'optimal'],
    ]);
    // a new edit ends the redo history
    await h.call('scenario.update', { engagementId, scenarioId: copy.id, name: 'Lean' });
    expect(await h.call('history.state', { engagementId, scope: 'roadmap' })).toEqual({ undo: 'Edit scenario Lean', redo: null });
    const { error } = await h.fail('history.undo', { engagementId });
    expect(error.message).toContain('must name the assessment');
  });
});

describe('suggestions', () => {
  it('proposes a starter initiative per top gap, passing over capabilities already lifted to their target', async () => {
    // Scores by GAP_FORMULA (priority 3, confidence not set 0.8, weight 1): M1.1 gap 2 -> 4.8; M1.2 and M2.1 gap 1 -> 2.4 (framework order).
    const first = await h.call('initiative.suggest', { engagementId });
    expect(first.map((x) => [x.rank, x.capabilityId, x.current, x.target, x.uplifts])).toEqual([
      [1, 'M1.1', 2, 4, [{ capabilityId: 'M1.1', toLevel: 4 }]],
      [2, 'M1.2', 2, 3, [{ capabilityId: 'M1.2', toLevel: 3 }]],
      [3, 'M2.1', 3, 4, [{ capabilityId: 'M2.1', toLevel: 4 }]],
    ]);
    expect(first[0]!.name).toBe('Pipeline SLAs to level 4');
    expect(first[0]!.score).toBeCloseTo(4.8, 9);
    await addThree(); // lifts M1.1 to 3 (target 4), M1.2 to 3 and M2.1 to 4 (their targets)
    expect((await h.call('initiative.suggest', { engagementId, limit: 5 })).map((x) => x.capabilityId)).toEqual(['M1.1']);
    expect(await h.call('initiative.list', { engagementId })).toHaveLength(3);
  });
});

describe('solving off the engine thread', () => {
  it('keeps answering other requests while a large roadmap is solved', async () => {
    const { generateRoadmap } = await import('../bench/roadmap');
    const g = generateRoadmap({ initiatives: 120, seed: 3 });
    const card = await h.call('rateCard.set', { engagementId, roles: g.rateCard.roles.map((r) => ({ name: r.name, dayRate: r.dayRate })) });
    const roleId = new Map(g.rateCard.roles.map((r, k) => [r.id, card.roles[k]!.id]));
    for (const [id, c] of Object.entries(g.baseline)) {
      if (c.current !== null) await h.call('assessment.rate', { engagementId, assessmentId, capabilityId: id, currentLevel: c.current, targetLevel: c.target });
    }
    const ids = new Map<string, string>();
    for (const x of g.initiatives) {
      const added = await h.call('initiative.add', {
        engagementId,
        name: x.name,
        uplifts: x.uplifts,
        capex: x.capex,
        opexPerYear: x.opexPerYear,
        effort: x.effort.map((e) => ({ roleId: roleId.get(e.roleId)!, days: e.days })),
        durationQuarters: x.durationQuarters,
        dependsOn: x.dependsOn.map((d) => ids.get(d)!),
      });
      ids.set(x.id, added.id);
    }
    const s = await h.call('scenario.create', {
      engagementId,
      name: 'Large',
      startQuarter: '2027-Q1',
      horizon: 12,
      budget: { per: 'quarter', amount: 200_000_000 },
      capacity: card.roles.map((r) => ({ roleId: r.id, daysPerQuarter: 120 })),
    });
    const order: string[] = [];
    const solving = h.call('scenario.schedule', { engagementId, scenarioId: s.id, timeLimitMs: 3000 }).then((r) => {
      order.push('schedule');
      return r;
    });
    await new Promise((r) => setTimeout(r, 400));
    await h.call('engagement.get', { engagementId }).then(() => order.push('engagement.get'));
    const res = await solving;
    expect(res.plan.length).toBeGreaterThan(0);
    // the solve was still running when the other request was answered
    expect(res.ms).toBeGreaterThan(400);
    expect(order).toEqual(['engagement.get', 'schedule']);
  });
});

describe('what the roadmap depends on elsewhere', () => {
  it('refuses to remove a business unit that pays a share of an initiative, naming the initiative, and changes nothing', async () => {
    await addThree();
    const { status, error } = await h.fail('businessUnit.remove', { engagementId, businessUnitId: units.Finance });
    expect(status).toBe(409);
    expect(error.message).toBe('Finance pays a share of the initiative Data catalogue. Change its cost split on the roadmap first.');
    expect((await h.call('engagement.get', { engagementId })).businessUnits.map((u) => u.name)).toContain('Finance');
    // An equal split names no unit: HR can go once it is out of the catalogue's percentages.
    const list = await h.call('initiative.list', { engagementId });
    const b = list.find((x) => x.name === 'Data catalogue')!;
    await h.call('initiative.update', { engagementId, initiativeId: b.id, costSplit: { mode: 'percent', shares: [{ businessUnitId: units.Finance, percent: 60 }, { businessUnitId: units.Operations, percent: 40 }] } });
    await h.call('businessUnit.remove', { engagementId, businessUnitId: units.HR });
  });

  it('refuses to delete the assessment a scenario plans from, naming the scenario', async () => {
    await baseCase();
    const { status, error } = await h.fail('assessment.delete', { engagementId, assessmentId });
    expect(status).toBe(409);
    expect(error.message).toBe('2026 Q4 is the baseline of the scenario Base case: give it another baseline assessment, or remove it, first.');
    expect((await h.call('assessment.list', { engagementId })).map((a) => a.label)).toEqual(['2026 Q4']);
    // Nothing was deleted, so nothing was backed up for it.
    expect((await h.call('backup.list', { engagementId })).backups.filter((b) => b.reason === 'before-delete')).toEqual([]);
  });
});
