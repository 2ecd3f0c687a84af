/**
 * The deck, workbook and survey exports: read the engagement file (one read transaction), build the
 * neutral model on the main thread, have a worker draw and write it, answer with the file.
 */
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { availableSections, buildDeck } from '../../../shared/report/build-deck';
import { buildWorkbook } from '../../../shared/report/build-workbook';
import { DECK_SECTIONS } from '../../../shared/report/deck';
import { exportFileName } from '../../../shared/report/format';
import type { ReportInput } from '../../../shared/report/input';
import type { ExportResult, SurveyExportResult } from '../../../shared/report/outcomes';
import { buildSurvey } from '../../../shared/report/survey';
import type { CommandContext } from '../context';
import { assessmentRow, frameworkOf } from '../handlers/lookup';
import { readBranding } from './branding';
import { oneRead } from '../handlers/results-read';
import { readReport } from './input';
import type { ScenarioRequest } from './scenario-input';
import { freeName, outputFolder, outputPath, written } from './output';
import { runDraw, type DrawJob } from './tasks';

const newTaskId = (ctx: CommandContext) => `t${ctx.newId()}`;

/**
 * Sections that show a roadmap scenario need one (`scenarioId`); the scenario comparison needs others
 * to compare it with (`compareScenarioIds`). Checked before anything is read.
 */
function assertSections(input: { scenarioId?: string; compareScenarioIds?: readonly string[]; sections?: readonly string[] }): void {
  const needing = (input.sections ?? []).filter((id) => DECK_SECTIONS.find((s) => s.id === id)?.needs === 'scenario');
  if (needing.length && !input.scenarioId) {
    throw new ApiError('invalid_input', `sections: ${needing.join(', ')} ${needing.length === 1 ? 'needs' : 'need'} a roadmap scenario (scenarioId).`, {
      fields: [{ path: 'sections', message: 'needs a scenario' }],
    });
  }
  const others = (input.compareScenarioIds ?? []).filter((id) => id !== input.scenarioId);
  if (input.sections?.includes('scenarios') && others.length === 0) {
    throw new ApiError('invalid_input', 'sections: the scenario comparison shows two to four scenarios; name one to three others beside scenarioId in compareScenarioIds.', {
      fields: [{ path: 'compareScenarioIds', message: 'needs at least one other scenario' }],
    });
  }
}

async function report(ctx: CommandContext, input: { engagementId: string; assessmentId: string } & ScenarioRequest): Promise<ReportInput> {
  return readReport(await ctx.files.get(input.engagementId), input.assessmentId, ctx.clock.today(), { scenarioId: input.scenarioId, compareScenarioIds: input.compareScenarioIds });
}

function result(ctx: CommandContext, taskId: string, file: { path: string; bytes: number }, t0: number): ExportResult {
  return { ...written(ctx.app.dataDir, file.path, file.bytes), ms: Math.round(performance.now() - t0), taskId };
}

export async function exportDeck(ctx: CommandContext, input: ParsedInput<'export.deck'>): Promise<ExportResult> {
  const t0 = performance.now();
  assertSections(input);
  const r = await report(ctx, input);
  const deck = buildDeck(r, { sections: input.sections ?? availableSections(r), anonymise: input.anonymise, businessUnitNames: input.businessUnitNames });
  const path = outputPath(ctx.app.dataDir, input.path, exportFileName('deck', { client: r.engagement.client, assessment: r.assessment.label, date: ctx.clock.today() }));
  const taskId = input.taskId ?? newTaskId(ctx);
  const [file] = await runDraw(ctx, taskId, input.engagementId, [{ kind: 'deck', model: deck, path }]);
  return result(ctx, taskId, file!, t0);
}

export async function exportWorkbook(ctx: CommandContext, input: ParsedInput<'export.workbook'>): Promise<ExportResult> {
  const t0 = performance.now();
  assertSections(input);
  const r = await report(ctx, input);
  const model = buildWorkbook(r, { anonymise: input.anonymise, businessUnitNames: input.businessUnitNames, created: ctx.clock.at() });
  const path = outputPath(ctx.app.dataDir, input.path, exportFileName('workbook', { client: r.engagement.client, assessment: r.assessment.label, date: ctx.clock.today() }));
  const taskId = input.taskId ?? newTaskId(ctx);
  const [file] = await runDraw(ctx, taskId, input.engagementId, [{ kind: 'workbook', model, path }]);
  return result(ctx, taskId, file!, t0);
}

