/** Domain types shared by the engine and the UI. Row shapes stay in electron/core/db. */
import type { RoadmapOutputs } from './roadmap/outputs';
import type { Plan, Scenario, Uplift } from './roadmap/types';

export interface Settings {
  /** Shown in the audit log as who made a change. */
  displayName: string;
  /** Largest evidence attachment accepted, in megabytes. */
  attachmentLimitMb: number;
  /** The consultant was asked for their name once (answered or skipped): the home screen stops asking. */
  nameAsked: boolean;
  /** Light or dark screens, or as the operating system says. */
  theme: Theme;
  /** The projector's own scheme (a dark room, a washed-out beamer), or the same as the app. */
  projectorTheme: ProjectorTheme;
  /** How dates are written everywhere: a locale such as fi-FI, or '' to follow each engagement's region. */
  dateLocale: DateLocale;
}

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
export const projectorThemes = ['same', 'light', 'dark'] as const;
export type ProjectorTheme = (typeof projectorThemes)[number];
/** Locales a date can be written in, whatever the engagement's region ('' follows the region). */
export const dateLocales = ['', 'en-GB', 'en-US', 'de-DE', 'fi-FI', 'sv-SE', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'pl-PL', 'ja-JP'] as const;
export type DateLocale = (typeof dateLocales)[number];

/** The longest texts the engine stores, in characters (the contract in api.ts refuses longer ones). */
export const textLimits = {
  name: 120,
  rationale: 20_000,
  owner: 120,
  actionText: 2000,
  evidenceTitle: 200,
  evidenceDescription: 20_000,
  fileName: 255,
  assessmentLabel: 60,
} as const;

export interface AssessmentRef {
  id: string;
  label: string;
  date: string;
}

export interface EngagementSummary {
  id: string;
  client: string;
  industry: string;
  region: string;
  /** ISO 4217 code; money is kept in integer minor units of this currency. */
  currency: string;
  /** Month (1-12) in which the client's fiscal year starts. */
  fyStartMonth: number;
  createdAt: string;
  lastOpenedAt: string | null;
  archivedAt: string | null;
  lastAssessment: AssessmentRef | null;
}

export interface BusinessUnit {
  id: string;
  name: string;
}

export interface Participant {
  id: string;
  name: string;
  role: string;
  businessUnitId: string | null;
  /** When they left the engagement: kept with their votes, shown as former, left out of new vote rounds. */
  leftAt: string | null;
}

/** What removing a participant would touch: their votes, which stay. */
export interface ParticipantUsage {
  participantId: string;
  votes: number;
  assessments: { id: string; label: string; votes: number }[];
  /** Workshop sessions they were present at. */
  sessions: number;
}

/** A removed business unit and who was in it, until it is restored. */
export interface RemovedBusinessUnit {
  id: string;
  name: string;
  removedAt: string;
  /** The people who were in it when it was removed. */
  members: { id: string; name: string }[];
}

/** How far an assessment is, and what deleting it would take with it. */
export interface AssessmentStats {
  assessmentId: string;
  inScope: number;
  /** Agreed (or not applicable) and not waiting for confirmation. */
  scored: number;
  /** Carried over from the previous assessment and not yet confirmed. */
  toConfirm: number;
  votes: number;
  actions: number;
  evidenceLinks: number;
}

export interface AssessmentSummary {
  id: string;
  label: string;
  /** Calendar date the assessment refers to, YYYY-MM-DD. */
  date: string;
  frameworkId: string;
  frameworkVersion: string;
  /** Module ids in scope, in framework order. */
  scope: string[];
  createdAt: string;
  previousAssessmentId: string | null;
}

export interface Engagement extends EngagementSummary {
  businessUnits: BusinessUnit[];
  participants: Participant[];
  assessments: AssessmentSummary[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  command: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  transport: 'ipc' | 'http';
}

// ---- the workshop: ratings, votes, evidence, sessions ---------------------------------------

export const confidences = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidences)[number];

