/**
 * A small report written by hand for the export unit tests: modules M1 and M2 of framework 1.1 in scope,
 * a few capabilities scored (one not applicable), three people whose votes split on M1.1, a previous
 * assessment, two actions and fourteen evidence items (one stale). Every figure the tests expect is
 * worked out from these values in the tests themselves.
 */
import { framework11 } from '../../shared/framework';
import { DEFAULT_BRANDING } from '../../shared/report/branding';
import type { ReportEvidence, ReportInput } from '../../shared/report/input';
import type { RatingInput } from '../../shared/results';

export const PEOPLE = [
  { id: 'p000000001', name: 'Ana Lopez', role: 'Head of Data', businessUnitId: 'u000000001', leftAt: null },
  { id: 'p000000002', name: 'Ben Carter', role: 'Finance Lead', businessUnitId: 'u000000002', leftAt: null },
  { id: 'p000000003', name: 'Chloe Martin', role: 'Risk Officer', businessUnitId: 'u000000002', leftAt: null },
];
export const UNITS = [
  { id: 'u000000001', name: 'Retail Banking' },
  { id: 'u000000002', name: 'Finance' },
];

const rating = (currentLevel: number | null, targetLevel: number | null, extra: Partial<RatingInput> = {}): RatingInput => ({
  currentLevel,
  targetLevel,
  notApplicable: false,
  confidence: null,
  priority: null,
  carriedOver: false,
  ...extra,
});

export function reportFixture(overrides: Partial<ReportInput> = {}): ReportInput {
  const ratings: Record<string, RatingInput> = {
    'M1.1': rating(2, 4, { confidence: 'high', priority: 5 }),
    'M1.2': rating(3, 3, { confidence: 'medium', priority: 2 }),
    'M1.3': rating(null, null, { notApplicable: true }),
    'M1.4': rating(1, 3, { confidence: 'low' }),
    'M2.1': rating(4, 5, { confidence: 'medium', priority: 2 }),
  };
  const evidence: ReportEvidence[] = Array.from({ length: 14 }, (_, i) => ({
    id: `e${String(i).padStart(9, '0')}`,
    title: `Evidence ${String(i + 1).padStart(2, '0')}: interview with Ana Lopez`,
    kind: 'interview_note',
    source: i === 0 ? 'Ana Lopez, Retail Banking' : 'Workshop',
    collectedOn: '2026-09-01',
    validUntil: i === 0 ? '2026-10-01' : '2027-06-30',
    sensitivity: 'internal',
    url: null,
    attachmentName: null,
    capabilityIds: ['M1.1'],
  }));
  return {
    engagement: { id: 'eng0000001', client: 'Acme Bank', industry: 'Banking', region: 'EMEA', currency: 'EUR', fyStartMonth: 4 },
    assessment: { id: 'asm0000002', label: '2026 Q4', date: '2026-11-20', frameworkId: framework11.id, frameworkVersion: framework11.version, scope: ['M1', 'M2'] },
    framework: framework11,
    results: {
      framework: framework11,
      assessment: { id: 'asm0000002', label: '2026 Q4', date: '2026-11-20', scope: ['M1', 'M2'] },
      ratings,
      votes: [
        { capabilityId: 'M1.1', participantId: 'p000000001', currentLevel: 1, targetLevel: 3 },
        { capabilityId: 'M1.1', participantId: 'p000000002', currentLevel: 2, targetLevel: 4 },
        { capabilityId: 'M1.1', participantId: 'p000000003', currentLevel: 4, targetLevel: 4 },
        { capabilityId: 'M1.2', participantId: 'p000000001', currentLevel: 3, targetLevel: null },
      ],
      evidence: { 'M1.1': { count: 14, stale: 1 } },
      actions: [
        { id: 'a000000001', capabilityId: 'M1.1', text: 'Agree SLAs with Ben Carter for the forecasting feeds', owner: 'Ana Lopez', dueDate: '2026-11-01', status: 'open' },
        { id: 'a000000002', capabilityId: 'M2.1', text: 'Review topic replication', owner: '', dueDate: null, status: 'done' },
      ],
      participants: PEOPLE.map((p) => ({ id: p.id, name: p.name })),
      previous: { id: 'asm0000001', label: '2026 Q2', date: '2026-05-20', scope: ['M1', 'M2'], ratings: { 'M1.1': rating(1, 4), 'M2.1': rating(3, 5) } },
    },
    history: [
      { id: 'asm0000001', label: '2026 Q2', date: '2026-05-20', scope: ['M1', 'M2'], ratings: { 'M1.1': rating(1, 4), 'M2.1': rating(3, 5) } },
      { id: 'asm0000002', label: '2026 Q4', date: '2026-11-20', scope: ['M1', 'M2'], ratings },
    ],
    notes: {
      'M1.1': { rationale: 'Ana Lopez keeps the SLA list; Finance relies on it.', owner: 'Ben Carter' },
      'M1.4': { rationale: '', owner: '' },
    },
    votes: [
      { capabilityId: 'M1.1', participantId: 'p000000001', currentLevel: 1, targetLevel: 3, updatedAt: '2026-11-20T10:00:00.000Z' },
      { capabilityId: 'M1.1', participantId: 'p000000002', currentLevel: 2, targetLevel: 4, updatedAt: '2026-11-20T10:00:00.000Z' },
      { capabilityId: 'M1.1', participantId: 'p000000003', currentLevel: 4, targetLevel: 4, updatedAt: '2026-11-20T10:00:00.000Z' },
      { capabilityId: 'M1.2', participantId: 'p000000001', currentLevel: 3, targetLevel: null, updatedAt: '2026-11-20T10:00:00.000Z' },
    ],
    participants: PEOPLE,
    businessUnits: UNITS,
    actions: [
      { id: 'a000000001', capabilityId: 'M1.1', text: 'Agree SLAs with Ben Carter for the forecasting feeds', owner: 'Ana Lopez', dueDate: '2026-11-01', status: 'open' },
      { id: 'a000000002', capabilityId: 'M2.1', text: 'Review topic replication', owner: '', dueDate: null, status: 'done' },
    ],
    evidence,
    branding: DEFAULT_BRANDING,
    today: '2026-11-25',
    ...overrides,
  };
}
