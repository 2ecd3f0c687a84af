/**
 * Runs the optimal scheduler off the engine's thread: one long-lived worker (HiGHS is loaded and
 * warmed up once), solves one at a time in the order asked. The worker's file is the built
 * solve-worker.cjs beside the engine bundle (dist/engine, dist/electron); from sources (the tests) the
 * one in dist/engine, which `npm run test:integration` builds first. If neither exists the solve runs
 * on the calling thread, which then blocks for up to the time limit.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { prepareProblem } from '../../../shared/roadmap/problem';
import type { RoadmapInput } from '../../../shared/roadmap/types';
import { solveSchedule, type SolveResult } from './solve';
import type { SolveRequest } from './solve-worker';

/** Beyond the time limit, how long the worker may take to answer before it is stopped. */
const GRACE_MS = 20_000;

export function workerFile(): string | null {
  const candidates =
    typeof __dirname === 'string'
      ? [join(__dirname, 'solve-worker.cjs'), resolve(__dirname, '../../../dist/engine/solve-worker.cjs')]
      : // an ES module bundle (the bench) runs from the repository
        [resolve(process.cwd(), 'dist/engine/solve-worker.cjs')];
  return candidates.find((f) => existsSync(f)) ?? null;
}

type Pending = { resolve: (r: SolveResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let seq = 0;
let queue: Promise<unknown> = Promise.resolve();

function failAll(err: Error): void {
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(err);
    pending.delete(id);
  }
}

function ensureWorker(file: string): Worker {
  if (worker) return worker;
  const w = new Worker(file);
  w.on('message', (msg: { id: number; ok: boolean; result?: SolveResult; message?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result!);
    else p.reject(new Error(msg.message ?? 'the solver failed'));
  });
  w.on('error', (err) => {
    worker = null;
    failAll(err);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new Error('the solver stopped unexpectedly'));
  });
  // after the listeners, which would otherwise hold it: an idle solver does not keep the process alive
  w.unref();
  worker = w;
  return w;
}

function solveInWorker(file: string, input: RoadmapInput, timeLimitMs: number, relGap?: number): Promise<SolveResult> {
  const w = ensureWorker(file);
  const id = ++seq;
  return new Promise<SolveResult>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`the solver did not stop within ${Math.round((timeLimitMs + GRACE_MS) / 1000)} s`));
      if (worker === w) worker = null;
      void w.terminate();
    }, timeLimitMs + GRACE_MS);
    pending.set(id, { resolve: resolvePromise, reject, timer });
    const req: SolveRequest = { id, input, timeLimitMs, ...(relGap !== undefined ? { relGap } : {}) };
    w.postMessage(req);
  });
}

/** Solves the schedule for a (validated) planning input, one solve at a time. */
export function solveOffThread(input: RoadmapInput, timeLimitMs: number, relGap?: number): Promise<SolveResult> {
  const file = workerFile();
  const run = () =>
    file ? solveInWorker(file, input, timeLimitMs, relGap) : solveSchedule(prepareProblem(input), { timeLimitMs, ...(relGap !== undefined ? { relGap } : {}) });
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
