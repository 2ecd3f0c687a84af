/**
 * The open assessment follows the engine's change events as narrowly as they allow. `invoke` (the renderer's one
 * way to the engine) is replaced by a stand-in that answers from a hand-made assessment and records every read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../shared/events';
import { ASSESSMENT, ENGAGEMENT, rating, slice, testDetail, testFramework, vote } from './fixtures';

vi.mock('../../renderer/src/api', () => ({
  invoke: vi.fn(),
  errorMessage: (err: unknown) => (err instanceof Error ? err.message : String(err)),
}));

const detail = testDetail({
  ratings: { 'M1.1': rating('M1.1', { currentLevel: 2 }), 'M1.2': rating('M1.2', { currentLevel: 3 }) },
  votes: [vote('M1.2', 'p1', 3)],
});
const framework = testFramework();

/** A fresh store (its timers and pending reads start empty) and the stand-in for `invoke`. */
async function openStore() {
  vi.resetModules();
  const api = await import('../../renderer/src/api');
  const { useAssessment } = await import('../../renderer/src/stores/assessment');
  const invoke = vi.mocked(api.invoke);
  invoke.mockImplementation(async (command: string, input: unknown) => {
    if (command === 'assessment.get') return detail;
    if (command === 'framework.get') return framework;
    if (command === 'assessment.capability') {
      const { capabilityId } = input as { capabilityId: string };
      return slice(capabilityId, { rating: rating(capabilityId, { currentLevel: 5 }) });
    }
    throw new Error(`unexpected command ${command}`);
  });
  await useAssessment.getState().open(ENGAGEMENT, ASSESSMENT);
  invoke.mockClear();
  return { store: useAssessment, invoke };
}

const changed = (fields: Partial<Extract<EngineEvent, { type: 'changed' }>> = {}): EngineEvent => ({
  type: 'changed',
  engagementId: ENGAGEMENT,
  tables: ['rating'],
  command: 'assessment.rate',
  assessmentId: ASSESSMENT,
  capabilityId: 'M1.1',
  ...fields,
});

const commands = (invoke: { mock: { calls: unknown[][] } }) => invoke.mock.calls.map((c) => c[0]);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('following engine events', () => {
  it('a change to one capability re-reads only that capability and merges it in', async () => {
    const { store, invoke } = await openStore();
    const untouched = store.getState().detail!.ratings['M1.2'];
    store.getState().follow(changed());
    await vi.advanceTimersByTimeAsync(50);
    expect(invoke.mock.calls).toEqual([['assessment.capability', { engagementId: ENGAGEMENT, assessmentId: ASSESSMENT, capabilityId: 'M1.1' }]]);
    expect(store.getState().detail!.ratings['M1.1']?.currentLevel).toBe(5);
    expect(store.getState().detail!.ratings['M1.2']).toBe(untouched);
    expect(store.getState().synced).toBe(1);
  });

  it('a burst of events about one capability makes one read', async () => {
    const { store, invoke } = await openStore();
    // Events of a burst arrive within a millisecond or two of each other.
    for (let i = 0; i < 5; i++) {
      store.getState().follow(changed());
      await vi.advanceTimersByTimeAsync(0.5);
    }
    await vi.advanceTimersByTimeAsync(50);
    expect(commands(invoke)).toEqual(['assessment.capability']);
  });

  it('a burst about two capabilities reads each of them once, and not the whole assessment', async () => {
    const { store, invoke } = await openStore();
    store.getState().follow(changed({ capabilityId: 'M1.1' }));
    store.getState().follow(changed({ capabilityId: 'M2.1' }));
    store.getState().follow(changed({ capabilityId: 'M1.1' }));
    await vi.advanceTimersByTimeAsync(50);
    expect(invoke.mock.calls.map((c) => [c[0], (c[1] as { capabilityId?: string }).capabilityId]).sort()).toEqual([
      ['assessment.capability', 'M1.1'],
      ['assessment.capability', 'M2.1'],
    ]);
  });

  it('a change without a capability (or to more than six at once) re-reads the whole assessment', async () => {
    const { store, invoke } = await openStore();
    store.getState().follow(changed({ capabilityId: undefined, tables: ['workshop_session'] }));
    await vi.advanceTimersByTimeAsync(50);
    expect(commands(invoke)).toEqual(['assessment.get']);

    invoke.mockClear();
    for (const id of ['M1.1', 'M1.2', 'M1.3', 'M2.1', 'M2.2', 'M3.1', 'M3.2']) store.getState().follow(changed({ capabilityId: id }));
    await vi.advanceTimersByTimeAsync(50);
    expect(commands(invoke)).toEqual(['assessment.get']);
  });

  it('ignores an event for another engagement, and one for another assessment of this engagement', async () => {
    const { store, invoke } = await openStore();
    store.getState().follow(changed({ engagementId: 'eng-2' }));
    store.getState().follow(changed({ engagementId: null, tables: ['settings'] }));
    store.getState().follow(changed({ assessmentId: 'asm-2' }));
    await vi.advanceTimersByTimeAsync(200);
    expect(invoke).not.toHaveBeenCalled();
    expect(store.getState().synced).toBe(0);
  });

  it('never shows a read that raced an edit on its way, and reads again once the edit is answered', async () => {
    const { store, invoke } = await openStore();
    // The engine's stored level of M1.1: 2 until the edit is answered.
    let stored = 2;
    let answer!: () => void;
    invoke.mockImplementation(async (command: string) => {
      if (command === 'assessment.rate') {
        await new Promise<void>((resolve) => (answer = resolve));
        stored = 4;
        return rating('M1.1', { currentLevel: 4 });
      }
      if (command === 'assessment.capability') return slice('M1.1', { rating: rating('M1.1', { currentLevel: stored }) });
      throw new Error(`unexpected command ${command}`);
    });
    const edit = store.getState().rate('M1.1', { currentLevel: 4 });
    expect(store.getState().detail!.ratings['M1.1']?.currentLevel).toBe(4);
    // Another change to M1.1 is announced while the edit is on its way.
    store.getState().follow(changed());
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().detail!.ratings['M1.1']?.currentLevel).toBe(4);
    expect(store.getState().synced).toBe(0);

    answer();
    await edit;
    await vi.advanceTimersByTimeAsync(50);
    expect(commands(invoke).at(-1)).toBe('assessment.capability');
    expect(store.getState().detail!.ratings['M1.1']?.currentLevel).toBe(4);
    expect(store.getState().synced).toBe(1);
    expect(store.getState().pending).toBe(0);
  });
});
