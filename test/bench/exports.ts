/**
 * The deck and the workbook of a full assessment (72 capabilities scored, five people's votes, actions
 * and an evidence register) with a 30-initiative roadmap (its Gantt, costs, chargeback, projected
 * maturity and a comparison of three scenarios; the Initiatives, Schedule, Costs and Cost rows sheets),
 * through the whole command (read the file, compute the results and the scenarios' outputs, build the
 * model, draw and write it in the worker, over HTTP), against the raw library writing the same content
 * in the same run, turn about: every call our drawer makes on pptxgenjs or exceljs is recorded once,
 * then replayed on a fresh instance and written the same way, so the floor is exactly the library's own work.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PptxGenJS from 'pptxgenjs';
import { buildDeck } from '../../shared/report/build-deck';
import { buildWorkbook } from '../../shared/report/build-workbook';
import { readReport } from '../../electron/core/export/input';
import { drawDeck } from '../../electron/core/export/pptx';
import { drawWorkbook } from '../../electron/core/export/xlsx';
import { startHarness, tempDir } from '../support/engine';
import { seedRoadmap } from '../support/export-roadmap-seed';
import { seedEngagement } from '../support/export-seed';
import { ms, row, stats, type Stats } from './stats';

type Op =
  | { kind: 'get'; target: number; prop: PropertyKey; out: number }
  | { kind: 'set'; target: number; prop: PropertyKey; value: unknown }
  | { kind: 'call'; target: number; prop: PropertyKey; args: unknown[]; out: number };

/** The calls whose result is the written file: replayed apart, as the measured write. */
const WRITES = new Set<PropertyKey>(['stream', 'write', 'writeBuffer', 'writeFile']);

/** Records every property read, assignment and method call made on `root` and on what it hands out. */
function record<T extends object>(root: T): { proxy: T; ops: Op[] } {
  const ops: Op[] = [];
  let next = 1;
  const wrap = <O extends object>(obj: O, id: number): O =>
    new Proxy(obj, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const recorded: Op = { kind: 'call', target: id, prop, args: structuredClone(args), out: 0 };
            ops.push(recorded);
            const out = (value as (...a: unknown[]) => unknown).apply(target, args);
            if (out && typeof out === 'object' && !(out instanceof Promise) && !WRITES.has(prop)) {
              recorded.out = next++;
              return wrap(out, recorded.out);
            }
            return out;
          };
        }
        if (value && typeof value === 'object') {
          const out = next++;
          ops.push({ kind: 'get', target: id, prop, out });
          return wrap(value, out);
        }
        return value;
      },
      set(target, prop, value) {
        ops.push({ kind: 'set', target: id, prop, value: structuredClone(value) });
        return Reflect.set(target, prop, value, target);
      },
    });
  return { proxy: wrap(root, 0), ops };
}

/** Replays recorded operations on a fresh root, without the final write. */
function replay(root: object, ops: readonly Op[]): void {
  const objects = new Map<number, any>([[0, root]]);
  for (const op of ops) {
    const target = objects.get(op.target);
    if (op.kind === 'get') objects.set(op.out, target[op.prop]);
    else if (op.kind === 'set') target[op.prop] = op.value;
    else if (!WRITES.has(op.prop)) {
      const out = target[op.prop](...op.args);
      if (op.out) objects.set(op.out, out);
    }
  }
}

/**
 * The command and the raw library, turn about: each round runs both (which goes first alternates), so
 * a burst of other work on the machine weighs on both alike. The raw run replays a fresh copy of the
 * recorded operations (the libraries change the objects they are given), copied before the clock
 * starts. Three rounds warm up first.
 */
async function rounds(
  command: () => Promise<{ ms: number; path: string }>,
  ops: readonly Op[],
  raw: (ops: Op[]) => Promise<void>,
  n = 15,
  warmup = 3,
): Promise<{ raw: Stats; engine: Stats; http: Stats; ratios: number[] }> {
  const times = { raw: [] as number[], engine: [] as number[], http: [] as number[], ratios: [] as number[] };
  for (let i = 0; i < warmup + n; i++) {
    let rawMs = 0;
    const runRaw = async () => {
      const copy = structuredClone(ops) as Op[];
      const t = performance.now();
      await raw(copy);
      rawMs = performance.now() - t;
    };
    if (i % 2) await runRaw();
    const t = performance.now();
    const r = await command();
    const httpMs = performance.now() - t;
    rmSync(r.path);
    if (i % 2 === 0) await runRaw();
    if (i < warmup) continue;
    times.raw.push(rawMs);
    times.engine.push(r.ms);
    times.http.push(httpMs);
    times.ratios.push(r.ms / rawMs);
  }
  return { raw: stats(times.raw), engine: stats(times.engine), http: stats(times.http), ratios: times.ratios };
}

