/**
 * The crash test: browser mode is killed with SIGKILL in the middle of a burst of writes from six clients,
 * again and again; after every restart each acknowledged write is there, every file passes integrity_check,
 * no file is half-created, damaged or duplicated. 30 cycles here; `node scripts/crash-test.mjs 200` runs more.
 */
import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/engine';
import { serve, type ServeProcess } from '../support/serve';
import { seededRandom } from '../support/random';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 30);
const CLIENTS = 6;
const SEED = Number(process.env.CRASH_SEED ?? 20261120);


interface Ledger {
  engagementId: string;
  assessmentId: string;
  engagements: Set<string>;
  units: Set<string>;
  people: Set<string>;
  evidence: Set<string>;
  actions: Set<string>;
  /** Per capability: the rationale last acknowledged, and the one sent after it whose answer never came. */
  ratings: Map<string, { acked: string | null; inFlight: string | null }>;
  acked: number;
}

let server: ServeProcess | null = null;
afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
});

async function post(s: ServeProcess, command: string, input: unknown): Promise<{ status: number; body: any }> {
  return s.call(command, input);
}

/** One client: writes of one kind after another until the server stops answering. */
async function client(s: ServeProcess, n: number, cycle: number, ledger: Ledger, caps: string[], stop: { killed: boolean; inFlight: number }): Promise<void> {
  const e = ledger.engagementId;
  const a = ledger.assessmentId;
  for (let seq = 0; !stop.killed; seq++) {
    const tag = `c${cycle}-${n}-${seq}`;
    let command: string;
    let input: unknown;
    let record: () => void;
    let rating: { cap: string; slot: { acked: string | null; inFlight: string | null } } | null = null;
    switch (n) {
      case 0:
      case 1: {
        // Each rating client owns its own capabilities, so "the last acknowledged" is well defined.
        const mine = caps.filter((_, i) => i % 2 === n);
        const cap = mine[seq % mine.length]!;
        const slot = ledger.ratings.get(cap) ?? { acked: null, inFlight: null };
        ledger.ratings.set(cap, slot);
        slot.inFlight = tag;
        rating = { cap, slot };
        command = 'assessment.rate';
        input = { engagementId: e, assessmentId: a, capabilityId: cap, currentLevel: (seq % 5) + 1, rationale: tag };
        record = () => {
          slot.acked = tag;
          slot.inFlight = null;
        };
        break;
      }
      case 2:
        command = 'businessUnit.add';
        input = { engagementId: e, name: `Unit ${tag}` };
        record = () => ledger.units.add(`Unit ${tag}`);
        break;
      case 3:
        command = seq % 2 ? 'participant.add' : 'action.add';
        input = seq % 2 ? { engagementId: e, name: `Person ${tag}` } : { engagementId: e, assessmentId: a, capabilityId: caps[seq % caps.length], text: `Action ${tag}` };
        record = () => (seq % 2 ? ledger.people.add(`Person ${tag}`) : ledger.actions.add(`Action ${tag}`));
        break;
      case 4:
        command = 'evidence.add';
        input = { engagementId: e, title: `Evidence ${tag}`, kind: 'document', file: { name: `${tag}.txt`, mime: 'text/plain', dataBase64: Buffer.from(`Notes ${tag} `.repeat(40)).toString('base64') } };
        record = () => ledger.evidence.add(`Evidence ${tag}`);
        break;
      default:
        command = 'engagement.create';
        input = { client: `Client ${tag}` };
        record = () => undefined;
    }
    let res: { status: number; body: any };
    stop.inFlight++;
    try {
      res = await post(s, command, input);
    } catch {
      return; // killed: this write's answer never came
    } finally {
      stop.inFlight--;
    }
    expect(res.status, `${command}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    record();
    if (command === 'engagement.create') ledger.engagements.add(res.body.result.id);
    if (rating && rating.slot.inFlight === tag) rating.slot.inFlight = null;
    ledger.acked++;
  }
}

async function verify(s: ServeProcess, dataDir: string, ledger: Ledger, cycle: number): Promise<void> {
  const where = `after kill ${cycle}`;
  const list = (await post(s, 'engagement.list', {})).body.result as { id: string }[];
  const ids = new Set(list.map((x) => x.id));
  for (const id of [ledger.engagementId, ...ledger.engagements]) expect(ids.has(id), `${where}: engagement ${id}`).toBe(true);

  const engagement = (await post(s, 'engagement.get', { engagementId: ledger.engagementId })).body.result;
  const units = new Set(engagement.businessUnits.map((u: { name: string }) => u.name));
  const people = new Set(engagement.participants.map((p: { name: string }) => p.name));
  for (const u of ledger.units) expect(units.has(u), `${where}: ${u}`).toBe(true);
  for (const p of ledger.people) expect(people.has(p), `${where}: ${p}`).toBe(true);

  const detail = (await post(s, 'assessment.get', { engagementId: ledger.engagementId, assessmentId: ledger.assessmentId })).body.result;
  for (const [cap, slot] of ledger.ratings) {
    const stored = detail.ratings[cap]?.rationale ?? null;
    // The last acknowledged rationale, or the one sent after it (committed, its answer lost with the process).
    expect([slot.acked, ...(slot.inFlight ? [slot.inFlight] : [])], `${where}: rating ${cap}`).toContain(stored);
    slot.acked = stored;
    slot.inFlight = null;
  }
  const actions = new Set(detail.actions.map((x: { text: string }) => x.text));
  for (const t of ledger.actions) expect(actions.has(t), `${where}: ${t}`).toBe(true);

  const titles = new Set<string>();
  for (let offset = 0; ; offset += 200) {
    const page = (await post(s, 'evidence.list', { engagementId: ledger.engagementId, offset, limit: 200 })).body.result;
    for (const item of page.items) titles.add(item.title);
    if (offset + 200 >= page.total) break;
  }
  for (const t of ledger.evidence) expect(titles.has(t), `${where}: ${t}`).toBe(true);

  const health = (await post(s, 'engagement.health', {})).body.result;
  expect(health, where).toMatchObject({ damaged: [], duplicates: [], halfCreated: [], libraryRebuilt: null });
  expect((await post(s, 'engagement.unreadable', {})).body.result, where).toEqual([]);

  const files = readdirSync(join(dataDir, 'engagements')).filter((f) => f.endsWith('.mwb'));
  expect(files.length, where).toBe(ids.size);
  for (const file of [...files.map((f) => join(dataDir, 'engagements', f)), join(dataDir, 'library.sqlite')]) {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true }), `${where}: ${file}`).toBe('ok');
    } finally {
      db.close();
    }
  }
}

describe('kill -9 during bursts of writes', () => {
  it(`loses no acknowledged write over ${CYCLES} kills`, { timeout: 60_000 + CYCLES * 8_000 }, async () => {
    const dataDir = tempDir('mw-crash-');
    const random = seededRandom(SEED);
    server = await serve(dataDir);
    const e = (await post(server, 'engagement.create', { client: 'Crash Co' })).body.result;
    const a = (await post(server, 'assessment.create', { engagementId: e.id, label: 'Crash', date: '2026-11-20' })).body.result;
    const caps = (await post(server, 'framework.get', {})).body.result.modules.flatMap((m: { capabilities: { id: string }[] }) => m.capabilities.map((c) => c.id)).slice(0, 24);
    const ledger: Ledger = { engagementId: e.id, assessmentId: a.id, engagements: new Set(), units: new Set(), people: new Set(), evidence: new Set(), actions: new Set(), ratings: new Map(), acked: 0 };

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const stop = { killed: false, inFlight: 0 };
      const running = server;
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(running, n, cycle, ledger, caps, stop));
      await new Promise((r) => setTimeout(r, 60 + Math.floor(random() * 240)));
      stop.killed = true;
      // Killed in the middle of a burst: writes are on their way.
      expect(stop.inFlight, `cycle ${cycle}: writes in flight at the kill`).toBeGreaterThan(0);
      running.child.kill('SIGKILL');
      await new Promise((r) => (running.child.exitCode !== null || running.child.signalCode !== null ? r(null) : running.child.once('exit', r)));
      await Promise.all(clients);
      const t0 = Date.now();
      const before = ledger.acked;
      server = await serve(dataDir);
      const t1 = Date.now();
      await verify(server, dataDir, ledger, cycle);
      if (process.env.CRASH_DEBUG) console.log(`cycle ${cycle}: start ${t1 - t0} ms, verify ${Date.now() - t1} ms, acked so far ${before}`);
    }
    console.log(`crash test: ${CYCLES} kills, ${ledger.acked} acknowledged writes, all present, every file ok`);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
