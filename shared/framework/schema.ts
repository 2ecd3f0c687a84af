/** The maturity framework as data: modules, capabilities, level descriptors, the scale. */
import { z } from 'zod';

const sentence = z.string().trim().min(8, 'is too short to be useful');

export const levelKeys = ['1', '2', '3', '4', '5'] as const;

export const capabilitySchema = z.strictObject({
  id: z.string().regex(/^M\d+\.\d+$/, 'must look like M3.4'),
  name: z
    .string()
    .trim()
    .refine((s) => {
      const words = s.split(/\s+/).length;
      return words >= 2 && words <= 6;
    }, 'must be a short title of 2 to 6 words'),
  statement: sentence,
  levels: z.strictObject({ '1': sentence, '2': sentence, '3': sentence, '4': sentence, '5': sentence }),
  questions: z.array(sentence).min(2, 'needs at least 2 guiding questions').max(4, 'takes at most 4 guiding questions'),
  evidence: z.array(sentence).min(2, 'needs at least 2 evidence examples').max(4, 'takes at most 4 evidence examples'),
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
});

export const frameworkSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case slug'),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
    name: z.string().trim().min(3),
    description: z.string().trim().optional(),
    scale: z.array(scaleLevelSchema).length(5, 'must have exactly five levels'),
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
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkModule = z.infer<typeof moduleSchema>;
export type Capability = z.infer<typeof capabilitySchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type LevelKey = (typeof levelKeys)[number];

export interface FrameworkSummary {
  id: string;
  version: string;
  name: string;
  modules: number;
  capabilities: number;
}

export function summarize(fw: Framework): FrameworkSummary {
  return {
    id: fw.id,
    version: fw.version,
    name: fw.name,
    modules: fw.modules.length,
    capabilities: fw.modules.reduce((n, m) => n + m.capabilities.length, 0),
  };
}

export function allCapabilities(fw: Framework): (Capability & { moduleId: string })[] {
  return fw.modules.flatMap((m) => m.capabilities.map((c) => ({ ...c, moduleId: m.id })));
}
