/**
 * The pre-workshop survey: a workbook a participant fills in before the workshop (one sheet per
 * participant: the capabilities in scope with their level descriptors, drop-downs 1-5 for current and
 * target, a comment), identified by a hidden sheet naming the engagement, the assessment, each sheet's
 * participant and the rows' capabilities. Reading a returned file checks all of that back; every
 * problem names the file, the sheet, the row and the column.
 */
import type { Framework } from '../framework/schema';
import { bare, footerText, textOn, type Branding } from './branding';
import { fmtDate } from './format';
import { colLetter, type CellValue, type Sheet, type Workbook } from './workbook';

export const SURVEY_FORMAT = 'maturity-workbench-survey';
export const SURVEY_VERSION = 1;
/** The hidden identification sheet. */
export const SURVEY_ID_SHEET = '_survey';

export const SURVEY_HEADERS = [
  'Module',
  'Id',
  'Capability',
  'What it covers',
  'Level 1',
  'Level 2',
  'Level 3',
  'Level 4',
  'Level 5',
  'Your current level',
  'Your target level',
  'Comment',
] as const;
export const SURVEY_COL = { id: 2, current: 10, target: 11, comment: 12 } as const;
/** Rows above the header on a participant's sheet. */
const PREAMBLE_ROWS = 3;
export const SURVEY_HEADER_ROW = PREAMBLE_ROWS + 2;

export interface SurveyInput {
  engagement: { id: string; client: string };
  assessment: { id: string; label: string; date: string };
  framework: Framework;
  scope: readonly string[];
  /** The participants to survey, one sheet each. */
  participants: readonly { id: string; name: string }[];
  /** Their votes so far, filled in so a returned file is their whole answer. */
  votes: readonly { participantId: string; capabilityId: string; currentLevel: number; targetLevel: number | null }[];
  branding: Branding;
  created: string;
}

/** A sheet name Excel accepts (31 characters, none of : \ / ? * [ ]), unique among `taken`. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Participant';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === SURVEY_ID_SHEET; i++) {
    const suffix = ` ${i}`;
    candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function capabilitiesInScope(fw: Framework, scope: readonly string[]) {
  return fw.modules.filter((m) => scope.includes(m.id)).flatMap((m) => m.capabilities.map((c) => ({ module: m, capability: c })));
}

const LEVEL_WIDTH = 34;

/** Points of height a wrapped text needs in a column `width` characters wide. */
function heightFor(texts: string[], width: number): number {
  const lines = Math.max(...texts.map((t) => Math.ceil((t.length * 1.1) / (width - 2)) || 1));
  return Math.min(220, Math.max(30, lines * 13 + 6));
}

