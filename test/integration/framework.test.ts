/**
 * Framework versions in use: 1.1 for new assessments, 1.0 kept for the assessments that pinned it,
 * pass criteria ticked with the score, and custom frameworks copied, edited, versioned and exchanged.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { framework10, framework11 } from '../../shared/framework';
import { criteriaOf } from '../../shared/framework/rules';
import type { Framework } from '../../shared/framework/schema';
import { startHarness, tempDir, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
beforeEach(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Northwind' })).id;
});
afterEach(async () => {
  await h.stop();
});

const m21 = framework11.modules[1]!.capabilities[0]!;
const idsAt = (level: number) => criteriaOf(m21).filter((c) => c.level === level).map((c) => c.id);

describe('framework versions', () => {
  it('scores new assessments against 1.1 and keeps 1.0 for an assessment that pinned it', async () => {
    const fresh = await h.call('assessment.create', { engagementId, label: 'Q4', date: '2026-11-20' });
    expect(fresh.frameworkVersion).toBe('1.1.0');
    const old = await h.call('assessment.create', { engagementId, label: 'Q3', date: '2026-08-20', frameworkVersion: '1.0.0' });
    expect(old.frameworkVersion).toBe('1.0.0');
    const pinned = await h.call('framework.get', { engagementId, frameworkId: old.frameworkId, version: old.frameworkVersion });
    expect(pinned.modules[1]!.capabilities[0]!.levels['3'].descriptor).toBe(framework10.modules[1]!.capabilities[0]!.levels['3'].descriptor);
    expect(pinned.modules[1]!.capabilities[0]!.levels['3'].criteria).toBeUndefined();
    expect((await h.call('framework.list', {})).map((f) => `${f.version}:${f.criteria}`)).toEqual(['1.0.0:false', '1.1.0:true']);
  });

  it('moves a re-assessment from 1.0 to 1.1 capability by capability, each score flagged for confirmation', async () => {
    const q3 = await h.call('assessment.create', { engagementId, label: 'Q3', date: '2026-08-20', frameworkVersion: '1.0.0' });
    await h.call('assessment.rate', { engagementId, assessmentId: q3.id, capabilityId: 'M2.1', currentLevel: 2, targetLevel: 4 });
    await h.call('assessment.rate', { engagementId, assessmentId: q3.id, capabilityId: 'M6.7', notApplicable: true });
    const q4 = await h.call('assessment.create', { engagementId, label: 'Q4', date: '2026-11-20', fromAssessmentId: q3.id, frameworkVersion: '1.1.0' });
    expect(q4.frameworkVersion).toBe('1.1.0');
    const detail = await h.call('assessment.get', { engagementId, assessmentId: q4.id });
    expect(detail.ratings['M2.1']).toMatchObject({ currentLevel: 2, targetLevel: 4, carriedOver: true });
    expect(detail.ratings['M6.7']).toMatchObject({ notApplicable: true, carriedOver: true });
    // The 1.0 assessment is untouched.
    expect((await h.call('assessment.get', { engagementId, assessmentId: q3.id })).ratings['M2.1']).toMatchObject({ currentLevel: 2, carriedOver: false });
  });
});

describe('pass criteria', () => {
  it('stores ticked criteria with the score, suggests the level they support, and undoes a tick', async () => {
    const a = await h.call('assessment.create', { engagementId, label: 'Q4', date: '2026-11-20' });
    const ref = { engagementId, assessmentId: a.id, capabilityId: 'M2.1' };
    let r = { ticked: [] as string[], suggestedLevel: null as number | null };
    for (const id of idsAt(2)) r = await h.call('assessment.tickCriterion', { ...ref, criterionId: id, ticked: true });
    expect(r.suggestedLevel).toBe(2);
    // All of level 3 but one: still level 2 (a level counts only when all its criteria are met).
    const l3 = idsAt(3);
    for (const id of l3.slice(1)) r = await h.call('assessment.tickCriterion', { ...ref, criterionId: id, ticked: true });
    expect(r.suggestedLevel).toBe(2);
    r = await h.call('assessment.tickCriterion', { ...ref, criterionId: l3[0]!, ticked: true });
    expect(r.suggestedLevel).toBe(3);
    expect(r.ticked).toEqual([...idsAt(2), ...l3].sort());
    // The consultant still decides: the score is not set by ticking.
    expect((await h.call('assessment.get', { engagementId, assessmentId: a.id })).ratings['M2.1']).toBeUndefined();

    const undone = await h.call('history.undo', { engagementId, assessmentId: a.id });
    expect(undone.done).toBe(`M2.1: level 3 criterion ${l3[0]} met`);
    expect(undone.capabilityId).toBe('M2.1');
    expect((await h.call('assessment.capability', ref)).criteria).toEqual([...idsAt(2), ...l3.slice(1)].sort());
    const history = await h.call('assessment.history', { ...ref });
    expect(history.map((x) => x.command)).toContain('assessment.tickCriterion');
  });

  it('refuses an unknown criterion, and criteria on a 1.0 assessment, writing nothing', async () => {
    const a = await h.call('assessment.create', { engagementId, label: 'Q4', date: '2026-11-20' });
    const bad = await h.fail('assessment.tickCriterion', { engagementId, assessmentId: a.id, capabilityId: 'M2.1', criterionId: '9z', ticked: true });
    expect(bad.error.message).toBe('criterionId: 9z is not a pass criterion of M2.1.');
    const old = await h.call('assessment.create', { engagementId, label: 'Q3', date: '2026-08-20', frameworkVersion: '1.0.0' });
    const none = await h.fail('assessment.tickCriterion', { engagementId, assessmentId: old.id, capabilityId: 'M2.1', criterionId: '2a', ticked: true });
    expect(none.error.message).toContain('Data Platform Maturity 1.0.0 has no pass criteria');
    expect((await h.call('assessment.get', { engagementId, assessmentId: a.id })).criteria).toEqual({});
  });
});

describe('custom frameworks', () => {
  const copyOf11 = () => h.call('framework.copy', { frameworkId: 'data-platform-maturity', version: '1.1.0', id: 'northwind-platform', name: 'Northwind platform maturity' });

  it('copies a framework, saves an edited descriptor, exports it and imports it back', async () => {
    const copy = await copyOf11();
    expect(copy).toMatchObject({ id: 'northwind-platform', version: '1.0.0', builtIn: false, locked: false, basedOn: { id: 'data-platform-maturity', version: '1.1.0' } });
    const fw = await h.call('framework.get', { frameworkId: copy.id, version: copy.version });
    fw.modules[1]!.capabilities[0]!.levels['3'].descriptor = 'Every topic is created from a reviewed template with acks=all producers and min.insync.replicas=2.';
    await h.call('framework.save', { framework: fw });
    const exported = await h.call('framework.export', { frameworkId: copy.id, version: '1.0.0' });
    expect(exported.fileName).toBe('northwind-platform-1.0.0.json');
    await h.call('framework.remove', { frameworkId: copy.id, version: '1.0.0' });
    expect((await h.call('framework.list', {})).map((f) => f.id)).not.toContain('northwind-platform');
    await h.call('framework.import', { json: exported.json, fileName: exported.fileName });
    const back = await h.call('framework.get', { frameworkId: copy.id, version: '1.0.0' });
    expect(back.modules[1]!.capabilities[0]!.levels['3'].descriptor).toContain('reviewed template');
    expect(back).toEqual(fw);
  });

  it('refuses a broken framework file, naming the path of each error, and saves nothing', async () => {
    const broken = structuredClone(framework11) as Framework;
    broken.id = 'broken-one';
    broken.modules[3]!.capabilities[2]!.levels['4'].criteria = [{ id: '4a', text: 'Only one criterion is given at this level.' }];
    (broken.modules[0]!.capabilities[1] as { recommendedTarget?: number }).recommendedTarget = 9;
    const { error } = await h.fail('framework.import', { json: JSON.stringify(broken), fileName: 'broken.json' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('modules[3].capabilities[2].levels[4].criteria: must have 2 to 4 items');
    expect(error.message).toContain('modules[0].capabilities[1].recommendedTarget');
    expect((error.details as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['modules[3].capabilities[2].levels[4].criteria', 'modules[0].capabilities[1].recommendedTarget']),
    );
    expect((await h.fail('framework.import', { json: '{"id": "x",', fileName: 'cut.json' })).error.message).toMatch(/^cut\.json is not valid JSON/);
    expect((await h.call('framework.list', {})).map((f) => f.id)).not.toContain('broken-one');
  });

  it('locks a framework an assessment uses: only a new version can be saved; the file keeps its own copy', async () => {
    const copy = await copyOf11();
    const a = await h.call('assessment.create', { engagementId, label: 'Custom Q4', date: '2026-11-20', frameworkId: copy.id, frameworkVersion: '1.0.0' });
    expect(a.frameworkId).toBe('northwind-platform');
    expect((await h.call('framework.list', {})).find((f) => f.id === copy.id)).toMatchObject({ locked: true });
    const fw = await h.call('framework.get', { frameworkId: copy.id, version: '1.0.0' });
    fw.modules[0]!.name = 'Strategy and funding';
    const refused = await h.fail('framework.save', { framework: fw });
    expect(refused.error.message).toContain('is in use by an assessment: save your changes as a new version (for example 1.1.0)');
    expect((await h.fail('framework.remove', { frameworkId: copy.id, version: '1.0.0' })).error.code).toBe('conflict');
    expect(await h.call('framework.save', { framework: { ...fw, version: '1.1.0' } })).toMatchObject({ version: '1.1.0', locked: false });

    // A colleague opens the file in another data folder, without the custom framework in their library.
    const dir = join(h.dataDir, 'engagements');
    const file = readdirSync(dir).find((f) => f.endsWith('.mwb'))!;
    const colleagueDir = tempDir();
    mkdirSync(join(colleagueDir, 'engagements'), { recursive: true });
    await h.call('assessment.rate', { engagementId, assessmentId: a.id, capabilityId: 'M1.1', currentLevel: 3 });
    await h.restart();
    copyFileSync(join(dir, file), join(colleagueDir, 'engagements', file));
    const colleague = await startHarness(colleagueDir);
    try {
      const detail = await colleague.call('assessment.get', { engagementId, assessmentId: a.id });
      expect(detail.ratings['M1.1']).toMatchObject({ currentLevel: 3 });
      const theirs = await colleague.call('framework.get', { engagementId, frameworkId: copy.id, version: '1.0.0' });
      expect(theirs.name).toBe('Northwind platform maturity');
      expect((await colleague.call('framework.list', {})).map((f) => f.id)).not.toContain(copy.id);
    } finally {
      await colleague.stop();
    }
  });
});

describe('an assessment scored on 1.0 before the upgrade', () => {
  it('opens from a file left by the previous version with its scores and its 1.0 texts', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { readFileSync } = await import('node:fs');
    const dir = tempDir();
    mkdirSync(join(dir, 'engagements'), { recursive: true });
    const db = new Database(join(dir, 'engagements', 'northwind-bank.mwb'));
    db.exec(readFileSync(join(__dirname, '../fixtures/engagement-v20.sql'), 'utf8'));
    db.close();
    const old = await startHarness(dir);
    try {
      const [e] = await old.call('engagement.list', {});
      const engagement = await old.call('engagement.open', { engagementId: e!.id });
      const a = engagement.assessments[0]!;
      expect(a).toMatchObject({ label: '2026 Q1', frameworkVersion: '1.0.0' });
      const detail = await old.call('assessment.get', { engagementId: e!.id, assessmentId: a.id });
      expect(detail.ratings['M1.1']).toMatchObject({ currentLevel: 2, targetLevel: 4, carriedOver: false });
      expect(detail.ratings['M6.7']).toMatchObject({ notApplicable: true });
      expect(detail.votes).toHaveLength(3);
      expect(detail.evidence.map((x) => x.title)).toEqual(['Forecast feed SLA email']);
      const fw = await old.call('framework.get', { engagementId: e!.id, frameworkId: a.frameworkId, version: a.frameworkVersion });
      expect(fw.modules[0]!.capabilities[0]!.levels['2'].descriptor).toBe(framework10.modules[0]!.capabilities[0]!.levels['2'].descriptor);
      expect(fw.scale[3]!.name).toBe('Managed (measured)');
    } finally {
      await old.stop();
    }
  });
});

describe('exports of an assessment scored on 1.0 before the upgrade', () => {
  it('write its 1.0 scores and names into the workbook and the deck', async () => {
    const Database = (await import('better-sqlite3')).default;
    const ExcelJS = (await import('exceljs')).default;
    const { readFileSync } = await import('node:fs');
    const dir = tempDir();
    mkdirSync(join(dir, 'engagements'), { recursive: true });
    const db = new Database(join(dir, 'engagements', 'northwind-bank.mwb'));
    db.exec(readFileSync(join(__dirname, '../fixtures/engagement-v20.sql'), 'utf8'));
    db.close();
    const old = await startHarness(dir);
    try {
      const [e] = await old.call('engagement.list', {});
      const a = (await old.call('engagement.open', { engagementId: e!.id })).assessments[0]!;
      const workbook = await old.call('export.workbook', { engagementId: e!.id, assessmentId: a.id });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(workbook.path);
      const scores = wb.getWorksheet('Scores')!;
      const m11 = scores.getRows(2, 72)!.find((r) => r.getCell(2).value === 'M1.1')!;
      expect([m11.getCell(3).value, m11.getCell(4).value, m11.getCell(5).value]).toEqual([framework10.modules[0]!.capabilities[0]!.name, 2, 4]);
      const na = scores.getRows(2, 72)!.find((r) => r.getCell(2).value === 'M6.7')!;
      expect(na.getCell(4).value).not.toBe(0);
      const deck = await old.call('export.deck', { engagementId: e!.id, assessmentId: a.id, sections: ['title', 'heatmap'] });
      expect(deck.bytes).toBeGreaterThan(10_000);
    } finally {
      await old.stop();
    }
  }, 60_000);
});
