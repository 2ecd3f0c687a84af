/**
 * The pre-workshop survey round trip on real files: exported by the engine, filled in with exceljs as a
 * participant would in Excel, imported back as that participant's votes (preview, then apply), and every
 * kind of bad file refused with the file, sheet, row and column, nothing changed.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, tempDir, type Harness } from '../support/engine';

let h: Harness;
let engagementId: string;
let assessmentId: string;
let earlierId: string;
let ana: { id: string }, ben: { id: string }, chloe: { id: string };
const work = tempDir('mw-survey-');

function count(table: string): number {
  const dir = join(h.dataDir, 'engagements');
  const db = new Database(join(dir, readdirSync(dir).find((f) => f.endsWith('.mwb'))!), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function exportFor(participantId: string, assessment = assessmentId): Promise<string> {
  const r = await h.call('survey.export', { engagementId, assessmentId: assessment, participantIds: [participantId] });
  return r.path;
}

/** Opens a survey, lets `edit` fill it in as a participant would, saves it under `name`. */
async function fill(path: string, name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  edit(wb);
  const out = join(work, name);
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  h = await startHarness(undefined, () => new Date('2026-11-25T09:00:00Z'));
  engagementId = (await h.call('engagement.create', { client: 'Northwind Bank' })).id;
  ana = await h.call('participant.add', { engagementId, name: 'Ana Lopez' });
  ben = await h.call('participant.add', { engagementId, name: 'Ben Carter' });
  chloe = await h.call('participant.add', { engagementId, name: 'Chloe Martin' });
  earlierId = (await h.call('assessment.create', { engagementId, label: '2026 Q2', date: '2026-05-20', scope: ['M1', 'M2'] })).id;
  assessmentId = (await h.call('assessment.create', { engagementId, label: '2026 Q4', date: '2026-11-20', scope: ['M1', 'M2'] })).id;
}, 60_000);
afterAll(async () => {
  await h.stop();
});

