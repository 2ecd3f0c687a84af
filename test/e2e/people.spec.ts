/** People and units: nothing lost by one click, and two people who look alike are told apart. */
import { EngagementPage, EngineApi, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

test('a participant who leaves keeps their votes: removal asks first, names what is kept, and is undone', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId, assessmentId, participants } = await api.seed(['Ana Costa', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Eva Lund', 'Priya Shah']);
  const q3 = await api.call('assessment.create', { engagementId, label: '2026 Q3', date: '2026-08-20' });
  // M2.1 in 2026 Q4: 1, 2, 2, 3, 4 and Priya's 5; sorted, the middle two are 2 and 3, so the median is 2.5.
  for (const [i, p] of participants.entries()) {
    await api.call('vote.cast', { engagementId, assessmentId, capabilityId: 'M2.1', participantId: p.id, currentLevel: [1, 2, 2, 3, 4, 5][i] });
  }
  const priya = participants[5]!;
  for (const c of ['M1.1', 'M1.2']) await api.call('vote.cast', { engagementId, assessmentId: q3.id, capabilityId: c, participantId: priya.id, currentLevel: 3 });

  await app.goto(`${server.url}#/e/${engagementId}/people`);
  const engagement = new EngagementPage(app);
  // Cancel keeps her.
  let confirm = await engagement.askToRemove('Priya Shah');
  await expect(confirm).toContainText('Priya Shah has 3 votes in 2 assessments (2026 Q3: 2, 2026 Q4: 1); they are kept and still count.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(engagement.participants()).toContainText('Priya Shah');

  confirm = await engagement.askToRemove('Priya Shah');
  await expect(confirm).toContainText('left out of new vote rounds');
  expect(await seriousA11yViolations(app)).toEqual([]);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(engagement.participants()).not.toContainText('Priya Shah');
  await expect(engagement.formerParticipants()).toContainText('Priya Shah');
  await expect(engagement.undoBar).toContainText('Priya Shah is now a former participant');

  // Her vote still counts: six votes, median 2.5; she is not called in a new round.
  const ws = new WorkspacePage(app);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await expect(app.locator('.stats')).toContainText('Votes6');
  await expect(app.locator('.stats')).toContainText('Median2.5');
  await expect(ws.votes.getByRole('row')).toHaveCount(5);
  await expect(ws.votes).not.toContainText('Priya Shah');

  // Undo on the People tab brings her back into the room.
  await app.goto(`${server.url}#/e/${engagementId}/people`);
  await app.getByRole('button', { name: 'Restore Priya Shah' }).click();
  await expect(engagement.participants()).toContainText('Priya Shah');
  await expect(engagement.formerParticipants()).toHaveCount(0);
  await ws.open(server.url, engagementId, assessmentId, 'M2.1');
  await expect(ws.votes.getByRole('row')).toHaveCount(6);
});

test('removing a business unit asks first, naming its people, and Undo puts them back in it', async ({ app }) => {
  const engagement = new EngagementPage(app);
  await app.getByRole('button', { name: 'Create your first engagement' }).click();
  const dialog = app.getByRole('dialog', { name: 'New engagement' });
  await dialog.getByLabel('Client name').fill('Contoso Bank');
  await dialog.getByRole('button', { name: 'Create engagement' }).click();
  await engagement.addBusinessUnit('Finance');
  await engagement.addParticipant('Ingrid Berg', 'CFO', 'Finance');
  await engagement.addParticipant('Tomas Lind', 'Controller', 'Finance');

  await app.getByRole('button', { name: 'Remove Finance' }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove business unit Finance?' });
  await expect(confirm).toContainText('Ingrid Berg, Tomas Lind are in this unit and will have none.');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  const row = (name: string) => engagement.participants().getByRole('row', { name: new RegExp(name) });
  await expect(row('Ingrid Berg')).not.toContainText('Finance');
  await expect(app.getByRole('list', { name: 'Business units' })).not.toContainText('Finance');

  await engagement.undoBar.getByRole('button', { name: 'Undo' }).click();
  await expect(row('Ingrid Berg')).toContainText('Finance');
  await expect(row('Tomas Lind')).toContainText('Finance');
  await expect(app.getByRole('list', { name: 'Business units' })).toContainText('Finance');
});

test('a second participant with the same name or initials is warned about, not refused', async ({ app, server }) => {
  const api = new EngineApi(server.url);
  const { engagementId } = await api.seed(['Tom Becker']);
  await app.goto(`${server.url}#/e/${engagementId}/people`);
  const name = app.getByLabel('Name', { exact: true });
  await name.fill('tom  becker');
  await expect(app.getByText(/There is already a Tom Becker/)).toBeVisible();
  await app.getByRole('button', { name: 'Add anyway' }).click();
  await expect(new EngagementPage(app).participants().getByRole('row')).toHaveCount(3);

  await name.fill('Tina Brandt');
  await expect(app.getByText(/becker has the same initials, TB/i)).toBeVisible();
  await name.fill('Ana Costa');
  await expect(app.getByText(/same initials|There is already/)).toHaveCount(0);
});
