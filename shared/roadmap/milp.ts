/**
 * The optimal schedule as a mixed-integer linear programme, built as plain data (sparse rows) that the
 * engine hands to HiGHS, and as CPLEX LP text for inspection. Pure: no solver here.
 *
 * Variables (time-indexed "started by", no big-M):
 * - y[i,t] binary, for t in i's window [es, ls]: initiative i has started in quarter t or before. The
 *   window starts no earlier than its earliest start and its dependencies' earliest finish, and ends so
 *   that it finishes within the horizon. y is monotone in t; i is planned when y[i,ls] = 1 and starts in
 *   the first t with y[i,t] = 1 (x[i,t] = y[i,t] - y[i,t-1] is the start indicator). Excluded
 *   initiatives, those with an empty window and those depending on one get no variables.
 *   done[i,t] = y[i, t - duration(i)]: i's uplift counts at checkpoint t (t = 1..T).
 * - z[c,l,t] in [0,1]: capability c is at level l (above its baseline) at checkpoint t. When only one
 *   initiative can reach (c,l), z is that initiative's done column itself (no extra column or row).
 *
 * Objective: maximise the sum of weight(c,l) x z[c,l,t] (problem.ts: module weight / scored capabilities
 * in the module, summed over checkpoints, so earlier uplift counts at more checkpoints).
 *
 * Constraints:
 * - monotone:    y[i,t-1] <= y[i,t]; forced initiatives and what they depend on have y[i,ls] = 1 (a bound);
 * - dependency:  for j depending on i and each t, y[j,t] <= done[i,t]: j starts no earlier than the
 *                quarter after i finishes, and only if i is planned;
 * - budget:      per quarter or per fiscal year, sum over starts of x[i,s] x (i's spend in that period
 *                when started in s) <= budget, spend being capex + labour + opex inside the horizon
 *                (costs.ts), written on y (coefficient of y[i,s] = a(s) - a(s+1));
 * - capacity:    per limited role and quarter, the same with i's days in that quarter;
 * - level:       z[c,l,t] <= sum over initiatives i lifting c to >= l of done[i,t]. With z <= 1 this is
 *                the exact linearisation of "the level is the max, not the sum": two initiatives
 *                lifting the same capability are not counted twice.
 * Budget and capacity rows that no combination of starts could break are left out.
 */
import type { Problem } from './problem';

export interface MilpModel {
  numCols: number;
  numRows: number;
  colNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer (binary with bounds 0..1), 0 = continuous. */
  integrality: Int32Array;
  rowNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Compressed sparse rows. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Per initiative: first y column and the window [from, to] (to < from when it has none). */
  y: { col: number; from: number; to: number }[];
  /** Column standing for "level reached" per term and checkpoint t (1..T): -1 when unreachable by t. */
  z: Int32Array[];
}

/** Which initiatives can be in a plan: schedulable, and every dependency too. */
export function usableInitiatives(p: Problem): boolean[] {
  const ok = p.items.map(() => false);
  for (const i of p.topo) {
    const it = p.items[i]!;
    ok[i] = !it.excluded && p.es[i]! <= p.ls[i]! && it.deps.every((d) => ok[d]);
  }
  return ok;
}

