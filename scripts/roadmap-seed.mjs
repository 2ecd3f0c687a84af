// A realistic sample roadmap for screenshots and benches, written through the API (`call(command, input)`).
/** A mid-sized retailer: four business units, a scored assessment, five roles, eleven initiatives, two scenarios. */
export async function seedRoadmap(call) {
  const e = await call('engagement.create', { client: 'Northwind Foods', industry: 'Food retail', region: 'Nordics', currency: 'EUR', fyStartMonth: 4 });
  const engagementId = e.id;
  const bu = {};
  for (const name of ['Finance', 'Supply Chain', 'Stores', 'E-commerce']) bu[name] = (await call('businessUnit.add', { engagementId, name })).id;
  const a = await call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' });
  const fw = await call('framework.get', {});
  // a plausible profile: platform basics at 2-3, governance and quality lower, targets one or two above
  const profile = { M1: [2, 3], M2: [3, 4], M3: [2, 4], M4: [1, 3], M5: [2, 3], M6: [2, 3], M7: [1, 3], M8: [3, 4], M9: [2, 3] };
  for (const m of fw.modules) {
    for (const [i, c] of m.capabilities.entries()) {
      const [cur, tgt] = profile[m.id];
      const current = Math.max(1, Math.min(5, cur + ((i * 7) % 3) - 1));
      await call('assessment.rate', { engagementId, assessmentId: a.id, capabilityId: c.id, currentLevel: current, targetLevel: Math.min(5, Math.max(current + (i % 2), tgt)) });
    }
  }
  const card = await call('rateCard.set', {
    engagementId,
    roles: [
      { name: 'Data engineer', dayRate: 95_000 },
      { name: 'Platform engineer', dayRate: 100_000 },
      { name: 'Analytics engineer', dayRate: 85_000 },
      { name: 'Governance lead', dayRate: 110_000 },
    ],
  });
  const [de, pe, ae, gl] = card.roles.map((r) => r.id);
  const lift = (...pairs) => pairs.map(([capabilityId, toLevel]) => ({ capabilityId, toLevel }));
  const rating = (await call('assessment.get', { engagementId, assessmentId: a.id })).ratings;
  const up = (id, by = 1) => [id, Math.min(5, rating[id].currentLevel + by)];
  const add = (x) => call('initiative.add', { engagementId, ...x });
  const lake = await add({ name: 'Lakehouse migration', owner: 'Head of Data Platform', uplifts: lift(up('M1.1'), up('M1.2'), up('M6.1')), capex: 18_000_000, opexPerYear: 6_000_000, effort: [{ roleId: pe, days: 120 }, { roleId: de, days: 80 }], durationQuarters: 3, risk: 'high' });
  const ingest = await add({ name: 'Streaming ingestion for orders', owner: 'Data Platform', uplifts: lift(up('M2.1'), up('M2.2')), capex: 4_000_000, opexPerYear: 1_500_000, effort: [{ roleId: de, days: 90 }, { roleId: pe, days: 30 }], durationQuarters: 2, dependsOn: [lake.id], costSplit: { mode: 'percent', shares: [{ businessUnitId: bu['Supply Chain'], percent: 40 }, { businessUnitId: bu['E-commerce'], percent: 40 }, { businessUnitId: bu.Stores, percent: 20 }] } });
  const dq = await add({ name: 'Data quality monitoring', owner: 'Data Governance', uplifts: lift(up('M3.1'), up('M3.2'), up('M3.3')), capex: 2_500_000, opexPerYear: 1_200_000, effort: [{ roleId: de, days: 50 }, { roleId: ae, days: 40 }], durationQuarters: 2 });
  const catalog = await add({ name: 'Data catalogue and lineage', owner: 'Data Governance', uplifts: lift(up('M4.1'), up('M4.2'), up('M4.3', 2)), capex: 3_500_000, opexPerYear: 2_000_000, effort: [{ roleId: gl, days: 40 }, { roleId: ae, days: 30 }], durationQuarters: 2, dependsOn: [lake.id] });
  await add({ name: 'Ownership and stewardship model', owner: 'CDO office', uplifts: lift(up('M7.1'), up('M7.2', 2)), capex: 0, effort: [{ roleId: gl, days: 60 }], durationQuarters: 2, costSplit: { mode: 'percent', shares: [{ businessUnitId: bu.Finance, percent: 25 }, { businessUnitId: bu['Supply Chain'], percent: 25 }, { businessUnitId: bu.Stores, percent: 25 }, { businessUnitId: bu['E-commerce'], percent: 25 }] } });
  await add({ name: 'Cost observability (FinOps)', owner: 'Data Platform', uplifts: lift(up('M6.2'), up('M6.3')), capex: 1_000_000, opexPerYear: 800_000, effort: [{ roleId: pe, days: 40 }], durationQuarters: 1, dependsOn: [lake.id], costSplit: { mode: 'percent', shares: [{ businessUnitId: bu.Finance, percent: 100 }] } });
  await add({ name: 'Semantic layer for finance', owner: 'Finance BI', uplifts: lift(up('M8.1'), up('M8.2')), capex: 2_000_000, opexPerYear: 600_000, effort: [{ roleId: ae, days: 70 }], durationQuarters: 2, dependsOn: [dq.id], costSplit: { mode: 'percent', shares: [{ businessUnitId: bu.Finance, percent: 70 }, { businessUnitId: bu.Stores, percent: 30 }] } });
  await add({ name: 'Access management and classification', owner: 'Security', uplifts: lift(up('M5.1'), up('M5.2')), capex: 1_500_000, opexPerYear: 500_000, effort: [{ roleId: pe, days: 30 }, { roleId: gl, days: 20 }], durationQuarters: 1, dependsOn: [catalog.id] });
  await add({ name: 'Self-service analytics enablement', owner: 'Analytics', uplifts: lift(up('M9.1'), up('M9.2')), capex: 1_200_000, effort: [{ roleId: ae, days: 50 }, { roleId: gl, days: 10 }], durationQuarters: 2, dependsOn: [catalog.id] });
  await add({ name: 'Demand forecasting pipeline', owner: 'Supply Chain', uplifts: lift(up('M2.3'), up('M8.3')), capex: 3_000_000, opexPerYear: 900_000, effort: [{ roleId: de, days: 60 }, { roleId: ae, days: 40 }], durationQuarters: 2, dependsOn: [ingest.id], costSplit: { mode: 'percent', shares: [{ businessUnitId: bu['Supply Chain'], percent: 80 }, { businessUnitId: bu.Stores, percent: 20 }] } });
  await add({ name: 'Incident runbooks and on-call', owner: 'Data Platform', uplifts: lift(up('M3.4'), up('M1.3')), capex: 300_000, effort: [{ roleId: de, days: 20 }, { roleId: pe, days: 20 }], durationQuarters: 1 });

  const base = await call('scenario.create', {
    engagementId,
    name: 'Base case',
    startQuarter: '2027-Q2',
    horizon: 8,
    budget: { per: 'year', amount: 60_000_000 },
    capacity: [
      { roleId: de, daysPerQuarter: 80 },
      { roleId: pe, daysPerQuarter: 60 },
      { roleId: ae, daysPerQuarter: 50 },
      { roleId: gl, daysPerQuarter: 30 },
    ],
    forced: [lake.id],
    moduleWeights: { M3: 1.5, M4: 1.5 },
  });
  await call('scenario.schedule', { engagementId, scenarioId: base.id, timeLimitMs: 10_000 });
  const lean = await call('scenario.copy', { engagementId, scenarioId: base.id, name: 'Lean budget' });
  await call('scenario.update', { engagementId, scenarioId: lean.id, budget: { per: 'year', amount: 35_000_000 } });
  await call('scenario.schedule', { engagementId, scenarioId: lean.id, timeLimitMs: 10_000 });
  const fast = await call('scenario.copy', { engagementId, scenarioId: base.id, name: 'More engineers' });
  await call('scenario.update', {
    engagementId,
    scenarioId: fast.id,
    budget: { per: 'year', amount: 80_000_000 },
    capacity: [
      { roleId: de, daysPerQuarter: 140 },
      { roleId: pe, daysPerQuarter: 100 },
      { roleId: ae, daysPerQuarter: 80 },
      { roleId: gl, daysPerQuarter: 45 },
    ],
  });
  await call('scenario.schedule', { engagementId, scenarioId: fast.id, timeLimitMs: 10_000 });
  return { engagementId, base: base.id, lean: lean.id };
}