export function buildSurvey(input: SurveyInput): Workbook {
  const caps = capabilitiesInScope(input.framework, input.scope);
  const taken = new Set<string>();
  const sheets: Sheet[] = [];
  const scale = input.framework.scale;
  const title = `Pre-workshop survey: ${input.engagement.client}, ${input.assessment.label}`;
  sheets.push({
    name: sheetName('How to fill in', taken),
    tabColor: bare(input.branding.accentColor),
    preamble: [
      { cells: [title], style: 'title' },
      { cells: ['1.', `Open your sheet (the tab with your name). Each row is one capability of ${input.framework.name}, with what it looks like at each level.`], style: 'text' },
      { cells: ['2.', 'In "Your current level", pick the level (1-5) the organisation is at today; in "Your target level", where it should be. Leave a row empty if you cannot judge it.'], style: 'text' },
      { cells: ['3.', 'Add a comment where it helps the discussion. Do not add, remove, move or rename rows and sheets: the file is read back as it was sent.'], style: 'text' },
      { cells: ['4.', `Save and return the file before the workshop of ${fmtDate(input.assessment.date)}.`], style: 'text' },
    ],
    columns: [
      { header: 'Level', width: 8, align: 'center' },
      { header: 'Name', width: 18 },
      { header: 'What it means', width: 100, wrap: true },
    ],
    rows: scale.map((s) => [s.level, s.name, s.meaning ?? s.summary]),
    rowHeights: Object.fromEntries(scale.map((s, i) => [i, heightFor([s.meaning ?? s.summary], 100)])),
    frozenColumns: 0,
    autoFilter: false,
    validations: [],
    conditionalFormats: [],
    landscape: true,
  });

  const idRows: CellValue[][] = [
    [SURVEY_FORMAT, SURVEY_VERSION],
    ['engagement', input.engagement.id, input.engagement.client],
    ['assessment', input.assessment.id, input.assessment.label],
    ['framework', input.framework.id, input.framework.version],
    ['capabilities', caps.map((c) => c.capability.id).join(',')],
  ];
  const voteOf = new Map(input.votes.map((v) => [`${v.participantId}|${v.capabilityId}`, v]));
  for (const p of input.participants) {
    const name = sheetName(p.name, taken);
    idRows.push(['sheet', name, p.id, p.name]);
    const first = SURVEY_HEADER_ROW + 1;
    const last = SURVEY_HEADER_ROW + caps.length;
    const current = colLetter(SURVEY_COL.current);
    const target = colLetter(SURVEY_COL.target);
    const levels = ['1', '2', '3', '4', '5'] as const;
    sheets.push({
      name,
      tabColor: bare(input.branding.primaryColor),
      preamble: [
        { cells: [title], style: 'title' },
        { cells: ['For', p.name], style: 'label' },
        { cells: ['How', 'Pick your current and target level from the drop-downs (1-5); leave a row empty if you cannot judge it. Do not add, remove or move rows.'], style: 'text' },
      ],
      columns: [
        { header: SURVEY_HEADERS[0], width: 18, wrap: true },
        { header: SURVEY_HEADERS[1], width: 7 },
        { header: SURVEY_HEADERS[2], width: 24, wrap: true },
        { header: SURVEY_HEADERS[3], width: 36, wrap: true },
        ...levels.map((l, i) => ({ header: SURVEY_HEADERS[4 + i]!, width: LEVEL_WIDTH, wrap: true })),
        { header: SURVEY_HEADERS[9], width: 12, align: 'center' as const, editable: true },
        { header: SURVEY_HEADERS[10], width: 12, align: 'center' as const, editable: true },
        { header: SURVEY_HEADERS[11], width: 40, wrap: true, editable: true },
      ],
      rows: caps.map(({ module, capability: c }) => {
        const v = voteOf.get(`${p.id}|${c.id}`);
        return [
          `${module.id} ${module.name}`,
          c.id,
          c.name,
          c.statement,
          ...levels.map((l) => c.levels[l].descriptor),
          v?.currentLevel ?? null,
          v?.targetLevel ?? null,
          null,
        ];
      }),
      rowHeights: Object.fromEntries(caps.map(({ capability: c }, i) => [i, heightFor([c.statement, ...levels.map((l) => c.levels[l].descriptor)], LEVEL_WIDTH)])),
      frozenColumns: 3,
      autoFilter: false,
      validations: caps.length
        ? [
            { range: `${current}${first}:${current}${last}`, type: 'list', list: ['1', '2', '3', '4', '5'], prompt: 'Where is the organisation today? 1 to 5', error: 'Choose a level from 1 to 5.' },
            { range: `${target}${first}:${target}${last}`, type: 'list', list: ['1', '2', '3', '4', '5'], prompt: 'Where should it be? 1 to 5', error: 'Choose a level from 1 to 5.' },
          ]
        : [],
      conditionalFormats: [],
      landscape: true,
      protect: true,
    });
  }
  sheets.push({
    name: SURVEY_ID_SHEET,
    state: 'veryHidden',
    preamble: [],
    columns: [
      { header: 'key', width: 14 },
      { header: 'value', width: 40 },
      { header: 'detail', width: 30 },
      { header: 'name', width: 30 },
    ],
    rows: idRows,
    frozenColumns: 0,
    autoFilter: false,
    validations: [],
    conditionalFormats: [],
    landscape: false,
    protect: true,
  });
  return {
    title,
    subject: `Survey for ${input.assessment.label}`,
    company: input.engagement.client,
    created: input.created,
    theme: { primary: bare(input.branding.primaryColor), headerText: textOn(input.branding.primaryColor), accent: bare(input.branding.accentColor) },
    footer: footerText(input.branding, input.engagement.client),
    moneyFormat: '#,##0.00',
    sheets,
  };
}

// ---- reading a returned survey -----------------------------------------------------------------

/** A sheet as read from a file: its visibility and its cells as plain values, row 1 first. */
export interface SheetGrid {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  rows: (string | number | boolean | null)[][];
}

export interface SurveyProblem {
  file: string;
  sheet: string | null;
  row: number | null;
  /** Column letter. */
  column: string | null;
  message: string;
}

export interface SurveyAnswer {
  participantId: string;
  participantName: string;
  sheet: string;
  row: number;
  capabilityId: string;
  current: number | null;
  target: number | null;
  comment: string;
}

export interface SurveyExpectation {
  engagementId: string;
  assessmentId: string;
  assessmentLabel: string;
  /** Capabilities in the assessment's scope today. */
  capabilityIds: readonly string[];
  /** The engagement's participants. */
  participants: ReadonlyMap<string, string>;
}

