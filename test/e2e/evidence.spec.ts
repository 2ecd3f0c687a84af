/** Evidence and re-assessment: what was written stays readable, stale items are counted, carried-over scores wait to be confirmed. */
import { EngagementPage, EngineApi, WorkspacePage } from './pages';
import { expect, test } from './fixtures';

test('a note and a link show what was saved, are edited, and a deleted item comes back with Ctrl+Z', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const links = [{ assessmentId, capabilityId: 'M2.1' }];
  await api.call('evidence.add', { engagementId, title: 'Interview with the platform team', kind: 'interview_note', description: 'Partitions were sized at launch for 2,000 orders a day.', links });
  await api.call('evidence.add', { engagementId, title: 'Broker dashboard', kind: 'link', url: 'https://grafana.example.com/d/kafka-brokers', links });

  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await expect(ws.evidence).toContainText('Partitions were sized at launch for 2,000 orders a day.');
  await expect(ws.evidence.getByRole('link', { name: 'https://grafana.example.com/d/kafka-brokers' })).toBeVisible();

  await app.getByRole('button', { name: 'Edit Interview with the platform team' }).click();
  const edit = app.getByRole('dialog', { name: /Edit evidence/ });
  await expect(edit.getByRole('textbox', { name: 'Note' })).toHaveValue('Partitions were sized at launch for 2,000 orders a day.');
  await edit.getByRole('textbox', { name: 'Note' }).fill('Partitions were sized at launch for 2,000 orders a day; peaks reach 40,000.');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(ws.evidence).toContainText('peaks reach 40,000');

  await app.getByRole('button', { name: 'Delete Broker dashboard' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete this evidence?' });
  await expect(confirm).toContainText('linked here to M2.1');
  await confirm.getByRole('button', { name: 'Delete evidence' }).click();
  await expect(ws.evidence).not.toContainText('Broker dashboard');
  await ws.settled();
  await ws.keys('Control+z');
  await expect(ws.evidence).toContainText('Broker dashboard');
  await app.reload();
  await expect(ws.evidence).toContainText('Broker dashboard');
  await expect(ws.evidence).toContainText('peaks reach 40,000');
});

test('one stale item among fresh ones flags the capability, with the count', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  const links = [{ assessmentId, capabilityId: 'M2.1' }];
  for (let i = 1; i <= 4; i++) await api.call('evidence.add', { engagementId, title: `Fresh item ${i}`, kind: 'document', validUntil: '2099-12-31', links });
  await api.call('evidence.add', { engagementId, title: 'Old topic inventory', kind: 'document', collectedOn: '2019-01-01', validUntil: '2020-01-31', links });

  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M1.1');
  await expect(ws.filter(/Stale evidence/)).toContainText('1');
  await ws.filter(/Stale evidence/).click();
  await expect(ws.nav.getByRole('button', { name: /^M\d/ })).toHaveCount(1);
  await expect(ws.navItem('M2.1')).toContainText('stale evidence: 1 of 5 items');
  await ws.navItem('M2.1').click();
  await expect(app.getByRole('heading', { name: /^Evidence \(5 · 1 stale\)$/ })).toBeVisible();
});

test('carried-over scores are not counted as scored until confirmed; U visits them and a filter lists them', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId } = await api.seed();
  for (const c of ['M1.1', 'M1.2', 'M1.3']) await api.call('assessment.rate', { engagementId, assessmentId, capabilityId: c, currentLevel: 2 });
  const next = await api.call('assessment.create', { engagementId, label: '2027 Q1', date: '2027-02-10', fromAssessmentId: assessmentId });

  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, next.id, 'M1.1');
  await expect(ws.nav).toContainText('0 / 72');
  await expect(ws.nav).toContainText('3 to confirm');
  await expect(ws.progress).toHaveAttribute('aria-valuenow', '0');
  await expect(ws.filter(/To confirm/)).toContainText('3');
  await ws.keys('u');
  await expect(ws.heading).toContainText('M1.2');
  await ws.keys('c');
  await expect(ws.nav).toContainText('1 / 72');
  await expect(ws.nav).toContainText('2 to confirm');
  await ws.filter(/To confirm/).click();
  await expect(ws.navItem('M1.1')).toBeVisible();
  await expect(ws.navItem('M1.3')).toBeVisible();
  await expect(ws.navItem('M1.4')).toHaveCount(0);
});

test('assessments show their progress, are renamed and deleted from the list, and a new one opens at once', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId, participants } = await api.seed();
  for (const c of ['M1.1', 'M1.2']) await api.call('assessment.rate', { engagementId, assessmentId, capabilityId: c, currentLevel: 3 });
  await api.call('vote.cast', { engagementId, assessmentId, capabilityId: 'M1.1', participantId: participants[0]!.id, currentLevel: 3 });

  await app.goto(`${server.url}#/e/${engagementId}/assessments`);
  const engagement = new EngagementPage(app);
  await expect(engagement.assessmentRow('2026 Q4')).toContainText('2 / 72 scored');

  await app.getByRole('button', { name: 'Rename 2026 Q4' }).click();
  const rename = app.getByRole('dialog', { name: 'Rename assessment' });
  await rename.getByLabel('Label').fill('2026 Q4 workshop');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toBeHidden();
  await expect(engagement.assessmentRow('2026 Q4 workshop')).toBeVisible();

  await app.getByRole('button', { name: 'New assessment', exact: true }).click();
  const create = app.getByRole('dialog', { name: 'New assessment' });
  await create.getByLabel('Label').fill('Pilot');
  await create.getByRole('button', { name: 'Create assessment' }).click();
  await expect(app.locator('#ws-title')).toContainText('Pilot');
  await expect(app.locator('#cap-title')).toContainText('M1.1');

  await app.goto(`${server.url}#/e/${engagementId}/assessments`);
  await app.getByRole('button', { name: 'Delete 2026 Q4 workshop' }).click();
  const remove = app.getByRole('dialog', { name: 'Delete assessment?' });
  await expect(remove).toContainText('2 scores and 1 vote');
  await expect(remove).toContainText('A backup of the engagement is taken first');
  await remove.getByRole('button', { name: 'Delete assessment' }).click();
  await expect(remove).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: '2026 Q4 workshop deleted' })).toContainText('Backups screen');
  await expect(app.getByRole('table', { name: 'Assessments' }).getByRole('row')).toHaveCount(2);
  await expect(engagement.assessmentRow('Pilot')).toContainText('0 / 72 scored');
  await app.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(app.getByRole('table', { name: 'Backups' })).toContainText('Before an assessment was deleted');
});
