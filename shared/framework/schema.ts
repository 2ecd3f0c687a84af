/**
 * The maturity framework as data: modules, capabilities, level descriptors, the scale.
 *
 * One schema serves every version. Version 1.0 has a descriptor per level; version 1.1 (and custom
 * frameworks copied from it) adds per-level pass criteria and evidence, applicability, a recommended
 * target, dependencies, "what good looks like" and a mapping to DAMA-DMBOK. A framework either has
 * criteria at every level 2-5 of every capability, or at none: a score must mean the same everywhere.
 */
import { z } from 'zod';

const sentence = z.string({ error: 'must be text' }).trim().min(8, 'is too short to be useful');

export const levelKeys = ['1', '2', '3', '4', '5'] as const;
export type LevelKey = (typeof levelKeys)[number];
/** Levels that carry pass criteria: level 1 is where everyone starts. */
export const criteriaLevelKeys = ['2', '3', '4', '5'] as const;

export const capabilityIdPattern = /^M\d+\.\d+$/;
const capabilityRef = z.string({ error: 'must be a capability id' }).regex(capabilityIdPattern, 'must be a capability id such as M3.4');

/** The DAMA-DMBOK (2nd edition) knowledge areas a capability can map to. */
export const dmbokAreas = [
  'Data Governance',
  'Data Architecture',
  'Data Modeling and Design',
  'Data Storage and Operations',
  'Data Security',
  'Data Integration and Interoperability',
  'Document and Content Management',
  'Reference and Master Data',
  'Data Warehousing and Business Intelligence',
  'Metadata Management',
  'Data Quality',
] as const;
export type DmbokArea = (typeof dmbokAreas)[number];

/** One yes/no condition an assessor can check against an artefact. */
export const criterionSchema = z.strictObject({
  /** Stable within the capability (e.g. "3a"): ticked criteria are stored by it. */
  id: z.string({ error: 'must be an id' }).regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'must be a short lower-case id such as 3a'),
  text: sentence,
});

export const levelSchema = z.strictObject({
  /** What the level looks like in this capability. */
  descriptor: sentence,
  /** Version 1.1: every one must hold (and all of the levels below) for the level to count. */
  criteria: z.array(criterionSchema).min(2, 'must have 2 to 4 items').max(4, 'must have 2 to 4 items').optional(),
  /** Version 1.1: artefacts that prove this level. */
  evidence: z.array(sentence).min(1, 'must have 1 to 4 items').max(4, 'must have 1 to 4 items').optional(),
});

export const capabilitySchema = z.strictObject({
  id: z.string().regex(capabilityIdPattern, 'must look like M3.4'),
  name: z
    .string()
    .trim()
    .refine((s) => {
      const words = s.split(/\s+/).length;
      return words >= 2 && words <= 6;
    }, 'must be a short title of 2 to 6 words'),
  statement: sentence,
  levels: z.strictObject({ '1': levelSchema, '2': levelSchema, '3': levelSchema, '4': levelSchema, '5': levelSchema }),
  questions: z.array(sentence).min(2, 'needs at least 2 guiding questions').max(4, 'takes at most 4 guiding questions'),
  evidence: z.array(sentence).min(2, 'needs at least 2 evidence examples').max(4, 'takes at most 4 evidence examples'),
  // ---- version 1.1 ----
  /** When the capability does not apply, so that N/A is a documented decision. */
  applicability: sentence.optional(),
  /** The level a typical client should aim for. */
  recommendedTarget: z.number().int().min(1).max(5).optional(),
  /** Relative weight of the capability in the gap ranking (1 when absent); module means stay plain means. */
  weight: z.number().min(0.25, 'must be from 0.25 to 4').max(4, 'must be from 0.25 to 4').optional(),
  /** Capabilities this one builds on: the roadmap orders work by them. */
  dependsOn: z.array(capabilityRef).max(6).optional(),
  /** What level 3 looks like at a real client. */
  example: sentence.optional(),
  antiPatterns: z.array(sentence).min(2, 'must have 2 or 3 items').max(3, 'must have 2 or 3 items').optional(),
  /** Products and tools that typically implement the capability (the levels stay tool-neutral). */
  implementations: z.array(z.string().trim().min(2)).max(12).optional(),
  dmbok: z.array(z.enum(dmbokAreas, { error: `must be a DAMA-DMBOK knowledge area (${dmbokAreas.join(', ')})` })).min(1).max(3).optional(),
  /** Part of the shorter first-pass subset for a half-day workshop. */
  firstPass: z.boolean().optional(),
});

