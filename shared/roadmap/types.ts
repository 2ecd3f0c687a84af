/**
 * The roadmap model as the engine stores it: a rate card, initiatives that lift capabilities, scenarios
 * that plan them under a budget and capacity, and the baseline levels they start from.
 *
 * Conventions every other file in shared/roadmap/ relies on:
 * - Money is an integer number of minor units (cents) of the engagement's currency.
 * - Effort is a whole number of person-days.
 * - Quarters are calendar quarters written `2027-Q1` (see quarters.ts for fiscal labels).
 * - A scenario's horizon is `horizon` quarters from `startQuarter`: quarter index 0 is `startQuarter`.
 *
 * The zod schemas check the shape of one record; validate.ts checks how the records fit together.
 */
import { z } from 'zod';

export const quarterPattern = /^(\d{4})-Q([1-4])$/;
/** A calendar quarter, `2027-Q1`. */
export type Quarter = string;

const id = z.string({ error: 'must be an id' }).trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const money = z
  .number({ error: 'must be an amount in minor units (e.g. cents)' })
  .int('must be a whole number of minor units (e.g. cents)')
  .min(0, 'must not be negative')
  .max(1e13, 'is implausibly large');
export const quarterSchema = z.string({ error: 'must be a quarter such as 2027-Q1' }).regex(quarterPattern, 'must be a quarter such as 2027-Q1');

// ---- rate card ------------------------------------------------------------------------------

export const roleSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, 'must not be empty').max(80),
  /** Day rate in minor units. */
  dayRate: money,
});
export type Role = z.infer<typeof roleSchema>;

export const rateCardSchema = z.strictObject({ roles: z.array(roleSchema).max(50) });
export type RateCard = z.infer<typeof rateCardSchema>;

// ---- initiatives ----------------------------------------------------------------------------

export const upliftSchema = z.strictObject({
  capabilityId: z.string().trim().min(1),
  /** The level the capability reaches once the initiative is done. */
  toLevel: z.number().int('must be a whole level from 1 to 5').min(1, 'must be a level from 1 to 5').max(5, 'must be a level from 1 to 5'),
});
export type Uplift = z.infer<typeof upliftSchema>;

export const effortSchema = z.strictObject({
  roleId: id,
  /** Whole person-days over the whole initiative. */
  days: z.number().int('must be whole person-days').min(0, 'must not be negative').max(100_000),
});
export type Effort = z.infer<typeof effortSchema>;

export const costSplitSchema = z.discriminatedUnion('mode', [
  /** Equal shares among all of the engagement's business units. */
  z.strictObject({ mode: z.literal('equal') }),
  /** Percent per business unit; they must add up to 100 (at most two decimals each). */
  z.strictObject({
    mode: z.literal('percent'),
    shares: z
      .array(z.strictObject({ businessUnitId: id, percent: z.number().min(0, 'must not be negative').max(100, 'must be at most 100') }))
      .min(1, 'must name at least one business unit'),
  }),
]);
export type CostSplit = z.infer<typeof costSplitSchema>;

export const risks = ['low', 'medium', 'high'] as const;
export type Risk = (typeof risks)[number];

export const initiativeSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, 'must not be empty').max(120),
  description: z.string().max(4000).default(''),
  owner: z.string().max(120).default(''),
  uplifts: z.array(upliftSchema).max(72),
  /** One-off cost in minor units, spread over the initiative's quarters. */
  capex: money,
  /** Running cost per year in minor units, from the quarter after the initiative completes. */
  opexPerYear: money,
  effort: z.array(effortSchema).max(50),
  durationQuarters: z.number().int('must be whole quarters').min(1, 'must be at least 1 quarter').max(12, 'must be at most 12 quarters'),
  earliestStart: quarterSchema.nullable(),
  /** Initiatives that must finish before this one starts. */
  dependsOn: z.array(id).max(50),
  costSplit: costSplitSchema,
  risk: z.enum(risks),
  note: z.string().max(4000).default(''),
});
export type Initiative = z.infer<typeof initiativeSchema>;

// ---- scenarios ------------------------------------------------------------------------------

export const scenarioSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, 'must not be empty').max(120),
  startQuarter: quarterSchema,
  horizon: z.number().int('must be whole quarters').min(1, 'must be 1 to 12 quarters').max(12, 'must be 1 to 12 quarters'),
  /** Spend limit per calendar quarter or per fiscal year (capex + labour + opex), or none. */
  budget: z.strictObject({ per: z.enum(['quarter', 'year']), amount: money }).nullable(),
  /** Person-days per quarter per role; a role not listed is not limited. */
  capacity: z.array(z.strictObject({ roleId: id, daysPerQuarter: z.number().int('must be whole person-days').min(0).max(1_000_000) })),
  /** Initiatives that must be in the plan. */
  forced: z.array(id),
  /** Initiatives that must not be in the plan. */
  excluded: z.array(id),
  /** Weight of each module in the objective; a module not listed weighs 1. */
  moduleWeights: z.record(z.string(), z.number().min(0, 'must not be negative').max(100)),
  baselineAssessmentId: z.string(),
  mode: z.enum(['optimal', 'manual']),
  /** Start quarter per initiative in manual mode. */
  manualStarts: z.record(z.string(), quarterSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

// ---- baseline -------------------------------------------------------------------------------

/** One capability's agreed levels in the baseline assessment. */
export interface BaselineCapability {
  moduleId: string;
  /** Agreed current level 1-5, null when unscored. */
  current: number | null;
  /** Agreed target level 1-5, null when not set. */
  target: number | null;
  notApplicable: boolean;
}
/** Capability id -> its baseline; the order of first appearance of each module is the module order. */
export type Baseline = Record<string, BaselineCapability>;

/** Everything a roadmap computation needs, gathered by the engine from the engagement file. */
export interface RoadmapInput {
  baseline: Baseline;
  initiatives: Initiative[];
  rateCard: RateCard;
  scenario: Scenario;
  /** The engagement's business units, for chargeback. */
  businessUnits: { id: string; name: string }[];
  /** Month (1-12) in which the client's fiscal year starts. */
  fyStartMonth: number;
  /** ISO 4217 code, used only to format amounts in messages. */
  currency: string;
}

// ---- plans ----------------------------------------------------------------------------------

/** One scheduled initiative: work runs from startQuarter to endQuarter inclusive. */
export interface PlanEntry {
  initiativeId: string;
  startQuarter: Quarter;
  /** The last quarter of work: startQuarter + durationQuarters - 1. */
  endQuarter: Quarter;
}
export type Plan = PlanEntry[];
