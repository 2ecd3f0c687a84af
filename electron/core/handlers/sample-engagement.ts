/**
 * The sample engagement a newcomer can open from an empty home screen: a fictional outdoor retailer with
 * two quarterly assessments (the second carried over from the first and half confirmed), votes, evidence
 * and action items. Every piece is made by the same commands a user runs, through the registry, so it
 * is an engagement like any other and is deleted like any other.
 */
import type { EngagementSummary } from '../../../shared/domain';
import type { CommandContext } from '../context';

const CLIENT = 'Nordlys Outdoor (sample)';

const UNITS = ['Data Platform', 'E-commerce', 'Finance', 'Supply Chain'];

const PEOPLE: { name: string; role: string; unit: string }[] = [
  { name: 'Sigrid Haugen', role: 'Chief Data Officer', unit: 'Data Platform' },
  { name: 'Lars Eide', role: 'Head of E-commerce', unit: 'E-commerce' },
  { name: 'Maja Nilsen', role: 'Financial Controller', unit: 'Finance' },
  { name: 'Jonas Berg', role: 'Supply Chain Analyst', unit: 'Supply Chain' },
  { name: 'Ingrid Dahl', role: 'Data Engineer', unit: 'Data Platform' },
];

/** A level from 1 to 4 that looks like a real client's, the same every time for a capability. */
function levelOf(capabilityId: string): number {
  let h = 7;
  for (const ch of capabilityId) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return 1 + (h % 4);
}

/** The votes of the five people around an agreed level: one of them sees it a level lower or higher. */
function votesAround(level: number, spread: number): number[] {
  const clamp = (n: number) => Math.max(1, Math.min(5, n));
  return [level, clamp(level + 1), level, clamp(level - 1), clamp(level + spread)];
}

/** The quarter before the one of `today`, and the current one: labels and dates. */
function quarters(today: string): { previous: { label: string; date: string }; current: { label: string; date: string } } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  const py = q === 1 ? y - 1 : y;
  const pq = q === 1 ? 4 : q - 1;
  const middle = String(pq * 3 - 1).padStart(2, '0');
  return { previous: { label: `${py} Q${pq}`, date: `${py}-${middle}-14` }, current: { label: `${y} Q${q}`, date: today } };
}

const RATIONALES: Record<string, string> = {
  'M1.1': 'SLAs exist for the order and stock pipelines only; nobody reports on them.',
  'M2.1': 'Partition counts were set once at launch; peak season lag shows they are too few.',
  'M2.4': 'Failed events are retried forever; there is no dead-letter topic yet.',
  'M3.1': 'dbt tests cover the finance marts; the e-commerce models have none.',
  'M5.1': 'Row-level security is in place for the regional sales dashboards.',
  'M8.1': 'A runbook exists for the nightly load; other incidents are handled ad hoc.',
};

export async function createSampleEngagement(ctx: CommandContext): Promise<EngagementSummary> {
  const engagement = await ctx.run('engagement.create', { client: CLIENT, industry: 'Outdoor retail', region: 'Nordics', currency: 'NOK', fyStartMonth: 1 });
  const engagementId = engagement.id;
  try {
    await fill(ctx, engagementId);
  } catch (err) {
    // Half a sample helps nobody: it goes, and the reason is reported.
    await ctx.run('engagement.delete', { engagementId }).catch(() => undefined);
    throw err;
  }
  return (await ctx.run('engagement.list', {})).find((e) => e.id === engagementId) ?? engagement;
}

