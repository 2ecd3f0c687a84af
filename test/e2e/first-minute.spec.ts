/** The first minute of a newcomer: asked their name once, and a sample engagement that shows the whole product. */
import { EngagementPage, HomePage, WorkspacePage } from './pages';
import { expect, seriousA11yViolations, test } from './fixtures';

test('an empty home offers a sample engagement with two quarters, votes, evidence and actions, deleted like any other', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  await app.getByRole('button', { name: 'Explore a sample engagement' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Nordlys Outdoor (sample)' })).toBeVisible({ timeout: 15_000 });
  const engagement = new EngagementPage(app);
  const rows = app.getByRole('table', { name: 'Assessments' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  // The latest quarter starts from the previous one: part confirmed, the rest to confirm.
  await expect(rows.nth(1)).toContainText('to confirm');
  await expect(rows.nth(2)).toContainText('72 / 72 scored');
  await expect(app.getByRole('tab', { name: 'People (5)' })).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);

  // The previous quarter: the room voted on M2.1, there is a note behind it and an action on it.
  const previous = (await rows.nth(2).getByRole('button').first().innerText()).trim();
  await engagement.openAssessment(previous);
  const ws = new WorkspacePage(app);
  await ws.navItem('M2.1').click();
  await expect(ws.heading).toContainText('M2.1');
  await expect(ws.votes.getByRole('row')).toHaveCount(5);
  await expect(ws.evidence).toContainText('Interview: platform team on Kafka sizing');
  await ws.showTab('Actions');
  await expect(app.getByRole('list', { name: 'Action items' }).getByRole('textbox', { name: 'Action' })).toHaveValue('Resize the order-events topic before peak season');

  await app.getByRole('button', { name: 'Maturity Workbench home' }).click();
  await app.getByRole('button', { name: 'Delete Nordlys Outdoor (sample)' }).click();
  await app.getByRole('dialog', { name: 'Delete engagement?' }).getByRole('button', { name: 'Delete permanently' }).click();
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
});

test('the first launch asks the consultant’s name once, and the history names them', async ({ app, server }) => {
  const welcome = app.getByRole('region', { name: 'Welcome. What is your name?' });
  await expect(welcome).toBeVisible();
  expect(await seriousA11yViolations(app)).toEqual([]);
  await welcome.getByLabel('Your name').fill('Sam Rivera');
  await welcome.getByRole('button', { name: 'Save my name' }).click();
  await expect(welcome).toBeHidden();

  // Asked once: not after a restart.
  await app.goto(await server.restart());
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  await expect(welcome).toHaveCount(0);

  await new HomePage(app).createEngagement({ client: 'Contoso Bank' });
  const engagement = new EngagementPage(app);
  await engagement.createAssessment('2026 Q4', '2026-11-20');
  await engagement.openAssessment('2026 Q4');
  const ws = new WorkspacePage(app);
  await ws.keys('3');
  await ws.settled();
  await ws.showTab('History');
  await expect(app.getByRole('list', { name: 'History of M1.1' })).toContainText('Sam Rivera');
});

test('the name prompt can be skipped, and stays skipped', async ({ app, server }) => {
  const welcome = app.getByRole('region', { name: 'Welcome. What is your name?' });
  await welcome.getByRole('button', { name: 'Not now' }).click();
  await expect(welcome).toHaveCount(0);
  await app.goto(await server.restart());
  await expect(app.getByRole('heading', { name: 'No engagements yet' })).toBeVisible();
  await expect(welcome).toHaveCount(0);
});
