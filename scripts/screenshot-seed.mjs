// Sample data for screenshots: engagements, people, two assessments, scores, votes, evidence, a workshop.
export async function seed(call) {
  await call('settings.update', { displayName: 'Sam Rivera' });
  const e = await call('engagement.create', { client: 'Northwind Foods', industry: 'Food retail', region: 'Nordics', currency: 'SEK', fyStartMonth: 7 });
  await call('engagement.create', { client: 'Contoso Bank', industry: 'Banking', region: 'UK', currency: 'GBP', fyStartMonth: 4 });
  await call('engagement.create', { client: 'Fabrikam Energy', industry: 'Utilities', region: 'DACH', currency: 'EUR' });
  const fin = await call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
  const sc = await call('businessUnit.add', { engagementId: e.id, name: 'Supply Chain' });
  const people = [
    await call('participant.add', { engagementId: e.id, name: 'Ingrid Berg', role: 'CFO', businessUnitId: fin.id }),
    await call('participant.add', { engagementId: e.id, name: 'Tomas Lind', role: 'Head of Data Platform' }),
    await call('participant.add', { engagementId: e.id, name: 'Aisha Karim', role: 'Supply Chain Analyst', businessUnitId: sc.id }),
  ];
  const prev = await call('assessment.create', { engagementId: e.id, label: '2026 Q3', date: '2026-08-14' });
  const fw = await call('framework.get', {});
  const caps = fw.modules.flatMap((m) => m.capabilities.map((c) => c.id));
  const at = (a, capabilityId) => ({ engagementId: e.id, assessmentId: a, capabilityId });
  for (const [i, id] of caps.slice(0, 20).entries()) {
    await call('assessment.rate', { ...at(prev.id, id), currentLevel: 1 + (i % 3), targetLevel: 3 + (i % 3) });
  }
  await call('assessment.rate', {
    ...at(prev.id, 'M2.1'),
    currentLevel: 1,
    targetLevel: 4,
    rationale: 'Replication factor one on two order topics; the outage in June stopped order intake for 40 minutes.',
  });
  const a = await call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20', fromAssessmentId: prev.id });
  for (const id of caps.slice(0, 12)) await call('assessment.rate', { ...at(a.id, id), confirm: true });
  for (const [i, level] of [2, 2, 4].entries()) {
    await call('vote.cast', { ...at(a.id, 'M2.1'), participantId: people[i].id, currentLevel: level, targetLevel: 4 });
  }
  await call('assessment.acceptMedian', at(a.id, 'M2.1'));
  await call('assessment.rate', {
    ...at(a.id, 'M2.1'),
    confidence: 'medium',
    priority: 4,
    rationale: 'Replication fixed on order topics since June; partition counts still set by hand and never revisited.',
  });
  await call('action.add', { ...at(a.id, 'M2.1'), text: 'Derive partition counts from peak order throughput', owner: 'Tomas Lind', dueDate: '2027-01-31' });
  await call('evidence.add', {
    engagementId: e.id,
    title: 'Kafka topic inventory',
    kind: 'system_config',
    source: 'Platform team',
    collectedOn: '2026-11-02',
    validUntil: '2027-05-01',
    sensitivity: 'internal',
    file: { name: 'topics.csv', mime: 'text/csv', dataBase64: Buffer.from('topic,partitions,replication\norders,12,3\npayments,6,3\n').toString('base64') },
    links: [{ assessmentId: a.id, capabilityId: 'M2.1' }],
  });
  await call('evidence.add', {
    engagementId: e.id,
    title: 'Broker failure drill report',
    kind: 'interview_note',
    collectedOn: '2025-11-20',
    validUntil: '2026-06-30',
    sensitivity: 'confidential',
    links: [{ assessmentId: a.id, capabilityId: 'M2.1' }],
  });
  const session = await call('workshop.start', {
    engagementId: e.id,
    assessmentId: a.id,
    heldOn: '2026-11-20',
    modules: ['M1', 'M2', 'M3'],
    participantIds: people.map((p) => p.id),
    minutes: 240,
  });
  await call('workshop.focus', { engagementId: e.id, sessionId: session.id, capabilityId: 'M2.1' });
  await call('engagement.open', { engagementId: e.id });
  return { engagementId: e.id, assessmentId: a.id, previousId: prev.id };
}

export function shots(ctx) {
  return [
    { name: 'home', hash: '#/' },
    { name: 'engagement', hash: `#/e/${ctx.engagementId}/people` },
    { name: 'framework', hash: '#/framework/M2.1' },
    { name: 'workspace', hash: `#/e/${ctx.engagementId}/a/${ctx.assessmentId}/M2.1` },
    { name: 'projector', hash: `#/projector/${ctx.engagementId}/${ctx.assessmentId}` },
    { name: 'assessments', hash: `#/e/${ctx.engagementId}/assessments` },
    { name: 'settings', hash: '#/settings' },
  ];
}
