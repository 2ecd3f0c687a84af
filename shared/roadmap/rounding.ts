/**
 * A plan built from the LP relaxation of the MILP (milp.ts): the relaxation says, fractionally, which
 * initiatives are worth their resources and when. Initiatives are taken in order of how fully the
 * relaxation selects them (then by its mean start), required ones first, each placed at the earliest
 * start that fits from `fromLp` (the relaxation's mean start, rounded down) or from its earliest
 * possible start, whichever the caller asks for; what still fits is then added in the greedy order.
 * Pure: the caller solves the relaxation and passes per initiative the selected fraction and mean start.
 */
import { fillGreedy, PlanState } from './greedy';
import { schedulable, type Problem } from './problem';

export interface LpGuide {
  /** Fraction of the initiative the relaxation plans, 0..1. */
  selected: number;
  /** Mean start index under the relaxation (meaningful when selected > 0). */
  meanStart: number;
}

export function lpGuidedSchedule(p: Problem, guide: LpGuide[], fromLp: boolean): Int32Array {
  const st = new PlanState(p);
  const order = p.items
    .map((_, i) => i)
    .filter((i) => schedulable(p, i) && (p.required[i] || guide[i]!.selected > 1e-6))
    .sort((a, b) => Number(p.required[b]) - Number(p.required[a]) || guide[b]!.selected - guide[a]!.selected || guide[a]!.meanStart - guide[b]!.meanStart || a - b);
  const topoPos = new Int32Array(p.items.length);
  p.topo.forEach((i, k) => (topoPos[i] = k));
  for (const j of order) {
    if (st.starts[j]! >= 0) continue;
    // j and its unplanned dependencies, dependencies first
    const bundle = new Set<number>([j]);
    const stack = [j];
    let ok = true;
    while (stack.length) {
      const i = stack.pop()!;
      if (!schedulable(p, i)) ok = false;
      for (const d of p.items[i]!.deps)
        if (st.starts[d]! < 0 && !bundle.has(d)) {
          bundle.add(d);
          stack.push(d);
        }
    }
    if (!ok) continue;
    let placed = 0;
    for (const i of [...bundle].sort((a, b) => topoPos[a]! - topoPos[b]!)) {
      const latest = p.required[i] ? p.ls[i]! : p.T - p.items[i]!.duration;
      let s = -1;
      if (fromLp) {
        const want = Math.max(0, Math.floor(guide[i]!.meanStart));
        s = st.earliestFit(i, latest);
        if (s >= 0 && s < want) {
          for (let t = want; t <= latest; t++)
            if (st.fits(i, t)) {
              s = t;
              break;
            }
        }
      } else s = st.earliestFit(i, latest);
      if (s < 0) {
        ok = false;
        break;
      }
      st.place(i, s);
      placed++;
    }
    if (ok) st.commit();
    else st.undo(placed);
  }
  fillGreedy(p, st);
  return Int32Array.from(st.starts);
}
