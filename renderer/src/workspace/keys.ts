/** The workspace keyboard: a whole assessment can be run without a mouse. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Participant } from '../../../shared/domain';
import { useApp } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { isTypingTarget } from '../typing';
import { nextUnscored, step, type CapabilityRow, type WorkspaceModel } from './model';

/** Shown in the shortcuts overlay while the workspace is open. */
export const workspaceKeys: readonly { keys: string; label: string }[] = [
  { keys: '1 … 5', label: 'Set the agreed current level' },
  { keys: 'Shift+1 … 5', label: 'Set the target level' },
  { keys: '0 or N', label: 'Not applicable (press again to undo)' },
  { keys: 'C or Enter', label: 'Confirm a carried-over score' },
  { keys: 'J or ↓', label: 'Next capability (in the navigator’s order and filter)' },
  { keys: 'K or ↑', label: 'Previous capability' },
  { keys: 'U', label: 'Next unscored capability' },
  { keys: 'V', label: 'Fast vote mode: 1 … 5 record each participant’s vote in turn' },
  { keys: 'Backspace', label: 'In fast vote mode: back to the previous participant' },
  { keys: 'M', label: 'Accept the median of the votes as the agreed score' },
  { keys: 'R', label: 'Write the rationale (Esc leaves the field; it saves itself)' },
  { keys: 'A', label: 'Add an action item' },
  { keys: 'E', label: 'Add evidence' },
  { keys: 'G', label: 'Results of this assessment (graphs); G again comes back' },
  { keys: 'Mod+Z', label: 'Undo' },
  { keys: 'Mod+Shift+Z or Mod+Y', label: 'Redo' },
  { keys: 'Mod+K', label: 'Search everything and jump' },
];

export interface KeyContext {
  model: WorkspaceModel;
  /** The navigator's rows, in order, after filters. */
  visible: readonly CapabilityRow[];
  capabilityId: string | undefined;
  voters: readonly Participant[];
  go(capabilityId: string): void;
}

const isInteractive = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest('button, a, summary, [role="button"]');

const focusField = (id: string) => {
  const el = document.getElementById(id);
  el?.focus();
  return !!el;
};

function castTurnVote(ctx: KeyContext, capabilityId: string, level: number): void {
  const ws = useWorkspace.getState();
  const voter = ctx.voters[ws.voteTurn];
  if (!voter) return;
  void useAssessment.getState().vote(capabilityId, voter.id, level);
  const next = ws.voteTurn + 1;
  if (next < ctx.voters.length) {
    ws.set({ voteTurn: next });
  } else {
    ws.set({ voteMode: false, voteTurn: 0 });
    useApp.getState().notify('info', `All ${ctx.voters.length} votes recorded. Press M to accept the median.`);
  }
}

/** Handles one key press; returns true when the key was used. */
export function handleWorkspaceKey(e: KeyboardEvent, ctx: KeyContext): boolean {
  if (document.querySelector('dialog[open]')) return false;
  const typing = isTypingTarget(e.target);
  const app = useApp.getState();
  const store = useAssessment.getState();
  const ws = useWorkspace.getState();
  const key = e.key.toLowerCase();

  if (e.ctrlKey || e.metaKey) {
    if (typing || e.altKey) return false; // text fields keep their own undo
    if (key === 'z' && !e.shiftKey) void store.undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') void store.redo();
    else return false;
    return true;
  }
  if (typing || e.altKey) return false;

  // Read the live route and cache, not the last render: keys can come faster than React paints.
  const id = (app.route.name === 'assessment' && app.route.capabilityId) || ctx.capabilityId;
  const rating = id ? store.detail?.ratings[id] : undefined;
  const hasVotes = !!id && !!store.detail?.votes.some((v) => v.capabilityId === id);
  // The activity view shows no capability: moving on is fine, scoring what is not on screen is not.
  if (app.route.name === 'assessment' && app.route.activity && !['j', 'k', 'u', 'g', 'arrowdown', 'arrowup'].includes(key)) return false;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(e.code)?.[1];
  const level = digit ? Number(digit) : null;

  if (level !== null && level >= 1 && level <= 5 && id) {
    if (ws.voteMode && !e.shiftKey) castTurnVote(ctx, id, level);
    else if (e.shiftKey) void store.rate(id, { targetLevel: level });
    else void store.rate(id, { currentLevel: level, ...(rating?.notApplicable ? { notApplicable: false } : {}) });
    return true;
  }
  if ((level === 0 || (key === 'n' && !e.shiftKey)) && id) {
    void store.rate(id, { notApplicable: !rating?.notApplicable });
    return true;
  }
  if (e.shiftKey && key !== 'enter') return false;

  const move = (target: string | null, none: string) => {
    if (target) ctx.go(target);
    else app.notify('info', none);
  };
  switch (key) {
    case 'j':
    case 'arrowdown':
      move(step(ctx.model, ctx.visible, id, 1), 'That was the last capability in the list.');
      return true;
    case 'k':
    case 'arrowup':
      move(step(ctx.model, ctx.visible, id, -1), 'That was the first capability in the list.');
      return true;
    case 'u':
      move(nextUnscored(ctx.model, id), 'Every capability in scope is scored.');
      return true;
    case 'm':
      if (!id) return false;
      if (hasVotes) void store.acceptMedian(id);
      else app.notify('info', 'No votes on this capability yet: press V to collect them.');
      return true;
    case 'v':
      if (ws.voteMode) ws.set({ voteMode: false, voteTurn: 0 });
      else if (ctx.voters.length === 0) app.notify('info', 'Add participants on the engagement’s People tab before voting.');
      else ws.set({ voteMode: true, voteTurn: 0 });
      return true;
    case 'escape':
      if (!ws.voteMode) return false;
      ws.set({ voteMode: false, voteTurn: 0 });
      return true;
    case 'backspace':
      if (!ws.voteMode) return false;
      ws.set({ voteTurn: Math.max(0, ws.voteTurn - 1) });
      return true;
    case 'enter':
    case 'c':
      // Enter confirms only on the page itself, not on a focused button or link.
      if (!id || !rating?.carriedOver || (key === 'enter' && isInteractive(e.target))) return false;
      void store.rate(id, { confirm: true });
      return true;
    case 'r':
      return focusField('rationale');
    case 'a':
      return focusField('new-action');
    case 'e':
      ws.set({ dialog: 'evidence', droppedFile: null });
      return true;
    case 'g':
      if (!store.engagementId || !store.assessmentId) return false;
      app.navigate({ name: 'results', engagementId: store.engagementId, assessmentId: store.assessmentId });
      return true;
    default:
      return false;
  }
}

/** Listens on the window while the workspace is shown; always sees the latest context. */
export function useWorkspaceKeys(ctx: KeyContext): void {
  const latest = useRef(ctx);
  useLayoutEffect(() => {
    latest.current = ctx;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleWorkspaceKey(e, latest.current)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
