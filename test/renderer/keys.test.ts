/**
 * The workspace keyboard, driven by real KeyboardEvents dispatched in the DOM: what each key records, and which
 * keys are left alone. `invoke` is a stand-in that records each edit and answers as the engine would agree.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentDetail, Participant } from '../../shared/domain';
import type { KeyContext } from '../../renderer/src/workspace/keys';
import { buildModel } from '../../renderer/src/workspace/model';
import { ASSESSMENT, ENGAGEMENT, participant, rating, testDetail, testFramework, vote } from './fixtures';

vi.mock('../../renderer/src/api', () => ({
  invoke: vi.fn(),
  errorMessage: (err: unknown) => (err instanceof Error ? err.message : String(err)),
}));

const framework = testFramework();
const people = [participant('p1', 'Ana Lopez'), participant('p2', 'Ben Okafor'), participant('p3', 'Chen Wei')];

interface Setup {
  detail?: AssessmentDetail;
  capabilityId?: string;
  voters?: Participant[];
}

/** Fresh stores, the workspace open on `capabilityId`, and a window listener that hands each key to the workspace. */
async function workspace({ detail = testDetail(), capabilityId = 'M1.1', voters = people }: Setup = {}) {
  vi.resetModules();
  document.body.innerHTML = '';
  const api = await import('../../renderer/src/api');
  const { useAssessment } = await import('../../renderer/src/stores/assessment');
  const { useApp } = await import('../../renderer/src/stores/app');
  const { useWorkspace } = await import('../../renderer/src/stores/workspace');
  const { handleWorkspaceKey } = await import('../../renderer/src/workspace/keys');
  const invoke = vi.mocked(api.invoke);
  invoke.mockClear();
  const current = () => useAssessment.getState().detail!;
  invoke.mockImplementation(async (command: string, input: unknown) => {
    const i = input as { capabilityId?: string; participantId?: string; currentLevel?: number; targetLevel?: number | null };
    switch (command) {
      case 'assessment.rate':
      case 'assessment.acceptMedian':
        // The engine agrees with what the screen already shows.
        return current().ratings[i.capabilityId!]!;
      case 'vote.cast':
        return vote(i.capabilityId!, i.participantId!, i.currentLevel!, i.targetLevel ?? null);
      case 'history.undo':
      case 'history.redo':
        return { done: 'M1.1: score 3', capabilityId: 'M1.1', undo: null, redo: null };
      default:
        throw new Error(`unexpected command ${command}`);
    }
  });
  useAssessment.setState({ engagementId: ENGAGEMENT, assessmentId: ASSESSMENT, detail, framework });
  useApp.setState({ route: { name: 'assessment', engagementId: ENGAGEMENT, assessmentId: ASSESSMENT, capabilityId } });
  const model = buildModel(framework, detail);
  const go = vi.fn();
  const ctx: KeyContext = { model, visible: model.rows, capabilityId, voters, go };

  /** Dispatches a keydown on `target` (the page by default); returns whether the workspace used it. */
  const press = (init: KeyboardEventInit, target: EventTarget = document.body) => {
    let used: boolean | undefined;
    const listener = (e: KeyboardEvent) => {
      used = handleWorkspaceKey(e, ctx);
    };
    window.addEventListener('keydown', listener);
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    window.removeEventListener('keydown', listener);
    if (used === undefined) throw new Error('the key never reached the window');
    return used;
  };
  /** Lets the queued edits reach the stand-in engine and be answered. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const sent = () => invoke.mock.calls.map(([command, input]) => [command, input]);
  return { press, settle, sent, invoke, go, rating: (id = capabilityId) => current().ratings[id], app: useApp, ws: useWorkspace };
}

const digit = (n: number, shiftKey = false): KeyboardEventInit => ({ key: shiftKey ? '!@#$%'[n - 1]! : String(n), code: `Digit${n}`, shiftKey });
const ref = { engagementId: ENGAGEMENT, assessmentId: ASSESSMENT };

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scoring keys', () => {
  it('a digit sets the agreed current level, shown at once and sent to the engine', async () => {
    const w = await workspace();
    expect(w.press(digit(3))).toBe(true);
    expect(w.rating()?.currentLevel).toBe(3);
    await w.settle();
    expect(w.sent()).toEqual([['assessment.rate', { ...ref, capabilityId: 'M1.1', currentLevel: 3 }]]);
  });

  it('the number pad scores too; 6 to 9 do nothing', async () => {
    const w = await workspace();
    expect(w.press({ key: '4', code: 'Numpad4' })).toBe(true);
    expect(w.rating()?.currentLevel).toBe(4);
    expect(w.press({ key: '7', code: 'Digit7' })).toBe(false);
    expect(w.rating()?.currentLevel).toBe(4);
  });

  it('Shift+digit sets the target level, whatever character the layout gives', async () => {
    const w = await workspace({ detail: testDetail({ ratings: { 'M1.1': rating('M1.1', { currentLevel: 2 }) } }) });
    expect(w.press(digit(4, true))).toBe(true);
    expect(w.rating()).toMatchObject({ currentLevel: 2, targetLevel: 4 });
    await w.settle();
    expect(w.sent()).toEqual([['assessment.rate', { ...ref, capabilityId: 'M1.1', targetLevel: 4 }]]);
  });

  it('Shift+digit on a not-applicable capability makes it applicable again with that target', async () => {
    const w = await workspace({ detail: testDetail({ ratings: { 'M1.1': rating('M1.1', { notApplicable: true }) } }) });
    w.press(digit(5, true));
    expect(w.rating()).toMatchObject({ notApplicable: false, currentLevel: null, targetLevel: 5 });
  });

  it('a digit on a not-applicable capability scores it and sends the N/A change with it', async () => {
    const w = await workspace({ detail: testDetail({ ratings: { 'M1.1': rating('M1.1', { notApplicable: true }) } }) });
    w.press(digit(2));
    expect(w.rating()).toMatchObject({ notApplicable: false, currentLevel: 2 });
    await w.settle();
    expect(w.sent()).toEqual([['assessment.rate', { ...ref, capabilityId: 'M1.1', currentLevel: 2, notApplicable: false }]]);
  });

  it('0 and N toggle not applicable, which clears both levels', async () => {
    const w = await workspace({ detail: testDetail({ ratings: { 'M1.1': rating('M1.1', { currentLevel: 3, targetLevel: 4 }) } }) });
    expect(w.press({ key: '0', code: 'Digit0' })).toBe(true);
    expect(w.rating()).toMatchObject({ notApplicable: true, currentLevel: null, targetLevel: null });
    await w.settle();
    expect(w.press({ key: 'n', code: 'KeyN' })).toBe(true);
    expect(w.rating()?.notApplicable).toBe(false);
    await w.settle();
    expect(w.sent().map(([, input]) => (input as { notApplicable?: boolean }).notApplicable)).toEqual([true, false]);
  });

  it('C confirms a carried-over score; on a score that is not carried over it does nothing', async () => {
    const w = await workspace({ detail: testDetail({ ratings: { 'M1.1': rating('M1.1', { currentLevel: 3, carriedOver: true }) } }) });
    expect(w.press({ key: 'c', code: 'KeyC' })).toBe(true);
    expect(w.rating()).toMatchObject({ currentLevel: 3, carriedOver: false });
    await w.settle();
    expect(w.press({ key: 'c', code: 'KeyC' })).toBe(false);
    expect(w.sent()).toEqual([['assessment.rate', { ...ref, capabilityId: 'M1.1', confirm: true }]]);
  });
});

describe('keys typed in a field are left alone', () => {
  const fields: [string, () => HTMLElement][] = [
    ['a text input', () => document.createElement('input')],
    ['a textarea', () => document.createElement('textarea')],
    ['a select', () => document.createElement('select')],
    [
      'editable content',
      () => {
        const div = document.createElement('div');
        div.setAttribute('contenteditable', 'true');
        const inner = document.createElement('span');
        div.append(inner);
        return inner;
      },
    ],
  ];
  for (const [name, make] of fields) {
    it(name, async () => {
      const w = await workspace();
      const field = make();
      document.body.append(field.closest('[contenteditable]') ?? field);
      expect(w.press(digit(3), field)).toBe(false);
      expect(w.press({ key: 'n', code: 'KeyN' }, field)).toBe(false);
      expect(w.press({ key: 'z', code: 'KeyZ', ctrlKey: true }, field)).toBe(false);
      await w.settle();
      expect(w.invoke).not.toHaveBeenCalled();
      expect(w.rating()).toBeUndefined();
    });
  }

  it('and so are keys while a dialog is open', async () => {
    const w = await workspace();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(w.press(digit(3))).toBe(false);
    expect(w.rating()).toBeUndefined();
  });
});

describe('fast vote mode', () => {
  it('V starts it; digits record each voter in turn; Backspace goes back; the last vote ends it', async () => {
    const w = await workspace();
    expect(w.press({ key: 'v', code: 'KeyV' })).toBe(true);
    expect(w.ws.getState()).toMatchObject({ voteMode: true, voteTurn: 0 });

    w.press(digit(2));
    expect(w.ws.getState().voteTurn).toBe(1);
    expect(w.press({ key: 'Backspace', code: 'Backspace' })).toBe(true);
    expect(w.ws.getState().voteTurn).toBe(0);
    w.press(digit(3)); // Ana again, now 3
    w.press(digit(4)); // Ben
    w.press(digit(5)); // Chen: the last voter
    expect(w.ws.getState()).toMatchObject({ voteMode: false, voteTurn: 0 });
    await w.settle();
    const votes = w.sent().map(([command, input]) => [command, (input as { participantId: string }).participantId, (input as { currentLevel: number }).currentLevel]);
    expect(votes).toEqual([
      ['vote.cast', 'p1', 2],
      ['vote.cast', 'p1', 3],
      ['vote.cast', 'p2', 4],
      ['vote.cast', 'p3', 5],
    ]);
    // A vote is not a score: the agreed level stays unset; the score panel says what can follow, not a message.
    expect(w.rating()).toBeUndefined();
    expect(w.app.getState().toasts).toEqual([]);
  });

  it('T goes round again for target votes, keeping each current vote; only those who voted take part', async () => {
    const detail = testDetail({ votes: [vote('M1.1', 'p1', 2, 3), vote('M1.1', 'p3', 4)] });
    const w = await workspace({ detail });
    expect(w.press({ key: 't', code: 'KeyT' })).toBe(true);
    expect(w.ws.getState()).toMatchObject({ voteMode: true, votePass: 'target', voteTurn: 0 });
    w.press(digit(4)); // Ana's target, her current vote 2 kept
    w.press(digit(5, true)); // Shift+digit counts as a target vote too: Chen (Ben has not voted)
    expect(w.ws.getState()).toMatchObject({ voteMode: false });
    await w.settle();
    expect(w.sent()).toEqual([
      ['vote.cast', { ...ref, capabilityId: 'M1.1', participantId: 'p1', currentLevel: 2, targetLevel: 4 }],
      ['vote.cast', { ...ref, capabilityId: 'M1.1', participantId: 'p3', currentLevel: 4, targetLevel: 5 }],
    ]);
  });

  it('a new current vote keeps the target voted before; Shift+digit in the current pass records nothing', async () => {
    const w = await workspace({ detail: testDetail({ votes: [vote('M1.1', 'p1', 2, 4)] }) });
    w.press({ key: 'v', code: 'KeyV' });
    expect(w.press(digit(3, true))).toBe(true);
    expect(w.ws.getState().voteTurn).toBe(0);
    w.press(digit(3));
    await w.settle();
    expect(w.sent()).toEqual([['vote.cast', { ...ref, capabilityId: 'M1.1', participantId: 'p1', currentLevel: 3, targetLevel: 4 }]]);
  });

  it('T before any current vote says to collect those first', async () => {
    const w = await workspace();
    w.press({ key: 't', code: 'KeyT' });
    expect(w.ws.getState().voteMode).toBe(false);
    expect(w.app.getState().toasts.map((t) => t.text)).toEqual(['Target votes follow the current votes: press V to collect those first.']);
  });

  it('V again or Escape stops it; Escape and Backspace mean nothing outside it', async () => {
    const w = await workspace();
    expect(w.press({ key: 'Escape', code: 'Escape' })).toBe(false);
    expect(w.press({ key: 'Backspace', code: 'Backspace' })).toBe(false);
    w.press({ key: 'v', code: 'KeyV' });
    w.press({ key: 'v', code: 'KeyV' });
    expect(w.ws.getState().voteMode).toBe(false);
    w.press({ key: 'v', code: 'KeyV' });
    expect(w.press({ key: 'Escape', code: 'Escape' })).toBe(true);
    expect(w.ws.getState().voteMode).toBe(false);
  });

  it('V without participants says where to add them', async () => {
    const w = await workspace({ voters: [] });
    expect(w.press({ key: 'v', code: 'KeyV' })).toBe(true);
    expect(w.ws.getState().voteMode).toBe(false);
    expect(w.app.getState().toasts.map((t) => t.text)).toEqual(['Add participants on the engagement’s People tab before voting.']);
  });
});

describe('accepting the median', () => {
  it('M with votes 2, 3 and 5 agrees level 3 (the median) at once', async () => {
    const detail = testDetail({ votes: [vote('M1.1', 'p1', 2), vote('M1.1', 'p2', 3), vote('M1.1', 'p3', 5)] });
    const w = await workspace({ detail });
    expect(w.press({ key: 'm', code: 'KeyM' })).toBe(true);
    expect(w.rating()).toMatchObject({ currentLevel: 3, notApplicable: false });
    await w.settle();
    expect(w.sent()).toEqual([['assessment.acceptMedian', { ...ref, capabilityId: 'M1.1' }]]);
  });

  it('M with votes 2 and 3 waits for the level: only 2 or 3 answers, and 3 agrees the level above', async () => {
    const w = await workspace({ detail: testDetail({ votes: [vote('M1.1', 'p1', 2), vote('M1.1', 'p2', 3)] }) });
    expect(w.press({ key: 'm', code: 'KeyM' })).toBe(true);
    expect(w.ws.getState().prompt).toMatchObject({ kind: 'median', capabilityId: 'M1.1', step: 'current' });
    expect(w.rating()).toBeUndefined();
    // A digit that is not one of the two levels is swallowed: it neither answers nor scores.
    expect(w.press(digit(5))).toBe(true);
    expect(w.rating()).toBeUndefined();
    w.press(digit(3));
    expect(w.ws.getState().prompt).toBeNull();
    expect(w.rating()?.currentLevel).toBe(3);
    await w.settle();
    expect(w.sent()).toEqual([['assessment.acceptMedian', { ...ref, capabilityId: 'M1.1', currentLevel: 3 }]]);
  });

  it('a target median between two levels is asked after the current one; Esc leaves without agreeing anything', async () => {
    const votes = [vote('M1.1', 'p1', 3, 3), vote('M1.1', 'p2', 3, 4)];
    const w = await workspace({ detail: testDetail({ votes }) });
    w.press({ key: 'm', code: 'KeyM' });
    expect(w.ws.getState().prompt).toMatchObject({ kind: 'median', step: 'target', current: 3 });
    expect(w.press({ key: 'Escape', code: 'Escape' })).toBe(true);
    expect(w.ws.getState().prompt).toBeNull();
    w.press({ key: 'm', code: 'KeyM' });
    w.press(digit(4));
    expect(w.rating()).toMatchObject({ currentLevel: 3, targetLevel: 4 });
    await w.settle();
    expect(w.sent()).toEqual([['assessment.acceptMedian', { ...ref, capabilityId: 'M1.1', currentLevel: 3, targetLevel: 4 }]]);
  });

  it('M without votes records nothing and says how to collect them', async () => {
    const w = await workspace({ detail: testDetail({ votes: [vote('M1.2', 'p1', 4)] }) });
    expect(w.press({ key: 'm', code: 'KeyM' })).toBe(true);
    await w.settle();
    expect(w.invoke).not.toHaveBeenCalled();
    expect(w.app.getState().toasts.map((t) => t.text)).toEqual(['No votes on this capability yet: press V to collect them.']);
  });
});

describe('confidence and priority', () => {
  it('P then a digit sets the priority, F then a digit or a letter the confidence; the digit does not score', async () => {
    const w = await workspace();
    expect(w.press({ key: 'p', code: 'KeyP' })).toBe(true);
    w.press(digit(4));
    expect(w.rating()).toMatchObject({ priority: 4, currentLevel: null });
    w.press({ key: 'f', code: 'KeyF' });
    w.press(digit(3));
    expect(w.rating()?.confidence).toBe('high');
    w.press({ key: 'f', code: 'KeyF' });
    w.press({ key: 'l', code: 'KeyL' });
    expect(w.rating()?.confidence).toBe('low');
    // F then 5: no such confidence; the key is swallowed and the prompt stays.
    w.press({ key: 'f', code: 'KeyF' });
    expect(w.press(digit(5))).toBe(true);
    expect(w.ws.getState().prompt).toMatchObject({ kind: 'confidence' });
    expect(w.rating()).toMatchObject({ confidence: 'low', currentLevel: null });
    // Any other key ends the wait and does its own job.
    w.press({ key: 'j', code: 'KeyJ' });
    expect(w.ws.getState().prompt).toBeNull();
    expect(w.go).toHaveBeenCalledWith('M1.2');
  });
});

describe('undo, redo and moving on', () => {
  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac)', async () => {
    const w = await workspace();
    expect(w.press({ key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(w.press({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(w.press({ key: 'y', code: 'KeyY', ctrlKey: true })).toBe(true);
    expect(w.press({ key: 'z', code: 'KeyZ', metaKey: true })).toBe(true);
    await w.settle();
    expect(w.sent()).toEqual([
      ['history.undo', ref],
      ['history.redo', ref],
      ['history.redo', ref],
      ['history.undo', ref],
    ]);
  });

  it('Ctrl with another key, or Ctrl+Alt+Z, is not the workspace’s', async () => {
    const w = await workspace();
    expect(w.press({ key: 'k', code: 'KeyK', ctrlKey: true })).toBe(false);
    expect(w.press({ key: 'z', code: 'KeyZ', ctrlKey: true, altKey: true })).toBe(false);
    await w.settle();
    expect(w.invoke).not.toHaveBeenCalled();
  });

  it('J and K move along the list, U to the next unscored capability', async () => {
    const detail = testDetail({ ratings: { 'M1.2': rating('M1.2', { currentLevel: 2 }), 'M1.3': rating('M1.3', { notApplicable: true }) } });
    const w = await workspace({ detail, capabilityId: 'M1.1' });
    w.press({ key: 'j', code: 'KeyJ' });
    w.press({ key: 'ArrowDown', code: 'ArrowDown' });
    w.press({ key: 'u', code: 'KeyU' });
    expect(w.go.mock.calls).toEqual([['M1.2'], ['M1.2'], ['M2.1']]);
    w.press({ key: 'k', code: 'KeyK' });
    expect(w.app.getState().toasts.map((t) => t.text)).toEqual(['That was the first capability in the list.']);
  });
});
