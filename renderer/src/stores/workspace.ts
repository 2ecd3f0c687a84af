/** What the facilitator has chosen on the workspace: filters, fast vote mode, open panels. Not persisted. */
import { create } from 'zustand';
import type { FilterId } from '../workspace/model';

export type WorkspaceDialog = 'workshop' | 'evidence' | 'link-evidence' | null;

interface WorkspaceState {
  filter: FilterId;
  moduleId: string | null;
  /** Fast vote mode: number keys record votes for the participants in turn. */
  voteMode: boolean;
  /** Index (into the voters) of whose turn it is. */
  voteTurn: number;
  dialog: WorkspaceDialog;
  /** The capability last shown, to come back to from the activity view. */
  lastCapabilityId: string | null;
  /** A file dropped on the evidence panel, waiting in the add-evidence dialog. */
  droppedFile: File | null;
  set(patch: Partial<Omit<WorkspaceState, 'set'>>): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  filter: 'all',
  moduleId: null,
  voteMode: false,
  voteTurn: 0,
  dialog: null,
  lastCapabilityId: null,
  droppedFile: null,
  set(patch) {
    set(patch);
  },
}));
