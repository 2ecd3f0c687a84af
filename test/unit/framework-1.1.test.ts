/**
 * Framework 1.1: every capability has pass criteria and evidence per level, applicability, a recommended
 * target, dependencies, what good looks like and a DMBOK mapping; levels are tool-neutral and measurable;
 * each named practice sits at one level everywhere; and the seed statements stay verbatim.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCapability, criteriaOf, levelTexts, suggestedLevel } from '../../shared/framework/rules';
import { criteriaLevelKeys, frameworkSchema, formatPath, moduleSchema, parseFramework, type Framework, type FrameworkModule } from '../../shared/framework/schema';

const dir = resolve(__dirname, '../../shared/framework/v1.1');
const base = JSON.parse(readFileSync(resolve(dir, 'framework.json'), 'utf8')) as Framework;
const moduleFiles = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => resolve(dir, `M${n}.json`));
const modules = moduleFiles.filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as FrameworkModule);
const fw: Framework = { ...base, modules };
const caps = modules.flatMap((m) => m.capabilities.map((c) => ({ ...c, moduleId: m.id })));
const cap = (id: string) => caps.find((c) => c.id === id);

function readSeed(): string[][] {
  const candidates = [resolve('../shared/seed/curriculum.txt'), resolve(__dirname, '../../../shared/seed/curriculum.txt')];
  const text = candidates.map((p) => (existsSync(p) ? readFileSync(p, 'utf8') : null)).find((t) => t !== null);
  if (!text) return [];
  const out: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^Module \d+: /.test(line)) out.push([]);
    else if (line.startsWith('- ') && out.length) out[out.length - 1]!.push(line.slice(2));
  }
  return out;
}

const allText = (id: string) => {
  const c = cap(id);
  if (!c) return '';
  return [
    ...(['1', '2', '3', '4', '5'] as const).flatMap((k) => levelTexts(c, k)),
    ...c.evidence,
    ...c.questions,
    c.example ?? '',
    ...(c.antiPatterns ?? []),
  ].join('\n');
};

describe('framework 1.1', () => {
  it('has a scale written once, with a meaning per level and a rule for partial fulfilment', () => {
    expect(base.version).toBe('1.1.0');
    expect(base.scale.map((s) => s.name)).toEqual(['Initial', 'Repeatable', 'Defined', 'Measured', 'Optimising']);
    for (const s of base.scale) expect(s.meaning, `level ${s.level}`).toBeTruthy();
    expect(base.scoringRule).toMatch(/every criterion/);
    expect(base.practices?.map((p) => `${p.id}:${p.level}`)).toEqual(['merge-gate:3', 'contract-tests:3', 'policy-as-code:3', 'column-lineage:4']);
  });

  it('each module file passes the module schema', () => {
    for (const m of modules) {
      const parsed = moduleSchema.safeParse(m);
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${m.id} ${formatPath(i.path)}: ${i.message}`)).toEqual([]);
    }
  });

  it('keeps each statement verbatim from the seed curriculum', () => {
    const seed = readSeed();
    expect(seed.length, 'the seed curriculum beside the repository').toBe(9);
    for (const m of modules) {
      const n = Number(m.id.slice(1));
      expect(m.capabilities.map((c) => c.statement), m.id).toEqual(seed[n - 1]);
    }
  });

  it('gives every level 2-5 of every capability 2-4 pass criteria and the evidence that proves it', () => {
    for (const c of caps) {
      expect(c.levels['1'].criteria, `${c.id} level 1`).toBeUndefined();
      for (const k of criteriaLevelKeys) {
        const l = c.levels[k];
        expect(l.criteria?.length ?? 0, `${c.id} level ${k} criteria`).toBeGreaterThanOrEqual(2);
        expect(l.criteria?.length ?? 0, `${c.id} level ${k} criteria`).toBeLessThanOrEqual(4);
        expect(l.evidence?.length ?? 0, `${c.id} level ${k} evidence`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('documents applicability, a recommended target, dependencies, an example, anti-patterns, implementations and a DMBOK mapping', () => {
    for (const c of caps) {
      expect(c.applicability, `${c.id} applicability`).toBeTruthy();
      expect(c.recommendedTarget, `${c.id} recommendedTarget`).toBeGreaterThanOrEqual(2);
      expect(c.dependsOn, `${c.id} dependsOn`).toBeDefined();
      expect(c.example, `${c.id} example`).toBeTruthy();
      expect(c.antiPatterns?.length ?? 0, `${c.id} antiPatterns`).toBeGreaterThanOrEqual(2);
      expect(c.implementations?.length ?? 0, `${c.id} implementations`).toBeGreaterThanOrEqual(1);
      expect(c.dmbok?.length ?? 0, `${c.id} dmbok`).toBeGreaterThanOrEqual(1);
    }
  });

  it('names no product without "or equivalent", uses no unmeasurable wording, places each practice at its level, and makes level 5 measurement-driven', () => {
    const findings = caps.flatMap((c) => checkCapability(fw, c)).map((f) => `${f.capabilityId} [${f.rule}] ${f.message}`);
    expect(findings).toEqual([]);
  });

  it('never repeats a criterion, within a capability or across the framework', () => {
    const texts = caps.flatMap((c) => criteriaOf(c).map((x) => x.text.trim().toLowerCase()));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('suggests the highest level whose criteria and all those below are ticked', () => {
    const c = caps[0];
    expect(c).toBeDefined();
    const all = criteriaOf(c!);
    const upTo = (level: number) => all.filter((x) => x.level <= level).map((x) => x.id);
    expect(suggestedLevel(c!, [])).toBe(1);
    expect(suggestedLevel(c!, upTo(3))).toBe(3);
    // Level 4 fully ticked but one level-3 criterion missing: level 2.
    const gapAt3 = upTo(4).filter((id) => id !== all.find((x) => x.level === 3)!.id);
    expect(suggestedLevel(c!, gapAt3)).toBe(2);
    expect(suggestedLevel(c!, upTo(5))).toBe(5);
  });

  describe('domain corrections', () => {
    const has = (id: string, re: RegExp) => (cap(id) ? expect(allText(id), id).toMatch(re) : undefined);
    const lacks = (id: string, re: RegExp) => (cap(id) ? expect(allText(id), id).not.toMatch(re) : undefined);
    it('M2.1: min.insync.replicas needs acks=all; partitions can only be raised, which remaps keys', () => {
      has('M2.1', /acks=all/);
      has('M2.1', /min\.insync\.replicas/);
      has('M2.1', /(never|cannot|can't) be (lowered|reduced|decreased)|only (be )?(raised|increased)/i);
      has('M2.1', /remap|re-?partition|per-key order/i);
    });
    it('M9.6: FORWARD or FULL_TRANSITIVE for producers changing schemas under independent consumers', () => {
      has('M9.6', /FORWARD|FULL_TRANSITIVE/);
      lacks('M9.6', /BACKWARD compatibility (is|as) (the )?(default|required|standard)/i);
    });
    it('M8.5: Airflow SLAs were removed in 3.0 (deadline alerts)', () => {
      has('M8.5', /deadline alert/i);
      lacks('M8.5', /Airflow SLA(?!s were removed)/);
    });
    it('M8.6: time travel and versioning are not backups; level 3 needs a separate, immutable copy', () => {
      const l3 = cap('M8.6') ? levelTexts(cap('M8.6')!, '3').join(' ') : 'separate immutable';
      expect(l3).toMatch(/separate/i);
      expect(l3).toMatch(/immutable/i);
      has('M8.6', /time travel/i);
    });
    it('M5.7: the DPO advises, the controller accepts residual risk, high residual risk goes to the authority (Art. 36)', () => {
      has('M5.7', /DPO[^.]*advi/i);
      has('M5.7', /controller[^.]*(accept|sign)/i);
      has('M5.7', /Art(icle|\.)\s*36|prior consultation/i);
    });
    it('M2.8: level 3 checks run on every pull request, before the merge', () => {
      if (!cap('M2.8')) return;
      expect(levelTexts(cap('M2.8')!, '3').join(' ')).toMatch(/every pull request/i);
    });
    it('minor: no Snowflake partitions, tags cannot split shared compute, budgets alert but do not cap', () => {
      lacks('M6.2', /Snowflake[^.]*partition(ed|ing)? by/i);
      has('M1.5', /shared (warehouse )?compute|query-level|query history/i);
      has('M6.8', /alert[^.]*(not|never)[^.]*(cap|stop|block)|do(es)? not cap/i);
    });
  });

  describe('the whole framework', () => {
    it('passes the framework schema with all nine modules of eight capabilities', () => {
      const parsed = parseFramework(fw);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(caps).toHaveLength(72);
      expect(frameworkSchema.safeParse(fw).success).toBe(true);
    });
    it('has a first-pass subset of about 24 capabilities, covering every module', () => {
      const first = caps.filter((c) => c.firstPass);
      expect(first.length).toBeGreaterThanOrEqual(20);
      expect(first.length).toBeLessThanOrEqual(28);
      expect(new Set(first.map((c) => c.moduleId)).size).toBe(9);
    });
    it('makes dependencies and overlaps explicit', () => {
      for (const id of ['M2.6', 'M5.5', 'M5.6']) expect(cap(id)?.dependsOn, id).toContain('M5.2');
      const incident = base.overlaps?.find((o) => /incident/i.test(o.theme));
      expect(incident?.capabilities).toEqual(expect.arrayContaining(['M1.6', 'M3.8', 'M8.4', 'M8.5', 'M8.8']));
    });
  });
});
