/**
 * Errors in a person's words. The engine's contract keeps the technical path of each bad field
 * (`details.fields[].path`, e.g. "client" or "links.0.capabilityId") for scripts; here each path is named
 * as the screen names its field ("Client name") and each rule is said as a sentence ("Client name is
 * needed"), so a form can show it next to the field it concerns.
 */
import { ApiError } from '../../shared/errors';

/** What a field is called on screen, by the last part of its path. */
const FIELD_NAMES: Record<string, string> = {
  client: 'Client name',
  industry: 'Industry',
  region: 'Region',
  currency: 'Currency',
  fyStartMonth: 'Fiscal year start',
  name: 'Name',
  role: 'Role',
  businessUnitId: 'Business unit',
  label: 'Label',
  date: 'Date',
  scope: 'Modules in scope',
  title: 'Title',
  kind: 'Kind',
  source: 'Source',
  url: 'Web address',
  collectedOn: 'Collected on',
  validUntil: 'Valid until',
  sensitivity: 'Sensitivity',
  description: 'Description',
  file: 'File',
  rationale: 'Rationale',
  owner: 'Owner',
  text: 'Action',
  dueDate: 'Due date',
  status: 'Status',
  displayName: 'Your name',
  attachmentLimitMb: 'Largest evidence file',
  heldOn: 'Date',
  minutes: 'Session length',
  modules: 'Modules for today',
  participantIds: 'Participants present',
  participantId: 'Participant',
  currentLevel: 'Current level',
  targetLevel: 'Target level',
  priority: 'Priority',
  confidence: 'Confidence',
  capabilityId: 'Capability',
  query: 'Search',
};

/** The field a path concerns, as forms key their errors: "file.name" is the file, "links.0.capabilityId" the capability. */
export function fieldOf(path: string): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  if (parts[0] === 'file') return 'file';
  return parts[parts.length - 1] ?? path;
}

export function fieldName(path: string): string {
  const key = fieldOf(path);
  return FIELD_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** A rule the engine itself checks (beyond the contract), said for the field it concerns; null when not one of these. */
function engineRule(path: string, rule: string): string | null {
  const field = fieldName(path);
  switch (rule) {
    case 'before collectedOn':
      return 'Valid until cannot be before the date it was collected.';
    case 'required for a link':
      return 'A link needs its web address.';
    case 'already exists':
      return `${field} is already used here: choose another.`;
    case 'empty file':
      return 'The file is empty: there is nothing to keep as evidence.';
    case 'not a participant':
      return 'That person is not a participant of this engagement.';
    case 'former participant':
      return 'That person has left the engagement: restore them on the People tab to count them in again.';
    default:
      return null;
  }
}

/** One rule of the contract broken by one field, as a sentence. */
export function sentence(path: string, rule: string): string {
  const field = fieldName(path);
  const r = rule.trim().replace(/\.$/, '');
  const known = engineRule(path, r);
  if (known) return known;
  let m: RegExpExecArray | null;
  if (r === 'must not be empty' || /^Invalid input: expected \w+, received undefined$/.test(r)) return `${field} is needed.`;
  if ((m = /^must be at most ([\d,]+) characters$/.exec(r))) return `${field} is too long: keep it to ${Number(m[1]!.replace(/,/g, '')).toLocaleString()} characters or fewer.`;
  if (/three-letter/.test(r)) return `${field} must be a three-letter code such as EUR or USD.`;
  if (/^(must be a date|is not a real calendar date)/.test(r)) return `${field} is not a date: pick one from the calendar.`;
  if (/web address/.test(r)) return `${field} must start with http:// or https://.`;
  if (r === 'must name at least one module') return 'Choose at least one module.';
  return `${field} ${r}.`;
}

export interface PersonError {
  /** Sentences for the fields the form shows, by field (see `fieldOf`). */
  fields: Record<string, string>;
  /** What is left to say on the form's error line, or null. */
  message: string | null;
}

/** The engine's fields of an error, if it names any. */
function problemsOf(err: unknown): { path: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  const fields = (err.details as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is { path: string; message: string } => typeof f?.path === 'string' && typeof f?.message === 'string') : [];
}

/** A message without a technical prefix such as "engagement.create: " or "file: ". */
function plain(message: string): string {
  const prefix = /^(?:[a-z]+\.[a-zA-Z]+: )?(?:[a-zA-Z]\w*(?:\.\w+)*: )?/.exec(message)?.[0] ?? '';
  if (!prefix) return message;
  const rest = message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Whether the contract refused the input (the engine names the command): its rules are said by `sentence`. */
const byContract = (err: unknown) => err instanceof ApiError && err.code === 'invalid_input' && typeof (err.details as { command?: unknown } | undefined)?.command === 'string';

/** One field's problem in words: the contract's rule as a sentence, or the engine's own message. */
function said(err: unknown, p: { path: string; message: string }): string {
  if (byContract(err)) return sentence(p.path, p.message);
  return engineRule(p.path, p.message) ?? plain(err instanceof Error ? err.message : p.message);
}

/** The whole error as a person reads it, e.g. for a toast: every field's sentence, or the engine's plain words. */
export function personMessage(err: unknown): string {
  const problems = problemsOf(err);
  if (problems.length) return [...new Set(problems.map((p) => said(err, p)))].join(' ');
  if (err instanceof Error) return plain(err.message);
  return String(err);
}

/**
 * Splits an error between the fields a form shows (`shown`, keyed as `fieldOf` keys them) and its error line,
 * so each sentence appears beside its field and nothing is said twice.
 */
export function formError(err: unknown, shown: readonly string[]): PersonError {
  const problems = problemsOf(err);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const p of problems) {
    const key = fieldOf(p.path);
    const text = said(err, p);
    if (shown.includes(key)) fields[key] ??= text;
    else rest.push(text);
  }
  if (!problems.length) return { fields, message: personMessage(err) };
  return { fields, message: rest.length ? [...new Set(rest)].join(' ') : null };
}

export const noError: PersonError = { fields: {}, message: null };
