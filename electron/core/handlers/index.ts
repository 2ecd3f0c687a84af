import type { HandlerMap } from '../registry';
import { actionHandlers } from './action';
import { appHandlers } from './app';
import { assessmentHandlers } from './assessment';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { businessUnitHandlers } from './businessUnit';
import { engagementHandlers } from './engagement';
import { evidenceHandlers } from './evidence';
import { exportHandlers } from './export';
import { frameworkHandlers } from './framework';
import { historyHandlers } from './history';
import { initiativeHandlers } from './initiative';
import { participantHandlers } from './participant';
import { resultsHandlers } from './results';
import { rateCardHandlers } from './rateCard';
import { scenarioHandlers } from './scenario';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { uploadHandlers } from './upload';
import { surveyHandlers } from './survey';
import { voteHandlers } from './vote';
import { workshopHandlers } from './workshop';

/**
 * Every handler map, keyed by the noun its commands start with (the file's name); the registry checks
 * that together they cover the contract once, each command in its noun's file.
 */
export const handlers: Record<string, HandlerMap> = {
  app: appHandlers,
  settings: settingsHandlers,
  framework: frameworkHandlers,
  engagement: engagementHandlers,
  businessUnit: businessUnitHandlers,
  participant: participantHandlers,
  assessment: assessmentHandlers,
  vote: voteHandlers,
  action: actionHandlers,
  evidence: evidenceHandlers,
  search: searchHandlers,
  history: historyHandlers,
  workshop: workshopHandlers,
  audit: auditHandlers,
  results: resultsHandlers,
  backup: backupHandlers,
  upload: uploadHandlers,
  export: exportHandlers,
  survey: surveyHandlers,
  rateCard: rateCardHandlers,
  initiative: initiativeHandlers,
  scenario: scenarioHandlers,
};
