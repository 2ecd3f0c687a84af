/** Page objects: what a user sees and does on each screen. */
import { expect, type Locator, type Page } from '@playwright/test';

export class HomePage {
  constructor(readonly page: Page) {}

  async createEngagement(d: { client: string; industry?: string; region?: string; currency?: string; fyStart?: string }) {
    await this.page.getByRole('button', { name: /New engagement|Create your first engagement/ }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New engagement' });
    await dialog.getByLabel('Client name').fill(d.client);
    if (d.industry) await dialog.getByLabel('Industry').fill(d.industry);
    if (d.region) await dialog.getByLabel('Region').fill(d.region);
    if (d.currency) await dialog.getByLabel('Currency').fill(d.currency);
    if (d.fyStart) await dialog.getByLabel('Fiscal year starts in').selectOption({ label: d.fyStart });
    await dialog.getByRole('button', { name: 'Create engagement' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: d.client })).toBeVisible();
  }

  row(client: string) {
    return this.page.getByRole('row').filter({ hasText: client });
  }
}

export class EngagementPage {
  constructor(readonly page: Page) {}

  async tab(name: RegExp) {
    await this.page.getByRole('tab', { name }).click();
  }

  async addBusinessUnit(name: string) {
    await this.tab(/People/);
    await this.page.getByLabel('Business unit name').fill(name);
    await this.page.getByRole('button', { name: 'Add unit' }).click();
    await expect(this.page.getByRole('list', { name: 'Business units' }).getByText(name)).toBeVisible();
  }

  async addParticipant(name: string, role: string, unit?: string) {
    await this.tab(/People/);
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByLabel('Role').fill(role);
    if (unit) await this.page.getByRole('combobox', { name: 'Business unit' }).selectOption({ label: unit });
    await this.page.getByRole('button', { name: 'Add participant' }).click();
    await expect(this.page.getByRole('table', { name: 'Participants' }).getByRole('cell', { name, exact: true })).toBeVisible();
  }

