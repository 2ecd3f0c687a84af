/**
 * Two writers to the same rating: another process (a second window's engine, or browser mode beside
 * the desktop app) changes one field while this engine changes another. Neither overwrites the other,
 * because each reads the row inside its own write transaction.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/engine';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

/** Holds the write lock of `file` with an uncommitted change to the rationale, then commits after `holdMs`. */
function otherWriter(file: string, assessmentId: string, holdMs: number) {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 5000 });
    db.prepare('BEGIN IMMEDIATE').run();
    db.prepare("UPDATE rating SET rationale = 'Set in the other window' WHERE assessment_id = ? AND capability_id = 'M2.1'").run(process.argv[2]);
    console.log('holding');
    setTimeout(() => { db.prepare('COMMIT').run(); db.close(); console.log('committed'); }, Number(process.argv[3]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, assessmentId, String(holdMs)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const seen = (text: string) => new Promise<void>((resolve) => lines.on('line', (l) => l === text && resolve()));
  return { holding: seen('holding'), committed: seen('committed'), exited: new Promise((r) => child.once('exit', r)) };
}

it('keeps a field another process changed while this engine was changing another field of the same rating', async () => {
  const e = await h.call('engagement.create', { client: 'Interleaved' });
  const a = await h.call('assessment.create', { engagementId: e.id, label: 'Q1', date: '2026-11-20' });
  const ref = { engagementId: e.id, assessmentId: a.id, capabilityId: 'M2.1' };
  await h.call('assessment.rate', { ...ref, currentLevel: 2 });
  const dir = join(h.dataDir, 'engagements');
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.mwb'))!);

  const other = otherWriter(file, a.id, 300);
  await other.holding;
  // The other process holds the write lock with its change not yet committed; this write waits for it.
  const rated = await h.call('assessment.rate', { ...ref, targetLevel: 4 });
  await other.committed;
  await other.exited;

  expect(rated).toMatchObject({ currentLevel: 2, targetLevel: 4, rationale: 'Set in the other window' });
  const stored = await h.call('assessment.get', { engagementId: e.id, assessmentId: a.id });
  expect(stored.ratings['M2.1']).toMatchObject({ currentLevel: 2, targetLevel: 4, rationale: 'Set in the other window' });
});