export function buildMilp(p: Problem): MilpModel {
  const T = p.T;
  const usable = usableInitiatives(p);
  const colNames: string[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const integ: number[] = [];
  const y = p.items.map((it, i) => {
    const from = p.es[i]!;
    const to = usable[i] ? p.ls[i]! : from - 1;
    const col = colNames.length;
    for (let s = from; s <= to; s++) {
      colNames.push(`y_${i}_${s}`);
      cost.push(0);
      // a required initiative has started by the end of its window
      lower.push(p.required[i] && s === to ? 1 : 0);
      integ.push(1);
    }
    return { col, from, to };
  });
  /** Column of done[i,t] (= y[i, t - duration], capped at the window's end), or -1 when i cannot be done by t. */
  const doneCol = (i: number, t: number): number => {
    const { col, from, to } = y[i]!;
    const s = Math.min(to, t - p.items[i]!.duration);
    return s < from ? -1 : col + s - from;
  };
  // level columns: a term with a single possible lifter is that lifter's done column (no extra column)
  const z = p.terms.map((term, k) => {
    const cols = new Int32Array(T + 1).fill(-1);
    const lifters = term.lifters.filter((i) => y[i]!.to >= y[i]!.from);
    for (let t = 1; t <= T; t++) {
      const done = lifters.map((i) => doneCol(i, t)).filter((c) => c >= 0);
      if (!done.length) continue;
      if (lifters.length === 1) {
        cols[t] = done[0]!;
        cost[done[0]!]! += term.weight;
        continue;
      }
      cols[t] = colNames.length;
      colNames.push(`z_${k}_${t}`);
      cost.push(term.weight);
      lower.push(0);
      integ.push(0);
    }
    return cols;
  });

  const rowNames: string[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const starts: number[] = [0];
  const idx: number[] = [];
  const val: number[] = [];
  const row = (name: string, l: number, u: number, entries: Map<number, number>) => {
    const nz = [...entries].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    if (!nz.length) return;
    rowNames.push(name);
    lo.push(l);
    hi.push(u);
    for (const [c, v] of nz) {
      idx.push(c);
      val.push(v);
    }
    starts.push(idx.length);
  };
  const add = (e: Map<number, number>, c: number, v: number) => {
    if (c >= 0 && v !== 0) e.set(c, (e.get(c) ?? 0) + v);
  };
  /** Adds sum_s a(s) x[i,s] written in y: x[i,s] = y[i,s] - y[i,s-1], so y[i,s] gets a(s) - a(s+1). */
  const addStarts = (e: Map<number, number>, i: number, a: (s: number) => number) => {
    const { col, from, to } = y[i]!;
    for (let s = from; s <= to; s++) add(e, col + s - from, a(s) - (s < to ? a(s + 1) : 0));
  };

  // started-by is monotone
  p.items.forEach((_, i) => {
    const { col, from, to } = y[i]!;
    for (let s = from + 1; s <= to; s++) row(`mono_${i}_${s}`, -Infinity, 0, new Map([[col + s - from - 1, 1], [col + s - from, -1]]));
  });
  // dependencies: j started by t only if i is done by t
  p.items.forEach((it, j) => {
    const yj = y[j]!;
    for (const i of it.deps)
      for (let t = yj.from; t <= yj.to; t++) {
        const e = new Map<number, number>([[yj.col + t - yj.from, 1]]);
        add(e, doneCol(i, t), -1);
        row(`dep_${j}_${i}_${t}`, -Infinity, 0, e);
      }
  });
  // budget
  p.budgetGroups.forEach((g, gi) => {
    const e = new Map<number, number>();
    let most = 0;
    p.items.forEach((it, i) => {
      const { from, to } = y[i]!;
      if (to < from) return;
      const a = (s: number) => g.quarters.reduce((v, t) => v + (t >= s ? it.profile.spend[t - s]! : 0), 0);
      let worst = 0;
      for (let s = from; s <= to; s++) worst = Math.max(worst, a(s));
      if (worst > 0) addStarts(e, i, a);
      most += worst;
    });
    if (most > g.limit) row(`budget_${gi}`, -Infinity, g.limit, e);
  });
  // capacity
  p.roles.forEach((_, r) => {
    const c = p.capacity[r];
    if (c === null || c === undefined) return;
    for (let t = 0; t < T; t++) {
      const e = new Map<number, number>();
      let most = 0;
      p.items.forEach((it, i) => {
        const { from, to } = y[i]!;
        if (to < from) return;
        const prof = it.profile.effort[r]!;
        const a = (s: number) => (t >= s && t - s < it.duration ? prof[t - s]! : 0);
        let worst = 0;
        for (let s = from; s <= to; s++) worst = Math.max(worst, a(s));
        if (worst > 0) addStarts(e, i, a);
        most += worst;
      });
      if (most > c) row(`cap_${r}_${t}`, -Infinity, c, e);
    }
  });
  // levels
  p.terms.forEach((term, k) => {
    for (let t = 1; t <= T; t++) {
      const zc = z[k]![t]!;
      if (zc < 0 || colNames[zc]!.startsWith('y_')) continue;
      const e = new Map<number, number>([[zc, 1]]);
      for (const i of term.lifters) add(e, doneCol(i, t), -1);
      row(`lvl_${k}_${t}`, -Infinity, 0, e);
    }
  });

  const n = colNames.length;
  return {
    numCols: n,
    numRows: rowNames.length,
    colNames,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(lower),
    colUpper: new Float64Array(n).fill(1),
    integrality: Int32Array.from(integ),
    rowNames,
    rowLower: Float64Array.from(lo),
    rowUpper: Float64Array.from(hi),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(idx),
    values: Float64Array.from(val),
    y,
    z,
  };
}

/** Column values for a plan given as start indices (a MIP start); level columns set to what the plan reaches. */
export function milpStart(p: Problem, m: MilpModel, startsByItem: ArrayLike<number>): Float64Array {
  const v = new Float64Array(m.numCols);
  m.y.forEach(({ col, from, to }, i) => {
    const s = startsByItem[i]!;
    if (s >= from && s <= to) for (let t = s; t <= to; t++) v[col + t - from] = 1;
  });
  p.terms.forEach((term, k) => {
    let first = p.T + 1;
    for (const i of term.lifters) {
      const s = startsByItem[i]!;
      const { from, to } = m.y[i]!;
      if (s >= from && s <= to) first = Math.min(first, s + p.items[i]!.duration);
    }
    for (let t = first; t <= p.T; t++) if (m.z[k]![t]! >= 0) v[m.z[k]![t]!] = 1;
  });
  return v;
}

/** Start index per initiative (-1 = not planned) from column values: the first quarter it has started by. */
export function startsFromColumns(p: Problem, m: MilpModel, colValue: ArrayLike<number>): Int32Array {
  const starts = new Int32Array(p.items.length).fill(-1);
  m.y.forEach(({ col, from, to }, i) => {
    for (let s = from; s <= to; s++)
      if (colValue[col + s - from]! > 0.5) {
        starts[i] = s;
        break;
      }
  });
  return starts;
}

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(15));
}

