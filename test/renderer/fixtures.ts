/**
 * Small, hand-made assessments for the renderer tests: a framework of two modules (M1 with three capabilities,
 * M2 with two), so every expected count and order can be worked out by reading the test.
 */
import type { ActionItem, AssessmentDetail, CapabilitySlice, Evidence, Participant, Rating, Vote, WorkshopSession } from '../../shared/domain';
import type { Capability, Framework } from '../../shared/framework/schema';
import { blankRating } from '../../shared/scoring/rating';

export const ENGAGEMENT = 'eng-1';
export const ASSESSMENT = 'asm-1';

function capability(id: string, name: string): Capability {
  const level = (n: number) => ({ descriptor: `${name} at level ${n}.` });
  return {
    id,
    name,
    statement: `The team runs ${name.toLowerCase()}.`,
    levels: { '1': level(1), '2': level(2), '3': level(3), '4': level(4), '5': level(5) },
    questions: ['Who owns it?', 'How is it checked?'],
    evidence: ['A runbook.', 'A dashboard.'],
  };
}

export function testFramework(): Framework {
  return {
    id: 'test-fw',
    version: '1.0.0',
    name: 'Test framework',
    scale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `Level ${level}`, summary: `Level ${level}.` })),
    modules: [
      {
        id: 'M1',
        name: 'Ingestion',
        summary: 'Getting data in.',
        capabilities: [capability('M1.1', 'Batch loading'), capability('M1.2', 'Stream loading'), capability('M1.3', 'Change capture')],
      },
      {
        id: 'M2',
        name: 'Quality',
        summary: 'Trusting the data.',
        capabilities: [capability('M2.1', 'Validation rules'), capability('M2.2', 'Data reconciliation')],
      },
    ],
  };
}

export function rating(capabilityId: string, fields: Partial<Rating> = {}): Rating {
  return { ...blankRating(capabilityId), updatedAt: '2026-01-01T10:00:00.000Z', ...fields };
}

export function vote(capabilityId: string, participantId: string, currentLevel: number, targetLevel: number | null = null): Vote {
  return { capabilityId, participantId, currentLevel, targetLevel, updatedAt: '2026-01-01T10:00:00.000Z' };
}

export function action(id: string, capabilityId: string, text = `Action ${id}`): ActionItem {
  return { id, capabilityId, text, owner: '', dueDate: null, status: 'open' };
}

/** Evidence linked to the given capabilities of the test assessment (or of another one: `['asm-2', 'M1.1']`). */
export function evidence(id: string, links: (string | [string, string])[], fields: Partial<Evidence> = {}): Evidence {
  return {
    id,
    title: `Evidence ${id}`,
    kind: 'document',
    source: '',
    collectedOn: null,
    validUntil: null,
    sensitivity: 'internal',
    description: '',
    url: null,
    attachment: null,
    links: links.map((l) => (typeof l === 'string' ? { assessmentId: ASSESSMENT, capabilityId: l } : { assessmentId: l[0], capabilityId: l[1] })),
    stale: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    ...fields,
  };
}

export function participant(id: string, name: string): Participant {
  return { id, name, role: '', businessUnitId: null };
}

export function session(fields: Partial<WorkshopSession> = {}): WorkshopSession {
  return {
    id: 'ses-1',
    assessmentId: ASSESSMENT,
    heldOn: '2026-01-01',
    modules: ['M1', 'M2'],
    participantIds: [],
    minutes: 360,
    startedAt: '2026-01-01T09:00:00.000Z',
    endedAt: null,
    focusCapabilityId: null,
    discussed: [],
    blind: false,
    revealed: [],
    ...fields,
  };
}

export function testDetail(fields: Partial<AssessmentDetail> = {}): AssessmentDetail {
  return {
    assessment: {
      id: ASSESSMENT,
      label: '2026 Q1',
      date: '2026-01-01',
      frameworkId: 'test-fw',
      frameworkVersion: '1.0.0',
      scope: ['M1', 'M2'],
      createdAt: '2026-01-01T09:00:00.000Z',
      previousAssessmentId: null,
    },
    ratings: {},
    votes: [],
    actions: [],
    evidence: [],
    previous: null,
    sessions: [],
    undo: { undo: null, redo: null },
    criteria: {},
    today: '2026-01-01',
    ...fields,
  };
}

export function slice(capabilityId: string, fields: Partial<CapabilitySlice> = {}): CapabilitySlice {
  return { capabilityId, rating: null, votes: [], actions: [], evidence: [], sessions: [], undo: { undo: null, redo: null }, criteria: [], ...fields };
}

/** A promise with its resolve and reject in hand, to answer an edit exactly when a test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
