/**
 * The results commands through the HTTP transport against real engagement files: one assessment's
 * results, an engagement's trend, and the portfolio benchmark from the library's rollups, which follow
 * every change and are rebuilt from the files. Expected numbers are worked out by hand in the comments.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libraryMigrations } from '../../electron/core/db/migrations';
import { APPLICATION_ID, migrate } from '../../electron/core/db/sqlite';
import { fileStamp } from '../../electron/core/rollups';
import type { EngineEvent } from '../../shared/events';
import { startHarness, tempDir, type Harness } from '../support/engine';
import { generatePortfolio } from '../support/portfolio';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TODAY = () => new Date('2026-11-25T09:00:00Z');

async function harness(dataDir?: string): Promise<Harness> {
  h = await startHarness(dataDir, TODAY);
  return h;
}

type Rate = { currentLevel?: number | null; targetLevel?: number | null; notApplicable?: boolean; priority?: number; confidence?: 'low' | 'medium' | 'high' };

async function rateAll(engagementId: string, assessmentId: string, ratings: Record<string, Rate>) {
  for (const [capabilityId, r] of Object.entries(ratings)) await h!.call('assessment.rate', { engagementId, assessmentId, capabilityId, ...r });
}

/** One engagement, Q3 then Q4 (modules M1–M3 in scope), people, votes, evidence and actions. */
async function scoredEngagement() {
  const e = await h!.call('engagement.create', { client: 'Northwind', industry: 'Retail', region: 'Nordics' });
  const people: Record<string, string> = {};
  for (const name of ['Ana', 'Ben', 'Chloe']) people[name] = (await h!.call('participant.add', { engagementId: e.id, name })).id;
  const q3 = await h!.call('assessment.create', { engagementId: e.id, label: '2026 Q3', date: '2026-08-20' });
  await rateAll(e.id, q3.id, { 'M1.1': { currentLevel: 1, targetLevel: 3 }, 'M1.2': { currentLevel: 2 }, 'M2.1': { currentLevel: 2, targetLevel: 4 } });
  const q4 = await h!.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20', scope: ['M1', 'M2', 'M3'] });
  await rateAll(e.id, q4.id, {
    'M1.1': { currentLevel: 2, targetLevel: 4, priority: 5, confidence: 'high' },
    'M1.2': { currentLevel: 3, targetLevel: 4, confidence: 'low' },
    'M1.3': { notApplicable: true },
    'M1.4': { currentLevel: 4, targetLevel: 4 },
    'M2.1': { currentLevel: 1, targetLevel: 4, priority: 2, confidence: 'medium' },
    'M2.2': { currentLevel: 3 },
  });
  const ref = (capabilityId: string) => ({ engagementId: e.id, assessmentId: q4.id, capabilityId });
  for (const [name, level] of [['Ana', 1], ['Ben', 2], ['Chloe', 4]] as const) await h!.call('vote.cast', { ...ref('M1.1'), participantId: people[name]!, currentLevel: level });
  for (const [name, level] of [['Ana', 2], ['Ben', 2], ['Chloe', 3]] as const) await h!.call('vote.cast', { ...ref('M2.1'), participantId: people[name]!, currentLevel: level });
  await h!.call('evidence.add', {
    engagementId: e.id,
    title: 'Platform budget 2027',
    kind: 'document',
    validUntil: '2026-12-31',
    links: [{ assessmentId: q4.id, capabilityId: 'M1.1' }, { assessmentId: q4.id, capabilityId: 'M2.1' }],
  });
  await h!.call('evidence.add', { engagementId: e.id, title: 'Steering minutes', kind: 'interview_note', validUntil: '2026-06-30', links: [{ assessmentId: q4.id, capabilityId: 'M1.1' }] });
  await h!.call('action.add', { ...ref('M1.1'), text: 'Fund the platform team', owner: 'Ben' });
  await h!.call('action.add', { ...ref('M2.1'), text: 'Replicate the order topics', owner: 'Ben', status: 'done' });
  await h!.call('action.add', { ...ref('M1.2'), text: 'Write the data strategy' });
  return { engagementId: e.id, q3: q3.id, q4: q4.id };
}