/** The model as CPLEX LP text (for inspection, or for `highs.solve`). */
export function milpToLp(m: MilpModel): string {
  const lines: string[] = ['Maximize'];
  const terms = (pairs: [number, number][]) => {
    const out: string[] = [];
    let line = '';
    pairs.forEach(([c, v], k) => {
      const sign = v < 0 ? '-' : k === 0 ? '' : '+';
      const a = Math.abs(v);
      const t = `${sign ? `${sign} ` : ''}${a === 1 ? '' : `${num(a)} `}${m.colNames[c]}`;
      if (line.length + t.length > 200) {
        out.push(line);
        line = '';
      }
      line += ` ${t}`;
    });
    out.push(line);
    return out;
  };
  const obj: [number, number][] = [];
  m.colCost.forEach((v, c) => v && obj.push([c, v]));
  lines.push(...(obj.length ? terms(obj) : [' 0 x_dummy']).map((l, k) => (k === 0 ? ` obj:${l}` : l)));
  lines.push('Subject To');
  for (let r = 0; r < m.numRows; r++) {
    const pairs: [number, number][] = [];
    for (let k = m.starts[r]!; k < m.starts[r + 1]!; k++) pairs.push([m.indices[k]!, m.values[k]!]);
    const body = terms(pairs);
    const l = m.rowLower[r]!;
    const u = m.rowUpper[r]!;
    if (l === u) body[body.length - 1] += ` = ${num(u)}`;
    else if (l === -Infinity) body[body.length - 1] += ` <= ${num(u)}`;
    else if (u === Infinity) body[body.length - 1] += ` >= ${num(l)}`;
    else {
      // ranged row: split in two
      lines.push(` ${m.rowNames[r]}_lo:${body.join('\n')} >= ${num(l)}`);
      body[body.length - 1] += ` <= ${num(u)}`;
      lines.push(` ${m.rowNames[r]}_hi:${body.join('\n')}`);
      continue;
    }
    lines.push(` ${m.rowNames[r]}:${body.join('\n')}`);
  }
  lines.push('Bounds');
  for (let c = 0; c < m.numCols; c++)
    if (!m.integrality[c] || m.colLower[c] !== 0) lines.push(` ${num(m.colLower[c]!)} <= ${m.colNames[c]} <= ${num(m.colUpper[c]!)}`);
  const list = (title: string, names: string[]) => {
    if (!names.length) return;
    lines.push(title);
    for (let k = 0; k < names.length; k += 20) lines.push(` ${names.slice(k, k + 20).join(' ')}`);
  };
  list('Binaries', m.colNames.filter((_, c) => m.integrality[c] && m.colLower[c] === 0));
  list('Generals', m.colNames.filter((_, c) => m.integrality[c] && m.colLower[c] !== 0));
  lines.push('End');
  return lines.join('\n');
}
