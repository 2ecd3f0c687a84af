/** export.*: the workshop deck and the workbook of an assessment, drawn in a worker thread; cancelling a running export. */
import { cancelDraw } from '../export/tasks';
import { exportDeck, exportWorkbook } from '../export/run';
import type { HandlerMap } from '../registry';

export const exportHandlers: HandlerMap = {
  'export.deck': (ctx, input) => exportDeck(ctx, input),
  'export.workbook': (ctx, input) => exportWorkbook(ctx, input),
  'export.cancel': async (_ctx, input) => ({ cancelled: await cancelDraw(input.taskId) }),
};
