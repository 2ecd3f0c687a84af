/** The app's messages: one shown at a time, repeats counted, notes replaced and gone by themselves, errors kept. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
});

const open = async () => {
  const { useApp, shownToast } = await import('../../renderer/src/stores/app');
  const shown = () => shownToast(useApp.getState().toasts);
  return { app: useApp.getState(), shown, all: () => useApp.getState().toasts };
};

describe('messages', () => {
  it('the same note three times is one message counted ×3, and it goes after a few seconds', async () => {
    const m = await open();
    for (let i = 0; i < 3; i++) m.app.notify('info', 'Saved');
    expect(m.all()).toHaveLength(1);
    expect(m.shown()).toMatchObject({ text: 'Saved', count: 3 });
    vi.advanceTimersByTime(4100);
    expect(m.shown()).toBeNull();
  });

  it('a new note replaces the last one instead of piling up', async () => {
    const m = await open();
    m.app.notify('info', 'Undone: M1.1: score 3');
    m.app.notify('info', 'That was the last capability in the list.');
    expect(m.all().map((t) => t.text)).toEqual(['That was the last capability in the list.']);
  });

  it('an error stays until dismissed, shows before notes, and the next error waits its turn', async () => {
    const m = await open();
    m.app.notify('error', 'The file is locked.');
    m.app.notify('info', 'Saved');
    m.app.notify('error', 'The server is not answering.');
    expect(m.shown()?.text).toBe('The file is locked.');
    vi.advanceTimersByTime(60_000);
    expect(m.shown()?.text).toBe('The file is locked.');
    m.app.dismiss(m.shown()!.id);
    expect(m.shown()?.text).toBe('The server is not answering.');
    m.app.dismiss(m.shown()!.id);
    expect(m.shown()).toBeNull();
  });
});
