/**
 * A roadmap on top of the export seed (export-seed.ts): a rate card, initiatives with realistic names,
 * owners, uplifts of the current assessment's capabilities, costs, effort, dependencies, risks and cost
 * splits over the three business units, and three scenarios: the base case scheduled by the solver, a
 * leaner copy scheduled too, and one whose starts are set by hand. Written through the API, as a
 * consultant would. Twelve initiatives by default; the bench asks for thirty.
 */
import type { Harness } from './engine';
import { currentOf, targetOf, type Seeded } from './export-seed';

export interface SeededRoadmap {
  roles: { id: string; name: string; dayRate: number }[];
  initiatives: { id: string; name: string }[];
  /** Scheduled by the solver. */
  base: string;
  /** A copy with a smaller budget, scheduled too. */
  lean: string;
  /** Starts set by hand. */
  manual: string;
  /** Optimal mode, never scheduled. */
  unscheduled: string;
}

const NAMES: [string, string][] = [
  ['Lakehouse platform migration', 'Head of Data Platform'],
  ['Streaming ingestion for payments', 'Payments Engineering'],
  ['Data quality monitoring', 'Data Governance'],
  ['Enterprise data catalogue', 'Data Governance'],
  ['Data ownership and stewardship', 'CDO office'],
  ['Cost observability (FinOps)', 'Data Platform'],
  ['Finance semantic layer', 'Finance BI'],
  ['Access management and classification', 'Security'],
  ['Self-service analytics', 'Analytics'],
  ['Regulatory lineage capture', 'Risk Data Office'],
  ['Incident runbooks and on-call', 'Data Platform'],
  ['Customer master data', 'Customer Data'],
  ['Metadata-driven pipelines', 'Data Engineering'],
  ['Backup and restore automation', 'Data Platform'],
  ['Data contracts for source systems', 'Data Engineering'],
  ['Privacy masking in non-production', 'Security'],
  ['Real-time fraud features', 'Fraud Analytics'],
  ['Retention and archiving', 'Records Management'],
  ['Feature store for models', 'Data Science'],
  ['Data literacy programme', 'CDO office'],
  ['KPI glossary and certification', 'Finance BI'],
  ['Data product operating model', 'CDO office'],
  ['Orchestration upgrade', 'Data Engineering'],
  ['Warehouse performance tuning', 'Data Platform'],
  ['Reference data service', 'Data Engineering'],
  ['Disaster recovery for the warehouse', 'Data Platform'],
  ['Ledger reconciliation framework', 'Finance BI'],
  ['Customer 360 data product', 'Customer Data'],
  ['Partner data sharing', 'Partnerships'],
  ['Observability dashboards', 'Data Platform'],
];

const RISKS = ['high', 'medium', 'low', 'medium', 'low', 'low', 'medium', 'high', 'low', 'medium'] as const;