describe('exporting surveys', () => {
  it('writes one file per participant named, into one folder', async () => {
    const r = await h.call('survey.export', { engagementId, assessmentId, participantIds: [ana.id, ben.id] });
    expect(r.files.map((f) => [f.fileName, f.participantId])).toEqual([
      ['Northwind Bank - 2026 Q4 - Survey for Ana Lopez - 2026-11-25.xlsx', ana.id],
      ['Northwind Bank - 2026 Q4 - Survey for Ben Carter - 2026-11-25.xlsx', ben.id],
    ]);
    expect(r.path).toBe(dirname(r.files[0]!.path));
    expect(basename(r.path)).toBe('Northwind Bank - 2026 Q4 - Survey - 2026-11-25');
    expect(r.bytes).toBe(r.files[0]!.bytes + r.files[1]!.bytes);
  });

  it('writes one file for a single participant, straight into the exports folder', async () => {
    const r = await h.call('survey.export', { engagementId, assessmentId, participantIds: [ben.id], oneFile: false });
    expect(r.path).toBe(join(h.dataDir, 'exports', 'Northwind Bank - 2026 Q4 - Survey for Ben Carter - 2026-11-25.xlsx'));
    expect(r.files).toEqual([expect.objectContaining({ path: r.path, participantId: ben.id })]);
  });

  it('writes one file for everyone, a sheet each, with the capabilities in scope, their levels and drop-downs', async () => {
    const r = await h.call('survey.export', { engagementId, assessmentId });
    expect(r.files).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.path);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['How to fill in', 'visible'],
      ['Ana Lopez', 'visible'],
      ['Ben Carter', 'visible'],
      ['Chloe Martin', 'visible'],
      ['_survey', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('Ben Carter')!;
    expect(ws.getCell('B2').value).toBe('Ben Carter');
    expect(ws.getRow(5).values).toEqual([undefined, 'Module', 'Id', 'Capability', 'What it covers', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Your current level', 'Your target level', 'Comment']);
    // Scope M1 and M2: sixteen capabilities, rows 6 to 21.
    expect(ws.getCell('B6').value).toBe('M1.1');
    expect(ws.getCell('B21').value).toBe('M2.8');
    expect(ws.getCell('B22').value).toBeNull();
    expect(String(ws.getCell('E6').value)).toContain('best-effort basis');
    expect(ws.getCell('J6').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5"'] });
    expect(ws.getCell('K21').dataValidation).toMatchObject({ type: 'list', formulae: ['"1,2,3,4,5"'] });
    const id = wb.getWorksheet('_survey')!;
    expect([id.getCell('A2').value, id.getCell('B3').value, id.getCell('B4').value]).toEqual(['maturity-workbench-survey', engagementId, assessmentId]);
  });
});

describe('importing a filled-in survey', () => {
  let filled: string;
  beforeAll(async () => {
    filled = await fill(await exportFor(ana.id), 'ana.xlsx', (wb) => {
      const ws = wb.getWorksheet('Ana Lopez')!;
      ws.getCell('J6').value = 2;
      ws.getCell('K6').value = 4;
      ws.getCell('L6').value = 'We only check freshness by hand.';
      ws.getCell('J7').value = '3'; // a level typed as text counts too
    });
  });

  it('previews the votes it would record and changes nothing', async () => {
    const audit = count('audit_log');
    const preview = await h.call('survey.import', { engagementId, assessmentId, path: filled, apply: false });
    expect(preview).toMatchObject({ file: 'ana.xlsx', applied: false, unchanged: 0, blank: 14, notes: { added: 1, updated: 0 } });
    expect(preview.sheets).toEqual([{ sheet: 'Ana Lopez', participantId: ana.id, participantName: 'Ana Lopez' }]);
    expect(preview.changes.map((c) => [c.capabilityId, c.before, c.after, c.row])).toEqual([
      ['M1.1', null, { current: 2, target: 4 }, 6],
      ['M1.2', null, { current: 3, target: null }, 7],
    ]);
    expect(preview.comments).toEqual([{ participantId: ana.id, participantName: 'Ana Lopez', capabilityId: 'M1.1', text: 'We only check freshness by hand.' }]);
    expect(count('vote')).toBe(0);
    expect(count('audit_log')).toBe(audit);
  });

  it('applies them as the participant’s votes in one change, the comment kept as an interview note', async () => {
    const applied = await h.call('survey.import', { engagementId, assessmentId, path: filled, apply: true });
    expect(applied.applied).toBe(true);
    const detail = await h.call('assessment.get', { engagementId, assessmentId });
    expect(detail.votes.map((v) => [v.participantId, v.capabilityId, v.currentLevel, v.targetLevel])).toEqual([
      [ana.id, 'M1.1', 2, 4],
      [ana.id, 'M1.2', 3, null],
    ]);
    const note = detail.evidence.find((e) => e.title === 'Survey comment by Ana Lopez on M1.1')!;
    expect(note).toMatchObject({ kind: 'interview_note', description: 'We only check freshness by hand.', links: [{ assessmentId, capabilityId: 'M1.1' }] });
    expect(detail.undo.undo).toBe('Survey ana.xlsx: 2 votes by Ana Lopez');
  });

  it('changes nothing when the same file is imported again, by path or as an upload', async () => {
    const audit = count('audit_log');
    const again = await h.call('survey.import', { engagementId, assessmentId, path: filled, apply: true });
    expect(again).toMatchObject({ changes: [], unchanged: 2, notes: { added: 0, updated: 0 } });
    const { readFileSync } = await import('node:fs');
    const upload = await h.call('survey.import', {
      engagementId,
      assessmentId,
      file: { name: 'ana.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: readFileSync(filled).toString('base64') },
      apply: true,
    });
    expect(upload.changes).toEqual([]);
    expect(count('audit_log')).toBe(audit);
    expect(count('vote')).toBe(2);
    expect(count('evidence')).toBe(1);
  });

  it('sends a participant their answers so far in the next survey', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await exportFor(ana.id));
    const ws = wb.getWorksheet('Ana Lopez')!;
    expect([ws.getCell('J6').value, ws.getCell('K6').value, ws.getCell('J7').value, ws.getCell('K7').value]).toEqual([2, 4, 3, null]);
  });
});

describe('refusing a bad survey', () => {
  const refused = async (path: string) => {
    const votes = count('vote');
    const audit = count('audit_log');
    const { status, error } = await h.fail('survey.import', { engagementId, assessmentId, path, apply: true });
    expect(count('vote')).toBe(votes);
    expect(count('audit_log')).toBe(audit);
    return { status, error: error as { code: string; message: string; details: { problems: { file: string; sheet: string | null; row: number | null; column: string | null }[] } } };
  };

  it('refuses the survey of another assessment', async () => {
    const other = await fill(await exportFor(ben.id, earlierId), 'ben-q2.xlsx', (wb) => (wb.getWorksheet('Ben Carter')!.getCell('J6').value = 4));
    const { status, error } = await refused(other);
    expect(status).toBe(400);
    expect(error.message).toBe('The survey was not imported; nothing was changed. ben-q2.xlsx, sheet "_survey", row 4, column B: the survey is for assessment "2026 Q2", not "2026 Q4": import it into that assessment.');
  });

  it('refuses a level outside 1-5, and the good rows of that file are not taken either', async () => {
    const bad = await fill(await exportFor(ben.id), 'ben-six.xlsx', (wb) => {
      const ws = wb.getWorksheet('Ben Carter')!;
      ws.getCell('J6').value = 3;
      ws.getCell('J8').value = 6;
      ws.getCell('K9').value = 0;
      ws.getCell('J9').value = 2;
    });
    const { error } = await refused(bad);
    expect(error.message).toContain('ben-six.xlsx, sheet "Ben Carter", row 8, column J (Your current level): "6" is not a level from 1 to 5.');
    expect(error.message).toContain('ben-six.xlsx, sheet "Ben Carter", row 9, column K (Your target level): "0" is not a level from 1 to 5.');
    expect(error.details.problems).toHaveLength(2);
  });

  it('refuses a survey whose rows were moved or removed', async () => {
    const bad = await fill(await exportFor(ben.id), 'ben-rows.xlsx', (wb) => {
      const ws = wb.getWorksheet('Ben Carter')!;
      ws.getCell('J6').value = 3;
      ws.spliceRows(8, 1);
    });
    const { error } = await refused(bad);
    expect(error.message).toContain('ben-rows.xlsx, sheet "Ben Carter", row 8, column B: expected capability M1.3 here but found "M1.4": rows were added, removed or moved, so the survey\'s structure changed.');
  });

  it('refuses a survey for someone who is no longer a participant', async () => {
    const path = await fill(await exportFor(chloe.id), 'chloe.xlsx', (wb) => (wb.getWorksheet('Chloe Martin')!.getCell('J6').value = 2));
    await h.call('participant.remove', { engagementId, participantId: chloe.id });
    const { error } = await refused(path);
    expect(error.message).toContain('chloe.xlsx, sheet "Chloe Martin", row 2, column B: Chloe Martin is not a participant of this engagement');
  });

  it('refuses a workbook that is not a survey, and a file that is not a workbook', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Scores').getCell('A1').value = 'M1.1';
    const xlsx = join(work, 'scores.xlsx');
    await plain.xlsx.writeFile(xlsx);
    expect((await refused(xlsx)).error.message).toContain('scores.xlsx: this is not a Maturity Workbench survey');
    const text = join(work, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const { error } = await refused(text);
    expect(error.message).toBe('notes.xlsx: this is not an Excel workbook (.xlsx) that can be read; it is not a survey.');
  });
});