export const moduleSchema = z.strictObject({
  id: z.string().regex(/^M\d+$/, 'must look like M3'),
  name: z.string().trim().min(3),
  summary: sentence,
  capabilities: z.array(capabilitySchema).min(1),
});

export const scaleLevelSchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  name: z.string().trim().min(3),
  summary: sentence,
  /** Version 1.1: what a capability must show to sit at this level, the same in every capability. */
  meaning: sentence.optional(),
});

/** A practice placed at one level everywhere (e.g. checks that block a merge sit at level 3). */
export const practiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().trim().min(3),
  level: z.number().int().min(1).max(5),
  /** A case-insensitive regular expression that finds the practice in a text. */
  pattern: z.string().min(2),
});

/** Capabilities that overlap on one theme, made explicit so a finding is scored once. */
export const overlapSchema = z.strictObject({
  theme: z.string().trim().min(3),
  capabilities: z.array(capabilityRef).min(2),
  note: sentence,
});

export const frameworkSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case slug'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
    name: z.string().trim().min(3),
    description: z.string().trim().optional(),
    /** Set on a copy: the framework and version it was copied from. */
    basedOn: z.strictObject({ id: z.string(), version: z.string() }).optional(),
    scale: z.array(scaleLevelSchema).length(5, 'must have exactly five levels'),
    /** Version 1.1: how to score partial fulfilment. */
    scoringRule: sentence.optional(),
    practices: z.array(practiceSchema).optional(),
    overlaps: z.array(overlapSchema).optional(),
    modules: z.array(moduleSchema).min(1),
  })
  .superRefine((fw, ctx) => {
    fw.scale.forEach((s, i) => {
      if (s.level !== i + 1) ctx.addIssue({ code: 'custom', path: ['scale', i, 'level'], message: `must be ${i + 1}` });
    });
    const seen = new Set<string>();
    fw.modules.forEach((m, mi) => {
      if (m.id !== `M${mi + 1}`) ctx.addIssue({ code: 'custom', path: ['modules', mi, 'id'], message: `must be M${mi + 1}` });
      m.capabilities.forEach((c, ci) => {
        const expected = `${m.id}.${ci + 1}`;
        if (c.id !== expected)
          ctx.addIssue({ code: 'custom', path: ['modules', mi, 'capabilities', ci, 'id'], message: `must be ${expected}` });
        if (seen.has(c.id))
          ctx.addIssue({ code: 'custom', path: ['modules', mi, 'capabilities', ci, 'id'], message: 'is used twice' });
        seen.add(c.id);
      });
    });
    // Criteria everywhere or nowhere; ids unique within a capability.
    const withCriteria = fw.modules.some((m) => m.capabilities.some((c) => criteriaLevelKeys.some((k) => c.levels[k].criteria)));
    fw.modules.forEach((m, mi) =>
      m.capabilities.forEach((c, ci) => {
        const ids = new Set<string>();
        for (const k of levelKeys) {
          const path = ['modules', mi, 'capabilities', ci, 'levels', k];
          const level = c.levels[k];
          if (k === '1' && level.criteria) ctx.addIssue({ code: 'custom', path: [...path, 'criteria'], message: 'level 1 takes no criteria: it is where everyone starts' });
          if (withCriteria && k !== '1') {
            if (!level.criteria) ctx.addIssue({ code: 'custom', path: [...path, 'criteria'], message: 'must have 2 to 4 items' });
            if (!level.evidence) ctx.addIssue({ code: 'custom', path: [...path, 'evidence'], message: 'must have 1 to 4 items' });
          }
          level.criteria?.forEach((cr, i) => {
            if (ids.has(cr.id)) ctx.addIssue({ code: 'custom', path: [...path, 'criteria', i, 'id'], message: `is used twice in ${c.id}` });
            ids.add(cr.id);
          });
        }
        c.dependsOn?.forEach((d, i) => {
          if (d === c.id) ctx.addIssue({ code: 'custom', path: ['modules', mi, 'capabilities', ci, 'dependsOn', i], message: 'a capability cannot depend on itself' });
          else if (!fw.modules.some((mm) => mm.capabilities.some((cc) => cc.id === d)))
            ctx.addIssue({ code: 'custom', path: ['modules', mi, 'capabilities', ci, 'dependsOn', i], message: `${d} is not a capability of this framework` });
        });
      }),
    );
    fw.overlaps?.forEach((o, oi) =>
      o.capabilities.forEach((id, i) => {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['overlaps', oi, 'capabilities', i], message: `${id} is not a capability of this framework` });
      }),
    );
    fw.practices?.forEach((p, pi) => {
      try {
        new RegExp(p.pattern, 'i');
      } catch {
        ctx.addIssue({ code: 'custom', path: ['practices', pi, 'pattern'], message: 'is not a valid regular expression' });
      }
    });
    const cycle = dependencyCycle(fw.modules.flatMap((m) => m.capabilities));
    if (cycle) ctx.addIssue({ code: 'custom', path: ['modules'], message: `capability dependencies form a cycle: ${cycle.join(' -> ')}` });
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkModule = z.infer<typeof moduleSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type CapabilityLevel = z.infer<typeof levelSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Practice = z.infer<typeof practiceSchema>;

