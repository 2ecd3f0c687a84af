/**
 * A realistic engagement for the export tests, the bench and the README pictures: a bank with three
 * business units and five people, a previous assessment and a full current one (72 capabilities scored
 * with targets, confidence, priority, rationale and owners), the room's votes with a few disagreements,
 * action items and an evidence register with stale items, sensitive items and files. Written through
 * the API, as a consultant would.
 */
import type { Harness } from './engine';

export interface Seeded {
  engagementId: string;
  assessmentId: string;
  previousId: string;
  people: { id: string; name: string; businessUnitId: string | null }[];
  units: { id: string; name: string }[];
  capabilityIds: string[];
}

const MODULE_BASE = [2, 3, 2, 3, 2, 2, 1, 3, 2];
const CAP_OFFSET = [-1, 0, 1, 0, 1, -1, 0, 0];
const TARGET_STEP = [1, 2, 1, 1, 2, 1, 0, 1];
const CONFIDENCE = ['high', 'medium', 'low', 'medium', 'high', 'medium', 'high', 'low'] as const;

const clamp = (x: number) => Math.min(5, Math.max(1, x));
/** The agreed current level of capability j of module m (0-based) in the current assessment. */
export const currentOf = (m: number, j: number) => clamp(MODULE_BASE[m]! + CAP_OFFSET[j]!);
export const targetOf = (m: number, j: number) => clamp(currentOf(m, j) + TARGET_STEP[j]!);
export const previousOf = (m: number, j: number) => clamp(currentOf(m, j) - ((m + j) % 3 === 0 ? 1 : 0));

const RATIONALES = [
  'Agreed after the discussion: the practice exists for the main feeds but is not measured or owned outside the platform team.',
  'Documented and reviewed each quarter; two business units follow it, the third relies on the platform team to chase.',
  'Known gap: the room pointed to the incident in March where nobody could say which reports were affected.',
  'Tooling is in place but adoption is partial; the target assumes the rollout planned for next year completes.',
];

const EVIDENCE = [
  ['Pipeline SLA register (Confluence)', 'document', 'Platform team wiki'],
  ['Interview: Head of Data Engineering', 'interview_note', 'Workshop day 1'],
  ['Airflow DAG run statistics, last 90 days', 'metric', 'Airflow metadata database'],
  ['Kafka cluster configuration export', 'system_config', 'Platform repository'],
  ['Data quality dashboard screenshot', 'screenshot', 'Monte Carlo'],
  ['Access review minutes, Q3', 'document', 'Risk office'],
  ['Data catalog adoption report', 'metric', 'Collibra usage export'],
  ['Incident post-mortem: late month-end figures', 'document', 'Service management'],
  ['Retention policy v3.2', 'document', 'Legal and compliance'],
  ['Cost dashboard: warehouse spend by team', 'screenshot', 'FinOps'],
] as const;