async function fill(ctx: CommandContext, engagementId: string): Promise<void> {
  const units = new Map<string, string>();
  for (const name of UNITS) units.set(name, (await ctx.run('businessUnit.add', { engagementId, name })).id);
  const people: string[] = [];
  for (const p of PEOPLE) people.push((await ctx.run('participant.add', { engagementId, name: p.name, role: p.role, businessUnitId: units.get(p.unit) ?? null })).id);

  const { previous, current } = quarters(ctx.clock.today());
  const first = await ctx.run('assessment.create', { engagementId, label: previous.label, date: previous.date });
  const framework = await ctx.run('framework.get', { engagementId, frameworkId: first.frameworkId, version: first.frameworkVersion });
  const capabilities = framework.modules.flatMap((m) => m.capabilities.map((c) => c.id));
  const ref = { engagementId, assessmentId: first.id };

  // The first quarter: the room voted on the first two modules and agreed the median; the rest was scored directly.
  for (const [i, capabilityId] of capabilities.entries()) {
    const level = levelOf(capabilityId);
    if (capabilityId.startsWith('M1.') || capabilityId.startsWith('M2.')) {
      const votes = votesAround(level, i % 5 === 0 ? 2 : 0);
      for (const [p, vote] of votes.entries()) {
        await ctx.run('vote.cast', { ...ref, capabilityId, participantId: people[p]!, currentLevel: vote, targetLevel: Math.min(5, vote + 1) });
      }
      await ctx.run('assessment.acceptMedian', { ...ref, capabilityId });
    } else {
      await ctx.run('assessment.rate', { ...ref, capabilityId, currentLevel: level, targetLevel: Math.min(5, level + 1 + (i % 2)) });
    }
    await ctx.run('assessment.rate', {
      ...ref,
      capabilityId,
      confidence: (['medium', 'high', 'low'] as const)[i % 3],
      priority: 1 + ((i * 7) % 5),
      ...(RATIONALES[capabilityId] ? { rationale: RATIONALES[capabilityId], owner: PEOPLE[i % PEOPLE.length]!.name } : {}),
    });
  }

  const actions = [
    { capabilityId: 'M2.1', text: 'Resize the order-events topic before peak season', owner: 'Ingrid Dahl', status: 'in_progress' as const },
    { capabilityId: 'M2.4', text: 'Add a dead-letter topic for failed stock updates', owner: 'Ingrid Dahl', status: 'open' as const },
    { capabilityId: 'M3.1', text: 'Add dbt tests to the e-commerce models', owner: 'Lars Eide', status: 'open' as const },
    { capabilityId: 'M1.5', text: 'Agree a chargeback key for cloud costs with Finance', owner: 'Maja Nilsen', status: 'done' as const },
    { capabilityId: 'M8.1', text: 'Write runbooks for the top five incident types', owner: 'Sigrid Haugen', status: 'open' as const },
  ];
  for (const a of actions) await ctx.run('action.add', { ...ref, ...a });

  const link = (capabilityId: string) => [{ assessmentId: first.id, capabilityId }];
  await ctx.run('evidence.add', {
    engagementId,
    title: 'Interview: platform team on Kafka sizing',
    kind: 'interview_note',
    source: 'Ingrid Dahl, Data Engineer',
    collectedOn: previous.date,
    description: 'Partitions were sized at launch for 2,000 orders a day. Black Friday peaks at 40,000; consumer lag reached 25 minutes.',
    links: link('M2.1'),
  });
  await ctx.run('evidence.add', {
    engagementId,
    title: 'Lineage coverage dashboard',
    kind: 'link',
    source: 'Data catalog',
    url: 'https://catalog.nordlys.example/lineage/coverage',
    collectedOn: previous.date,
    links: link('M7.2'),
  });
  await ctx.run('evidence.add', {
    engagementId,
    title: 'Nightly load runbook',
    kind: 'document',
    source: 'Data Platform wiki',
    collectedOn: previous.date,
    file: {
      name: 'nightly-load-runbook.txt',
      mime: 'text/plain',
      dataBase64: Buffer.from('Nightly load runbook\n\n1. Check the orchestrator for failed tasks.\n2. Re-run from the last good checkpoint.\n3. Tell #data-incidents.\n').toString('base64'),
    },
    links: link('M8.1'),
  });
  await ctx.run('evidence.add', {
    engagementId,
    title: 'Data quality scorecard, finance marts',
    kind: 'metric',
    source: 'Finance BI',
    collectedOn: previous.date,
    // Valid for a month: stale by now, as such scorecards often are.
    validUntil: previous.date.replace(/-14$/, '-28'),
    description: '96% of tests passing on the finance marts; no tests on e-commerce.',
    links: link('M3.1'),
  });

  // This quarter starts from the last one: the first module is confirmed, two capabilities moved, the rest is to confirm.
  const second = await ctx.run('assessment.create', { engagementId, label: current.label, date: current.date, fromAssessmentId: first.id });
  const now = { engagementId, assessmentId: second.id };
  for (const capabilityId of capabilities.filter((c) => c.startsWith('M1.'))) await ctx.run('assessment.rate', { ...now, capabilityId, confirm: true });
  const m21 = Math.min(5, levelOf('M2.1') + 1);
  for (const [p, vote] of votesAround(m21, 0).entries()) {
    await ctx.run('vote.cast', { ...now, capabilityId: 'M2.1', participantId: people[p]!, currentLevel: vote, targetLevel: Math.min(5, vote + 1) });
  }
  await ctx.run('assessment.acceptMedian', { ...now, capabilityId: 'M2.1' });
  await ctx.run('assessment.rate', { ...now, capabilityId: 'M2.1', rationale: 'Topics resized in September; lag stayed under a minute through the autumn sale.' });
  await ctx.run('assessment.rate', { ...now, capabilityId: 'M3.1', currentLevel: Math.max(1, levelOf('M3.1') - 1), rationale: 'A schema change broke the finance tests for two weeks.' });
}
