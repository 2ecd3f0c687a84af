/**
 * Importing a returned survey: the workbook is read with exceljs into plain grids (in the export worker,
 * so the engine keeps answering while a file is parsed), checked against the
 * assessment (shared/report/survey.ts), compared with the votes already recorded, and, when applied,
 * written as that participant's votes in one change (one undo step), all or nothing. Comments are kept
 * as interview notes linked to their capability, one per participant and capability.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { SurveyImportResult } from '../../../shared/report/outcomes';
import { describeProblem, readSurvey, surveyChanges, type SurveyAnswer } from '../../../shared/report/survey';
import type { CommandContext } from '../context';
import type { ReadHandle } from '../db/handle';
import type { VoteRow } from '../db/rows';
import type { RowChange } from '../db/undo';
import { assessmentRow, frameworkOf } from '../handlers/lookup';
import { mutation } from '../mutation';
import { carriedBytes, type UploadStore } from '../upload';
import { readInWorker } from './tasks';

/** A returned survey is a few hundred kilobytes; anything this large is not one. */
const SURVEY_LIMIT_MB = 20;

function fileOf(uploads: UploadStore, input: ParsedInput<'survey.import'>): { name: string; bytes: Buffer } {
  if (input.file) return { name: input.file.name, bytes: carriedBytes(uploads, input.file, SURVEY_LIMIT_MB) };
  const path = input.path!;
  const name = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ApiError('not_found', `path: the file ${path} does not exist.`, { fields: [{ path: 'path', message: 'no such file' }] });
  }
  if (size > SURVEY_LIMIT_MB * 1048576) throw new ApiError('too_large', `${name} is larger than ${SURVEY_LIMIT_MB} MB: it is not a survey.`);
  return { name, bytes: readFileSync(path) };
}

const noteTitle = (name: string, capabilityId: string) => `Survey comment by ${name} on ${capabilityId}`;

interface NotePlan {
  add: { answer: SurveyAnswer; title: string }[];
  update: { id: string; description: string }[];
}

function planNotes(db: ReadHandle, assessmentId: string, answers: readonly SurveyAnswer[]): NotePlan {
  const plan: NotePlan = { add: [], update: [] };
  for (const a of answers) {
    if (!a.comment) continue;
    const title = noteTitle(a.participantName, a.capabilityId);
    const found = db.get<{ id: string; description: string }>(
      `SELECT e.id, e.description FROM evidence e JOIN evidence_link l ON l.evidence_id = e.id
       WHERE e.title = ? AND e.kind = 'interview_note' AND l.assessment_id = ? AND l.capability_id = ? LIMIT 1`,
      title,
      assessmentId,
      a.capabilityId,
    );
    if (!found) plan.add.push({ answer: a, title });
    else if (found.description !== a.comment) plan.update.push({ id: found.id, description: a.comment });
  }
  return plan;
}

function votesOf(db: ReadHandle, assessmentId: string) {
  return db
    .all<VoteRow>('SELECT * FROM vote WHERE assessment_id = ?', assessmentId)
    .map((v) => ({ participantId: v.participant_id, capabilityId: v.capability_id, currentLevel: v.current_level, targetLevel: v.target_level }));
}

