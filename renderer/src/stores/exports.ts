/**
 * Exports and imports: the deck, the workbook, surveys and engagement files, and the roadmap scenarios
 * an export can show. A thin layer over the engine's commands; it follows the engine's progress events
 * (App.tsx passes them on) so a dialog can show an export section by section, and every write (a survey
 * applied, a file imported, branding saved) is an action here that throws the engine's error for the
 * dialog to show.
 */
import { create } from 'zustand';
import type { Input, Result } from '../../../shared/api';
import type { RoadmapScenario } from '../../../shared/domain';
import type { EngineEvent } from '../../../shared/events';
import { fileToBase64 } from '../files';
import { invoke } from '../api';

export interface TaskProgress {
  done: number;
  total: number;
  /** Steps finished so far, in order (section or sheet names). */
  steps: string[];
}

/** A task id for an export about to start, so its progress can be followed and it can be cancelled. */
export function newTaskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `ui-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

type Upload = { name: string; mime: string; dataBase64: string };

async function upload(file: File): Promise<Upload> {
  return { name: file.name, mime: file.type || 'application/octet-stream', dataBase64: await fileToBase64(file) };
}

interface ExportsState {
  tasks: Record<string, TaskProgress>;
  /** The roadmap scenarios an export can show, by engagement: read when the export dialog opens. */
  scenarios: Record<string, RoadmapScenario[]>;
  loadScenarios(engagementId: string): Promise<RoadmapScenario[]>;
  /** Follows an engine event: progress of a running export. */
  follow(event: EngineEvent): void;
  forget(taskId: string): void;
  exportDeck(input: Input<'export.deck'>): Promise<Result<'export.deck'>>;
  exportWorkbook(input: Input<'export.workbook'>): Promise<Result<'export.workbook'>>;
  cancel(taskId: string): Promise<Result<'export.cancel'>>;
  exportSurvey(input: Input<'survey.export'>): Promise<Result<'survey.export'>>;
  /** Reads a returned survey: a preview (`apply` false) or the votes written. */
  importSurvey(engagementId: string, assessmentId: string, file: File, apply: boolean): Promise<Result<'survey.import'>>;
  exportEngagement(input: Input<'engagement.exportFile'>): Promise<Result<'engagement.exportFile'>>;
  importEngagement(file: File): Promise<Result<'engagement.importFile'>>;
  loadBranding(engagementId: string): Promise<Result<'engagement.branding'>>;
  saveBranding(input: Omit<Input<'engagement.setBranding'>, 'logo'> & { logo?: File | null }): Promise<Result<'engagement.setBranding'>>;
}

export const useExports = create<ExportsState>((set, get) => ({
  tasks: {},
  scenarios: {},
  async loadScenarios(engagementId) {
    const list = await invoke('scenario.list', { engagementId });
    set({ scenarios: { ...get().scenarios, [engagementId]: list } });
    return list;
  },
  follow(event) {
    if (event.type !== 'progress') return;
    const before = get().tasks[event.task];
    const steps = before ? [...before.steps] : [];
    if (event.label && !steps.includes(event.label)) steps.push(event.label);
    set({ tasks: { ...get().tasks, [event.task]: { done: event.done, total: event.total, steps } } });
  },
  forget(taskId) {
    const { [taskId]: _gone, ...rest } = get().tasks;
    set({ tasks: rest });
  },
  exportDeck: (input) => invoke('export.deck', input),
  exportWorkbook: (input) => invoke('export.workbook', input),
  cancel: (taskId) => invoke('export.cancel', { taskId }),
  exportSurvey: (input) => invoke('survey.export', input),
  async importSurvey(engagementId, assessmentId, file, apply) {
    return invoke('survey.import', { engagementId, assessmentId, file: await upload(file), apply });
  },
  exportEngagement: (input) => invoke('engagement.exportFile', input),
  async importEngagement(file) {
    return invoke('engagement.importFile', { file: await upload(file) });
  },
  loadBranding: (engagementId) => invoke('engagement.branding', { engagementId }),
  async saveBranding({ logo, ...input }) {
    return invoke('engagement.setBranding', { ...input, ...(logo === undefined ? {} : { logo: logo && (await upload(logo)) }) });
  },
}));
