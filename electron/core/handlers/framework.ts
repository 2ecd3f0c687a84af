/** framework.*: the frameworks that ship with the app. */
import { ApiError } from '../../../shared/errors';
import { builtInFrameworks, findFramework } from '../../../shared/framework';
import { summarize } from '../../../shared/framework/schema';
import type { HandlerMap } from '../registry';

export const frameworkHandlers: HandlerMap = {
  'framework.list': () => builtInFrameworks.map((fw) => summarize(fw)),

  'framework.get': (_ctx, input) => {
    const fw = findFramework(input.frameworkId, input.version);
    if (!fw) {
      throw new ApiError('not_found', `No framework ${input.frameworkId ?? ''} ${input.version ?? ''} is installed.`.replace(/\s+/g, ' '), input);
    }
    return fw;
  },
};
