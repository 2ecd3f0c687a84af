/** What the facilitator has chosen on the workspace: filters, fast vote mode, open panels. Only the layout is remembered. */
import { create } from 'zustand';
import type { FilterId } from '../workspace/model';

export type WorkspaceDialog = 'workshop' | 'attendance' | 'evidence' | 'link-evidence' | null;

/** Which votes a fast vote round records: the current level, or (a second pass) the target. */
export type VotePass = 'current' | 'target';

/** A key that waits for the next one: P then 1-5 for the priority, F then 1-3 for confidence, M on a median between two levels. */
export type KeyPrompt =
  | { kind: 'priority'; capabilityId: string }
  | { kind: 'confidence'; capabilityId: string }
  | {
      kind: 'median';
      capabilityId: string;
      /** Which median the next digit picks a level for. */
      step: 'current' | 'target';
      /** The level already picked for the current median. */
      current?: number;
    };

export type DetailsTab = 'criteria' | 'actions' | 'history' | 'guidance';

export const NAV_WIDTH = { min: 240, max: 560, initial: 310 } as const;
const NAV_WIDTH_KEY = 'maturity.navWidth';
const DESCRIPTORS_KEY = 'maturity.fullDescriptors';

function storedNavWidth(): number {
  const n = Number(globalThis.localStorage?.getItem(NAV_WIDTH_KEY));
  return Number.isFinite(n) && n >= NAV_WIDTH.min && n <= NAV_WIDTH.max ? Math.round(n) : NAV_WIDTH.initial;
}

interface WorkspaceState {
  filter: FilterId;
  moduleId: string | null;
  /** Fast vote mode: number keys record votes for the participants in turn. */
  voteMode: boolean;
  votePass: VotePass;
  /** Index (into the turn order) of whose turn it is. */
  voteTurn: number;
  prompt: KeyPrompt | null;
  dialog: WorkspaceDialog;
  /** The capability last shown, to come back to from the activity view. */
  lastCapabilityId: string | null;
  /** A file dropped on the evidence panel, waiting in the add-evidence dialog. */
  droppedFile: File | null;
  detailsTab: DetailsTab;
  /** Level descriptors in full rather than one line each (remembered). */
  fullDescriptors: boolean;
  /** Width of the capability list in pixels (remembered). */
  navWidth: number;
  set(patch: Partial<Omit<WorkspaceState, 'set' | 'setNavWidth' | 'setFullDescriptors'>>): void;
  setNavWidth(width: number): void;
  setFullDescriptors(full: boolean): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  filter: 'all',
  moduleId: null,
  voteMode: false,
  votePass: 'current',
  voteTurn: 0,
  prompt: null,
  dialog: null,
  lastCapabilityId: null,
  droppedFile: null,
  detailsTab: 'actions',
  fullDescriptors: globalThis.localStorage?.getItem(DESCRIPTORS_KEY) === '1',
  navWidth: storedNavWidth(),
  set(patch) {
    set(patch);
  },
  setNavWidth(width) {
    const navWidth = Math.round(Math.min(NAV_WIDTH.max, Math.max(NAV_WIDTH.min, width)));
    globalThis.localStorage?.setItem(NAV_WIDTH_KEY, String(navWidth));
    set({ navWidth });
  },
  setFullDescriptors(full) {
    globalThis.localStorage?.setItem(DESCRIPTORS_KEY, full ? '1' : '0');
    set({ fullDescriptors: full });
  },
}));