  /** Creates an assessment (which opens its workspace) and comes back to the engagement's assessments. */
  async createAssessment(label: string, date: string) {
    await this.tab(/Assessments/);
    await this.page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New assessment' });
    await dialog.getByLabel('Label').fill(label);
    await dialog.getByLabel('Date').fill(date);
    await dialog.getByRole('button', { name: 'Create assessment' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.locator('#ws-title')).toContainText(label);
    await this.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button').nth(1).click();
    await expect(this.page.getByRole('tab', { name: /Assessments/ })).toHaveAttribute('aria-selected', 'true');
  }

  /** Opens an assessment's workspace from the engagement (or stays in it when it is already open). */
  async openAssessment(label: string) {
    const title = this.page.locator('#ws-title');
    await expect(title.or(this.page.getByRole('tab', { name: /Assessments/ }))).toBeVisible();
    if (!((await title.count()) && (await title.innerText()).startsWith(label))) {
      await this.tab(/Assessments/);
      await this.page.getByRole('table', { name: 'Assessments' }).getByRole('button', { name: label, exact: true }).click();
    }
    await expect(this.page.locator('#cap-title')).toBeVisible();
  }

  participants() {
    return this.page.getByRole('table', { name: 'Participants', exact: true });
  }

  formerParticipants() {
    return this.page.getByRole('table', { name: 'Former participants' });
  }

  /** Asks to remove a participant; answers the confirmation dialog, which says what is affected. */
  async askToRemove(name: string) {
    await this.tab(/People/);
    await this.page.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    return this.page.getByRole('dialog', { name: `Remove ${name}?` });
  }

  /** The notice after a removal, with its Undo. */
  get undoBar() {
    return this.page.locator('.undo-bar');
  }

  assessmentRow(label: string) {
    return this.page.getByRole('table', { name: 'Assessments' }).getByRole('row').filter({ has: this.page.getByRole('button', { name: label, exact: true }) });
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  }

  async choose(label: 'Dates' | 'Colour scheme' | 'Projector colour scheme', option: string | RegExp) {
    const select = this.page.getByLabel(new RegExp(`^${label}`));
    const value = await select.locator('option').filter({ hasText: option }).first().getAttribute('value');
    await select.selectOption(value ?? '');
  }

  /** Saves and waits for the engine's answer (an earlier "Settings saved" may still be on screen). */
  async save() {
    const answered = this.page.waitForResponse((r) => r.url().includes('/api/settings.update'));
    await this.page.getByRole('button', { name: 'Save settings' }).click();
    expect((await answered).ok()).toBe(true);
    await expect(this.page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  }
}

/** The engine's HTTP API, for seeding a test quickly (what a user types is tested elsewhere). */
export class EngineApi {
  constructor(readonly url: string) {}

  async call<T = any>(command: string, input: Record<string, unknown> = {}): Promise<T> {
    const { origin, searchParams } = new URL(this.url);
    const res = await fetch(`${origin}/api/${command}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${searchParams.get('token')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${command}: ${body.error?.message}`);
    return body.result;
  }

  /** An engagement with participants and one assessment of every module. */
  async seed(people = ['Ingrid Berg', 'Tomas Lind', 'Aisha Karim']) {
    const engagement = await this.call('engagement.create', { client: 'Northwind Foods', industry: 'Food retail' });
    const participants: { id: string; name: string }[] = [];
    for (const name of people) participants.push(await this.call('participant.add', { engagementId: engagement.id, name }));
    const assessment = await this.call('assessment.create', { engagementId: engagement.id, label: '2026 Q4', date: '2026-11-20' });
    return { engagementId: engagement.id as string, assessmentId: assessment.id as string, participants };
  }
}

export class WorkspacePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, engagementId: string, assessmentId: string, capabilityId = '') {
    await this.page.goto(`${baseUrl}#/e/${engagementId}/a/${assessmentId}${capabilityId ? `/${capabilityId}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  get nav() {
    return this.page.getByRole('navigation', { name: 'Capabilities' });
  }

  get heading() {
    return this.page.locator('#cap-title');
  }

  get progress() {
    return this.page.getByRole('progressbar', { name: 'Capabilities scored' });
  }

  navItem(capabilityId: string) {
    return this.nav.getByRole('button', { name: new RegExp(`^${capabilityId.replace('.', '\\.')} `) });
  }

  level(kind: 'Current' | 'Target', level: number) {
    return this.page.getByRole('group', { name: `${kind} level` }).getByRole('button', { name: new RegExp(`^${level} `) });
  }

  pressedLevel(kind: 'Current' | 'Target') {
    return this.page.getByRole('group', { name: `${kind} level` }).locator('[aria-pressed="true"]');
  }

  get votes() {
    return this.page.getByRole('table', { name: 'Votes by participant' });
  }

  /** Shows one of the tabs below the capability: pass criteria, actions, history, guiding questions. */
  async showTab(name: 'Actions' | 'History' | 'Pass criteria' | 'Guiding questions') {
    await this.page.getByRole('tablist', { name: /^More about/ }).getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The evidence linked to the capability on screen. */
  get evidence() {
    return this.page.getByRole('list', { name: 'Linked evidence' });
  }

  filter(name: RegExp) {
    return this.page.getByRole('group', { name: 'Filter capabilities' }).getByRole('button', { name });
  }

  voteOf(participant: string) {
    return this.page.getByRole('group', { name: `Vote of ${participant}` }).locator('[aria-pressed="true"]');
  }

  /** Presses keys one after another, as a facilitator would. */
  async keys(...keys: string[]) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Waits until every edit has been answered by the engine and the screen shows what is stored. */
  async settled() {
    await expect(this.page.locator('[data-pending="0"]')).toHaveCount(1);
  }
}

export class ProjectorPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  score(name: 'Votes' | 'Median' | 'Agreed' | 'Target') {
    return this.page.locator('.pj-scores div').filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole('definition');
  }
}

/** Six people in the room, in the order the engagement lists them (by name). */
export const ROOM = ['Aino Virtanen', 'Ben Okafor', 'Carla Diaz', 'Dmitri Ivanov', 'Elif Yilmaz', 'Priya Natarajan'];

/**
 * A workshop in full swing on M2.1: six people voted (2, 3, 3, 4, 2, 3: median 3; targets 4), an agreed score with a
 * rationale, an action item, three evidence items, and a running session showing M2.1.
 */
export async function seedRoom(api: EngineApi, options: { people?: string[]; session?: boolean; blind?: boolean } = {}) {
  const { engagementId, assessmentId, participants } = await api.seed(options.people ?? ROOM);
  const at = { engagementId, assessmentId, capabilityId: 'M2.1' };
  if (participants.length === ROOM.length) {
    for (const [i, p] of participants.entries()) await api.call('vote.cast', { ...at, participantId: p.id, currentLevel: [2, 3, 3, 4, 2, 3][i], targetLevel: 4 });
    await api.call('assessment.rate', { ...at, currentLevel: 3, targetLevel: 4, rationale: 'Replication fixed on order topics; partition counts still set by hand.' });
    await api.call('action.add', { ...at, text: 'Derive partition counts from peak throughput', owner: 'Ben Okafor' });
    for (const title of ['Kafka topic inventory', 'Broker failure drill report', 'Streaming platform runbook']) {
      await api.call('evidence.add', { engagementId, title, kind: 'document', source: 'Platform team', links: [{ assessmentId, capabilityId: 'M2.1' }] });
    }
  }
  let sessionId: string | null = null;
  if (options.session !== false) {
    const s = await api.call('workshop.start', { engagementId, assessmentId, heldOn: '2026-11-20', modules: ['M1', 'M2'], participantIds: participants.map((p) => p.id), minutes: 240, blind: !!options.blind });
    await api.call('workshop.focus', { engagementId, sessionId: s.id, capabilityId: 'M2.1' });
    sessionId = s.id;
  }
  return { engagementId, assessmentId, participants, sessionId };
}

/** The element's whole box lies inside the window, and nothing else is drawn over its middle. */
export async function expectOnScreen(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const page = locator.page();
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  const b = box!;
  expect(
    { top: Math.round(b.y), left: Math.round(b.x), bottom: Math.round(b.y + b.height), right: Math.round(b.x + b.width) },
    `${what} lies inside the ${size.width}x${size.height} window`,
  ).toEqual({
    top: Math.max(0, Math.round(b.y)),
    left: Math.max(0, Math.round(b.x)),
    bottom: Math.min(size.height, Math.round(b.y + b.height)),
    right: Math.min(size.width, Math.round(b.x + b.width)),
  });
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return !!hit && (el === hit || el.contains(hit) || hit.contains(el));
  });
  expect(onTop, `${what} is not covered by anything`).toBe(true);
}