export async function exportSurvey(ctx: CommandContext, input: ParsedInput<'survey.export'>): Promise<SurveyExportResult> {
  const t0 = performance.now();
  const file = await ctx.files.get(input.engagementId);
  const today = ctx.clock.today();
  const data = oneRead(file, (db) => {
    const a = assessmentRow(db, input.assessmentId);
    // People who have left are sent no survey.
    const everyone = db.all<{ id: string; name: string }>('SELECT id, name FROM participant WHERE left_at IS NULL ORDER BY name COLLATE NOCASE');
    const known = new Map(everyone.map((p) => [p.id, p]));
    const unknown = (input.participantIds ?? []).filter((id) => !known.has(id));
    if (unknown.length) {
      throw new ApiError('invalid_input', `participantIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a participant' : 'are not participants'} of this engagement.`, {
        fields: [{ path: 'participantIds', message: 'not a participant' }],
      });
    }
    const people = input.participantIds ? [...new Set(input.participantIds)].map((id) => known.get(id)!) : everyone;
    if (!people.length) throw new ApiError('invalid_input', 'participantIds: the engagement has no participants yet; add them under People first.', { fields: [{ path: 'participantIds', message: 'no participants' }] });
    return {
      a,
      people,
      client: db.get<{ id: string; client: string }>('SELECT id, client FROM engagement')!,
      framework: frameworkOf(db, a),
      votes: db
        .all<{ participant_id: string; capability_id: string; current_level: number; target_level: number | null }>('SELECT * FROM vote WHERE assessment_id = ?', a.id)
        .map((v) => ({ participantId: v.participant_id, capabilityId: v.capability_id, currentLevel: v.current_level, targetLevel: v.target_level })),
      branding: readBranding(db),
    };
  });
  // One participant is always one file; several are one file only when asked (or when none were named).
  const oneFile = data.people.length === 1 || (input.oneFile ?? input.participantIds === undefined);
  const base = {
    engagement: { id: data.client.id, client: data.client.client },
    assessment: { id: data.a.id, label: data.a.label, date: data.a.assessed_on },
    framework: data.framework,
    scope: JSON.parse(data.a.scope_json) as string[],
    votes: data.votes,
    branding: data.branding,
    created: ctx.clock.at(),
  };
  const name = (who?: string) => exportFileName('survey', { client: data.client.client, assessment: data.a.label, who, date: today });
  let jobs: (DrawJob & { participantId: string | null })[];
  if (oneFile) {
    const path = outputPath(ctx.app.dataDir, input.path, name(data.people.length === 1 ? data.people[0]!.name : undefined));
    jobs = [{ kind: 'workbook', model: buildSurvey({ ...base, participants: data.people }), path, participantId: data.people.length === 1 ? data.people[0]!.id : null }];
  } else {
    const folder = outputFolder(ctx.app.dataDir, input.path, name().replace(/\.xlsx$/, ''));
    const taken = new Set<string>();
    jobs = data.people.map((p) => {
      const fileName = freeName(folder, name(p.name), taken);
      taken.add(fileName);
      return { kind: 'workbook' as const, model: buildSurvey({ ...base, participants: [p] }), path: join(folder, fileName), participantId: p.id };
    });
  }
  const taskId = input.taskId ?? newTaskId(ctx);
  const files = await runDraw(ctx, taskId, input.engagementId, jobs);
  const list = files.map((f, i) => ({ ...written(ctx.app.dataDir, f.path, f.bytes), participantId: jobs[i]!.participantId }));
  const ms = Math.round(performance.now() - t0);
  if (list.length === 1) return { ...list[0]!, ms, taskId, files: list };
  const folder = dirname(list[0]!.path);
  return { path: folder, fileName: folder.split(/[\\/]/).pop()!, bytes: list.reduce((n, f) => n + f.bytes, 0), download: null, ms, taskId, files: list };
}