function ratioLine(label: string, ours: Stats, raw: Stats, ratios: number[], budget: string): string {
  return `${label.padEnd(52)} ratio p50 ${(ours.p50 / raw.p50).toFixed(2)}x (round by round, median ${stats(ratios).p50.toFixed(2)}x; target <= 1.3x); ${budget}`;
}

export async function exportsBench(): Promise<void> {
  console.log('\n## Exports: deck and workbook of a full 72-capability assessment with a 30-initiative roadmap (worker thread, real files)');
  const dir = tempDir('mw-bench-');
  const h = await startHarness(join(dir, 'data'), () => new Date('2026-11-25T09:00:00Z'));
  const s = await seedEngagement(h);
  const roadmap = await seedRoadmap(h, s, { initiatives: 30, timeLimitMs: 10_000 });
  const scenarios = { scenarioId: roadmap.base, compareScenarioIds: [roadmap.lean, roadmap.manual] };
  const deckRef = { engagementId: s.engagementId, assessmentId: s.assessmentId, ...scenarios };
  const bookRef = { engagementId: s.engagementId, assessmentId: s.assessmentId, scenarioId: roadmap.base };
  const out = join(dir, 'raw');
  mkdirSync(out, { recursive: true });

  // The same content as the command draws: the model from the same file, each library call recorded once.
  const report = readReport(await h.engine.files.get(s.engagementId), s.assessmentId, '2026-11-25', scenarios);
  const deckOps = record(new PptxGenJS());
  const deck = buildDeck(report);
  await drawDeck(deck, undefined, deckOps.proxy);
  const bookOps = record(new ExcelJS.Workbook());
  await drawWorkbook(buildWorkbook(report, { created: '2026-11-25T09:00:00.000Z' }), undefined, bookOps.proxy);
  const slides = deck.sections.reduce((n, x) => n + x.slides.length, 0);
  const planned = report.scenario!.outputs.plan.length;
  console.log(`${'(setup) engagement seeded; deck of'.padEnd(52)} ${slides} slides (${planned} of 30 initiatives planned), ${deckOps.ops.length} pptxgenjs calls; workbook ${bookOps.ops.length} exceljs calls`);

  // Ours: the whole command over HTTP, and the time the command reports itself (`ms`: from reading the
  // file to the file written), which is what the export takes without the transport.
  const decks = await rounds(
    () => h.call('export.deck', deckRef),
    deckOps.ops,
    async (ops) => {
      const pptx = new PptxGenJS();
      replay(pptx, ops);
      writeFileSync(join(out, 'raw.pptx'), (await pptx.stream({ compression: true })) as Buffer);
    },
  );
  const books = await rounds(
    () => h.call('export.workbook', bookRef),
    bookOps.ops,
    async (ops) => {
      const wb = new ExcelJS.Workbook();
      replay(wb, ops);
      writeFileSync(join(out, 'raw.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    },
  );
  console.log(row('raw pptxgenjs: the same calls, written (floor)', decks.raw));
  console.log(row('export.deck: the command (ms it reports)', decks.engine));
  console.log(row('export.deck via HTTP (round trip)', decks.http));
  console.log(ratioLine('deck', decks.engine, decks.raw, decks.ratios, `p50 ${ms(decks.engine.p50)} (target <= 1500 ms)`));
  console.log(row('raw exceljs: the same calls, written (floor)', books.raw));
  console.log(row('export.workbook: the command (ms it reports)', books.engine));
  console.log(row('export.workbook via HTTP (round trip)', books.http));
  console.log(ratioLine('workbook', books.engine, books.raw, books.ratios, `p50 ${ms(books.engine.p50)} (target <= 1000 ms)`));
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
}
