/** What the engine pushes to every open window. Stores re-query on `changed`, as narrowly as it allows. */
export type EngineEvent =
  | {
      type: 'changed';
      /** The engagement whose file changed, or null for the library and settings. */
      engagementId: string | null;
      /** Tables the change wrote rows to (bookkeeping tables left out). */
      tables: string[];
      /** The command that made the change. */
      command?: string;
      /** Set when the change is within one assessment, and one capability of it. */
      assessmentId?: string;
      capabilityId?: string;
    }
  | {
      /** A long task (an export) advancing: `done` of `total` steps, `label` naming the step just finished. */
      type: 'progress';
      task: string;
      done: number;
      total: number;
      label?: string;
      /** The engagement the task works on. */
      engagementId?: string;
    };

export type EngineEventListener = (event: EngineEvent) => void;