export async function importSurvey(ctx: CommandContext, input: ParsedInput<'survey.import'>): Promise<SurveyImportResult> {
  const { name, bytes } = fileOf(ctx.files.uploads, input);
  const grids = await readInWorker(name, bytes);
  const file = await ctx.files.get(input.engagementId);
  /** Reads, checks and compares: the same steps for the preview and, inside the write transaction, for applying. */
  const examine = (db: ReadHandle) => {
    const a = assessmentRow(db, input.assessmentId);
    const fw = frameworkOf(db, a);
    const scope = JSON.parse(a.scope_json) as string[];
    const reading = readSurvey(name, grids, {
      engagementId: db.get<{ id: string }>('SELECT id FROM engagement')!.id,
      assessmentId: a.id,
      assessmentLabel: a.label,
      capabilityIds: fw.modules.filter((m) => scope.includes(m.id)).flatMap((m) => m.capabilities.map((c) => c.id)),
      // Someone who has left keeps the votes they cast, but casts no more: their returned survey is refused.
      participants: new Map(db.all<{ id: string; name: string }>('SELECT id, name FROM participant WHERE left_at IS NULL').map((p) => [p.id, p.name])),
    });
    if (!reading.ok) {
      const shown = reading.problems.slice(0, 5).map(describeProblem);
      const more = reading.problems.length > 5 ? ` (and ${reading.problems.length - 5} more)` : '';
      throw new ApiError('invalid_input', `The survey was not imported; nothing was changed. ${shown.join('; ')}${more}`, { file: name, problems: reading.problems });
    }
    const answers = reading.answers;
    return { reading, answers, changes: surveyChanges(answers, votesOf(db, a.id)), notes: planNotes(db, a.id, answers) };
  };
  const summary = (x: ReturnType<typeof examine>, applied: boolean): SurveyImportResult => ({
    file: name,
    applied,
    sheets: x.reading.sheets,
    ...x.changes,
    notes: { added: x.notes.add.length, updated: x.notes.update.length },
  });

  const preview = examine(file.read);
  if (!input.apply) return summary(preview, false);
  if (!preview.changes.changes.length && !preview.notes.add.length && !preview.notes.update.length) return summary(preview, true);

  return mutation(ctx, input.engagementId, { entity: 'vote', assessmentId: input.assessmentId }, (tx) => {
    const x = examine(tx);
    const tracked: RowChange[] = [];
    for (const c of x.changes.changes) {
      const row: VoteRow = {
        assessment_id: input.assessmentId,
        capability_id: c.capabilityId,
        participant_id: c.participantId,
        current_level: c.after.current,
        target_level: c.after.target,
        updated_at: tx.at,
      };
      tracked.push(
        tx.track('vote', { assessment_id: row.assessment_id, capability_id: row.capability_id, participant_id: row.participant_id }, () => {
          tx.run(
            `INSERT INTO vote (assessment_id, capability_id, participant_id, current_level, target_level, updated_at)
             VALUES (@assessment_id, @capability_id, @participant_id, @current_level, @target_level, @updated_at)
             ON CONFLICT (assessment_id, capability_id, participant_id) DO UPDATE SET
               current_level = excluded.current_level, target_level = excluded.target_level, updated_at = excluded.updated_at`,
            { ...row },
          );
        }),
      );
    }
    for (const n of x.notes.add) {
      const id = tx.newId();
      tx.run(
        `INSERT INTO evidence (id, title, kind, source, collected_on, valid_until, sensitivity, description, url, attachment_sha256, file_name, created_at, updated_at)
         VALUES (?, ?, 'interview_note', ?, ?, NULL, 'internal', ?, NULL, NULL, NULL, ?, ?)`,
        id,
        n.title,
        `Pre-workshop survey, ${n.answer.participantName}`,
        tx.at.slice(0, 10),
        n.answer.comment,
        tx.at,
        tx.at,
      );
      tx.run('INSERT INTO evidence_link (evidence_id, assessment_id, capability_id, created_at) VALUES (?, ?, ?, ?)', id, input.assessmentId, n.answer.capabilityId, tx.at);
    }
    for (const n of x.notes.update) tx.run('UPDATE evidence SET description = ?, updated_at = ? WHERE id = ?', n.description, tx.at, n.id);
    const who = [...new Set(x.changes.changes.map((c) => c.participantName))];
    const label = `Survey ${name}: ${x.changes.changes.length} vote${x.changes.changes.length === 1 ? '' : 's'}${who.length === 1 ? ` by ${who[0]}` : ''}`;
    return {
      result: summary(x, true),
      after: {
        file: name,
        votes: x.changes.changes.map((c) => ({ participant: c.participantName, capabilityId: c.capabilityId, currentLevel: c.after.current, targetLevel: c.after.target })),
        notes: { added: x.notes.add.length, updated: x.notes.update.length },
      },
      undo: tracked.length ? { label, changes: tracked } : undefined,
    };
  });
}