describe('results.assessment', () => {
  it('computes module means, the gap ranking, consensus, evidence and actions of a partly scored assessment', async () => {
    await harness();
    const { engagementId, q3, q4 } = await scoredEngagement();
    const r = await h!.call('results.assessment', { engagementId, assessmentId: q4 });

    // M1: scored M1.1 (2→4), M1.2 (3→4), M1.4 (4→4); M1.3 N/A; 4 unscored. Means (2+3+4)/3 = 3, target 4, gap (2+1+0)/3 = 1.
    // M2: M2.1 (1→4), M2.2 (3, no target). Means (1+3)/2 = 2, target 4 (M2.1 only), gap 3. M3: nothing scored, all null.
    expect(r.modules.map((m) => [m.moduleId, m.meanCurrent, m.meanTarget, m.meanGap, m.scored, m.notApplicable, m.total])).toEqual([
      ['M1', 3, 4, 1, 3, 1, 8],
      ['M2', 2, 4, 3, 2, 0, 8],
      ['M3', null, null, null, 0, 0, 8],
    ]);
    expect(r.overall).toMatchObject({ meanCurrent: (2 + 3 + 4 + 1 + 3) / 5, scored: 5, notApplicable: 1, total: 24 });

    // Score = gap × priority × confidence factor: M1.1 2×5×1.0 = 10, M2.1 3×2×0.8 = 4.8, M1.2 1×3 (default)×0.6 = 1.8; M1.4 has no gap.
    expect(r.gapRanking.map((g) => g.capabilityId)).toEqual(['M1.1', 'M2.1', 'M1.2']);
    expect(r.gapRanking.map((g) => g.score)).toEqual([10, expect.closeTo(4.8, 9), expect.closeTo(1.8, 9)]);
    expect(r.gapRule.formula).toBe('gap × priority × confidence factor × weight');

    // M1.1 votes 1, 2, 4: median 2, spread 3, Chloe two levels off; population SD √(14/9).
    const m11 = r.capabilities.find((c) => c.capabilityId === 'M1.1')!;
    expect(m11.votes).toMatchObject({ count: 3, min: 1, max: 4, median: 2, spread: 3, disagreement: true });
    expect(m11.votes.sd).toBeCloseTo(Math.sqrt(14) / 3, 9);
    expect(r.consensus.disagreements).toEqual([expect.objectContaining({ capabilityId: 'M1.1', outliers: [expect.objectContaining({ name: 'Chloe' })] })]);
    // M2.1 votes 2, 2, 3 propose 2; the agreed 1 is one below the median.
    expect(r.consensus.agreedAgainstMedian).toEqual([expect.objectContaining({ capabilityId: 'M2.1', agreed: 1, median: 2, difference: -1 })]);

    // Evidence on 2026-11-25: the budget (valid to 2026-12-31) backs M1.1 and M2.1; the minutes (to 2026-06-30) are stale.
    expect(m11).toMatchObject({ evidenceCount: 2, staleEvidenceCount: 1 });
    expect(r.evidence.modules.map((m) => [m.moduleId, m.withEvidence, m.scored, m.coverage, m.staleItems])).toEqual([
      ['M1', 1, 3, 1 / 3, 1],
      ['M2', 1, 2, 0.5, 0],
      ['M3', 0, 0, null, 0],
    ]);
    expect(r.evidence.unevidenced.map((c) => c.capabilityId)).toEqual(['M1.2', 'M1.4', 'M2.2']);

    expect(r.actions.owners.map((o) => [o.owner, o.total, o.statuses.map((s) => s.count)])).toEqual([
      ['Ben', 2, [1, 0, 1]],
      ['Unassigned', 1, [1, 0, 0]],
    ]);

    // The radar: Q4's means on every framework module (null outside M1–M3), and Q3's current means (M1 (1+2)/2, M2 2).
    expect(r.radar.series.map((s) => s.key)).toEqual(['current', 'target', 'previous']);
    expect(r.radar.series[0]!.values).toEqual([3, 2, null, null, null, null, null, null, null]);
    expect(r.radar.series[2]).toMatchObject({ assessmentId: q3, label: 'Previous (2026 Q3)', values: [1.5, 2, null, null, null, null, null, null, null] });

    // 5 scored + 1 N/A of 24.
    expect(r.missing).toEqual(
      expect.arrayContaining(['6 of 24 scored, 1 of them not applicable', 'Module M3 has no scores', 'Module M1 has 4 of 8 scored', '1 evidence link is stale']),
    );
  });

  it('counts carried-over scores as unconfirmed until confirmed, and refuses an unknown assessment', async () => {
    await harness();
    const { engagementId, q4 } = await scoredEngagement();
    const next = await h!.call('assessment.create', { engagementId, label: '2027 Q1', date: '2027-02-20', fromAssessmentId: q4 });
    // Carried over: M1.1, M1.2, M1.3 (N/A), M1.4, M2.1, M2.2.
    let r = await h!.call('results.assessment', { engagementId, assessmentId: next.id });
    expect(r.overall).toMatchObject({ unconfirmed: 6, carriedOver: 6, scored: 5 });
    await h!.call('assessment.rate', { engagementId, assessmentId: next.id, capabilityId: 'M1.1', confirm: true });
    r = await h!.call('results.assessment', { engagementId, assessmentId: next.id });
    expect(r.overall.unconfirmed).toBe(5);
    expect(r.missing).toContain('5 scores are carried over and not yet confirmed');

    const missing = await h!.fail('results.assessment', { engagementId, assessmentId: '0000000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.error.message).toMatch(/No assessment with id 0000000000000000/);
  });
});

describe('results.trend', () => {
  it('gives each module’s mean per assessment, oldest first, and the movers between two of them', async () => {
    await harness();
    const { engagementId, q3, q4 } = await scoredEngagement();
    const t = await h!.call('results.trend', { engagementId });
    expect(t.assessments.map((a) => a.label)).toEqual(['2026 Q3', '2026 Q4']);
    const m = (id: string) => t.modules.find((x) => x.moduleId === id)!;
    expect(m('M1').current).toEqual([1.5, 3]);
    expect(m('M2').current).toEqual([2, 2]);
    // M3 in both scopes and never scored; M4 out of Q4's scope.
    expect(m('M3').current).toEqual([null, null]);
    expect(m('M4').current).toEqual([null, null]);
    // Scored in both: M1.1 1→2, M1.2 2→3, M2.1 2→1.
    expect(t.movers).toMatchObject({ from: { id: q3 }, to: { id: q4 }, compared: 3, unchanged: 0 });
    expect(t.movers!.up.map((x) => [x.capabilityId, x.change])).toEqual([['M1.1', 1], ['M1.2', 1]]);
    expect(t.movers!.down.map((x) => [x.capabilityId, x.change])).toEqual([['M2.1', -1]]);

    const reversed = await h!.call('results.trend', { engagementId, fromAssessmentId: q4, toAssessmentId: q3 });
    expect(reversed.movers!.down.map((x) => x.capabilityId)).toEqual(['M1.1', 'M1.2']);

    const unknown = await h!.fail('results.trend', { engagementId, fromAssessmentId: '0000000000000000' });
    expect(unknown.error).toMatchObject({ code: 'invalid_input', details: { fields: [{ path: 'fromAssessmentId' }] } });
    const same = await h!.fail('results.trend', { engagementId, fromAssessmentId: q4, toAssessmentId: q4 });
    expect(same.error.message).toMatch(/fromAssessmentId: must name a different assessment/);
  });

  it('has no movers with a single assessment', async () => {
    await harness();
    const e = await h!.call('engagement.create', { client: 'Solo' });
    await h!.call('assessment.create', { engagementId: e.id, label: 'Only', date: '2026-11-01' });
    const t = await h!.call('results.trend', { engagementId: e.id });
    expect(t.assessments).toHaveLength(1);
    expect(t.movers).toBeNull();
  });
});

/** Own Northwind (Retail, Nordics) among Contoso (Retail, UK), Fabrikam (Banking, UK) and an engagement with nothing scored. */
async function threeClients() {
  const own = await h!.call('engagement.create', { client: 'Northwind', industry: 'Retail', region: 'Nordics' });
  const ownA = await h!.call('assessment.create', { engagementId: own.id, label: '2026 Q4', date: '2026-11-20' });
  await rateAll(own.id, ownA.id, { 'M1.1': { currentLevel: 2 }, 'M1.2': { currentLevel: 3 }, 'M1.3': { currentLevel: 4 }, 'M2.1': { currentLevel: 2 } });

  const contoso = await h!.call('engagement.create', { client: 'Contoso Stores', industry: 'Retail', region: 'UK' });
  const old = await h!.call('assessment.create', { engagementId: contoso.id, label: '2026 Q2', date: '2026-05-20' });
  await rateAll(contoso.id, old.id, { 'M1.1': { currentLevel: 1 } });
  const c4 = await h!.call('assessment.create', { engagementId: contoso.id, label: '2026 Q4', date: '2026-11-20' });
  await rateAll(contoso.id, c4.id, { 'M1.1': { currentLevel: 2 }, 'M1.2': { currentLevel: 4 }, 'M2.1': { currentLevel: 1 } });
  // A newer assessment with nothing scored yet does not stand for Contoso.
  await h!.call('assessment.create', { engagementId: contoso.id, label: '2027 Q1', date: '2027-02-20' });

  const fabrikam = await h!.call('engagement.create', { client: 'Fabrikam Bank', industry: 'Banking', region: 'UK' });
  const f4 = await h!.call('assessment.create', { engagementId: fabrikam.id, label: '2026 Q4', date: '2026-11-20' });
  await rateAll(fabrikam.id, f4.id, { 'M1.1': { currentLevel: 5 } });

  const empty = await h!.call('engagement.create', { client: 'Empty Holdings', industry: 'Retail', region: 'UK' });
  await h!.call('assessment.create', { engagementId: empty.id, label: '2026 Q4', date: '2026-11-20' });
  return { own: own.id, ownAssessment: ownA.id, contoso: contoso.id, fabrikam: fabrikam.id, empty: empty.id, contosoQ4: c4.id };
}

describe('results.portfolio', () => {
  it('places the engagement among the others per module, with n, and names no other engagement', async () => {
    await harness();
    const ids = await threeClients();
    const p = await h!.call('results.portfolio', { engagementId: ids.own });
    // Peers: Contoso (latest scored: Q4, M1 (2+4)/2 = 3, M2 1) and Fabrikam (M1 5); Empty Holdings has nothing scored.
    expect(p.engagements).toBe(2);
    const m1 = p.modules.find((m) => m.moduleId === 'M1')!;
    // Peers' M1 [3, 5]: quartiles by interpolation 3, 3.5, 4, 4.5, 5. Own M1 (2+3+4)/3 = 3 equals one of two peers: (0 + 1/2)/2 = 25th percentile.
    expect(m1).toEqual({ moduleId: 'M1', n: 2, min: 3, q1: 3.5, median: 4, q3: 4.5, max: 5, own: { value: 3, percentile: 25, band: 'second quartile' } });
    const m2 = p.modules.find((m) => m.moduleId === 'M2')!;
    // Only Contoso has M2 (1); own 2 is above it.
    expect(m2).toMatchObject({ n: 1, median: 1, own: { value: 2, percentile: 100, band: 'top quartile' } });
    expect(p.modules.find((m) => m.moduleId === 'M3')).toMatchObject({ n: 0, median: null, own: null });
    expect(p.own).toEqual({ industry: 'Retail', region: 'Nordics', date: '2026-11-20', scored: 4, total: 72 });
    expect(p.options).toEqual({ industries: ['Banking', 'Retail'], regions: ['Nordics', 'UK'] });

    const text = JSON.stringify(p);
    for (const secret of ['Contoso', 'Fabrikam', 'Empty Holdings', ids.contoso, ids.fabrikam, ids.empty, ids.own, ids.contosoQ4]) expect(text).not.toContain(secret);

    // Retail only: Contoso's M1 3 is the one peer; own 3 sits at the 50th percentile.
    const retail = await h!.call('results.portfolio', { engagementId: ids.own, industry: 'Retail' });
    expect(retail.engagements).toBe(1);
    expect(retail.modules.find((m) => m.moduleId === 'M1')).toMatchObject({ n: 1, median: 3, own: { percentile: 50, band: 'third quartile' } });
    expect(retail.filters).toEqual({ industry: 'Retail', region: null });
    const uk = await h!.call('results.portfolio', { region: 'UK' });
    expect(uk.engagements).toBe(2);
    expect(uk.own).toBeNull();
    expect(uk.modules.every((m) => m.own === null)).toBe(true);

    const bad = await h!.fail('results.portfolio', { industry: '' });
    expect(bad.error.details).toMatchObject({ fields: [{ path: 'industry' }] });
  });

  it('follows every change at once, one roll-up per burst of changes, and forgets a deleted engagement', async () => {
    await harness();
    const ids = await threeClients();
    expect((await h!.call('results.portfolio', { engagementId: ids.own })).modules[0]).toMatchObject({ min: 3, max: 5 });
    const rollups: EngineEvent[] = [];
    h!.engine.on((e) => {
      if (e.type === 'changed' && e.tables.includes('assessment_rollup')) rollups.push(e);
    });
    const ref = { engagementId: ids.contoso, assessmentId: ids.contosoQ4 };
    for (let i = 0; i < 20; i++) await h!.engine.invoke('assessment.rate', { ...ref, capabilityId: 'M1.2', currentLevel: 1 + (i % 5) });
    // The last of the burst is 5 (i = 19): Contoso M1 is (2 + 5)/2 = 3.5 as soon as the portfolio is asked, without waiting.
    const p = await h!.call('results.portfolio', { engagementId: ids.own });
    expect(p.modules[0]).toMatchObject({ moduleId: 'M1', min: 3.5, max: 5 });
    // Twenty changes in a burst are rolled up once (twice if the machine paused for longer than the debounce).
    expect(rollups.length).toBeGreaterThanOrEqual(1);
    expect(rollups.length).toBeLessThanOrEqual(2);

    await h!.call('engagement.delete', { engagementId: ids.fabrikam });
    const after = await h!.call('results.portfolio', { engagementId: ids.own });
    expect(after.engagements).toBe(1);
    expect(after.modules[0]).toMatchObject({ n: 1, median: 3.5 });
  });

  it('rebuilds rollups from the files when they are missing, and when a file changed while the app was closed', async () => {
    const dir = tempDir();
    await harness(dir);
    const ids = await threeClients();
    const before = await h!.call('results.portfolio', { engagementId: ids.own });
    await h!.server.close();
    h!.engine.close();

    // Northwind's and Contoso's rollups lost (their files unchanged), and Fabrikam's file edited by another
    // copy of the app while this one was closed: its M1.1 goes from 5 to 4.
    const library = new Database(join(dir, 'library.sqlite'));
    const files = new Map((library.prepare('SELECT id, file FROM engagement_index').all() as { id: string; file: string }[]).map((r) => [r.id, r.file]));
    for (const id of [ids.own, ids.contoso]) {
      library.prepare('DELETE FROM assessment_rollup WHERE engagement_id = ?').run(id);
      library.prepare('UPDATE rollup_source SET stamp = ? WHERE engagement_id = ?').run(fileStamp(join(dir, 'engagements', files.get(id)!)), id);
    }
    library.close();
    const file = new Database(join(dir, 'engagements', files.get(ids.fabrikam)!));
    file.prepare("UPDATE rating SET current_level = 4 WHERE capability_id = 'M1.1'").run();
    file.close();

    await h!.restart();
    const after = await h!.call('results.portfolio', { engagementId: ids.own });
    expect(after.engagements).toBe(before.engagements);
    // Peers' M1 now [3, 4].
    expect(after.modules[0]).toMatchObject({ moduleId: 'M1', n: 2, min: 3, median: 3.5, max: 4 });
    expect(after.modules[1]).toEqual(before.modules[1]);

    // The whole library lost: the index and every rollup come back from the files.
    await h!.server.close();
    h!.engine.close();
    for (const f of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) rmSync(join(dir, f), { force: true });
    await h!.restart();
    expect(await h!.call('results.portfolio', { engagementId: ids.own })).toEqual(after);
  });

  it('benchmarks a generated portfolio with the same means as each assessment’s own results', async () => {
    const dir = tempDir();
    const g = await generatePortfolio({ dataDir: dir, engagements: 5, assessments: 3, raters: 4, seed: 7 });
    await harness(dir);
    const [own, ...peers] = g.engagements;
    const p = await h!.call('results.portfolio', { engagementId: own!.id });
    const latest = async (e: (typeof g.engagements)[number]) => {
      for (const a of [...e.assessments].reverse()) {
        const r = await h!.call('results.assessment', { engagementId: e.id, assessmentId: a.id });
        if (r.overall.scored > 0) return r;
      }
      throw new Error('nothing scored');
    };
    const ownResults = await latest(own!);
    const peerResults = await Promise.all(peers.map(latest));
    expect(p.engagements).toBe(4);
    for (const m of p.modules) {
      const values = peerResults.map((r) => r.modules.find((x) => x.moduleId === m.moduleId)!.meanCurrent).filter((v): v is number => v !== null);
      values.sort((a, b) => a - b);
      // Four values: the median is the mean of the middle two.
      const median = values.length === 4 ? (values[1]! + values[2]!) / 2 : null;
      expect(m.n).toBe(values.length);
      if (median !== null) expect(m.median).toBeCloseTo(median, 12);
      expect(m.own?.value ?? null).toBe(ownResults.modules.find((x) => x.moduleId === m.moduleId)!.meanCurrent);
    }
    // Every scored capability of a generated assessment has a vote from each of the four raters.
    const scored = ownResults.capabilities.filter((c) => c.scored);
    expect(scored.every((c) => c.votes.count === 4)).toBe(true);
  });
});

describe('library migration 0030', () => {
  it('adds the rollup tables to a library left by the previous version, keeps its index, and rolls its engagements up', async () => {
    // A data folder as the previous version left it: one engagement with a scored assessment, the library at 0020.
    const dir = tempDir();
    await harness(dir);
    const e = await h!.call('engagement.create', { client: 'Northwind', industry: 'Retail' });
    const a = await h!.call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
    await rateAll(e.id, a.id, { 'M1.1': { currentLevel: 2 }, 'M1.2': { currentLevel: 4 } });
    await h!.server.close();
    h!.engine.close();
    for (const f of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) rmSync(join(dir, f), { force: true });
    const old = new Database(join(dir, 'library.sqlite'));
    migrate(old, libraryMigrations.filter((m) => m.version <= 20), 0, APPLICATION_ID.library);
    // Its index row, as the previous version wrote it (the name differs from the file's, to tell a kept row from a rebuilt one).
    const file = readdirSync(join(dir, 'engagements')).find((f) => f.endsWith('.mwb'))!;
    old
      .prepare("INSERT INTO engagement_index (id, file, client, industry, region, currency, fy_start_month, created_at) VALUES (?, ?, 'Northwind (indexed)', 'Retail', '', 'EUR', 1, '2026-11-01')")
      .run(e.id, file);
    old.close();
    mkdirSync(join(dir, 'backups'), { recursive: true });

    await h!.restart();
    const tables = new Database(join(dir, 'library.sqlite'), { readonly: true });
    const names = (tables.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    tables.close();
    expect(names).toEqual(expect.arrayContaining(['engagement_index', 'assessment_rollup', 'rollup_source']));
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('library.sqlite.v20.'))).toBe(true);
    expect((await h!.call('engagement.list', {})).map((x) => x.client)).toEqual(['Northwind (indexed)']);
    // M1 (2+4)/2 = 3: the rollup came from the file.
    const p = await h!.call('results.portfolio', { engagementId: e.id });
    expect(p.modules[0]).toMatchObject({ moduleId: 'M1', n: 0, own: { value: 3 } });
  });
});
