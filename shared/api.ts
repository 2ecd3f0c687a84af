/**
 * The whole API, declared once: command name (`domain.verb`) -> input schema and result type.
 * Both transports (Electron IPC and the browser-mode HTTP server) serve exactly this map, and
 * the engine parses every input with its schema before a handler sees it.
 */
import { z } from 'zod';
import {
  actionStatuses,
  confidences,
  dateLocales,
  evidenceKinds,
  projectorThemes,
  sensitivities,
  themes,
  type ActionItem,
  type AppInfo,
  type AssessmentDetail,
  type AttachmentContent,
  type CapabilitySlice,
  type Evidence,
  type EvidencePage,
  type Rating,
  type SearchHit,
  type UndoState,
  type Vote,
  type WorkshopSession,
} from './domain';
import type {
  AssessmentStats,
  AssessmentSummary,
  AuditEntry,
  BusinessUnit,
  Engagement,
  EngagementSummary,
  InitiativeSuggestion,
  Participant,
  RoadmapScenario,
  ScenarioOutputs,
  ScheduleSummary,
  ParticipantUsage,
  RemovedBusinessUnit,
  Settings,
} from './domain';
import type { BackupInfo, BackupList, DataFolderHealth, UploadRef } from './files';
import type { Framework, FrameworkSummary } from './framework/schema';
import type { AssessmentResultsView, PortfolioView, TrendView } from './results';
import { HEX_COLOR } from './report/branding';
import { deckSectionIds } from './report/deck';
import type { BrandingView, EngagementImportResult, ExportResult, SurveyExportResult, SurveyImportResult } from './report/outcomes';
import {
  costSplitSchema,
  effortSchema,
  initiativeSchema,
  quarterSchema,
  risks,
  scenarioSchema,
  upliftSchema,
  type Initiative,
  type RateCard,
} from './roadmap/types';

export interface Command<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: R;
}

function command<I extends z.ZodType>(input: I) {
  return { returns: <R>(): Command<I, R> => ({ input }) };
}

// ---- field schemas -------------------------------------------------------------------------

const text = (max: number) =>
  z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
const name = (max = 120) => text(max).min(1, 'must not be empty');
export const idSchema = z
  .string({ error: 'must be an id' })
  .regex(/^[0-9a-z]{8,40}$/, 'is not a valid id');
