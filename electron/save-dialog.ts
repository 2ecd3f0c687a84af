/**
 * The desktop app's save dialog for exports: an export command that arrives without a path is given the
 * file (or, for several survey files, the folder) the consultant chooses, under the readable name the
 * engine would use. Browser mode has no dialog: the engine writes to the exports folder and the page
 * downloads the file.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { exportFileName, extensionOf, type ExportKind } from '../shared/report/format';
import type { Engine } from './core/engine';

const SAVED: Record<string, ExportKind> = {
  'export.deck': 'deck',
  'export.workbook': 'workbook',
  'survey.export': 'survey',
  'engagement.exportFile': 'engagement',
};

const FILTERS: Record<ExportKind, Electron.FileFilter[]> = {
  deck: [{ name: 'PowerPoint', extensions: ['pptx'] }],
  workbook: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  survey: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  engagement: [{ name: 'Maturity Workbench engagement', extensions: [extensionOf('engagement').slice(1)] }],
};

interface ExportInput {
  engagementId?: string;
  assessmentId?: string;
  participantIds?: string[];
  oneFile?: boolean;
  path?: string;
}

async function suggestedName(engine: Engine, kind: ExportKind, input: ExportInput): Promise<string> {
  const outcome = await engine.invoke('engagement.get', { engagementId: input.engagementId });
  if (!outcome.ok) return `export${extensionOf(kind)}`;
  const e = outcome.result as { client: string; assessments: { id: string; label: string }[]; participants: { id: string; name: string }[] };
  const assessment = e.assessments.find((a) => a.id === input.assessmentId)?.label;
  const who = input.participantIds?.length === 1 ? e.participants.find((p) => p.id === input.participantIds![0])?.name : undefined;
  return exportFileName(kind, { client: e.client, assessment: kind === 'engagement' ? undefined : assessment, who, date: engine.clock.today() });
}

/**
 * The input with the path the consultant chose; the input as it was for any other command or when it
 * names a path already; null when the dialog was cancelled.
 */
export async function withSavePath(engine: Engine, win: BrowserWindow | undefined, command: string, input: unknown): Promise<unknown | null> {
  const kind = SAVED[command];
  if (!kind || typeof input !== 'object' || input === null || (input as ExportInput).path !== undefined) return input;
  const i = input as ExportInput;
  const name = await suggestedName(engine, kind, i);
  const severalSurveys = kind === 'survey' && !(i.oneFile ?? i.participantIds === undefined) && (i.participantIds?.length ?? 2) > 1;
  if (severalSurveys) {
    const options: Electron.OpenDialogOptions = { title: 'Choose a folder for the survey files', defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || !r.filePaths[0] ? null : { ...i, path: r.filePaths[0] };
  }
  const options: Electron.SaveDialogOptions = { title: 'Save the export', defaultPath: join(app.getPath('documents'), name), filters: FILTERS[kind] };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : { ...i, path: r.filePath };
}
