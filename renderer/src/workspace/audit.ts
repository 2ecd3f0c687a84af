/** Audit entries in words a client understands: "Score M2.1: current 2 → 3", only what changed. */
import type { AuditEntry, Participant } from '../../../shared/domain';
import { formatDate } from '../format';

const commandLabels: Record<string, string> = {
  'assessment.create': 'Assessment created',
  'assessment.rate': 'Score',
  'assessment.acceptMedian': 'Median accepted',
  'vote.cast': 'Vote',
  'vote.remove': 'Vote removed',
  'action.add': 'Action added',
  'action.update': 'Action changed',
  'action.remove': 'Action removed',
  'evidence.add': 'Evidence added',
  'evidence.update': 'Evidence changed',
  'evidence.remove': 'Evidence removed',
  'evidence.link': 'Evidence linked',
  'evidence.unlink': 'Evidence unlinked',
  'assessment.update': 'Assessment renamed',
  'assessment.delete': 'Assessment deleted',
  'assessment.tickCriterion': 'Criterion',
  'participant.add': 'Participant added',
  'participant.update': 'Participant changed',
  'participant.remove': 'Participant left',
  'participant.restore': 'Participant back',
  'businessUnit.add': 'Business unit added',
  'businessUnit.rename': 'Business unit renamed',
  'businessUnit.remove': 'Business unit removed',
  'businessUnit.restore': 'Business unit restored',
  'history.undo': 'Undo',
  'history.redo': 'Redo',
  'workshop.start': 'Workshop started',
  'workshop.focus': 'Workshop moved on',
  'workshop.end': 'Workshop ended',
  'workshop.update': 'Workshop changed',
  'workshop.reveal': 'Blind votes on the projector',
  'engagement.create': 'Engagement created',
  'engagement.update': 'Engagement details changed',
  'engagement.archive': 'Engagement archived',
  'engagement.setBranding': 'Branding changed',
  'engagement.importFile': 'Engagement imported',
  'backup.restore': 'Backup restored',
  'survey.import': 'Survey imported',
  'rateCard.set': 'Rate card changed',
  'initiative.add': 'Initiative added',
  'initiative.update': 'Initiative changed',
  'initiative.remove': 'Initiative removed',
  'scenario.create': 'Scenario created',
  'scenario.update': 'Scenario changed',
  'scenario.copy': 'Scenario copied',
  'scenario.remove': 'Scenario removed',
  'scenario.schedule': 'Scenario scheduled',
};

/** What a command did, in words ("Assessment deleted"); a command without a label is shown as its name. */
export function commandLabel(command: string): string {
  return commandLabels[command] ?? command;
}

const fieldLabels: Record<string, string> = {
  currentlevel: 'current',
  targetlevel: 'target',
  notapplicable: 'not applicable',
  confidence: 'confidence',
  priority: 'priority',
  rationale: 'rationale',
  owner: 'owner',
  carriedover: 'carried over',
  participantid: 'participant',
  participantids: 'present',
  text: 'text',
  duedate: 'due',
  status: 'status',
  title: 'title',
  kind: 'kind',
  sensitivity: 'sensitivity',
  validuntil: 'valid until',
  collectedon: 'collected on',
  description: 'description',
  source: 'source',
  url: 'web address',
  heldon: 'date',
  modules: 'modules',
  minutes: 'minutes',
  focuscapabilityid: 'focus',
  label: 'label',
  filename: 'file',
  evidence: 'evidence',
  voteskept: 'votes kept',
  people: 'people',
};

/** Keys that say nothing to a reader: ids, timestamps, bookkeeping, and what another line already says. */
const hidden = /^(id|rid|seq|at|updatedat|createdat|assessmentid|engagementid|capabilityid|evidenceid|actionid|sessionid|sha256|attachmentsha256|startedat|endedat|links|size|former|businessunitid)$/;

/** Values stored as codes, in words: "interview_note" is an interview note. */
const words = (v: string) => v.replace(/_/g, ' ');

/** Nothing to say about a field a new record leaves empty. */
const blank = (v: unknown) => v === null || v === undefined || v === '' || v === false || v === 0 || (Array.isArray(v) && v.length === 0);

const norm = (key: string) => key.replace(/[_\s-]/g, '').toLowerCase();

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function show(key: string, v: unknown, names: ReadonlyMap<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  const k = norm(key);
  if ((k === 'participantid' || k === 'participantids') && typeof v === 'string') return names.get(v) ?? 'a former participant';
  if (k === 'participantids' && Array.isArray(v)) return v.map((x) => show(k, x, names)).join(', ') || 'nobody';
  if (k === 'notapplicable' || k === 'carriedover' || typeof v === 'boolean') return v === true || v === 1 ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => show('', x, names)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  if (k === 'kind' || k === 'status' || k === 'sensitivity') return words(s);
  return s.length > 60 ? `“${s.slice(0, 57)}…”` : k === 'rationale' || k === 'text' || k === 'description' || k === 'title' || k === 'evidence' ? `“${s}”` : s;
}

/** For a new evidence item, only what names it: its title, kind, and the file or address it holds. */
const EVIDENCE_ADDED = new Set(['title', 'kind', 'filename', 'url']);

export interface ReadableEntry {
  what: string;
  capabilityId: string | null;
  changes: string[];
}

/** Field-by-field "from → to" of an audit entry, skipping fields that did not change. */
export function describeEntry(entry: AuditEntry, participants: readonly Participant[]): ReadableEntry {
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const what = commandLabel(entry.command);
  // Undo and redo record the label of the change they took back or made again, e.g. "M1.1: score 2".
  const undone = before?.label ?? after?.label;
  if ((entry.command === 'history.undo' || entry.command === 'history.redo') && typeof undone === 'string') {
    return { what, capabilityId: /^(M\d+\.\d+):/.exec(undone)?.[1] ?? null, changes: [undone] };
  }
  const all = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  // The engine may name the participant itself; then the id adds nothing. Who comes first, then what changed.
  const named = all.includes('participant');
  const isWho = (k: string) => norm(k) === 'participant' || norm(k) === 'participantid';
  const keys = all
    .filter((k) => !hidden.test(norm(k)) && !(named && norm(k) === 'participantid'))
    .filter((k) => entry.command !== 'evidence.add' || EVIDENCE_ADDED.has(norm(k)))
    .sort((a, b) => Number(isWho(b)) - Number(isWho(a)));
  const changes: string[] = [];
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    const label = fieldLabels[norm(key)] ?? key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    if (isWho(key)) changes.push(show(key, b ?? a, names));
    else if (!before) {
      // A new record: what it was made with, not every field it left empty.
      if (!blank(b)) changes.push(`${label} ${show(key, b, names)}`);
    }
    else if (!after) changes.push(`${label} was ${show(key, a, names)}`);
    else changes.push(`${label} ${show(key, a, names)} → ${show(key, b, names)}`);
  }
  const capabilityId =
    (typeof after?.capabilityId === 'string' && after.capabilityId) ||
    (typeof after?.capability_id === 'string' && after.capability_id) ||
    (typeof before?.capabilityId === 'string' && before.capabilityId) ||
    (typeof before?.capability_id === 'string' && before.capability_id) ||
    null;
  return { what, capabilityId, changes };
}
