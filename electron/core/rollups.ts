/**
 * The per-assessment rollups of the library index (module means and counts, `assessmentRollup`), kept
 * in step with the engagement files, which stay the truth:
 * - after each committed change to an engagement's ratings or assessments (the engine's `changed`
 *   events), the assessments it touched are rolled up again, once per burst of changes (debounced), so
 *   scoring in a workshop is not slowed;
 * - at start-up, after the index is reconciled, every engagement whose rollups are missing, of an older
 *   shape, or computed from an earlier state of its file (its stamp differs) is rolled up from the file.
 * The portfolio calls `currentRollups` first: it waits for the start-up rebuild and runs any pending
 * update, so it reads rollups that match the files, and never opens a file itself.
 */
import { existsSync, statSync } from 'node:fs';
import type { EngineEvent, EngineEventListener } from '../../shared/events';
import { assessmentResults, assessmentRollup, type AssessmentRollup } from '../../shared/results';
import { Statements, type ReadHandle } from './db/handle';
import type { AssessmentRow } from './db/rows';
import type { EngagementFiles } from './files';
import { oneRead, readRollupInput, type Readable } from './handlers/results-read';
import type { LibraryIndex } from './library';

/** The shape of `AssessmentRollup` stored; a rollup of another shape is rebuilt. */
export const ROLLUP_SHAPE = 1;
/** Quiet time after the last change before rolling up, and the longest a change waits while changes keep coming. */
const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 2000;
/** Changes to these tables can change an assessment's means (`engagement`: the engagement went or was re-read). */
const ROLLUP_TABLES = new Set(['rating', 'assessment', 'engagement']);

/** What the keeper needs of the engine. */
export interface RollupHost {
  readonly library: LibraryIndex;
  readonly files: EngagementFiles;
  on(listener: EngineEventListener): () => void;
  emit(event: EngineEvent): void;
}

interface Computed {
  row: AssessmentRow;
  rollup: AssessmentRollup;
}

/** Size and modification time of the file and its write-ahead log: any commit changes it. */
export function fileStamp(path: string): string {
  const part = (p: string) => {
    if (!existsSync(p)) return '-';
    const s = statSync(p, { bigint: true });
    return `${s.size}:${s.mtimeNs}`;
  };
  return `${part(path)}/${part(`${path}-wal`)}`;
}

function rollUp(db: ReadHandle, rows: readonly AssessmentRow[]): Computed[] {
  const out: Computed[] = [];
  for (const row of rows) {
    const input = readRollupInput(db, row);
    if (input) out.push({ row, rollup: assessmentRollup(assessmentResults(input)) });
  }
  return out;
}

export class RollupKeeper {
  /** Resolves once the start-up rebuild is done. */
  readonly ready: Promise<void>;
  /** Engagements with changes not rolled up yet: every assessment (null) or these. */
  private readonly dirty = new Map<string, Set<string> | null>();
  private timer: NodeJS.Timeout | undefined;
  private firstDirtyAt = 0;
  private running: Promise<void> | null = null;
  private readonly off: () => void;

  constructor(private readonly host: RollupHost) {
    this.off = host.on((event) => this.follow(event));
    this.ready = this.rebuild().catch((err: unknown) => console.error('[engine] rollup rebuild failed:', err));
  }

  /** The library is closed once the engine is: then there is nothing left to do. */
  private closed(): boolean {
    try {
      this.host.library.read.get('SELECT 1');
      return false;
    } catch {
      this.stop();
      return true;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.dirty.clear();
    this.off();
  }

  private follow(event: EngineEvent): void {
    if (event.type !== 'changed' || !event.engagementId || !event.tables.some((t) => ROLLUP_TABLES.has(t))) return;
    const whole = !event.assessmentId || event.tables.includes('assessment') || event.tables.includes('engagement');
    const id = event.engagementId;
    const had = this.dirty.get(id);
    if (whole || had === null) this.dirty.set(id, null);
    else if (had) had.add(event.assessmentId!);
    else this.dirty.set(id, new Set([event.assessmentId!]));
    const now = Date.now();
    if (!this.timer) this.firstDirtyAt = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.flush(), wait);
    this.timer.unref?.();
  }

