/** The survey model and how a returned one is read, on grids laid out as the workbook drawer lays them out. */
import { describe, expect, it } from 'vitest';
import { framework11 } from '../../shared/framework';
import { DEFAULT_BRANDING } from '../../shared/report/branding';
import { buildSurvey, describeProblem, readSurvey, sheetName, surveyChanges, SURVEY_ID_SHEET, type SheetGrid, type SurveyExpectation } from '../../shared/report/survey';
import { headerRow, isFormula, type Sheet, type Workbook } from '../../shared/report/workbook';

const people = [
  { id: 'p000000001', name: 'Ana Lopez' },
  { id: 'p000000002', name: 'Ben Carter' },
];

function survey(participants = people, votes: Parameters<typeof buildSurvey>[0]['votes'] = []): Workbook {
  return buildSurvey({
    engagement: { id: 'eng0000001', client: 'Acme Bank' },
    assessment: { id: 'asm0000002', label: '2026 Q4', date: '2026-11-20' },
    framework: framework11,
    scope: ['M2'],
    participants,
    votes,
    branding: DEFAULT_BRANDING,
    created: '2026-11-25T09:00:00.000Z',
  });
}

/** A sheet as the file holds it: the preamble, a blank row, the header row, the table. */
function grid(sheet: Sheet): SheetGrid {
  const rows: SheetGrid['rows'] = sheet.preamble.map((p) => p.cells.map((c) => (c === null || typeof c !== 'object' ? c : isFormula(c) ? c.result : c.date)));
  if (sheet.preamble.length) rows.push([]);
  rows.push(sheet.columns.map((c) => c.header));
  for (const r of sheet.rows) rows.push(r.map((c) => (c === null || typeof c !== 'object' ? c : isFormula(c) ? c.result : c.date)));
  return { name: sheet.name, state: sheet.state ?? 'visible', rows };
}

const grids = (wb: Workbook) => wb.sheets.map(grid);
const expectation: SurveyExpectation = {
  engagementId: 'eng0000001',
  assessmentId: 'asm0000002',
  assessmentLabel: '2026 Q4',
  capabilityIds: framework11.modules[1]!.capabilities.map((c) => c.id),
  participants: new Map(people.map((p) => [p.id, p.name])),
};

/** Sets a cell of a participant's sheet by capability row (0 = the first capability) and column (1-based). */
function set(g: SheetGrid[], sheet: string, capability: number, column: number, value: string | number | null) {
  const s = g.find((x) => x.name === sheet)!;
  const row = s.rows[headerRow({ preamble: [1, 2, 3] as never }) + capability]!;
  row[column - 1] = value;
}

describe('the survey workbook', () => {
  const wb = survey(people, [{ participantId: 'p000000002', capabilityId: 'M2.3', currentLevel: 4, targetLevel: 5 }]);

  it('has the instructions, a sheet per participant and the hidden identification', () => {
    expect(wb.sheets.map((s) => [s.name, s.state ?? 'visible'])).toEqual([
      ['How to fill in', 'visible'],
      ['Ana Lopez', 'visible'],
      ['Ben Carter', 'visible'],
      [SURVEY_ID_SHEET, 'veryHidden'],
    ]);
    const id = wb.sheets[3]!.rows;
    expect(id.slice(0, 3)).toEqual([
      ['maturity-workbench-survey', 1],
      ['engagement', 'eng0000001', 'Acme Bank'],
      ['assessment', 'asm0000002', '2026 Q4'],
    ]);
    expect(id.slice(5)).toEqual([
      ['sheet', 'Ana Lopez', 'p000000001', 'Ana Lopez'],
      ['sheet', 'Ben Carter', 'p000000002', 'Ben Carter'],
    ]);
  });

  it('lists the capabilities in scope with their five level descriptors, drop-downs 1-5, and the votes so far', () => {
    const ben = wb.sheets[2]!;
    expect(ben.rows).toHaveLength(8);
    const m23 = ben.rows[2]!;
    expect(m23.slice(1, 3)).toEqual(['M2.3', 'Idempotent Spark processing']);
    expect(m23[4]).toBe(framework11.modules[1]!.capabilities[2]!.levels['1'].descriptor);
    expect(m23.slice(9)).toEqual([4, 5, null]);
    expect(ben.validations.map((v) => [v.range, v.list])).toEqual([
      ['J6:J13', ['1', '2', '3', '4', '5']],
      ['K6:K13', ['1', '2', '3', '4', '5']],
    ]);
    expect(ben.protect).toBe(true);
    expect(ben.columns.filter((c) => c.editable).map((c) => c.header)).toEqual(['Your current level', 'Your target level', 'Comment']);
  });

  it('names sheets as Excel allows: 31 characters, no reserved characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('R&D: Data/Platform [core]', taken)).toBe('R&D Data Platform core');
    expect(sheetName('A very long participant name that goes on', taken)).toBe('A very long participant name th');
    expect(sheetName('A very long participant name that goes on', taken)).toBe('A very long participant name 2');
    expect(sheetName('_survey', taken)).toBe('_survey 2');
  });
});

