/**
 * `npm run bench`: figures, not assertions. Each section measures one thing a user waits for, next to
 * the floor it cannot beat, on real files in a temporary folder.
 */
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { startHarness, tempDir } from '../support/engine';
import { exportsBench } from './exports';
import { files, uploads } from './files';
import { resultsBench } from './results';
import { roadmapBench, roadmapEditBench } from './roadmap';
import { ms, row, sample, stats } from './stats';

/** The floor: a raw better-sqlite3 INSERT, each committed on its own with WAL and synchronous=FULL. */
async function insertFloor(dir: string) {
  const db = new Database(join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const floor = await sample(500, (i) => ins.run(`value ${i}`));
  db.close();
  return floor;
}

async function foundation(): Promise<void> {
  console.log('\n## Command round trip (HTTP transport, real engagement file, synchronous=FULL)');
  const dir = tempDir('mw-bench-');
  const floor = await insertFloor(dir);

  const h = await startHarness(join(dir, 'data'));
  const e = await h.call('engagement.create', { client: 'Bench Co' });
  const bu = await h.call('businessUnit.add', { engagementId: e.id, name: 'Unit 0' });
  const write = await sample(500, (i) => h.call('businessUnit.rename', { engagementId: e.id, businessUnitId: bu.id, name: `Unit ${i}` }));
  const read = await sample(500, () => h.call('engagement.get', { engagementId: e.id }));
  console.log(row('raw better-sqlite3 INSERT, own commit (floor)', floor));
  console.log(row('businessUnit.rename via HTTP (validate+write+audit)', write, `ratio p50 ${(write.p50 / floor.p50).toFixed(1)}x floor`));
  console.log(row('engagement.get via HTTP (read)', read));
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}

async function workshop(): Promise<void> {
  console.log('\n## Workshop: rating, search, attachments');
  const dir = tempDir('mw-bench-');
  const floor = await insertFloor(dir);

  const h = await startHarness(join(dir, 'data'));
  const e = await h.call('engagement.create', { client: 'Bench Co' });
  const a = await h.call('assessment.create', { engagementId: e.id, label: 'Bench', date: '2026-11-25' });
  const fw = await h.call('framework.get', {});
  const caps = fw.modules.flatMap((m) => m.capabilities.map((c) => c.id));
  const rate = await sample(720, (i) =>
    h.call('assessment.rate', { engagementId: e.id, assessmentId: a.id, capabilityId: caps[Math.abs(i) % caps.length]!, currentLevel: (Math.abs(i) % 5) + 1 }),
  );
  console.log(row('raw better-sqlite3 INSERT, own commit (floor)', floor));
  console.log(row('assessment.rate via HTTP (validate+write+audit+undo)', rate, `ratio p50 ${(rate.p50 / floor.p50).toFixed(1)}x floor`));

  // 50,000 evidence items written straight into the engagement file (setup, not measured).
  const db = (await h.engine.files.get(e.id)).connection();
  const vocabulary = fw.modules
    .flatMap((m) => m.capabilities.flatMap((c) => [c.statement, ...Object.values(c.levels).map((l) => l.descriptor), ...c.evidence]))
    .join(' ')
    .toLowerCase()
    .match(/[a-z]{4,}/g)!;
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]).join(' ');
  const insertEvidence = db.prepare(
    `INSERT INTO evidence (id, title, kind, source, sensitivity, description, created_at, updated_at)
     VALUES (?, ?, 'document', 'bench', 'internal', ?, '2026-11-25', '2026-11-25')`,
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 50_000; i++) insertEvidence.run(`bench${String(i).padStart(12, '0')}`, `${pick(4)} ${i}`, pick(40));
  })();
  console.log(`${'(setup) 50,000 evidence items indexed'.padEnd(52)} ${ms(performance.now() - t0)}`);
  const queries = ['kafka partition', 'reconciliation', 'lineage dashboard', 'retention legal', 'spark cluster cost', 'runbook', 'quality scorecard', 'catalog'];
  const search = await sample(400, (i) => h.call('search.query', { engagementId: e.id, query: queries[Math.abs(i) % queries.length]!, assessmentId: a.id }));
  console.log(row('search.query over 50,000 evidence items, via HTTP', search, 'target < 20 ms'));

  const tenMb = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0; i < tenMb.length; i += 4) tenMb.writeUInt32LE((i * 2654435761) >>> 0, i);
  const attach = await sample(
    8,
    (i) => {
      tenMb.writeUInt32LE(Math.abs(i) + 1, 0); // a different file each time, so nothing is deduplicated
      return h.call('evidence.add', {
        engagementId: e.id,
        title: `Export ${i}`,
        kind: 'document',
        file: { name: `export-${i}.bin`, mime: 'application/octet-stream', dataBase64: tenMb.toString('base64') },
        links: [{ assessmentId: a.id, capabilityId: 'M1.1' }],
      });
    },
    2,
  );
  console.log(row('evidence.add with a 10 MB file, via HTTP (base64 JSON)', attach));
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Keypress to the updated screen: a digit scores the capability, measured inside Chromium. */
async function keypress(): Promise<void> {
  console.log('\n## Keypress to updated screen (browser mode, Debian Chromium)');
  const dir = tempDir('mw-bench-');
  const h = await startHarness(join(dir, 'data'), undefined, 'dist/renderer');
  const e = await h.call('engagement.create', { client: 'Bench Co' });
  const a = await h.call('assessment.create', { engagementId: e.id, label: 'Bench', date: '2026-11-25' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(`${h.server.url}#/e/${e.id}/a/${a.id}/M2.1`);
  await page.locator('[role="group"][aria-label="Current level"]').waitFor();
  const samples = await page.evaluate(async (n: number) => {
    const group = () => document.querySelector('[role="group"][aria-label="Current level"]')!;
    const shows = (level: number) => group().querySelector('[aria-pressed="true"]')?.getAttribute('aria-label')?.startsWith(String(level)) ?? false;
    const dom: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < n; i++) {
      const level = (i % 5) + 1;
      const t0 = performance.now();
      const updated = new Promise<number>((resolve) => {
        const mo = new MutationObserver(() => {
          if (shows(level)) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(group(), { subtree: true, attributes: true, attributeFilter: ['aria-pressed'] });
      });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: String(level), code: `Digit${level}`, bubbles: true, cancelable: true }));
      const t1 = await updated;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t2 = performance.now();
      dom.push(t1 - t0);
      frame.push(t2 - t0);
      await new Promise((r) => setTimeout(r, 25));
    }
    return { dom, frame };
  }, 200);
  console.log(row('keypress digit -> level shown in the DOM', stats(samples.dom.slice(20)), 'target < 16.7 ms (one frame)'));
  console.log(row('keypress -> next frame painted', stats(samples.frame.slice(20)), 'target < 16.7 ms (one frame)'));
  await browser.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * After a digit key in an engagement holding 50,000 evidence items: the time until the engine's stored
 * value has been read back into the screen, and what that refresh carries over the wire.
 */
async function refresh(): Promise<void> {
  console.log('\n## Refresh after a rating, 50,000 evidence items in the engagement (browser mode, Debian Chromium)');
  const dir = tempDir('mw-bench-');
  const h = await startHarness(join(dir, 'data'), undefined, 'dist/renderer');
  const e = await h.call('engagement.create', { client: 'Bench Co' });
  const a = await h.call('assessment.create', { engagementId: e.id, label: 'Bench', date: '2026-11-25' });
  const fw = await h.call('framework.get', {});
  const caps = fw.modules.flatMap((m) => m.capabilities.map((c) => c.id));
  // Setup, not measured: 50,000 items, 2,000 of them linked to capabilities of this assessment.
  const db = (await h.engine.files.get(e.id)).connection();
  const insert = db.prepare(
    `INSERT INTO evidence (id, title, kind, source, sensitivity, description, created_at, updated_at)
     VALUES (?, ?, 'document', 'bench', 'internal', ?, '2026-11-25', '2026-11-25')`,
  );
  const link = db.prepare('INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 50_000; i++) {
      const id = `bench${String(i).padStart(12, '0')}`;
      insert.run(id, `Evidence item ${i}`, `Description of evidence item ${i}, collected during the discovery interviews.`);
      if (i % 25 === 0) link.run(id, a.id, caps[i % caps.length]!, '2026-11-25');
    }
  })();
  const size = async (command: 'assessment.get' | 'assessment.capability', input: object) => {
    const res = await fetch(`${h.base}/api/${command}`, { method: 'POST', headers: { Authorization: `Bearer ${h.server.token}` }, body: JSON.stringify(input) });
    return (await res.arrayBuffer()).byteLength;
  };
  const sliceBytes = await size('assessment.capability', { engagementId: e.id, assessmentId: a.id, capabilityId: 'M2.1' });
  const fullBytes = await size('assessment.get', { engagementId: e.id, assessmentId: a.id });
  const slice = await sample(200, () => h.call('assessment.capability', { engagementId: e.id, assessmentId: a.id, capabilityId: 'M2.1' }));
  console.log(row('assessment.capability (the refresh after a rating)', slice, `${(sliceBytes / 1024).toFixed(1)} KB (target < 20 KB)`));
  const full = await sample(40, () => h.call('assessment.get', { engagementId: e.id, assessmentId: a.id }));
  console.log(row('assessment.get (opening the assessment)', full, `${(fullBytes / 1024).toFixed(1)} KB, evidence by link only`));

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(`${h.server.url}#/e/${e.id}/a/${a.id}/M2.1`);
  await page.locator('[role="group"][aria-label="Current level"]').waitFor();
  const samples = await page.evaluate(async (n: number) => {
    const ws = () => document.querySelector('section.workspace') as HTMLElement;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const level = (i % 5) + 1;
      const before = Number(ws().dataset.synced);
      const t0 = performance.now();
      const reread = new Promise<number>((resolve) => {
        const mo = new MutationObserver(() => {
          if (Number(ws().dataset.synced) > before) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(ws(), { attributes: true, attributeFilter: ['data-synced'] });
      });
      window.dispatchEvent(new KeyboardEvent('keydown', { key: String(level), code: `Digit${level}`, bubbles: true, cancelable: true }));
      out.push((await reread) - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, 120);
  console.log(row('digit key -> stored value read back on screen', stats(samples.slice(10)), 'target p95 < 50 ms'));
  await browser.close();
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Cold start of browser mode: from launching the server process (`node dist/engine/serve.cjs`, as `npm run serve`
 * does after its build) to the home screen interactive (its engagements listed, "New engagement" there) in a
 * Chromium window with an empty cache, over a data folder of four engagements; then the same with the browser's
 * cache warm (a second window, or the projector tab).
 */
async function coldstart(): Promise<void> {
  console.log('\n## Cold start: server launch to an interactive home (browser mode, Debian Chromium)');
  const dir = tempDir('mw-bench-');
  const dataDir = join(dir, 'data');
  const launch = async () => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['dist/engine/serve.cjs', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.replace(/^Maturity Workbench at /, '')));
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    return { child, url, t0, ready: performance.now() };
  };
  const stop = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once('exit', r), child.kill('SIGTERM'))));

  // Setup, not measured: four engagements, one of them the sample with two assessments.
  const setup = await launch();
  const { origin, searchParams } = new URL(setup.url);
  const call = (command: string, input: object) =>
    fetch(`${origin}/api/${command}`, { method: 'POST', headers: { Authorization: `Bearer ${searchParams.get('token')}` }, body: JSON.stringify(input) });
  for (const client of ['Northwind Foods', 'Contoso Bank', 'Fabrikam Energy']) await call('engagement.create', { client });
  await call('engagement.createSample', {});
  const script = (await (await fetch(setup.url)).text()).match(/src="\.?\/?(assets\/[^"]+\.js)"/)?.[1];
  const raw = script ? (await (await fetch(`${origin}/${script}`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer()).byteLength : 0;
  const served = script ? await fetch(`${origin}/${script}`, { headers: { 'Accept-Encoding': 'br, gzip' } }) : null;
  const encoding = served?.headers.get('content-encoding') ?? 'none';
  const wire = Number(served?.headers.get('content-length') ?? raw);
  const caching = served?.headers.get('cache-control') ?? 'none';
  await stop(setup.child);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const interactive = async (page: import('@playwright/test').Page, url: string) => {
    await page.goto(url);
    await page.getByRole('table', { name: 'Engagements' }).getByRole('row').nth(4).waitFor();
    await page.getByRole('button', { name: 'New engagement' }).waitFor();
  };
  const total: number[] = [];
  const serverReady: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 11; i++) {
    // The window is open (and empty) before the server starts, as when the app opens its window on launch.
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    const { child, url, t0, ready } = await launch();
    await interactive(page, url);
    const done = performance.now();
    const t1 = performance.now();
    await interactive(await context.newPage(), url);
    const again = performance.now() - t1;
    await context.close();
    await stop(child);
    // The first run also warms the operating system's file cache: left out, as a second launch would be.
    if (i === 0) continue;
    total.push(done - t0);
    serverReady.push(ready - t0);
    warm.push(again);
  }
  await browser.close();
  console.log(row('server launch -> address printed', stats(serverReady)));
  console.log(row('server launch -> home interactive, empty cache', stats(total), 'target p50 < 1000 ms'));
  console.log(row('another window -> home interactive, warm cache', stats(warm)));
  console.log(`${'main script on the wire'.padEnd(52)} ${(wire / 1024).toFixed(1)} KB (${encoding}) of ${(raw / 1024).toFixed(1)} KB; Cache-Control: ${caching}`);
  rmSync(dir, { recursive: true, force: true });
}

async function roadmap(): Promise<void> {
  await roadmapBench();
  await roadmapEditBench();
}

const sections: Record<string, () => Promise<void>> = {
  foundation,
  workshop,
  keypress,
  refresh,
  files,
  upload: uploads,
  // RESULTS_BENCH_ENGAGEMENTS=20 runs it on a smaller portfolio.
  results: () => resultsBench({ engagements: Number(process.env.RESULTS_BENCH_ENGAGEMENTS ?? 200) }),
  coldstart,
  exports: exportsBench,
  roadmap,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log(`# Maturity Workbench bench (${new Date().toISOString()}, node ${process.version})`);
for (const [name, run] of Object.entries(sections)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
console.log(`\nUnits: milliseconds (${ms(1)} = one millisecond).`);