  /** Rolls up every pending change now. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await this.running;
    if (!this.dirty.size) return;
    this.running = (async () => {
      while (this.dirty.size && !this.closed()) {
        const [engagementId, which] = this.dirty.entries().next().value!;
        this.dirty.delete(engagementId);
        try {
          await this.update(engagementId, which);
        } catch (err) {
          console.error(`[engine] rollup of engagement ${engagementId} failed:`, err);
        }
      }
    })().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Waits for the start-up rebuild and any pending update: afterwards the rollups match the files. */
  async current(): Promise<void> {
    await this.ready;
    await this.flush();
  }

  /** Rolls up the given assessments (null: all) of an open engagement file. */
  private async update(engagementId: string, which: Set<string> | null): Promise<void> {
    const { library, files } = this.host;
    const indexed = library.read.get<{ file: string }>('SELECT file FROM engagement_index WHERE id = ?', engagementId);
    if (!indexed) {
      this.write(engagementId, { all: true, rollups: [], stamp: null });
      return;
    }
    const file = await files.get(engagementId);
    if (this.closed()) return;
    const path = files.pathOf(indexed.file);
    const { computed, stamp } = oneRead(file, (db) => {
      const rows = which
        ? db.all<AssessmentRow>('SELECT * FROM assessment WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify([...which]))
        : db.all<AssessmentRow>('SELECT * FROM assessment');
      return { computed: rollUp(db, rows), stamp: fileStamp(path) };
    });
    const gone = which ? [...which].filter((id) => !computed.some((c) => c.row.id === id)) : [];
    this.write(engagementId, { all: !which, rollups: computed, gone, stamp });
  }

  /**
   * One library transaction, without audit: writes the engagement's rollups (`all`: replacing every
   * one it had), deletes those of assessments that are `gone`, and records the file's stamp (none:
   * the engagement is no longer indexed).
   */
  private write(engagementId: string, w: { all: boolean; rollups: Computed[]; gone?: string[]; stamp: string | null }): void {
    const { tables } = this.host.library.write(null, (tx) => {
      if (w.all) tx.run('DELETE FROM assessment_rollup WHERE engagement_id = ?', engagementId);
      for (const id of w.gone ?? []) tx.run('DELETE FROM assessment_rollup WHERE engagement_id = ? AND assessment_id = ?', engagementId, id);
      for (const c of w.rollups) {
        tx.run(
          `INSERT INTO assessment_rollup (engagement_id, assessment_id, assessed_on, framework_id, scored, rollup_json)
           VALUES (@e, @a, @d, @f, @s, @j)
           ON CONFLICT (engagement_id, assessment_id) DO UPDATE SET assessed_on = excluded.assessed_on,
             framework_id = excluded.framework_id, scored = excluded.scored, rollup_json = excluded.rollup_json`,
          { e: engagementId, a: c.row.id, d: c.row.assessed_on, f: c.rollup.framework.id, s: c.rollup.overall.scored, j: JSON.stringify(c.rollup) },
        );
      }
      if (w.stamp === null) tx.run('DELETE FROM rollup_source WHERE engagement_id = ?', engagementId);
      else {
        tx.run(
          `INSERT INTO rollup_source (engagement_id, stamp, shape, rollups)
           VALUES (@e, @stamp, @shape, (SELECT count(*) FROM assessment_rollup WHERE engagement_id = @e))
           ON CONFLICT (engagement_id) DO UPDATE SET stamp = excluded.stamp, shape = excluded.shape, rollups = excluded.rollups`,
          { e: engagementId, stamp: w.stamp, shape: ROLLUP_SHAPE },
        );
      }
      return { result: null };
    });
    if (tables.includes('assessment_rollup')) this.host.emit({ type: 'changed', engagementId: null, tables: ['assessment_rollup'], command: 'results.rollup' });
  }

  /** Start-up: drops rollups of engagements no longer indexed and rolls up every engagement whose file changed since. */
  private async rebuild(): Promise<void> {
    const { library, files } = this.host;
    library.write(null, (tx) => {
      tx.run('DELETE FROM assessment_rollup WHERE engagement_id NOT IN (SELECT id FROM engagement_index)');
      tx.run('DELETE FROM rollup_source WHERE engagement_id NOT IN (SELECT id FROM engagement_index)');
      return { result: null };
    });
    const sources = new Map(
      library.read
        .all<{ engagement_id: string; stamp: string; shape: number; rollups: number; present: number }>(
          'SELECT s.*, (SELECT count(*) FROM assessment_rollup r WHERE r.engagement_id = s.engagement_id) AS present FROM rollup_source s',
        )
        .map((s) => [s.engagement_id, s]),
    );
    for (const { id, file } of library.read.all<{ id: string; file: string }>('SELECT id, file FROM engagement_index ORDER BY id')) {
      const path = files.pathOf(file);
      const known = sources.get(id);
      if (known && known.shape === ROLLUP_SHAPE && known.rollups === known.present && known.stamp === fileStamp(path)) continue;
      await new Promise((r) => setImmediate(r));
      if (this.closed()) return;
      try {
        const db = await files.openPath(path, false);
        let computed: Computed[];
        try {
          const handle: Readable = { read: new Statements(db), connection: () => db };
          computed = oneRead(handle, (read) => rollUp(read, read.all<AssessmentRow>('SELECT * FROM assessment')));
        } finally {
          db.close();
        }
        if (this.closed()) return;
        // Stamped after closing: closing the last connection can fold the log into the file.
        this.write(id, { all: true, rollups: computed, stamp: fileStamp(path) });
      } catch (err) {
        console.error(`[engine] could not roll up ${file}: ${(err as Error).message}`);
      }
    }
  }
}

const keepers = new WeakMap<LibraryIndex, RollupKeeper>();

/** Keeps the library's rollups in step with the engine's files; called once by the composition root. */
export function keepRollups(host: RollupHost): RollupKeeper {
  const keeper = new RollupKeeper(host);
  keepers.set(host.library, keeper);
  return keeper;
}

/** `keepRollups`, returning the engine: `Engine.open(...).then(withRollups)`. */
export function withRollups<E extends RollupHost>(engine: E): E {
  keepRollups(engine);
  return engine;
}

/** Waits until the library's rollups match the files (no-op for an engine without a keeper). */
export async function currentRollups(library: LibraryIndex): Promise<void> {
  await keepers.get(library)?.current();
}

export interface StoredRollup {
  engagementId: string;
  industry: string;
  region: string;
  rollup: AssessmentRollup;
}

/**
 * Per engagement of the index, the rollup that stands for it in the portfolio: its latest assessment
 * (by date, then creation) against `frameworkId` with at least one capability scored.
 */
export function latestRollups(library: LibraryIndex, frameworkId: string): StoredRollup[] {
  return library.read
    .all<{ engagement_id: string; industry: string; region: string; rollup_json: string }>(
      `SELECT r.engagement_id, i.industry, i.region, r.rollup_json
       FROM assessment_rollup r JOIN engagement_index i ON i.id = r.engagement_id
       WHERE r.assessment_id = (
         SELECT x.assessment_id FROM assessment_rollup x
         WHERE x.engagement_id = r.engagement_id AND x.framework_id = @f AND x.scored > 0
         ORDER BY x.assessed_on DESC, x.assessment_id DESC LIMIT 1)
       ORDER BY r.engagement_id`,
      { f: frameworkId },
    )
    .map((r) => ({ engagementId: r.engagement_id, industry: r.industry, region: r.region, rollup: JSON.parse(r.rollup_json) as AssessmentRollup }));
}
