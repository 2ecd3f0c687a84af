/**
 * The solver's worker thread (built to solve-worker.cjs beside the engine): receives a planning input
 * and a time limit, prepares the problem and solves it with HiGHS, and answers with the result. The
 * WebAssembly solve is synchronous, so it runs here and the engine's thread keeps answering requests.
 */
import { parentPort } from 'node:worker_threads';
import { prepareProblem } from '../../../shared/roadmap/problem';
import type { RoadmapInput } from '../../../shared/roadmap/types';
import { solveSchedule } from './solve';

export interface SolveRequest {
  id: number;
  input: RoadmapInput;
  timeLimitMs: number;
  relGap?: number;
}

parentPort?.on('message', (req: SolveRequest) => {
  solveSchedule(prepareProblem(req.input), { timeLimitMs: req.timeLimitMs, ...(req.relGap !== undefined ? { relGap: req.relGap } : {}) })
    .then((result) => parentPort!.postMessage({ id: req.id, ok: true, result }))
    .catch((err: unknown) => parentPort!.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) }));
});
