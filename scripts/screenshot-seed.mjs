// Sample data for screenshots: one engagement with people and an assessment.
export async function seed(call) {
  const e = await call('engagement.create', { client: 'Northwind Foods', industry: 'Food retail', region: 'Nordics', currency: 'SEK', fyStartMonth: 7 });
  await call('engagement.create', { client: 'Contoso Bank', industry: 'Banking', region: 'UK', currency: 'GBP', fyStartMonth: 4 });
  await call('engagement.create', { client: 'Fabrikam Energy', industry: 'Utilities', region: 'DACH', currency: 'EUR' });
  const fin = await call('businessUnit.add', { engagementId: e.id, name: 'Finance' });
  const sc = await call('businessUnit.add', { engagementId: e.id, name: 'Supply Chain' });
  await call('participant.add', { engagementId: e.id, name: 'Ingrid Berg', role: 'CFO', businessUnitId: fin.id });
  await call('participant.add', { engagementId: e.id, name: 'Tomas Lind', role: 'Head of Data Platform' });
  await call('participant.add', { engagementId: e.id, name: 'Aisha Karim', role: 'Supply Chain Analyst', businessUnitId: sc.id });
  const prev = await call('assessment.create', { engagementId: e.id, label: '2026 Q3', date: '2026-08-14' });
  const a = await call('assessment.create', { engagementId: e.id, label: '2026 Q4', date: '2026-11-20' });
  await call('engagement.open', { engagementId: e.id });
  return { engagementId: e.id, assessmentId: a.id, previousId: prev.id };
}

export function shots(ctx) {
  return [
    { name: 'home', hash: '#/' },
    { name: 'engagement', hash: `#/e/${ctx.engagementId}/people` },
    { name: 'framework', hash: '#/framework/M2.1' },
  ];
}
