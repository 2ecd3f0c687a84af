/**
 * Export tasks: the main thread hands a built model to a worker thread, which draws it with pptxgenjs
 * or exceljs and writes it under a temporary name; the main thread forwards its progress as engine
 * events and renames the file into place once it is whole. The engine keeps answering meanwhile. The
 * same workers read returned surveys.
 * Cancelling terminates the worker and removes whatever the task had written.
 *
 * Workers are kept warm between exports (loading exceljs alone takes most of a second) and never keep
 * the process alive on their own.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import type { Deck } from '../../../shared/report/deck';
import type { SheetGrid } from '../../../shared/report/survey';
import type { Workbook } from '../../../shared/report/workbook';
import type { CommandContext } from '../context';

export type DrawJob = { kind: 'deck'; model: Deck; path: string } | { kind: 'workbook'; model: Workbook; path: string };

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; bytes: number }
  | { type: 'grids'; grids: SheetGrid[] | null }
  | { type: 'error'; message: string };
/** What the worker is given: a model to draw and write, or a workbook to read into grids. */
export type WorkerJob = { kind: DrawJob['kind']; model: Deck | Workbook; partial: string } | { kind: 'grids'; bytes: Uint8Array };

const MAX_WORKERS = 2;
const IDLE_MS = 5 * 60_000;

/**
 * The bundled worker: beside the running bundle (dist/engine, dist/electron), or the engine build's
 * when the engine runs from source (tests) or from another bundle (the bench).
 */
