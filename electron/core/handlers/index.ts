import type { HandlerMap } from '../registry';
import { appHandlers } from './app';
import { assessmentHandlers } from './assessment';
import { engagementHandlers } from './engagement';
import { evidenceHandlers } from './evidence';
import { workshopHandlers } from './workshop';

/** Every handler module, by domain; the registry checks that together they cover the contract once. */
export const handlers: Record<string, HandlerMap> = {
  app: appHandlers,
  engagement: engagementHandlers,
  assessment: assessmentHandlers,
  workshop: workshopHandlers,
  evidence: evidenceHandlers,
};
