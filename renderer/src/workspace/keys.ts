/** The workspace keyboard: a whole assessment can be run without a mouse. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { confidences, type Confidence, type Participant, type Vote } from '../../../shared/domain';
import { consensus, medianLevels } from '../../../shared/scoring/consensus';
import { useApp } from '../stores/app';
import { useAssessment } from '../stores/assessment';
import { useWorkspace, type KeyPrompt, type VotePass } from '../stores/workspace';
import { isTypingTarget } from '../typing';
import { activeSession, nextUnscored, step, type CapabilityRow, type WorkspaceModel } from './model';

/** Shown in the shortcuts overlay while the workspace is open. */
export const workspaceKeys: readonly { keys: string; label: string }[] = [
  { keys: '1 … 5', label: 'Set the agreed current level' },
  { keys: 'Shift+1 … 5', label: 'Set the target level' },
  { keys: '0 or N', label: 'Not applicable (press again to undo)' },
  { keys: 'C or Enter', label: 'Confirm a carried-over score' },
  { keys: 'F then 1 … 3', label: 'Confidence: 1 low, 2 medium, 3 high (or F then L, M, H)' },
  { keys: 'P then 1 … 5', label: 'Priority: business impact, 4 or 5 is high' },
  { keys: 'O', label: 'Owner: write who owns the capability (Esc leaves the field; it saves itself)' },
  { keys: 'J or ↓', label: 'Next capability (in the navigator’s order and filter)' },
  { keys: 'K or ↑', label: 'Previous capability' },
  { keys: 'U', label: 'Next unscored capability' },
  { keys: 'V', label: 'Fast vote mode: 1 … 5 record each participant’s vote in turn; V or Esc stops' },
  { keys: 'T', label: 'Fast vote for target votes: a second pass, 1 … 5 record each participant’s target in turn' },
  { keys: 'Backspace', label: 'In fast vote: back to the previous participant' },
  { keys: 'M', label: 'Accept the median of the votes and of the target votes; for a median between two levels, then press the lower or upper level' },
  { keys: 'B', label: 'Blind voting: reveal the votes on the projector all at once (B again hides them)' },
  { keys: 'R', label: 'Write the rationale (Esc leaves the field; it saves itself)' },
  { keys: 'A', label: 'Add an action item (Enter adds it and hands the keys back, Esc leaves the field)' },
  { keys: 'E', label: 'Add evidence' },
  { keys: 'G', label: 'Results of this assessment (graphs); G again comes back' },
  { keys: 'Esc', label: 'Leave fast vote, or a key waiting for its number' },
  { keys: 'Mod+Z', label: 'Undo (shows the capability it changes)' },
  { keys: 'Mod+Shift+Z or Mod+Y', label: 'Redo' },
  { keys: 'Mod+K', label: 'Search everything and jump' },
];

export interface KeyContext {
  model: WorkspaceModel;
  /** The navigator's rows, in order, after filters. */
  visible: readonly CapabilityRow[];
  capabilityId: string | undefined;
  /** Who is in the room, in the order they vote. */
  voters: readonly Participant[];
  go(capabilityId: string): void;
}

const isInteractive = (target: EventTarget | null) => target instanceof HTMLElement && !!target.closest('button, a, summary, [role="button"]');

const focusField = (id: string) => {
  const el = document.getElementById(id);
  el?.focus();
  return !!el;
};

/** Who votes in a round, in turn: everyone in the room for current levels; for targets, those who gave a current level. */
export function turnOrder(voters: readonly Participant[], votes: readonly Vote[], pass: VotePass): readonly Participant[] {
  if (pass === 'current') return voters;
  const voted = new Set(votes.map((v) => v.participantId));
  return voters.filter((p) => voted.has(p.id));
}

const votesOn = (capabilityId: string): Vote[] => useAssessment.getState().detail?.votes.filter((v) => v.capabilityId === capabilityId) ?? [];

function castTurnVote(ctx: KeyContext, capabilityId: string, level: number): void {
  const ws = useWorkspace.getState();
  const votes = votesOn(capabilityId);
  const order = turnOrder(ctx.voters, votes, ws.votePass);
  const voter = order[ws.voteTurn];
  if (!voter) return;
  const before = votes.find((v) => v.participantId === voter.id);
  const store = useAssessment.getState();
  // A new current level keeps the target voted before, and a target keeps the current level.
  if (ws.votePass === 'current') void store.vote(capabilityId, voter.id, level, before?.targetLevel ?? null);
  else if (before) void store.vote(capabilityId, voter.id, before.currentLevel, level);
  const next = ws.voteTurn + 1;
  // After the last voter the round ends; the score panel says what can follow (T, B, M).
  ws.set(next < order.length ? { voteTurn: next } : { voteMode: false, voteTurn: 0 });
}

/** Starts a round of fast voting (or stops the one running on the same pass). */
export function startVoting(voters: readonly Participant[], capabilityId: string, pass: VotePass): void {
  const app = useApp.getState();
  const ws = useWorkspace.getState();
  if (ws.voteMode && ws.votePass === pass) {
    ws.set({ voteMode: false, voteTurn: 0 });
    return;
  }
  if (voters.length === 0) {
    app.notify('info', 'Add participants on the engagement’s People tab before voting.');
    return;
  }
  if (pass === 'target' && turnOrder(voters, votesOn(capabilityId), 'target').length === 0) {
    app.notify('info', 'Target votes follow the current votes: press V to collect those first.');
    return;
  }
  ws.set({ voteMode: true, votePass: pass, voteTurn: 0, prompt: null });
  // In blind voting a new round on revealed votes hides them again on the projector.
  const session = activeSession(useAssessment.getState().detail?.sessions ?? []);
  if (pass === 'current' && session?.blind && session.revealed.includes(capabilityId)) void useAssessment.getState().reveal(session.id, capabilityId, false);
}