export type SurveyReading = { ok: true; answers: SurveyAnswer[]; sheets: { sheet: string; participantId: string; participantName: string }[] } | { ok: false; problems: SurveyProblem[] };

/** "survey.xlsx, sheet "Ana", row 9, column J: ..." */
export function describeProblem(p: SurveyProblem): string {
  const where = [p.file, p.sheet !== null ? `sheet "${p.sheet}"` : null, p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column ${p.column}` : null].filter(Boolean).join(', ');
  return `${where}: ${p.message}`;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** A level cell: null when empty, the level when a whole number 1-5 (also as text), else a problem message. */
function levelOf(v: unknown): number | null | { error: string } {
  const t = text(v);
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1 || n > 5) return { error: `"${t}" is not a level from 1 to 5` };
  return n;
}

export function readSurvey(file: string, grids: readonly SheetGrid[], expect: SurveyExpectation): SurveyReading {
  const problems: SurveyProblem[] = [];
  const refuse = (sheet: string | null, row: number | null, column: string | null, message: string): SurveyReading => ({ ok: false, problems: [{ file, sheet, row, column, message }] });
  const id = grids.find((g) => g.name === SURVEY_ID_SHEET);
  const marker = id ? id.rows.findIndex((r) => text(r[0]) === SURVEY_FORMAT) : -1;
  if (!id || marker < 0) {
    return refuse(null, null, null, 'this is not a Maturity Workbench survey (its hidden identification sheet is missing): export a survey from the assessment and fill that in.');
  }
  const version = Number(id.rows[marker]![1]);
  if (!Number.isInteger(version) || version > SURVEY_VERSION) {
    return refuse(SURVEY_ID_SHEET, marker + 1, 'B', `the survey was written by a newer version of Maturity Workbench (survey format ${text(id.rows[marker]![1])}; this version reads format ${SURVEY_VERSION}). Update the app to import it.`);
  }
  const key = (k: string) => {
    const i = id.rows.findIndex((r) => text(r[0]) === k);
    return i < 0 ? null : { row: i + 1, cells: id.rows[i]! };
  };
  const eng = key('engagement');
  const asm = key('assessment');
  const capsRow = key('capabilities');
  if (!eng || !asm || !capsRow) return refuse(SURVEY_ID_SHEET, null, null, 'the identification of the survey was changed, so it cannot be matched to an assessment.');
  if (text(eng.cells[1]) !== expect.engagementId) {
    return refuse(SURVEY_ID_SHEET, eng.row, 'B', `the survey belongs to another engagement (${text(eng.cells[2]) || 'unknown'}), not to this one.`);
  }
  if (text(asm.cells[1]) !== expect.assessmentId) {
    return refuse(SURVEY_ID_SHEET, asm.row, 'B', `the survey is for assessment "${text(asm.cells[2])}", not "${expect.assessmentLabel}": import it into that assessment.`);
  }
  const capIds = text(capsRow.cells[1]).split(',').filter(Boolean);
  const inScope = new Set(expect.capabilityIds);
  const dropped = capIds.filter((c) => !inScope.has(c));
  if (dropped.length) {
    return refuse(SURVEY_ID_SHEET, capsRow.row, 'B', `the assessment's scope changed since the survey was sent: ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''} no longer in scope. Send a new survey.`);
  }
  const sheets = id.rows
    .map((r, i) => ({ r, row: i + 1 }))
    .filter((x) => text(x.r[0]) === 'sheet')
    .map((x) => ({ row: x.row, sheet: text(x.r[1]), participantId: text(x.r[2]), name: text(x.r[3]) }));
  if (!sheets.length) return refuse(SURVEY_ID_SHEET, null, null, 'the survey names no participant sheet.');

  const answers: SurveyAnswer[] = [];
  for (const s of sheets) {
    const current = expect.participants.get(s.participantId);
    if (current === undefined) {
      // Row 2, column B of a participant's sheet shows whom it is for.
      problems.push({ file, sheet: s.sheet, row: 2, column: 'B', message: `${s.name || 'this participant'} is not a participant of this engagement (removed since the survey was sent, or the sheet was copied from another survey).` });
      continue;
    }
    const grid = grids.find((g) => g.name === s.sheet);
    if (!grid) {
      problems.push({ file, sheet: s.sheet, row: null, column: null, message: `the sheet of ${s.name} is missing: sheets must not be renamed or deleted.` });
      continue;
    }
    const header = grid.rows[SURVEY_HEADER_ROW - 1] ?? [];
    const wrongHeader = SURVEY_HEADERS.findIndex((h, i) => text(header[i]) !== h);
    if (wrongHeader >= 0) {
      problems.push({
        file,
        sheet: s.sheet,
        row: SURVEY_HEADER_ROW,
        column: colLetter(wrongHeader + 1),
        message: `the header should read "${SURVEY_HEADERS[wrongHeader]}" but reads "${text(header[wrongHeader])}": columns were added, removed or moved, so the survey's structure changed.`,
      });
      continue;
    }
    let structural = false;
    capIds.forEach((capId, i) => {
      const rowNo = SURVEY_HEADER_ROW + 1 + i;
      const row = grid.rows[rowNo - 1] ?? [];
      const found = text(row[SURVEY_COL.id - 1]);
      if (found !== capId) {
        if (!structural) {
          problems.push({
            file,
            sheet: s.sheet,
            row: rowNo,
            column: colLetter(SURVEY_COL.id),
            message: `expected capability ${capId} here but found ${found ? `"${found}"` : 'nothing'}: rows were added, removed or moved, so the survey's structure changed.`,
          });
        }
        structural = true;
        return;
      }
      const cur = levelOf(row[SURVEY_COL.current - 1]);
      const tgt = levelOf(row[SURVEY_COL.target - 1]);
      const colName = (c: number) => `${colLetter(c)} (${SURVEY_HEADERS[c - 1]})`;
      if (cur !== null && typeof cur === 'object') problems.push({ file, sheet: s.sheet, row: rowNo, column: colName(SURVEY_COL.current), message: `${cur.error}.` });
      if (tgt !== null && typeof tgt === 'object') problems.push({ file, sheet: s.sheet, row: rowNo, column: colName(SURVEY_COL.target), message: `${tgt.error}.` });
      if (cur === null && typeof tgt === 'number') {
        problems.push({ file, sheet: s.sheet, row: rowNo, column: colName(SURVEY_COL.current), message: `a target level needs a current level too (the target is ${tgt}).` });
      }
      if ((cur === null || typeof cur === 'number') && (tgt === null || typeof tgt === 'number')) {
        answers.push({ participantId: s.participantId, participantName: current, sheet: s.sheet, row: rowNo, capabilityId: capId, current: cur, target: tgt, comment: text(row[SURVEY_COL.comment - 1]) });
      }
    });
    if (!structural) {
      const below = grid.rows.slice(SURVEY_HEADER_ROW + capIds.length).findIndex((r) => r.some((v) => text(v) !== ''));
      if (below >= 0) {
        const rowNo = SURVEY_HEADER_ROW + capIds.length + below + 1;
        problems.push({ file, sheet: s.sheet, row: rowNo, column: 'A', message: 'rows were added below the survey; its structure changed.' });
      }
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, answers, sheets: sheets.map((s) => ({ sheet: s.sheet, participantId: s.participantId, participantName: expect.participants.get(s.participantId)! })) };
}

export interface VoteChange {
  participantId: string;
  participantName: string;
  capabilityId: string;
  sheet: string;
  row: number;
  before: { current: number; target: number | null } | null;
  after: { current: number; target: number | null };
}

export interface SurveyChanges {
  /** Votes the import adds or changes. */
  changes: VoteChange[];
  /** Answered rows that match the vote already recorded. */
  unchanged: number;
  /** Rows left empty: any vote stays as it is. */
  blank: number;
  comments: { participantId: string; participantName: string; capabilityId: string; text: string }[];
}

/**
 * What importing the answers would change: an answered row is that participant's vote (its target may
 * be empty); an empty row leaves any vote as it is. Importing the same answers again changes nothing.
 */
export function surveyChanges(answers: readonly SurveyAnswer[], votes: readonly { participantId: string; capabilityId: string; currentLevel: number; targetLevel: number | null }[]): SurveyChanges {
  const existing = new Map(votes.map((v) => [`${v.participantId}|${v.capabilityId}`, v]));
  const out: SurveyChanges = { changes: [], unchanged: 0, blank: 0, comments: [] };
  for (const a of answers) {
    if (a.comment) out.comments.push({ participantId: a.participantId, participantName: a.participantName, capabilityId: a.capabilityId, text: a.comment });
    if (a.current === null) {
      out.blank += 1;
      continue;
    }
    const v = existing.get(`${a.participantId}|${a.capabilityId}`);
    if (v && v.currentLevel === a.current && v.targetLevel === a.target) {
      out.unchanged += 1;
      continue;
    }
    out.changes.push({
      participantId: a.participantId,
      participantName: a.participantName,
      capabilityId: a.capabilityId,
      sheet: a.sheet,
      row: a.row,
      before: v ? { current: v.currentLevel, target: v.targetLevel } : null,
      after: { current: a.current, target: a.target },
    });
  }
  return out;
}