export const actionStatuses = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const evidenceKinds = ['document', 'interview_note', 'link', 'screenshot', 'metric', 'system_config'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const sensitivities = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Sensitivity = (typeof sensitivities)[number];

/** The agreed score of one capability in one assessment. A capability never touched has no row. */
export interface Rating {
  capabilityId: string;
  /** 1-5, or null when not yet scored (or not applicable). */
  currentLevel: number | null;
  targetLevel: number | null;
  /** Excluded from every average. */
  notApplicable: boolean;
  confidence: Confidence | null;
  /** Business impact 1-5. */
  priority: number | null;
  rationale: string;
  owner: string;
  /** Copied from the previous assessment and not yet confirmed. */
  carriedOver: boolean;
  updatedAt: string;
}

export interface Vote {
  capabilityId: string;
  participantId: string;
  currentLevel: number;
  targetLevel: number | null;
  updatedAt: string;
}

export interface ActionItem {
  id: string;
  capabilityId: string;
  text: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
}

export interface AttachmentInfo {
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
}

export interface EvidenceLink {
  assessmentId: string;
  capabilityId: string;
}

export interface Evidence {
  id: string;
  title: string;
  kind: EvidenceKind;
  source: string;
  collectedOn: string | null;
  validUntil: string | null;
  sensitivity: Sensitivity;
  description: string;
  url: string | null;
  attachment: AttachmentInfo | null;
  links: EvidenceLink[];
  /** Past its valid-until date on the engine's today. */
  stale: boolean;
  createdAt: string;
}

export interface WorkshopSession {
  id: string;
  assessmentId: string;
  heldOn: string;
  /** Modules on today's agenda, in framework order. */
  modules: string[];
  /** Participants present. */
  participantIds: string[];
  /** Planned length of the session in minutes. */
  minutes: number;
  startedAt: string;
  endedAt: string | null;
  /** The capability the facilitator is on; the projector follows it. */
  focusCapabilityId: string | null;
  /** Capabilities presented during the session, in the order they were first shown. */
  discussed: string[];
  /** Blind voting: the projector shows how many have voted, and the votes only once revealed. */
  blind: boolean;
  /** Capabilities whose votes are revealed on the projector (in blind voting). */
  revealed: string[];
}

export interface PreviousRating {
  currentLevel: number | null;
  targetLevel: number | null;
  notApplicable: boolean;
  rationale: string;
}

export interface UndoState {
  /** What Ctrl+Z would undo, e.g. "Score M2.1", or null. */
  undo: string | null;
  redo: string | null;
}

/** Everything the workspace shows for one assessment. */
export interface AssessmentDetail {
  assessment: AssessmentSummary;
  /** By capability id. */
  ratings: Record<string, Rating>;
  votes: Vote[];
  actions: ActionItem[];
  /** Evidence linked to a capability of this assessment, each with all its links. */
  evidence: Evidence[];
  previous: { id: string; label: string; date: string; ratings: Record<string, PreviousRating> } | null;
  sessions: WorkshopSession[];
  undo: UndoState;
  /** Pass criteria ticked per capability (framework 1.1), by capability id. */
  criteria: Record<string, string[]>;
  /** The engine's today (YYYY-MM-DD), against which staleness was judged. */
  today: string;
}

/** One capability of an assessment: what a change to that capability can alter on screen. */
export interface CapabilitySlice {
  capabilityId: string;
  rating: Rating | null;
  votes: Vote[];
  actions: ActionItem[];
  /** Evidence linked to this capability in this assessment. */
  evidence: Evidence[];
  sessions: WorkshopSession[];
  undo: UndoState;
  /** Pass criteria ticked for this capability. */
  criteria: string[];
}

/** A page of the engagement's evidence register. */
export interface EvidencePage {
  items: Evidence[];
  total: number;
  offset: number;
}

export interface SearchHit {
  kind: 'capability' | 'rationale' | 'action' | 'evidence';
  /** Capability id, action id or evidence id. */
  refId: string;
  capabilityId: string | null;
  assessmentId: string | null;
  title: string;
  /** Text around the match; matched words are wrapped in \u0002 ... \u0003. */
  snippet: string;
}

export interface AttachmentContent extends AttachmentInfo {
  dataBase64: string;
}

// ---- the roadmap: rate card, initiatives, scenarios and their schedules ----------------------

export type { Initiative, Plan, PlanEntry, RateCard, Role, Scenario, Uplift } from './roadmap/types';

/** The schedule last solved for a scenario, as stored with it. */
export interface ScheduleSummary {
  /** 'optimal': proven within the gap; 'time_limit': the best plan found when time ran out; 'error': the solver failed and the plan is the best found before (or greedy's). */
  status: 'optimal' | 'time_limit' | 'error';
  /** Weighted maturity uplift of the plan (module-mean levels x quarters); null without a plan. */
  objective: number | null;
  /** Relative optimality gap, 0.004 = 0.4 %; null when unknown. */
  gap: number | null;
  /** Solver wall-clock time in milliseconds. */
  ms: number;
  /** The greedy heuristic's objective on the same data. */
  greedyObjective: number;
  source: 'solver' | 'greedy' | 'none';
  message: string | null;
  timeLimitMs: number;
  plan: Plan;
  solvedAt: string;
  /** The initiatives, rate card, scenario or baseline changed since it was solved: schedule again. */
  stale: boolean;
}

export interface RoadmapScenario extends Scenario {
  schedule: ScheduleSummary | null;
  createdAt: string;
  updatedAt: string;
}

/** A starter initiative proposed for one of the top gaps of the baseline assessment; nothing is written until the consultant adds it. */
export interface InitiativeSuggestion {
  /** Position in the gap ranking (1 = the largest weighted gap). */
  rank: number;
  name: string;
  description: string;
  capabilityId: string;
  moduleId: string;
  current: number;
  target: number;
  /** The gap ranking's score (GAP_FORMULA). */
  score: number;
  uplifts: Uplift[];
}

/** What the roadmap screens and exports show for a scenario: every number from shared/roadmap/outputs. */
export interface ScenarioOutputs extends RoadmapOutputs {
  scenarioId: string;
  mode: Scenario['mode'];
  currency: string;
  fyStartMonth: number;
  /** The stored schedule the plan comes from in optimal mode (null when not scheduled yet). */
  schedule: ScheduleSummary | null;
}
