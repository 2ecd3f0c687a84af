/** upload.*: evidence files waiting to be added (streamed in by browser mode, or chosen in the desktop app). */
import { ApiError } from '../../../shared/errors';
import type { HandlerMap } from '../registry';

export const uploadHandlers: HandlerMap = {
  // The desktop app answers this itself, with a file dialog (electron/main.ts); the engine has no dialog.
  'upload.pick': () => {
    throw new ApiError('invalid_input', 'Choosing a file in a dialog is part of the desktop app. In browser mode, send the file to POST /api/upload.');
  },

  'upload.discard': (ctx, input) => ({ removed: ctx.files.uploads.discard(input.uploadId) }),
};