/** The first cycle among capability dependencies, as a list of ids that returns to its start, or null. */
export function dependencyCycle(caps: readonly { id: string; dependsOn?: readonly string[] }[]): string[] | null {
  const deps = new Map(caps.map((c) => [c.id, c.dependsOn ?? []]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (!deps.has(d)) continue;
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const c of caps) {
    const found = visit(c.id);
    if (found) return found;
  }
  return null;
}

/** A path as a person reads it: `modules[3].capabilities[2].levels[4].criteria`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number' || (typeof p === 'string' && /^\d+$/.test(p))) out += `[${String(p)}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(framework)';
}

/** Parses a framework, with each error named by its path. */
export function parseFramework(value: unknown): { ok: true; framework: Framework } | { ok: false; errors: { path: string; message: string }[] } {
  const parsed = frameworkSchema.safeParse(value);
  if (parsed.success) return { ok: true, framework: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

export interface FrameworkSummary {
  id: string;
  version: string;
  name: string;
  modules: number;
  capabilities: number;
  /** Has pass criteria per level (version 1.1 and its copies). */
  criteria: boolean;
  builtIn: boolean;
  /** A custom framework an assessment has pinned: it can only be saved as a new version. */
  locked?: boolean;
  basedOn?: { id: string; version: string };
}

export function hasCriteria(fw: Framework): boolean {
  return fw.modules.some((m) => m.capabilities.some((c) => !!c.levels['2'].criteria));
}

export function summarize(fw: Framework, builtIn = true): FrameworkSummary {
  return {
    id: fw.id,
    version: fw.version,
    name: fw.name,
    modules: fw.modules.length,
    capabilities: fw.modules.reduce((n, m) => n + m.capabilities.length, 0),
    criteria: hasCriteria(fw),
    builtIn,
    ...(fw.basedOn ? { basedOn: fw.basedOn } : {}),
  };
}

export function allCapabilities(fw: Framework): (Capability & { moduleId: string })[] {
  return fw.modules.flatMap((m) => m.capabilities.map((c) => ({ ...c, moduleId: m.id })));
}

export function findCapability(fw: Framework, capabilityId: string): Capability | undefined {
  for (const m of fw.modules) for (const c of m.capabilities) if (c.id === capabilityId) return c;
  return undefined;
}

/** Every text of a capability a person reads, for search and checks. */
export function capabilityTexts(c: Capability): string[] {
  return [
    c.name,
    c.statement,
    ...levelKeys.flatMap((k) => [c.levels[k].descriptor, ...(c.levels[k].criteria ?? []).map((x) => x.text), ...(c.levels[k].evidence ?? [])]),
    ...c.questions,
    ...c.evidence,
    ...(c.example ? [c.example] : []),
    ...(c.antiPatterns ?? []),
    ...(c.applicability ? [c.applicability] : []),
  ];
}

// ---- the 1.0 file format ------------------------------------------------------------------------

/** Version 1.0 was written with one descriptor string per level; it reads as the same texts in today's shape. */
export type LegacyFramework = Omit<Framework, 'modules'> & {
  modules: (Omit<FrameworkModule, 'capabilities'> & {
    capabilities: (Omit<Capability, 'levels'> & { levels: Record<LevelKey, string> })[];
  })[];
};

export function fromLegacy(fw: LegacyFramework): Framework {
  return {
    ...fw,
    modules: fw.modules.map((m) => ({
      ...m,
      capabilities: m.capabilities.map((c) => ({
        ...c,
        levels: {
          '1': { descriptor: c.levels['1'] },
          '2': { descriptor: c.levels['2'] },
          '3': { descriptor: c.levels['3'] },
          '4': { descriptor: c.levels['4'] },
          '5': { descriptor: c.levels['5'] },
        },
      })),
    })),
  };
}
