/**
 * The workbook as data: sheets with columns, rows of values and live formulas (each with the result
 * the results model computed, so a reader that does not recalculate still shows the right number),
 * frozen headers, filters, validations, conditional formats and print settings. Nothing here knows
 * Excel: electron/core/export/xlsx.ts draws a `Workbook` with exceljs, and the unit tests read one
 * without opening a file.
 */
import type { Anonymiser } from './anonymise';
import type { Hex } from './deck';
import type { ReportFigures, ReportInput } from './input';

export interface Formula {
  /** Without the leading "=". */
  formula: string;
  /** What it evaluates to on the engine's data and today's date. */
  result: number | string | null;
}

export type CellValue = string | number | boolean | null | { date: string } | Formula;

export interface Column {
  header: string;
  /** Characters. */
  width: number;
  numFmt?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Unlocked for editing when the sheet is protected. */
  editable?: boolean;
  /** Working columns formulas need but a reader does not (hidden, never printed). */
  hidden?: boolean;
}

export interface Validation {
  /** A1 range, e.g. D2:D73. */
  range: string;
  type: 'whole' | 'decimal' | 'list';
  min?: number;
  max?: number;
  list?: string[];
  prompt?: string;
  /** The message Excel shows when a value is refused. */
  error: string;
}

export type ConditionalFormat =
  | { range: string; type: 'colorScale'; stops: { value: number; color: Hex }[] }
  | { range: string; type: 'expression'; formula: string; fill: Hex; font?: Hex; bold?: boolean };

export interface PreambleRow {
  cells: CellValue[];
  /** Number formats of the cells, by position (an amount in a row of labels). */
  formats?: (string | undefined)[];
  style?: 'title' | 'label' | 'text';
}

export interface Sheet {
  name: string;
  tabColor?: Hex;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Rows above the table (a title block); the table's header row follows one blank row after them. */
  preamble: PreambleRow[];
  columns: Column[];
  rows: CellValue[][];
  /** Styles of whole table rows, by index into `rows`. */
  rowStyles?: Record<number, { bold?: boolean; fill?: Hex; topBorder?: boolean }>;
  /** Heights of table rows in points, by index into `rows` (wrapped text). */
  rowHeights?: Record<number, number>;
  /** Columns frozen at the left (the header rows are always frozen). */
  frozenColumns: number;
  autoFilter: boolean;
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  landscape: boolean;
  /** Locks everything but the editable columns (the structure of a survey). */
  protect?: boolean;
}

export interface Workbook {
  title: string;
  subject: string;
  company: string;
  /** ISO timestamp. */
  created: string;
  theme: { primary: Hex; headerText: Hex; accent: Hex };
  /** The confidentiality line in every printed page's footer. */
  footer: string;
  /** Excel number format for amounts in the engagement's currency. */
  moneyFormat: string;
  sheets: Sheet[];
}

/** Column letters: 1 -> A, 27 -> AA. */
export function colLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** The row number of a sheet's header row (1 without a preamble). */
export function headerRow(sheet: Pick<Sheet, 'preamble'>): number {
  return sheet.preamble.length ? sheet.preamble.length + 2 : 1;
}

/** The row number (1-based) of table row `index` (0-based). */
export function rowNumber(sheet: Pick<Sheet, 'preamble'>, index: number): number {
  return headerRow(sheet) + 1 + index;
}

/** An absolute column range of a sheet's table rows: Scores!$D$2:$D$73. */
export function columnRange(sheetName: string, column: number, first: number, last: number): string {
  const c = colLetter(column);
  return `${quoteSheet(sheetName)}!$${c}$${first}:$${c}$${last}`;
}

/** A sheet name as a formula writes it: quoted when it has a space or punctuation. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const isFormula = (v: CellValue): v is Formula => typeof v === 'object' && v !== null && 'formula' in v;

export const workbookSheetIds = ['summary', 'scores', 'votes', 'heatmap', 'evidence', 'actions', 'initiatives', 'schedule', 'costs', 'costRows', 'trend'] as const;
export type WorkbookSheetId = (typeof workbookSheetIds)[number];

export const WORKBOOK_SHEETS: readonly { id: WorkbookSheetId; name: string; needs: 'results' | 'scenario' }[] = [
  { id: 'summary', name: 'Summary', needs: 'results' },
  { id: 'scores', name: 'Scores', needs: 'results' },
  { id: 'votes', name: 'Votes', needs: 'results' },
  { id: 'heatmap', name: 'Heat map', needs: 'results' },
  { id: 'evidence', name: 'Evidence register', needs: 'results' },
  { id: 'actions', name: 'Actions', needs: 'results' },
  { id: 'initiatives', name: 'Initiatives', needs: 'scenario' },
  { id: 'schedule', name: 'Schedule', needs: 'scenario' },
  { id: 'costs', name: 'Costs', needs: 'scenario' },
  { id: 'costRows', name: 'Cost rows', needs: 'scenario' },
  { id: 'trend', name: 'Trend', needs: 'results' },
];

export interface SheetContext {
  input: ReportInput;
  figures: ReportFigures;
  anon: Anonymiser;
  primary: string;
  accent: string;
  /** Where each capability sits on the Scores sheet. */
  scoreRow: Map<string, number>;
  /** The Scores sheet's first and last table rows. */
  scoreRows: { first: number; last: number };
  /** Excel number format for amounts in the engagement's currency. */
  moneyFormat: string;
}

export type SheetBuilder = (c: SheetContext) => Sheet;

