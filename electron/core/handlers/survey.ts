/** survey.*: the pre-workshop survey of an assessment, out as workbooks and back in as votes. */
import { exportSurvey } from '../export/run';
import { importSurvey } from '../export/survey-import';
import type { HandlerMap } from '../registry';

export const surveyHandlers: HandlerMap = {
  'survey.export': (ctx, input) => exportSurvey(ctx, input),
  'survey.import': (ctx, input) => importSurvey(ctx, input),
};
