/**
 * How a store keeps its cache in step with the engine, as plain functions and a small queue, so the
 * rules are unit-tested without a browser:
 * - edits are sent one at a time, in the order they were made;
 * - each edit may show at once (optimistic) and is reconciled with the engine's answer when no other
 *   edit is still on its way;
 * - a re-read that started before a local change is not applied over it;
 * - a change to one capability re-reads only that capability (a slice), merged into the cache.
 */
import type { AssessmentDetail, CapabilitySlice, Evidence } from '../../../shared/domain';

export interface SyncOptions<R, D> {
  /** Applied to the cache before the engine answers. */
  optimistic?: (d: D) => D;
  /** Applied with the engine's answer when no other edit is still on its way. */
  reconcile?: (d: D, result: R) => D;
}

export interface CacheAccess<D> {
  get(): D | null;
  set(d: D): void;
  /** Edits sent and not answered yet changed. */
  pending(n: number): void;
}

/** The write queue of one cache. */
export class WriteQueue<D> {
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  /** Bumped by every local change, so a re-read that started before it is not applied over it. */
  private seq = 0;

  constructor(private readonly cache: CacheAccess<D>) {}

  get pending(): number {
    return this.inFlight;
  }

  /** The local-change counter a re-read notes when it starts. */
  get version(): number {
    return this.seq;
  }

  /** Sends `send` after every earlier edit; returns its result, or rejects with its error. */
  async run<R>(send: () => Promise<R>, options: SyncOptions<R, D> = {}): Promise<R> {
    if (options.optimistic) {
      const d = this.cache.get();
      if (d) {
        this.seq += 1;
        this.cache.set(options.optimistic(d));
      }
    }
    this.inFlight += 1;
    this.cache.pending(this.inFlight);
    const sent = this.tail.then(send);
    this.tail = sent.catch(() => undefined);
    try {
      const result = await sent;
      this.inFlight -= 1;
      this.cache.pending(this.inFlight);
      const d = this.cache.get();
      if (this.inFlight === 0 && d && options.reconcile) {
        this.seq += 1;
        this.cache.set(options.reconcile(d, result));
      }
      return result;
    } catch (err) {
      this.inFlight -= 1;
      this.cache.pending(this.inFlight);
      throw err;
    }
  }

  /**
   * Whether a re-read that started at `startedAt` may be applied now: no edit on its way, and no local
   * change since it started.
   */
  canApply(startedAt: number): boolean {
    return this.inFlight === 0 && startedAt === this.seq;
  }
}

const linksHere = (e: Evidence, assessmentId: string, capabilityId?: string) =>
  e.links.some((l) => l.assessmentId === assessmentId && (capabilityId === undefined || l.capabilityId === capabilityId));

/** The detail with one capability's slice merged in; everything else keeps its identity. */
export function applySlice(d: AssessmentDetail, slice: CapabilitySlice): AssessmentDetail {
  const id = slice.capabilityId;
  const assessmentId = d.assessment.id;
  const ratings = { ...d.ratings };
  if (slice.rating) ratings[id] = slice.rating;
  else delete ratings[id];
  const fresh = new Map(slice.evidence.map((e) => [e.id, e]));
  const evidence: Evidence[] = [];
  for (const e of d.evidence) {
    const update = fresh.get(e.id);
    if (update) {
      evidence.push(update);
      fresh.delete(e.id);
    } else if (linksHere(e, assessmentId, id)) {
      // No longer linked to this capability: keep it only while it is linked elsewhere in the assessment.
      const rest = { ...e, links: e.links.filter((l) => !(l.assessmentId === assessmentId && l.capabilityId === id)) };
      if (linksHere(rest, assessmentId)) evidence.push(rest);
    } else {
      evidence.push(e);
    }
  }
  evidence.push(...fresh.values());
  return {
    ...d,
    ratings,
    votes: [...d.votes.filter((v) => v.capabilityId !== id), ...slice.votes],
    actions: [...d.actions.filter((a) => a.capabilityId !== id), ...slice.actions],
    evidence,
    sessions: slice.sessions,
    undo: slice.undo,
    criteria: { ...d.criteria, [id]: slice.criteria },
  };
}