export async function seedRoadmap(h: Harness, s: Seeded, options: { initiatives?: number; timeLimitMs?: number } = {}): Promise<SeededRoadmap> {
  const n = Math.min(NAMES.length, options.initiatives ?? 12);
  const engagementId = s.engagementId;
  const card = await h.call('rateCard.set', {
    engagementId,
    roles: [
      { name: 'Data engineer', dayRate: 95_000 },
      { name: 'Platform engineer', dayRate: 100_000 },
      { name: 'Analytics engineer', dayRate: 85_000 },
      { name: 'Governance lead', dayRate: 110_000 },
    ],
  });
  const roles = card.roles;
  const [retail, finance, risk] = s.units.map((u) => u.id) as [string, string, string];
  const ids: string[] = [];
  const initiatives: { id: string; name: string }[] = [];
  for (let i = 0; i < n; i++) {
    const [name, owner] = NAMES[i]!;
    // Two or three capabilities of one module (and one of the next for every third), each lifted a level or two.
    const m = i % 9;
    const caps = [0, 1, 2].slice(0, 2 + (i % 2)).map((k) => ({ m, j: (i + k * 3) % 8 }));
    if (i % 3 === 2) caps.push({ m: (m + 1) % 9, j: i % 8 });
    const uplifts = caps.map(({ m: mm, j }) => ({ capabilityId: s.capabilityIds[mm * 8 + j]!, toLevel: Math.min(5, Math.max(targetOf(mm, j), currentOf(mm, j) + 1)) }));
    const split =
      i % 4 === 0
        ? { mode: 'equal' as const }
        : i % 4 === 1
          ? { mode: 'percent' as const, shares: [{ businessUnitId: retail, percent: 50 }, { businessUnitId: finance, percent: 30 }, { businessUnitId: risk, percent: 20 }] }
          : i % 4 === 2
            ? { mode: 'percent' as const, shares: [{ businessUnitId: finance, percent: 100 }] }
            : { mode: 'percent' as const, shares: [{ businessUnitId: risk, percent: 62.5 }, { businessUnitId: retail, percent: 37.5 }] };
    const duration = 1 + (i % 3);
    const dependsOn = i === 0 ? [] : i % 5 === 1 ? [ids[0]!] : i % 5 === 3 ? [ids[i - 2]!] : i > 6 && i % 7 === 0 ? [ids[i - 4]!] : [];
    const created = await h.call('initiative.add', {
      engagementId,
      name,
      owner,
      description: `${name}: scope, milestones and the teams involved, agreed in the workshop.`,
      uplifts,
      capex: (i % 3 === 0 ? 12_000_000 : 3_500_000) + i * 250_000 + (i % 2 ? 33 : 0),
      opexPerYear: i % 4 === 3 ? 0 : 1_000_000 + i * 100_000 + (i % 3),
      effort: [
        { roleId: roles[i % 4]!.id, days: 20 + ((i * 7) % 40) },
        { roleId: roles[(i + 1) % 4]!.id, days: 10 + ((i * 5) % 25) },
      ],
      durationQuarters: duration,
      dependsOn,
      costSplit: split,
      risk: RISKS[i % RISKS.length]!,
    });
    ids.push(created.id);
    initiatives.push({ id: created.id, name });
  }
  const capacity = roles.map((r, k) => ({ roleId: r.id, daysPerQuarter: [90, 70, 60, 40][k]! * Math.max(1, Math.round(n / 12)) }));
  const timeLimitMs = options.timeLimitMs ?? 5_000;
  const base = await h.call('scenario.create', {
    engagementId,
    name: 'Base case',
    startQuarter: '2027-Q2',
    horizon: 8,
    budget: { per: 'year', amount: 70_000_000 * Math.max(1, Math.round(n / 12)) },
    capacity,
    forced: [ids[0]!],
    baselineAssessmentId: s.assessmentId,
  });
  await h.call('scenario.schedule', { engagementId, scenarioId: base.id, timeLimitMs });
  const lean = await h.call('scenario.copy', { engagementId, scenarioId: base.id, name: 'Lean budget' });
  await h.call('scenario.update', { engagementId, scenarioId: lean.id, budget: { per: 'year', amount: 35_000_000 * Math.max(1, Math.round(n / 12)) } });
  await h.call('scenario.schedule', { engagementId, scenarioId: lean.id, timeLimitMs });
  const manualStarts = Object.fromEntries(ids.slice(0, Math.min(6, n)).map((id, k) => [id, ['2027-Q2', '2028-Q1', '2027-Q3', '2027-Q4', '2027-Q2', '2028-Q2'][k]!]));
  const manual = await h.call('scenario.create', {
    engagementId,
    name: 'Set by hand',
    startQuarter: '2027-Q2',
    horizon: 8,
    mode: 'manual',
    manualStarts,
    baselineAssessmentId: s.assessmentId,
  });
  const unscheduled = await h.call('scenario.create', { engagementId, name: 'Not yet scheduled', startQuarter: '2027-Q2', horizon: 4, baselineAssessmentId: s.assessmentId });
  return { roles, initiatives, base: base.id, lean: lean.id, manual: manual.id, unscheduled: unscheduled.id };
}
