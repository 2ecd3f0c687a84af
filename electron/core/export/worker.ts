/**
 * The export worker thread: draws one deck or workbook model at a time and writes it under the
 * temporary name it was given, posting progress by section or sheet; or reads a returned workbook into
 * plain grids. Bundled on its own
 * (dist/engine/export-worker.cjs, dist/electron/export-worker.cjs) by scripts/build.mjs.
 */
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { Deck } from '../../../shared/report/deck';
import type { Workbook } from '../../../shared/report/workbook';
import { readGrids } from './grids';
import { drawDeck } from './pptx';
import type { WorkerJob, WorkerMessage } from './tasks';
import { drawWorkbook } from './xlsx';

const port = parentPort;
if (!port) throw new Error('The export worker runs only as a worker thread.');

port.on('message', (job: WorkerJob) => {
  const post = (m: WorkerMessage) => port.postMessage(m);
  if (job.kind === 'grids') {
    readGrids(Buffer.from(job.bytes)).then(
      (grids) => post({ type: 'grids', grids }),
      (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  const progress = (done: number, total: number, label: string) => post({ type: 'progress', done, total, label });
  const draw = job.kind === 'deck' ? drawDeck(job.model as Deck, progress) : drawWorkbook(job.model as Workbook, progress);
  draw
    .then((buffer) => {
      writeFileSync(job.partial, buffer);
      post({ type: 'done', bytes: buffer.length });
    })
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