/** A calendar date: the shape first (YYYY-MM-DD), then zod's ISO date, which knows month lengths and leap years. */
export const isoDate = z
  .string({ error: 'must be a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(z.iso.date({ error: 'is not a real calendar date' }));
const currency = z
  .string({ error: 'must be a currency code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR or USD');
const month = z
  .number({ error: 'must be a month number' })
  .int('must be a whole month number')
  .min(1, 'must be a month from 1 to 12')
  .max(12, 'must be a month from 1 to 12');
const moduleId = z.string().regex(/^M[1-9]\d*$/, 'is not a module id such as M3');
const semver = z.string({ error: 'must be a version' }).regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.1.0');

export const capabilityId = z
  .string({ error: 'must be a capability id' })
  .regex(/^M\d+\.\d+$/, 'is not a capability id such as M3.4');
export const level = z
  .number({ error: 'must be a number from 1 to 5' })
  .int('must be a whole level from 1 to 5')
  .min(1, 'must be a level from 1 to 5')
  .max(5, 'must be a level from 1 to 5');
const optionalDate = isoDateOrNull();
function isoDateOrNull() {
  return z.union([isoDate, z.null()], { error: 'must be a date as YYYY-MM-DD, or null' });
}
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => /^(https?|file):\/\/\S+$/i.test(s), 'must be a web address starting with http:// or https://');

const engagementRef = { engagementId: idSchema };
const assessmentRef = { engagementId: idSchema, assessmentId: idSchema };
const capabilityRef = { ...assessmentRef, capabilityId };

const evidenceFields = {
  title: name(200),
  kind: z.enum(evidenceKinds, { error: `must be one of ${evidenceKinds.join(', ')}` }),
  source: text(200),
  collectedOn: optionalDate,
  validUntil: optionalDate,
  sensitivity: z.enum(sensitivities, { error: `must be one of ${sensitivities.join(', ')}` }),
  description: text(20_000),
  url: url.nullable(),
};

export const uploadId = z.string({ error: 'must be an upload id' }).regex(/^[0-9a-f]{32}$/, 'is not a valid upload id');
export const fileUpload = z
  .strictObject({
    name: name(255),
    mime: text(200).default('application/octet-stream'),
    /** The file's bytes, base64-encoded: for small files and scripts. */
    dataBase64: z.string({ error: 'must be the file content as base64' }).optional(),
    /** A file streamed by POST /api/upload (browser mode) or chosen with upload.pick (desktop app). */
    uploadId: uploadId.optional(),
  })
  .refine((f) => (f.dataBase64 === undefined) !== (f.uploadId === undefined), { message: 'must carry either dataBase64 or uploadId, not both' });
const empty = z.strictObject({});
/** A file name inside the data folder: no folder part. */
const engagementFileName = z
  .string({ error: 'must be a file name' })
  .max(255)
  .regex(/^(?!\.)[^/\\:*?"<>|]+\.mwb$/, 'must be the name of an engagement file (.mwb) in the data folder')
  .refine((s) => !s.includes('\u0000'), 'must be the name of an engagement file (.mwb) in the data folder');
const backupFileName = z
  .string({ error: 'must be a backup name' })
  .regex(/^\d{8}T\d{6}(?:\d{3})?Z-[a-z-]+(?:-v\d+)?\.mwb$/, 'is not the name of a backup');

export const engagementFields = {
  client: name(),
  industry: text(80).default(''),
  region: text(80).default(''),
  currency: currency.default('EUR'),
  fyStartMonth: month.default(1),
};

/** A path on the machine running the engine: absolute (Electron passes the save dialog's choice). */
const absolutePath = z
  .string({ error: 'must be a path' })
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path');
/** Chosen by the caller so it can follow the progress events and cancel before the command answers. */
const taskId = z.string({ error: 'must be a task id' }).regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be 6 to 64 letters, digits, dashes or underscores');
const color = z
  .string({ error: 'must be a colour' })
  .trim()
  .toUpperCase()
  .regex(HEX_COLOR, 'must be a colour as #RRGGBB, such as #1F3A5F');
const anonymiseFields = {
  /** Participants become "Participant A, B, ..." wherever they appear. */
  anonymise: z.boolean().default(false),
  /** New names for business units, by id. */
  businessUnitNames: z.record(idSchema, name(120)).default({}),
};
/** Exactly one of `path` (a file on the engine's machine) and `file` (its bytes, from a browser). */
const oneSource = (value: { path?: string; file?: unknown }, ctx: z.RefinementCtx) => {
  if ((value.path === undefined) === (value.file === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'give either the path of the file or the file itself, not both or neither' });
  }
};
/** Which undo stream history.* works on: an assessment's, or the engagement's roadmap. */
const undoTarget = z
  .strictObject({ engagementId: idSchema, assessmentId: idSchema.optional(), scope: z.enum(['assessment', 'roadmap']).default('assessment') })
  .refine((v) => v.scope === 'roadmap' || v.assessmentId !== undefined, { message: 'must name the assessment whose changes to undo', path: ['assessmentId'] });

// ---- roadmap field schemas (record shapes from shared/roadmap/types; how records fit together is checked by shared/roadmap/validate)

const money = initiativeSchema.shape.capex;
const initiativeFields = {
  name: name(120),
  description: text(4000),
  owner: text(120),
  uplifts: z.array(upliftSchema.extend({ capabilityId })).max(72),
  /** One-off cost in minor units. */
  capex: money,
  /** Running cost per year in minor units, from the quarter after completion. */
  opexPerYear: money,
  /** Person-days per role over the whole initiative. */
  effort: z.array(effortSchema.extend({ roleId: idSchema })).max(50),
  durationQuarters: initiativeSchema.shape.durationQuarters,
  earliestStart: quarterSchema.nullable(),
  /** Initiatives that must finish first. */
  dependsOn: z.array(idSchema).max(50),
  costSplit: costSplitSchema,
  risk: z.enum(risks, { error: 'must be low, medium or high' }),
  note: text(4000),
};
const scenarioFields = {
  name: name(120),
  /** The first quarter of the plan, e.g. the first quarter of the client's next fiscal year. */
  startQuarter: quarterSchema,
  horizon: scenarioSchema.shape.horizon,
  budget: scenarioSchema.shape.budget,
  capacity: z.array(z.strictObject({ roleId: idSchema, daysPerQuarter: scenarioSchema.shape.capacity.element.shape.daysPerQuarter })).max(50),
  forced: z.array(idSchema).max(500),
  excluded: z.array(idSchema).max(500),
  moduleWeights: z.record(moduleId, z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(100, 'must be at most 100')),
  baselineAssessmentId: idSchema,
  mode: z.enum(['optimal', 'manual'], { error: 'must be optimal or manual' }),
  manualStarts: z.record(idSchema, quarterSchema),
};
const scenarioRef = { engagementId: idSchema, scenarioId: idSchema };

// ---- the contract ----------------------------------------------------------------------------

export const api = {
  'app.info': command(empty).returns<AppInfo>(),

  'settings.get': command(empty).returns<Settings>(),
  'settings.update': command(
    z.strictObject({
      displayName: name(80).optional(),
      attachmentLimitMb: z.number().int().min(1, 'must be at least 1 MB').max(2048, 'must be at most 2048 MB').optional(),
      nameAsked: z.boolean().optional(),
      theme: z.enum(themes, { error: `must be one of ${themes.join(', ')}` }).optional(),
      projectorTheme: z.enum(projectorThemes, { error: `must be one of ${projectorThemes.join(', ')}` }).optional(),
      dateLocale: z.enum(dateLocales, { error: 'is not a date format this app offers' }).optional(),
    }),
  ).returns<Settings>(),

  'framework.list': command(empty).returns<FrameworkSummary[]>(),
  /** A framework by id and version (the newest when no version is given); with an engagement, also its pinned copies. */
  'framework.get': command(
    z.strictObject({ frameworkId: z.string().min(1).optional(), version: z.string().min(1).optional(), engagementId: idSchema.optional() }),
  ).returns<Framework>(),
  /** Copies a framework as the start of a custom one (version 1.0.0, based on the original). */
  'framework.copy': command(
    z.strictObject({
      frameworkId: z.string().min(1),
      version: semver,
      id: z.string().regex(/^[a-z0-9-]{3,60}$/, 'must be a lower-case slug of 3 to 60 letters, digits and dashes'),
      name: name(120),
    }),
  ).returns<FrameworkSummary>(),
  /** Saves a custom framework (validated by the framework schema; every error names its path). A pinned one only as a new version. */
  'framework.save': command(z.strictObject({ framework: z.unknown() })).returns<FrameworkSummary>(),
  /** Imports a framework from the text of a JSON file, validated like a save. */
  'framework.import': command(z.strictObject({ json: z.string().max(20_000_000), fileName: text(255).optional() })).returns<FrameworkSummary>(),
  'framework.export': command(z.strictObject({ frameworkId: z.string().min(1), version: semver })).returns<{ fileName: string; json: string }>(),
  'framework.remove': command(z.strictObject({ frameworkId: z.string().min(1), version: semver })).returns<{ id: string; version: string }>(),

  'engagement.list': command(z.strictObject({ includeArchived: z.boolean().default(true) })).returns<
    EngagementSummary[]
  >(),
  'engagement.create': command(z.strictObject(engagementFields)).returns<EngagementSummary>(),
  'engagement.get': command(z.strictObject(engagementRef)).returns<Engagement>(),
  'engagement.open': command(z.strictObject(engagementRef)).returns<Engagement>(),
  'engagement.update': command(
    z.strictObject({
      ...engagementRef,
      client: name().optional(),
      industry: text(80).optional(),
      region: text(80).optional(),
      currency: currency.optional(),
      fyStartMonth: month.optional(),
    }),
  ).returns<EngagementSummary>(),
  'engagement.archive': command(z.strictObject({ ...engagementRef, archived: z.boolean() })).returns<EngagementSummary>(),
  'engagement.delete': command(z.strictObject(engagementRef)).returns<{ id: string; removedFile: string }>(),
  /** Files in the data folder that look like engagements but could not be opened, and why. */
  'engagement.unreadable': command(empty).returns<{ file: string; message: string }[]>(),

  'businessUnit.add': command(z.strictObject({ ...engagementRef, name: name() })).returns<BusinessUnit>(),
  'businessUnit.rename': command(
    z.strictObject({ ...engagementRef, businessUnitId: idSchema, name: name() }),
  ).returns<BusinessUnit>(),
  'businessUnit.remove': command(z.strictObject({ ...engagementRef, businessUnitId: idSchema })).returns<{
    id: string;
  }>(),

  'participant.add': command(
    z.strictObject({
      ...engagementRef,
      name: name(),
      role: text(120).default(''),
      businessUnitId: idSchema.nullable().default(null),
    }),
  ).returns<Participant>(),
  'participant.update': command(
    z.strictObject({
      ...engagementRef,
      participantId: idSchema,
      name: name().optional(),
      role: text(120).optional(),
      businessUnitId: idSchema.nullable().optional(),
    }),
  ).returns<Participant>(),
  'participant.remove': command(z.strictObject({ ...engagementRef, participantId: idSchema })).returns<{
    id: string;
  }>(),

  'assessment.list': command(z.strictObject(engagementRef)).returns<AssessmentSummary[]>(),
  'assessment.create': command(
    z.strictObject({
      ...engagementRef,
      label: name(60),
      date: isoDate,
      scope: z.array(moduleId).min(1, 'must name at least one module').optional(),
      frameworkId: z.string().min(1).optional(),
      /** The framework version to score against; the newest when left out. */
      frameworkVersion: semver.optional(),
      /** Start from this assessment's agreed scores, targets and evidence links ("carried over"). */
      fromAssessmentId: idSchema.optional(),
    }),
  ).returns<AssessmentSummary>(),
  'assessment.get': command(z.strictObject(assessmentRef)).returns<AssessmentDetail>(),
  /** One capability's rating, votes, actions and linked evidence, with the undo state: a refresh after a change to it. */
  'assessment.capability': command(z.strictObject(capabilityRef)).returns<CapabilitySlice>(),
  'assessment.rate': command(
    z.strictObject({
      ...capabilityRef,
      currentLevel: level.nullable().optional(),
      targetLevel: level.nullable().optional(),
      notApplicable: z.boolean().optional(),
      confidence: z.enum(confidences, { error: 'must be low, medium or high' }).nullable().optional(),
      priority: level.nullable().optional(),
      rationale: text(20_000).optional(),
      owner: text(120).optional(),
      /** Confirms a carried-over score without changing it. */
      confirm: z.literal(true).optional(),
    }),
  ).returns<Rating>(),
  /** Ticks or unticks a pass criterion of a capability (framework 1.1); answers with the ticks and the level they support. */
  'assessment.tickCriterion': command(z.strictObject({ ...capabilityRef, criterionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/, 'is not a criterion id'), ticked: z.boolean() })).returns<{
    capabilityId: string;
    ticked: string[];
    suggestedLevel: number | null;
  }>(),
  /**
   * Agrees the median of the votes (and of the target votes, when there are any). A median between two levels
   * is read downwards unless `currentLevel` (or `targetLevel`) picks the level above it.
   */
  'assessment.acceptMedian': command(
    z.strictObject({ ...capabilityRef, currentLevel: level.optional(), targetLevel: level.optional() }),
  ).returns<Rating>(),
  'assessment.history': command(
    z.strictObject({ ...assessmentRef, capabilityId: capabilityId.optional(), limit: z.number().int().min(1).max(2000).default(300) }),
  ).returns<AuditEntry[]>(),

  'vote.cast': command(
    z.strictObject({ ...capabilityRef, participantId: idSchema, currentLevel: level, targetLevel: level.nullable().default(null) }),
  ).returns<Vote>(),
  'vote.remove': command(z.strictObject({ ...capabilityRef, participantId: idSchema })).returns<{ removed: boolean }>(),

  'action.add': command(
    z.strictObject({
      ...capabilityRef,
      text: name(2000),
      owner: text(120).default(''),
      dueDate: optionalDate.default(null),
      status: z.enum(actionStatuses).default('open'),
    }),
  ).returns<ActionItem>(),
  'action.update': command(
    z.strictObject({
      ...assessmentRef,
      actionId: idSchema,
      text: name(2000).optional(),
      owner: text(120).optional(),
      dueDate: optionalDate.optional(),
      status: z.enum(actionStatuses, { error: 'must be open, in_progress or done' }).optional(),
    }),
  ).returns<ActionItem>(),
  'action.remove': command(z.strictObject({ ...assessmentRef, actionId: idSchema })).returns<{ id: string }>(),

  'evidence.add': command(
    z.strictObject({
      ...engagementRef,
      ...evidenceFields,
      source: evidenceFields.source.default(''),
      collectedOn: optionalDate.default(null),
      validUntil: optionalDate.default(null),
      sensitivity: evidenceFields.sensitivity.default('internal'),
      description: evidenceFields.description.default(''),
      url: evidenceFields.url.default(null),
      file: fileUpload.optional(),
      links: z.array(z.strictObject({ assessmentId: idSchema, capabilityId })).max(500).default([]),
    }),
  ).returns<Evidence>(),
  'evidence.update': command(
    z.strictObject({
      ...engagementRef,
      evidenceId: idSchema,
      title: evidenceFields.title.optional(),
      kind: evidenceFields.kind.optional(),
      source: evidenceFields.source.optional(),
      collectedOn: optionalDate.optional(),
      validUntil: optionalDate.optional(),
      sensitivity: evidenceFields.sensitivity.optional(),
      description: evidenceFields.description.optional(),
      url: evidenceFields.url.optional(),
    }),
  ).returns<Evidence>(),
  /** Deletes an evidence item; with an assessment, the deletion is on that assessment's undo history. */
  'evidence.remove': command(z.strictObject({ ...engagementRef, evidenceId: idSchema, assessmentId: idSchema.optional() })).returns<{ id: string }>(),
  'evidence.link': command(z.strictObject({ ...capabilityRef, evidenceId: idSchema })).returns<Evidence>(),
  'evidence.unlink': command(z.strictObject({ ...capabilityRef, evidenceId: idSchema })).returns<Evidence>(),
  /** The engagement's evidence register, a page at a time, newest first; `query` filters by title or source. */
  'evidence.list': command(
    z.strictObject({
      ...engagementRef,
      query: z.string().trim().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ).returns<EvidencePage>(),
  'evidence.file': command(z.strictObject({ ...engagementRef, evidenceId: idSchema })).returns<AttachmentContent>(),

  'search.query': command(
    z.strictObject({
      ...engagementRef,
      query: z.string().trim().min(1, 'must not be empty').max(200),
      assessmentId: idSchema.optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ).returns<SearchHit[]>(),

  /**
   * Undoes the last change of a stream: the assessment's (`assessmentId`), or with `scope: 'roadmap'` the
   * engagement's roadmap (rate card, initiatives, scenarios). `done` names the change and `capabilityId`
   * says where it was (null when several, and for the roadmap).
   */
  'history.undo': command(undoTarget).returns<UndoState & { done: string | null; capabilityId: string | null }>(),
  'history.redo': command(undoTarget).returns<UndoState & { done: string | null; capabilityId: string | null }>(),

  'workshop.start': command(
    z.strictObject({
      ...assessmentRef,
      heldOn: isoDate,
      modules: z.array(z.string().regex(/^M[1-9]\d*$/, 'is not a module id such as M3')).min(1, 'must name at least one module'),
      participantIds: z.array(idSchema).default([]),
      minutes: z.number().int().min(10, 'must be at least 10 minutes').max(24 * 60, 'must be at most a day'),
      /** Blind voting: the projector hides the votes on a capability until they are revealed. */
      blind: z.boolean().default(false),
    }),
  ).returns<WorkshopSession>(),
  'workshop.focus': command(z.strictObject({ ...engagementRef, sessionId: idSchema, capabilityId })).returns<WorkshopSession>(),
  'workshop.end': command(z.strictObject({ ...engagementRef, sessionId: idSchema })).returns<WorkshopSession>(),

  'audit.list': command(
    z.strictObject({
      ...engagementRef,
      entityId: idSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ).returns<AuditEntry[]>(),

  /** What one assessment adds up to: module means and counts, capabilities, the gap ranking and its rule, consensus, evidence, actions, the radar. */
  'results.assessment': command(z.strictObject(assessmentRef)).returns<AssessmentResultsView>(),
  /** Each module's means in every assessment of the engagement, oldest first, and the capabilities that moved between two of them (by default the last two). */
  'results.trend': command(
    z.strictObject({ ...engagementRef, fromAssessmentId: idSchema.optional(), toAssessmentId: idSchema.optional() }),
  ).returns<TrendView>(),
  /** The benchmark of the data folder's engagements per module (n, median, quartiles) and where the given engagement sits; figures only, never another engagement's id or name. */
  'results.portfolio': command(
    z.strictObject({
      engagementId: idSchema.optional(),
      industry: text(80).min(1, 'must not be empty; leave it out for every industry').optional(),
      region: text(80).min(1, 'must not be empty; leave it out for every region').optional(),
    }),
  ).returns<PortfolioView>(),
  /** Changes a running session: who is in the room now (the vote order follows it) and blind voting. */
  'workshop.update': command(
    z.strictObject({ ...engagementRef, sessionId: idSchema, participantIds: z.array(idSchema).optional(), blind: z.boolean().optional() }),
  ).returns<WorkshopSession>(),
  /** In blind voting, shows the votes on a capability on the projector all at once (or hides them again for a new round). */
  'workshop.reveal': command(z.strictObject({ ...engagementRef, sessionId: idSchema, capabilityId, revealed: z.boolean().default(true) })).returns<WorkshopSession>(),
  /** What the engine found in the data folder: damaged files, copies of one engagement, files a crash left half-created. */
  'engagement.health': command(empty).returns<DataFolderHealth>(),
  /**
   * Settles two files that hold one engagement: `open` makes this file the one in use, `copy` imports it as a
   * separate engagement, `setAside` moves it out of the folder into `set-aside/`.
   */
  'engagement.resolveDuplicate': command(
    z.strictObject({ ...engagementRef, file: engagementFileName, action: z.enum(['open', 'copy', 'setAside'], { error: 'must be open, copy or setAside' }) }),
  ).returns<DataFolderHealth>(),
  /** A full integrity check of the engagement's file, now; a damaged file becomes read-only. */
  'engagement.check': command(z.strictObject(engagementRef)).returns<{ ok: boolean; file: string; message: string }>(),

  /** The engagement's backups, newest first, with what changed since each. */
  'backup.list': command(z.strictObject(engagementRef)).returns<BackupList>(),
  'backup.create': command(z.strictObject(engagementRef)).returns<BackupInfo>(),
  /**
   * Restores a backup as a new engagement (`new`), or in place of the current file (`replace`), which is backed
   * up first so the restore can be undone by restoring that copy.
   */
  'backup.restore': command(
    z.strictObject({ ...engagementRef, backupId: backupFileName, mode: z.enum(['new', 'replace'], { error: 'must be new or replace' }) }),
  ).returns<{ engagement: EngagementSummary; safetyBackup: BackupInfo | null }>(),

  /** Desktop app: choose an evidence file in a dialog; the engine reads it from disk. Null when cancelled. */
  'upload.pick': command(empty).returns<UploadRef | null>(),
  /** Drops an upload that will not be added. */
  'upload.discard': command(z.strictObject({ uploadId })).returns<{ removed: boolean }>(),

  // ---- exports and imports --------------------------------------------------------------------

  /**
   * The workshop deck (PowerPoint), written in a worker thread with progress events by section; `path` or the exports folder.
   * With `scenarioId`, the roadmap sections show that scenario's outputs (it must have a plan: scheduled, or set by hand).
   */
  'export.deck': command(
    z.strictObject({
      ...assessmentRef,
      scenarioId: idSchema.optional(),
      /** Other scenarios shown beside `scenarioId` on the scenario comparison (one to three). */
      compareScenarioIds: z.array(idSchema).min(1, 'must name at least one scenario').max(3, 'must name at most three scenarios').optional(),
      sections: z.array(z.enum(deckSectionIds, { error: `must be one of ${deckSectionIds.join(', ')}` })).min(1, 'must name at least one section').optional(),
      ...anonymiseFields,
      path: absolutePath.optional(),
      taskId: taskId.optional(),
    }),
  ).returns<ExportResult>(),
  /** The workbook (Excel), written in a worker thread with progress events by sheet. */
  'export.workbook': command(
    z.strictObject({ ...assessmentRef, scenarioId: idSchema.optional(), ...anonymiseFields, path: absolutePath.optional(), taskId: taskId.optional() }),
  ).returns<ExportResult>(),
  /** Stops a running export and removes what it had written. */
  'export.cancel': command(z.strictObject({ taskId })).returns<{ cancelled: boolean }>(),

  /** Pre-workshop survey workbooks: one per participant (all of them when none are named), or one for all with `oneFile`. */
  'survey.export': command(
    z.strictObject({
      ...assessmentRef,
      participantIds: z.array(idSchema).min(1, 'must name at least one participant').max(500).optional(),
      oneFile: z.boolean().optional(),
      path: absolutePath.optional(),
      taskId: taskId.optional(),
    }),
  ).returns<SurveyExportResult>(),
  /** Reads a returned survey: a preview of the votes it changes (`apply: false`), or writes them all in one change. */
  'survey.import': command(
    z.strictObject({ ...assessmentRef, path: absolutePath.optional(), file: fileUpload.optional(), apply: z.boolean() }).superRefine(oneSource),
  ).returns<SurveyImportResult>(),

  /** The engagement as one file (a consistent snapshot), optionally without attachments or evidence above a sensitivity. */
  'engagement.exportFile': command(
    z.strictObject({
      ...engagementRef,
      withAttachments: z.boolean(),
      maxSensitivity: z.enum(sensitivities, { error: `must be one of ${sensitivities.join(', ')}` }).optional(),
      path: absolutePath.optional(),
    }),
  ).returns<ExportResult>(),
  /** Adds an engagement file to the data folder as a new engagement (a new id if this folder has its id already). */
  'engagement.importFile': command(z.strictObject({ path: absolutePath.optional(), file: fileUpload.optional() }).superRefine(oneSource)).returns<EngagementImportResult>(),
  'engagement.branding': command(z.strictObject(engagementRef)).returns<BrandingView>(),
  /** Colours, confidentiality footer and logo (PNG or JPEG; null removes it) of the engagement's exports. */
  'engagement.setBranding': command(
    z.strictObject({
      ...engagementRef,
      primaryColor: color.optional(),
      accentColor: color.optional(),
      footer: text(200).optional(),
      logo: fileUpload.nullable().optional(),
    }),
  ).returns<BrandingView>(),
  /** What Ctrl+Z and Ctrl+Shift+Z would do in a stream (see history.undo). */
  'history.state': command(undoTarget).returns<UndoState>(),

  // ---- roadmap and cost scenarios

  'rateCard.get': command(z.strictObject(engagementRef)).returns<RateCard>(),
  /** Replaces the rate card: roles keep their id when given one (effort and capacity refer to it); a role still in an initiative's effort cannot go. */
  'rateCard.set': command(
    z.strictObject({
      ...engagementRef,
      roles: z.array(z.strictObject({ id: idSchema.optional(), name: name(80), dayRate: money })).max(50, 'must be at most 50 roles'),
    }),
  ).returns<RateCard>(),

  'initiative.list': command(z.strictObject(engagementRef)).returns<Initiative[]>(),
  'initiative.add': command(
    z.strictObject({
      ...engagementRef,
      ...initiativeFields,
      description: initiativeFields.description.default(''),
      owner: initiativeFields.owner.default(''),
      uplifts: initiativeFields.uplifts.default([]),
      capex: money.default(0),
      opexPerYear: money.default(0),
      effort: initiativeFields.effort.default([]),
      durationQuarters: initiativeFields.durationQuarters.default(1),
      earliestStart: initiativeFields.earliestStart.default(null),
      dependsOn: initiativeFields.dependsOn.default([]),
      costSplit: costSplitSchema.default({ mode: 'equal' }),
      risk: initiativeFields.risk.default('medium'),
      note: initiativeFields.note.default(''),
    }),
  ).returns<Initiative>(),
  /** Changes the fields given; lists (uplifts, effort, dependencies) are replaced whole. */
  'initiative.update': command(
    z.strictObject({
      ...engagementRef,
      initiativeId: idSchema,
      ...Object.fromEntries(Object.entries(initiativeFields).map(([k, v]) => [k, v.optional()])),
    } as { engagementId: typeof idSchema; initiativeId: typeof idSchema } & { [K in keyof typeof initiativeFields]: z.ZodOptional<(typeof initiativeFields)[K]> }),
  ).returns<Initiative>(),
  /** Removes the initiative, with the dependencies on it and the scenarios' choices and manual starts for it. */
  'initiative.remove': command(z.strictObject({ ...engagementRef, initiativeId: idSchema })).returns<{ id: string }>(),
  /** Starter initiatives for the top gaps of the baseline assessment (the scenario's, the one named, or the newest), not yet written. */
  'initiative.suggest': command(
    z.strictObject({
      ...engagementRef,
      scenarioId: idSchema.optional(),
      assessmentId: idSchema.optional(),
      limit: z.number().int().min(1).max(30).default(8),
    }),
  ).returns<InitiativeSuggestion[]>(),

  'scenario.list': command(z.strictObject(engagementRef)).returns<RoadmapScenario[]>(),
  'scenario.create': command(
    z.strictObject({
      ...engagementRef,
      ...scenarioFields,
      horizon: scenarioFields.horizon.default(8),
      budget: scenarioFields.budget.default(null),
      capacity: scenarioFields.capacity.default([]),
      forced: scenarioFields.forced.default([]),
      excluded: scenarioFields.excluded.default([]),
      moduleWeights: scenarioFields.moduleWeights.default({}),
      /** The newest assessment when left out. */
      baselineAssessmentId: idSchema.optional(),
      mode: scenarioFields.mode.default('optimal'),
      manualStarts: scenarioFields.manualStarts.default({}),
    }),
  ).returns<RoadmapScenario>(),
  /** Changes the fields given; lists and maps are replaced whole. */
  'scenario.update': command(
    z.strictObject({
      ...scenarioRef,
      ...Object.fromEntries(Object.entries(scenarioFields).map(([k, v]) => [k, v.optional()])),
    } as typeof scenarioRef & { [K in keyof typeof scenarioFields]: z.ZodOptional<(typeof scenarioFields)[K]> }),
  ).returns<RoadmapScenario>(),
  /** A copy with every setting, manual start and the stored schedule; named "<name> (copy)" unless a name is given. */
  'scenario.copy': command(z.strictObject({ ...scenarioRef, name: name(120).optional() })).returns<RoadmapScenario>(),
  'scenario.remove': command(z.strictObject(scenarioRef)).returns<{ id: string }>(),
  /**
   * Solves the optimal schedule with HiGHS (off the engine's main thread, stopped at `timeLimitMs`, keeping
   * the best plan found) and stores it with the scenario. An infeasible scenario is refused with the limits
   * that make it so, and nothing is stored.
   */
  'scenario.schedule': command(
    z.strictObject({ ...scenarioRef, timeLimitMs: z.number().int().min(100, 'must be at least 100 ms').max(120_000, 'must be at most 2 minutes').optional() }),
  ).returns<ScheduleSummary>(),
  /** Projected maturity, costs, chargeback, time to target and limits for the stored plan (optimal mode) or the manual starts. */
  'scenario.outputs': command(z.strictObject(scenarioRef)).returns<ScenarioOutputs>(),

  /** Brings back a participant who was marked as left. */
  'participant.restore': command(z.strictObject({ ...engagementRef, participantId: idSchema })).returns<Participant>(),
  /** What removing a participant would touch: their votes per assessment (which are kept) and sessions. */
  'participant.usage': command(z.strictObject({ ...engagementRef, participantId: idSchema })).returns<ParticipantUsage>(),
  /** Brings back a removed business unit and puts the people who were in it back in it. */
  'businessUnit.restore': command(z.strictObject({ ...engagementRef, businessUnitId: idSchema })).returns<{ unit: BusinessUnit; members: string[] }>(),
  /** Business units removed and not restored, with who was in them. */
  'businessUnit.removed': command(z.strictObject(engagementRef)).returns<RemovedBusinessUnit[]>(),
  /** Renames an assessment or changes its date. */
  'assessment.update': command(z.strictObject({ ...assessmentRef, label: name(60).optional(), date: isoDate.optional() })).returns<AssessmentSummary>(),
  /**
   * Deletes an assessment with its scores, votes, action items, links and sessions (the evidence items stay).
   * A backup of the engagement is taken first (`backupId`), so the assessment can be restored from Backups.
   */
  'assessment.delete': command(z.strictObject(assessmentRef)).returns<{ id: string; label: string; backupId: string }>(),
  /** Progress and contents of every assessment of the engagement. */
  'assessment.stats': command(z.strictObject(engagementRef)).returns<AssessmentStats[]>(),
  /** A fictional client with two quarterly assessments, votes, evidence and actions, made by the same commands a user runs. */
  'engagement.createSample': command(empty).returns<EngagementSummary>(),
} as const;

export type Api = typeof api;
export type CommandName = keyof Api;
/** What a caller sends (defaults may be omitted). */
export type Input<C extends CommandName> = z.input<Api[C]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<C extends CommandName> = z.output<Api[C]['input']>;
export type Result<C extends CommandName> = NonNullable<Api[C]['result']>;

export const commandNames = Object.keys(api) as CommandName[];

export function isCommandName(value: string): value is CommandName {
  return Object.prototype.hasOwnProperty.call(api, value);
}

/** The one function both transports expose to the UI. */
export type Invoke = <C extends CommandName>(command: C, input: Input<C>) => Promise<Result<C>>;

/** A person-readable summary of a zod failure: "client: must not be empty; currency: ...". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): { message: string; fields: { path: string; message: string }[] } {
  const fields = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  return { message: fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields };
}