describe('reading a returned survey', () => {
  const fresh = () => grids(survey());

  it('takes each answered row as the participant’s vote, levels typed as text included', () => {
    const g = fresh();
    set(g, 'Ana Lopez', 0, 10, 2);
    set(g, 'Ana Lopez', 0, 11, 4);
    set(g, 'Ana Lopez', 0, 12, 'Partitions sized by hand');
    set(g, 'Ben Carter', 7, 10, '3');
    const r = readSurvey('returned.xlsx', g, expectation);
    if (!r.ok) throw new Error(r.problems.map(describeProblem).join('; '));
    const answered = r.answers.filter((a) => a.current !== null);
    expect(answered.map((a) => [a.participantId, a.capabilityId, a.current, a.target, a.comment, a.row])).toEqual([
      ['p000000001', 'M2.1', 2, 4, 'Partitions sized by hand', 6],
      ['p000000002', 'M2.8', 3, null, '', 13],
    ]);
  });

  const problem = (edit: (g: SheetGrid[]) => void, exp: SurveyExpectation = expectation) => {
    const g = fresh();
    edit(g);
    const r = readSurvey('returned.xlsx', g, exp);
    if (r.ok) throw new Error('expected the survey to be refused');
    return r.problems.map(describeProblem);
  };

  it.each([
    ['a level above 5', (g: SheetGrid[]) => set(g, 'Ana Lopez', 1, 10, 6), 'returned.xlsx, sheet "Ana Lopez", row 7, column J (Your current level): "6" is not a level from 1 to 5.'],
    ['a fraction', (g: SheetGrid[]) => set(g, 'Ana Lopez', 1, 11, 2.5), 'returned.xlsx, sheet "Ana Lopez", row 7, column K (Your target level): "2.5" is not a level from 1 to 5.'],
    ['words', (g: SheetGrid[]) => set(g, 'Ben Carter', 0, 10, 'high'), 'returned.xlsx, sheet "Ben Carter", row 6, column J (Your current level): "high" is not a level from 1 to 5.'],
    [
      'a target without a current level',
      (g: SheetGrid[]) => set(g, 'Ben Carter', 3, 11, 4),
      'returned.xlsx, sheet "Ben Carter", row 9, column J (Your current level): a target level needs a current level too (the target is 4).',
    ],
    [
      'a moved row',
      (g: SheetGrid[]) => {
        const s = g.find((x) => x.name === 'Ana Lopez')!;
        const [a, b] = [s.rows[6]!, s.rows[7]!];
        s.rows[6] = b;
        s.rows[7] = a;
      },
      'returned.xlsx, sheet "Ana Lopez", row 7, column B: expected capability M2.2 here but found "M2.3": rows were added, removed or moved, so the survey\'s structure changed.',
    ],
    [
      'a row added below',
      (g: SheetGrid[]) => g.find((x) => x.name === 'Ana Lopez')!.rows.push(['M2', 'M2.9', 'Extra']),
      'returned.xlsx, sheet "Ana Lopez", row 14, column A: rows were added below the survey; its structure changed.',
    ],
    [
      'a column removed',
      (g: SheetGrid[]) => g.find((x) => x.name === 'Ben Carter')!.rows.forEach((r) => r.splice(3, 1)),
      'returned.xlsx, sheet "Ben Carter", row 5, column D: the header should read "What it covers" but reads "Level 1": columns were added, removed or moved, so the survey\'s structure changed.',
    ],
    [
      'a renamed sheet',
      (g: SheetGrid[]) => (g.find((x) => x.name === 'Ben Carter')!.name = 'Ben'),
      'returned.xlsx, sheet "Ben Carter": the sheet of Ben Carter is missing: sheets must not be renamed or deleted.',
    ],
  ])('refuses %s, naming the file, sheet, row and column', (_what, edit, message) => {
    expect(problem(edit)).toEqual([message]);
  });

  it('refuses the survey of another assessment or engagement, a newer format and a changed scope', () => {
    expect(problem(() => undefined, { ...expectation, assessmentId: 'asm0000009', assessmentLabel: '2027 Q1' })).toEqual([
      'returned.xlsx, sheet "_survey", row 4, column B: the survey is for assessment "2026 Q4", not "2027 Q1": import it into that assessment.',
    ]);
    expect(problem(() => undefined, { ...expectation, engagementId: 'eng0000009' })).toEqual([
      'returned.xlsx, sheet "_survey", row 3, column B: the survey belongs to another engagement (Acme Bank), not to this one.',
    ]);
    expect(problem((g) => (g.find((x) => x.name === SURVEY_ID_SHEET)!.rows[1]![1] = 2))).toEqual([
      'returned.xlsx, sheet "_survey", row 2, column B: the survey was written by a newer version of Maturity Workbench (survey format 2; this version reads format 1). Update the app to import it.',
    ]);
    expect(problem(() => undefined, { ...expectation, capabilityIds: expectation.capabilityIds.slice(1) })[0]).toContain('the assessment\'s scope changed since the survey was sent: M2.1 no longer in scope');
  });

  it('refuses a sheet of someone who is not a participant, and a workbook that is no survey', () => {
    expect(problem(() => undefined, { ...expectation, participants: new Map([['p000000001', 'Ana Lopez']]) })).toEqual([
      'returned.xlsx, sheet "Ben Carter", row 2, column B: Ben Carter is not a participant of this engagement (removed since the survey was sent, or the sheet was copied from another survey).',
    ]);
    expect(readSurvey('other.xlsx', [{ name: 'Sheet1', state: 'visible', rows: [['x']] }], expectation)).toEqual({
      ok: false,
      problems: [{ file: 'other.xlsx', sheet: null, row: null, column: null, message: expect.stringContaining('this is not a Maturity Workbench survey') }],
    });
  });
});

