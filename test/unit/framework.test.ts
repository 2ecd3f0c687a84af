/** The catalogue is the product's core: its shape, its faithfulness to the seed, and its specificity. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { framework10 } from '../../shared/framework';
import { allCapabilities, frameworkSchema, levelKeys, type Framework } from '../../shared/framework/schema';

const raw = framework10;
const parsed = frameworkSchema.safeParse(raw);
const fw = raw;
const caps = allCapabilities(fw);

/** The seed: "Module N: Title" headings, "- " bullets. */
function readSeed(): { title: string; bullets: string[] }[] {
  const candidates = [resolve('../shared/seed/curriculum.txt'), resolve(__dirname, '../../../shared/seed/curriculum.txt')];
  const text = candidates.map((p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return null;
    }
  }).find((t) => t !== null);
  if (!text) return [];
  const modules: { title: string; bullets: string[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = /^Module (\d+): (.+)$/.exec(line);
    if (heading) modules.push({ title: heading[2]!.trim(), bullets: [] });
    else if (line.startsWith('- ') && modules.length) modules[modules.length - 1]!.bullets.push(line.slice(2));
  }
  return modules;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

describe('data-platform maturity framework', () => {
  it('passes its schema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has nine modules of eight capabilities, 72 in all, with ids M1.1..M9.8', () => {
    expect(fw.modules.map((m) => m.id)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9']);
    expect(caps).toHaveLength(72);
    for (const m of fw.modules) expect(m.capabilities.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${m.id}.${n}`));
  });

  it('follows the seed curriculum verbatim and in order', () => {
    const seed = readSeed();
    expect(seed.map((s) => s.bullets.length), 'the seed curriculum beside the repository').toEqual([8, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(fw.modules.map((m) => m.name)).toEqual(seed.map((s) => s.title));
    expect(fw.modules.map((m) => m.capabilities.map((c) => c.statement))).toEqual(seed.map((s) => s.bullets));
  });

  it('uses the five-level scale with one-line summaries', () => {
    expect(fw.scale.map((s) => `${s.level} ${s.name}`)).toEqual(['1 Initial', '2 Developing', '3 Defined', '4 Managed (measured)', '5 Optimising']);
  });

  it('gives every capability a short spoken name, 2-4 questions and 2-4 evidence examples', () => {
    for (const c of caps) {
      const n = c.name.split(/\s+/).length;
      expect(n, c.id).toBeGreaterThanOrEqual(2);
      expect(n, c.id).toBeLessThanOrEqual(6);
      expect(c.questions.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.questions.length, c.id).toBeLessThanOrEqual(4);
      expect(c.evidence.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.evidence.length, c.id).toBeLessThanOrEqual(4);
      for (const q of c.questions) expect(q.trim().endsWith('?'), `${c.id}: ${q}`).toBe(true);
    }
    expect(new Set(caps.map((c) => c.name.toLowerCase())).size).toBe(72);
  });

  it('never repeats a level descriptor across capabilities', () => {
    const all = caps.flatMap((c) => levelKeys.map((k) => c.levels[k].descriptor.trim().toLowerCase()));
    expect(all).toHaveLength(360);
    expect(new Set(all).size).toBe(360);
  });

  it('has no template descriptors: same-level texts of different capabilities share little wording', () => {
    const offenders: string[] = [];
    for (const k of levelKeys) {
      const sets = caps.map((c) => ({ id: c.id, w: words(c.levels[k].descriptor) }));
      for (let i = 0; i < sets.length; i++)
        for (let j = i + 1; j < sets.length; j++) {
          const sim = jaccard(sets[i]!.w, sets[j]!.w);
          if (sim > 0.5) offenders.push(`${sets[i]!.id}/${sets[j]!.id} level ${k}: ${sim.toFixed(2)}`);
        }
    }
    expect(offenders).toEqual([]);
  });

  it('describes five distinct levels within each capability', () => {
    for (const c of caps) {
      const texts = levelKeys.map((k) => c.levels[k].descriptor);
      expect(new Set(texts).size, c.id).toBe(5);
      for (const t of texts) expect(t.split(/\s+/).length, `${c.id}: ${t}`).toBeGreaterThanOrEqual(8);
    }
  });

  it('rejects a framework with a missing level or a misnumbered capability', () => {
    const missing = structuredClone(raw) as Framework;
    delete (missing.modules[0]!.capabilities[0]!.levels as Partial<Record<string, unknown>>)['5'];
    const misnumbered = structuredClone(raw) as Framework;
    misnumbered.modules[1]!.capabilities[2]!.id = 'M2.9';
    const paths = (f: Framework) => frameworkSchema.safeParse(f).error?.issues.map((i) => i.path.join('.'));
    expect(paths(missing)).toEqual(['modules.0.capabilities.0.levels.5']);
    expect(paths(misnumbered)).toEqual(['modules.1.capabilities.2.id']);
  });
});
