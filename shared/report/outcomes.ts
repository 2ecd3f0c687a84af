/** What the export and import commands answer with. */
import type { EngagementSummary } from '../domain';
import type { SurveyChanges } from './survey';

/** A written file. */
export interface WrittenFile {
  /** Absolute path on the machine running the engine. */
  path: string;
  fileName: string;
  bytes: number;
  /** Where browser mode downloads it (`GET`, with the launch token), when it is in the exports folder; else null. */
  download: string | null;
}

/** The result of an export: the written file, its size and the time taken (reading, building, drawing and writing). */
export interface ExportResult extends WrittenFile {
  ms: number;
  taskId: string;
}

export interface SurveyExportResult extends ExportResult {
  /** Every file written: one per participant, or one for all. With several, `path` is their folder and `bytes` their total. */
  files: (WrittenFile & { participantId: string | null })[];
}

export interface SurveyImportResult extends SurveyChanges {
  /** The file's name, as the problems name it. */
  file: string;
  /** True when the changes were written; false for a preview. */
  applied: boolean;
  sheets: { sheet: string; participantId: string; participantName: string }[];
  /** Comments kept as interview notes linked to their capability: new ones and changed ones. */
  notes: { added: number; updated: number };
}

export interface EngagementImportResult {
  engagement: EngagementSummary;
  /** The file's engagement id was already in this data folder, so the import got a new one. */
  newId: boolean;
  /** The file format the file was written in (migrated to the current one on import). */
  fromVersion: number;
}

/** Branding as the engagement's details show it: the logo's bytes are fetched only for the preview. */
export interface BrandingView {
  primaryColor: string;
  accentColor: string;
  footer: string;
  /** The footer as printed when none is set. */
  defaultFooter: string;
  logo: { mime: string; width: number; height: number; dataBase64: string } | null;
}
