/** app.*: what the app is and where its data lives. */
import type { HandlerMap } from '../registry';

export const appHandlers: HandlerMap = {
  'app.info': (ctx) => ({ ...ctx.app }),
};
