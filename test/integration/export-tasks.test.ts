/**
 * How exports run: in a worker thread, with progress events by section or sheet, cancellable, while the
 * engine keeps answering; where the files go, and browser mode's download of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { isRunning } from '../../electron/core/export/tasks';
import { openEvents, startHarness, tempDir, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
let assessmentId: string;
const exportsDir = () => join(h.dataDir, 'exports');

beforeAll(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Contoso Retail' })).id;
  assessmentId = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20' })).id;
  await h.call('assessment.rate', { engagementId, assessmentId, capabilityId: 'M1.1', currentLevel: 2, targetLevel: 4 });
  // A large evidence register (3,000 items linked to the assessment, 250 appendix slides) keeps the worker
  // busy long enough to watch it and cancel it. Written straight into the file: setup, not under test.
  const db = (await h.engine.files.get(engagementId)).connection();
  const insert = db.prepare(`INSERT INTO evidence (id, title, kind, source, sensitivity, description, created_at, updated_at) VALUES (?, ?, 'document', 'Workshop', 'internal', '', '2026-11-20', '2026-11-20')`);
  const link = db.prepare('INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const id = `bulk${String(i).padStart(12, '0')}`;
      insert.run(id, `Evidence item ${i}`);
      link.run(id, assessmentId, `M${(i % 9) + 1}.${(i % 8) + 1}`, '2026-11-20');
    }
  })();
}, 60_000);
afterAll(async () => {
  await h.stop();
});

describe('a running export', () => {
  it('reports its progress section by section, ending with the written file', async () => {
    const events = await openEvents(h);
    const taskId = 'deck-progress-1';
    const result = await h.call('export.deck', { engagementId, assessmentId, sections: ['title', 'summary', 'radar', 'evidence'], taskId });
    const mine = await events.next((all) => all.some((e) => e.type === 'progress' && e.task === taskId && e.done === e.total));
    events.close();
    const progress = mine.filter((e): e is Extract<EngineEvent, { type: 'progress' }> => e.type === 'progress' && e.task === taskId);
    expect(progress.map((e) => [e.done, e.total, e.label])).toEqual([
      [1, 5, 'Title'],
      [2, 5, 'Executive summary'],
      [3, 5, 'Radar of the modules'],
      [4, 5, 'Evidence register'],
      [5, 5, 'Written'],
    ]);
    expect(progress.every((e) => e.engagementId === engagementId)).toBe(true);
    expect(result.taskId).toBe(taskId);
    expect(existsSync(result.path)).toBe(true);
  }, 60_000);

  it('leaves the engine answering while the worker draws', async () => {
    const taskId = 'deck-busy-1';
    const exporting = h.call('export.deck', { engagementId, assessmentId, taskId });
    await until(() => isRunning(taskId));
    const engagement = await h.call('engagement.get', { engagementId });
    const stillRunning = isRunning(taskId);
    expect(engagement.client).toBe('Contoso Retail');
    expect(stillRunning).toBe(true);
    await exporting;
  }, 60_000);

  it('stops on cancel, removes what it had written and says so', async () => {
    const before = readdirSync(exportsDir());
    const events = await openEvents(h);
    const taskId = 'deck-cancel-1';
    const exporting = h.raw('export.deck', { engagementId, assessmentId, taskId });
    await events.next((all) => all.some((e) => e.type === 'progress' && e.task === taskId));
    events.close();
    expect(await h.call('export.cancel', { taskId })).toEqual({ cancelled: true });
    const { status, body } = await exporting;
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'cancelled', message: 'The export was cancelled; nothing was written.' });
    expect(readdirSync(exportsDir())).toEqual(before);
    expect(await h.call('export.cancel', { taskId })).toEqual({ cancelled: false });
    // The worker pool recovers: the next export runs.
    const next = await h.call('export.workbook', { engagementId, assessmentId });
    expect(existsSync(next.path)).toBe(true);
  }, 60_000);
});

describe('where files go', () => {
  it('gives each export in the exports folder its own readable name', async () => {
    const a = await h.call('export.workbook', { engagementId, assessmentId, taskId: 'names-1' });
    const b = await h.call('export.workbook', { engagementId, assessmentId, taskId: 'names-2' });
    expect(a.fileName).toMatch(/^Contoso Retail - 2026 Q4 - Maturity workbook - 2026-11-25( \(\d+\))?\.xlsx$/);
    expect(b.fileName).not.toBe(a.fileName);
    expect(b.fileName).toMatch(/ \(\d+\)\.xlsx$/);
  });

  it('writes to a path it is given, adding the extension, and refuses a relative path or a missing folder', async () => {
    const dir = tempDir('mw-export-to-');
    const r = await h.call('export.workbook', { engagementId, assessmentId, path: join(dir, 'for the board') });
    expect(r.path).toBe(join(dir, 'for the board.xlsx'));
    expect(r.download).toBeNull();
    const relative = await h.fail('export.workbook', { engagementId, assessmentId, path: 'board.xlsx' });
    expect(relative.error.message).toBe('export.workbook: path: must be an absolute path');
    const missing = await h.fail('export.deck', { engagementId, assessmentId, path: join(dir, 'no-such-folder', 'deck.pptx') });
    expect(missing.error.message).toBe(`path: the folder ${join(dir, 'no-such-folder')} does not exist.`);
  });
});

describe('browser mode download', () => {
  it('streams a written export as an attachment, with the launch token only', async () => {
    const r = await h.call('export.workbook', { engagementId, assessmentId });
    const url = `${h.base}${r.download}`;
    const denied = await fetch(url);
    expect(denied.status).toBe(401);
    const res = await fetch(`${url}?token=${h.server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${r.fileName}"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(r.path))).toBe(true);
  });

  it('serves nothing outside the exports folder, and no file being written', async () => {
    for (const path of ['/api/download/..%2Flibrary.sqlite', '/api/download/%2E%2E/library.sqlite', '/api/download/.deck.partial', '/api/download/missing.pptx']) {
      const res = await fetch(`${h.base}${path}?token=${h.server.token}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-disposition'), path).toBeNull();
    }
  });
});

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}