/** M: agrees the median at once, or asks for the level first when a median falls between two levels. */
export function startMedian(capabilityId: string): void {
  const c = consensus(votesOn(capabilityId));
  if (c.count === 0) {
    useApp.getState().notify('info', 'No votes on this capability yet: press V to collect them.');
    return;
  }
  const current = medianLevels(c.median);
  const target = medianLevels(c.targetMedian);
  const ws = useWorkspace.getState();
  if (current.length > 1) ws.set({ prompt: { kind: 'median', capabilityId, step: 'current' } });
  else if (target.length > 1) ws.set({ prompt: { kind: 'median', capabilityId, step: 'target', current: current[0]! } });
  else void useAssessment.getState().acceptMedian(capabilityId);
}

const CONFIDENCE_KEYS: Record<string, Confidence> = { l: 'low', m: 'medium', h: 'high' };

/**
 * A key after P, F or M (on a median between two levels): the number (or letter) it waits for. Other digits are
 * swallowed, so a slip never scores; any other key ends the wait and does what it always does (null).
 */
function answerPrompt(e: KeyboardEvent, key: string, level: number | null, prompt: KeyPrompt): boolean | null {
  const ws = useWorkspace.getState();
  const store = useAssessment.getState();
  const id = prompt.capabilityId;
  const done = () => ws.set({ prompt: null });
  if (key === 'escape') {
    done();
    return true;
  }
  const confidence = prompt.kind === 'confidence' ? (level !== null && !e.shiftKey ? confidences[level - 1] : CONFIDENCE_KEYS[key]) : undefined;
  if (level === null && !confidence) {
    done();
    return null;
  }
  switch (prompt.kind) {
    case 'priority':
      if (level !== null && level >= 1 && level <= 5 && !e.shiftKey) {
        done();
        void store.rate(id, { priority: level });
      }
      return true;
    case 'confidence':
      if (confidence) {
        done();
        void store.rate(id, { confidence });
      }
      return true;
    case 'median':
      if (level !== null && !e.shiftKey) pickMedianLevel(prompt, level);
      return true;
  }
}

/** The level picked for a median between two levels; a level that is not one of the two is ignored. */
export function pickMedianLevel(prompt: Extract<KeyPrompt, { kind: 'median' }>, level: number): void {
  const ws = useWorkspace.getState();
  const c = consensus(votesOn(prompt.capabilityId));
  if (!medianLevels(prompt.step === 'current' ? c.median : c.targetMedian).includes(level)) return;
  if (prompt.step === 'current' && medianLevels(c.targetMedian).length > 1) {
    ws.set({ prompt: { ...prompt, step: 'target', current: level } });
    return;
  }
  ws.set({ prompt: null });
  void useAssessment.getState().acceptMedian(prompt.capabilityId, prompt.step === 'current' ? { currentLevel: level } : { currentLevel: prompt.current, targetLevel: level });
}

/** B: in blind voting, shows the votes on the projector all at once (or hides them again). */
function toggleReveal(capabilityId: string): void {
  const app = useApp.getState();
  const session = activeSession(useAssessment.getState().detail?.sessions ?? []);
  if (!session) app.notify('info', 'Blind voting is part of a workshop: start one to use it.');
  else if (!session.blind) app.notify('info', 'Votes show on the projector as they come in. Switch on blind voting in the workshop bar to hide them until you reveal them.');
  else void useAssessment.getState().reveal(session.id, capabilityId, !session.revealed.includes(capabilityId));
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
  // The activity view shows no capability: moving on is fine, scoring what is not on screen is not.
  if (app.route.name === 'assessment' && app.route.activity && !['j', 'k', 'u', 'g', 'arrowdown', 'arrowup'].includes(key)) return false;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(e.code)?.[1];
  const level = digit ? Number(digit) : null;

  if (ws.prompt) {
    if (ws.prompt.capabilityId !== id) ws.set({ prompt: null });
    else {
      const answered = answerPrompt(e, key, level, ws.prompt);
      if (answered !== null) return answered;
    }
  }

  if (level !== null && level >= 1 && level <= 5 && id) {
    if (ws.voteMode && (!e.shiftKey || ws.votePass === 'target')) castTurnVote(ctx, id, level);
    else if (ws.voteMode) app.notify('info', 'Number keys record votes now: target votes come in a second pass, with T after this round.');
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
      startMedian(id);
      return true;
    case 'v':
    case 't':
      if (!id) return false;
      startVoting(ctx.voters, id, key === 'v' ? 'current' : 'target');
      return true;
    case 'b':
      if (!id) return false;
      toggleReveal(id);
      return true;
    case 'p':
    case 'f':
      if (!id) return false;
      ws.set({ prompt: { kind: key === 'p' ? 'priority' : 'confidence', capabilityId: id } });
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
    case 'o':
      return focusField('owner');
    case 'a':
      // The field lives on the Actions tab: show it first, then type there.
      if (ws.detailsTab !== 'actions') flushSync(() => ws.set({ detailsTab: 'actions' }));
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
