/** What the engine pushes to every open window. Stores re-query on `changed`. */
export type EngineEvent =
  | {
      type: 'changed';
      /** The engagement whose file changed, or null for the library and settings. */
      engagementId: string | null;
      tables: string[];
    }
  | {
      type: 'progress';
      task: string;
      done: number;
      total: number;
    };

export type EngineEventListener = (event: EngineEvent) => void;