describe('what an import changes', () => {
  const answer = (capabilityId: string, current: number | null, target: number | null, comment = '') => ({
    participantId: 'p000000001',
    participantName: 'Ana Lopez',
    sheet: 'Ana Lopez',
    row: 6,
    capabilityId,
    current,
    target,
    comment,
  });
  const votes = [
    { participantId: 'p000000001', capabilityId: 'M2.1', currentLevel: 2, targetLevel: 4 },
    { participantId: 'p000000001', capabilityId: 'M2.2', currentLevel: 3, targetLevel: 4 },
    { participantId: 'p000000001', capabilityId: 'M2.4', currentLevel: 1, targetLevel: 2 },
  ];

  it('adds and changes votes, keeps matching ones, leaves empty rows alone', () => {
    const c = surveyChanges([answer('M2.1', 2, 4), answer('M2.2', 3, null), answer('M2.3', 5, 5, 'Solid'), answer('M2.4', null, null)], votes);
    expect(c.changes.map((x) => [x.capabilityId, x.before, x.after])).toEqual([
      ['M2.2', { current: 3, target: 4 }, { current: 3, target: null }],
      ['M2.3', null, { current: 5, target: 5 }],
    ]);
    expect([c.unchanged, c.blank]).toEqual([1, 1]);
    expect(c.comments).toEqual([{ participantId: 'p000000001', participantName: 'Ana Lopez', capabilityId: 'M2.3', text: 'Solid' }]);
  });

  it('changes nothing the second time', () => {
    const answers = [answer('M2.2', 3, null), answer('M2.3', 5, 5)];
    const after = [...votes.filter((v) => v.capabilityId !== 'M2.2'), { participantId: 'p000000001', capabilityId: 'M2.2', currentLevel: 3, targetLevel: null }, { participantId: 'p000000001', capabilityId: 'M2.3', currentLevel: 5, targetLevel: 5 }];
    expect(surveyChanges(answers, after)).toMatchObject({ changes: [], unchanged: 2 });
  });
});