export async function seedEngagement(h: Harness, options: { client?: string; votes?: boolean; files?: boolean } = {}): Promise<Seeded> {
  const e = await h.call('engagement.create', { client: options.client ?? 'Northwind Bank', industry: 'Banking', region: 'EMEA', currency: 'EUR', fyStartMonth: 4 });
  const engagementId = e.id;
  const units = [];
  for (const name of ['Retail Banking', 'Finance', 'Risk']) units.push(await h.call('businessUnit.add', { engagementId, name }));
  const people = [];
  const names: [string, string, number][] = [
    ['Ana Lopez', 'Head of Data Engineering', 0],
    ['Ben Carter', 'Finance Data Lead', 1],
    ['Chloe Martin', 'Chief Risk Data Officer', 2],
    ['David Okafor', 'BI Manager', 1],
    ['Eva Novak', 'Product Owner, Customer Data', 0],
  ];
  for (const [name, role, unit] of names) {
    const p = await h.call('participant.add', { engagementId, name, role, businessUnitId: units[unit]!.id });
    people.push({ id: p.id, name: p.name, businessUnitId: p.businessUnitId });
  }
  const fw = await h.call('framework.get', {});
  const capabilityIds = fw.modules.flatMap((m) => m.capabilities.map((c) => c.id));

  const previous = await h.call('assessment.create', { engagementId, label: '2026 Q2', date: '2026-05-20' });
  for (const [m, mod] of fw.modules.entries()) {
    for (const [j, c] of mod.capabilities.entries()) {
      await h.call('assessment.rate', { engagementId, assessmentId: previous.id, capabilityId: c.id, currentLevel: previousOf(m, j), targetLevel: targetOf(m, j) });
    }
  }
  const current = await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20', fromAssessmentId: previous.id });
  for (const [m, mod] of fw.modules.entries()) {
    for (const [j, c] of mod.capabilities.entries()) {
      const k = m * 8 + j;
      await h.call('assessment.rate', {
        engagementId,
        assessmentId: current.id,
        capabilityId: c.id,
        currentLevel: currentOf(m, j),
        targetLevel: targetOf(m, j),
        confidence: CONFIDENCE[j]!,
        priority: ((m + j) % 5) + 1,
        rationale: k % 3 === 0 ? RATIONALES[k % RATIONALES.length]! : '',
        owner: k % 4 === 0 ? people[k % people.length]!.name : '',
      });
    }
  }
  if (options.votes !== false) {
    for (const [m, mod] of fw.modules.entries()) {
      for (const [j, c] of mod.capabilities.entries()) {
        for (const [p, person] of people.entries()) {
          // Mostly within a level of the agreed score; a few capabilities split the room by two levels.
          const split = (m + j) % 11 === 0 && p === 4 ? 2 : 0;
          const noise = ((m * 3 + j * 5 + p * 7) % 2) * ((m + j) % 2 ? 1 : -1);
          await h.call('vote.cast', { engagementId, assessmentId: current.id, capabilityId: c.id, participantId: person.id, currentLevel: clamp(currentOf(m, j) + (split || noise)), targetLevel: targetOf(m, j) });
        }
      }
    }
  }
  const actions = [
    ['M1.1', 'Agree written SLAs for the five forecasting feeds with their consumers', 'Ana Lopez', '2026-12-15', 'in_progress'],
    ['M1.5', 'Propose a chargeback model for warehouse spend to the CFO', 'Ben Carter', '2027-01-31', 'open'],
    ['M2.4', 'Add dead-letter queues to the payments ingestion topics', 'Platform team', '2026-11-10', 'open'],
    ['M3.1', 'Roll out automated validation to the finance marts', 'David Okafor', '2027-02-28', 'open'],
    ['M3.5', 'Reconcile source and warehouse balances daily for the ledger', 'Ben Carter', '2026-10-31', 'done'],
    ['M5.3', 'Automate access revocation from the HR leaver feed', 'Chloe Martin', '2026-12-01', 'in_progress'],
    ['M5.6', 'Mask customer data in non-production environments', '', '2027-03-31', 'open'],
    ['M6.5', 'Move cold data older than 24 months to archive storage', 'Platform team', '2027-01-15', 'open'],
    ['M7.2', 'Extend lineage capture to the regulatory reports', 'Chloe Martin', '2027-04-30', 'open'],
    ['M8.6', 'Run a restore drill of the warehouse backups', 'Ana Lopez', '2026-11-05', 'open'],
    ['M9.1', 'Set up the data domain council with monthly meetings', 'Eva Novak', '2026-12-20', 'done'],
  ] as const;
  for (const [capabilityId, text, owner, dueDate, status] of actions) {
    await h.call('action.add', { engagementId, assessmentId: current.id, capabilityId, text, owner, dueDate, status });
  }
  const sensitivities = ['internal', 'internal', 'confidential', 'public', 'internal', 'restricted'] as const;
  for (let i = 0; i < 24; i++) {
    const [title, kind, source] = EVIDENCE[i % EVIDENCE.length]!;
    const links = [capabilityIds[(i * 5) % 72]!, capabilityIds[(i * 11 + 3) % 72]!].map((capabilityId) => ({ assessmentId: current.id, capabilityId }));
    await h.call('evidence.add', {
      engagementId,
      title: i < EVIDENCE.length ? title : `${title} (${i})`,
      kind,
      source,
      collectedOn: '2026-0' + ((i % 9) + 1) + '-15',
      validUntil: i % 4 === 0 ? '2026-10-01' : '2027-06-30',
      sensitivity: sensitivities[i % sensitivities.length]!,
      description: `Collected during the assessment. Item ${i + 1}.`,
      ...(options.files !== false && i % 6 === 1 ? { file: { name: `evidence-${i}.txt`, mime: 'text/plain', dataBase64: Buffer.from(`Evidence file ${i}: confidential figures ${i * 1000}.`).toString('base64') } } : {}),
      links,
    });
  }
  return { engagementId, assessmentId: current.id, previousId: previous.id, people, units, capabilityIds };
}