export function workerScript(): string {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const candidates = [
    process.env.MATURITY_EXPORT_WORKER,
    here && join(here, 'export-worker.cjs'),
    here && resolve(here, '../../../dist/engine/export-worker.cjs'),
    resolve(process.cwd(), 'dist/engine/export-worker.cjs'),
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new ApiError('internal', 'The export worker is missing from this build; run `npm run build` (or `node scripts/build.mjs --engine`).');
  return found;
}

class Pool {
  private idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
  private count = 0;
  private waiting: ((w: Worker) => void)[] = [];

  acquire(): Promise<Worker> {
    const slot = this.idle.pop();
    if (slot) {
      clearTimeout(slot.timer);
      return Promise.resolve(slot.worker);
    }
    if (this.count < MAX_WORKERS) {
      this.count += 1;
      // Drawing a deck allocates a great many short-lived strings (its XML); a larger young generation
      // spares the worker most of the garbage collections a default one runs into (about a fifth of the time).
      const worker = new Worker(workerScript(), { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      worker.unref();
      worker.once('exit', () => this.forget(worker));
      return Promise.resolve(worker);
    }
    return new Promise((r) => this.waiting.push(r));
  }

  release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) return next(worker);
    const timer = setTimeout(() => void worker.terminate(), IDLE_MS);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  /** A worker that exited (terminated, crashed) leaves the pool; a waiting task gets a new one. */
  private forget(worker: Worker): void {
    const i = this.idle.findIndex((s) => s.worker === worker);
    if (i >= 0) this.idle.splice(i, 1);
    this.count -= 1;
    const next = this.waiting.shift();
    if (next) void this.acquire().then(next);
  }
}

const pool = new Pool();

interface Task {
  cancelled: boolean;
  worker: Worker | null;
  /** Files written (or being written) so far: removed if the task is cancelled or fails. */
  files: Set<string>;
  /** Resolves once the task has ended and cleaned up after itself. */
  ended: Promise<void>;
}

const tasks = new Map<string, Task>();

function partialOf(path: string, taskId: string): string {
  return join(dirname(path), `.${basename(path)}.${taskId}.partial`);
}

function cancelledError(): ApiError {
  return new ApiError('cancelled', 'The export was cancelled; nothing was written.');
}

function runJob(worker: Worker, task: Task, job: DrawJob, partial: string, onProgress: (m: Extract<WorkerMessage, { type: 'progress' }>) => void): Promise<number> {
  return new Promise((resolveJob, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'progress') return onProgress(m);
      done();
      if (m.type === 'done') resolveJob(m.bytes);
      else reject(new ApiError('internal', `The ${job.kind} could not be written: ${m.type === 'error' ? m.message : 'the worker answered out of turn'}`));
    };
    const onError = (err: Error) => {
      done();
      reject(new ApiError('internal', `The ${job.kind} could not be written: ${err.message}`));
    };
    const onExit = () => {
      done();
      reject(task.cancelled ? cancelledError() : new ApiError('internal', `The export worker stopped while writing the ${job.kind}.`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    const message: WorkerJob = { kind: job.kind, model: job.model, partial };
    worker.postMessage(message);
  });
}

/**
 * Draws and writes each job's file in a worker, one after the other, as task `taskId`: progress events
 * follow the sections or sheets of a single file, or the files of several. All or nothing: if one fails
 * or the task is cancelled, every file it wrote is removed.
 */
export async function runDraw(ctx: CommandContext, taskId: string, engagementId: string, jobs: readonly DrawJob[]): Promise<{ path: string; bytes: number }[]> {
  if (tasks.has(taskId)) throw new ApiError('conflict', `An export with task id ${taskId} is already running.`, { taskId });
  let end = () => undefined as void;
  const task: Task = { cancelled: false, worker: null, files: new Set(), ended: new Promise<void>((r) => (end = r)) };
  tasks.set(taskId, task);
  const out: { path: string; bytes: number }[] = [];
  const emit = (done: number, total: number, label: string) => ctx.emit({ type: 'progress', task: taskId, done, total, label, engagementId });
  try {
    for (const [i, job] of jobs.entries()) {
      const worker = await pool.acquire();
      if (task.cancelled) {
        pool.release(worker);
        throw cancelledError();
      }
      task.worker = worker;
      const partial = partialOf(job.path, taskId);
      task.files.add(partial);
      let healthy = false;
      try {
        const bytes = await runJob(worker, task, job, partial, (m) => (jobs.length === 1 ? emit(m.done, m.total, m.label) : undefined));
        healthy = true;
        renameSync(partial, job.path);
        task.files.delete(partial);
        task.files.add(job.path);
        out.push({ path: job.path, bytes });
        if (jobs.length > 1) emit(i + 1, jobs.length, basename(job.path));
      } finally {
        task.worker = null;
        if (healthy) pool.release(worker);
        else void worker.terminate();
      }
    }
    return out;
  } catch (err) {
    for (const f of task.files) rmSync(f, { force: true });
    throw err;
  } finally {
    tasks.delete(taskId);
    end();
  }
}

/** Cancels a running task: its worker is stopped and its files removed. False when no such task is running. */
export async function cancelDraw(taskId: string): Promise<boolean> {
  const task = tasks.get(taskId);
  if (!task) return false;
  task.cancelled = true;
  if (task.worker) await task.worker.terminate();
  await task.ended;
  return true;
}

/**
 * Reads a workbook into plain grids in a worker (parsing a workbook takes the engine's thread for a
 * moment, and loading exceljs the first time most of a second). A file that is not a workbook is
 * refused with its name.
 */
export async function readInWorker(name: string, bytes: Buffer): Promise<SheetGrid[]> {
  const worker = await pool.acquire();
  let healthy = false;
  try {
    const grids = await new Promise<SheetGrid[] | null>((resolveRead, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (m: WorkerMessage) => {
        done();
        if (m.type === 'grids') resolveRead(m.grids);
        else reject(new ApiError('internal', `${name} could not be read: ${m.type === 'error' ? m.message : 'the worker answered out of turn'}`));
      };
      const onError = (err: Error) => {
        done();
        reject(new ApiError('internal', `${name} could not be read: ${err.message}`));
      };
      const onExit = () => {
        done();
        reject(new ApiError('internal', `The export worker stopped while reading ${name}.`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      const job: WorkerJob = { kind: 'grids', bytes };
      worker.postMessage(job);
    });
    healthy = true;
    if (!grids) throw new ApiError('invalid_input', `${name}: this is not an Excel workbook (.xlsx) that can be read; it is not a survey.`, { file: name });
    return grids;
  } finally {
    if (healthy) pool.release(worker);
    else void worker.terminate();
  }
}

/** Whether a task is running (for tests and the UI's "busy" state). */
export function isRunning(taskId: string): boolean {
  return tasks.has(taskId);
}
