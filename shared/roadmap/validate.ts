/**
 * Refuses bad roadmap input with one ApiError('invalid_input') that names every problem found:
 * `message` joins them, `details.fields` lists `{path, message}` per problem (paths such as
 * `initiatives.2.uplifts.0.toLevel` or `scenario.capacity.1.roleId`). Nothing else happens on refusal.
 *
 * Rules (each message names the initiative and the field):
 * - every record has the shape of its zod schema (types.ts); ids are unique;
 * - an uplift names a capability of the baseline that is applicable and scored, and lifts it above its
 *   current level (the projected level is a max, so an uplift at or below the current level does nothing);
 * - effort and capacity name roles of the rate card; a percent cost split names the engagement's
 *   business units, each once, and adds up to 100 (at most two decimals per share);
 * - an earliest start or a manual start lies within the horizon (a manual start not before it either);
 * - dependencies name existing initiatives, form no cycle (the message names the cycle in order), and a
 *   forced initiative does not depend (directly or through others) on an excluded one;
 * - forced, excluded and manual starts name existing initiatives; none is both forced and excluded;
 * - module weights name modules of the baseline.
 */
import { z } from 'zod';
import { ApiError } from '../errors';
import { addQuarters, quarterOrdinal } from './quarters';
import { initiativeSchema, rateCardSchema, scenarioSchema, type RoadmapInput } from './types';

export interface FieldIssue {
  path: string;
  message: string;
}

function zodIssues(prefix: string, who: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const sub = i.path.map(String).join('.');
    return { path: sub ? `${prefix}.${sub}` : prefix, message: `${who}: ${sub || 'value'} ${i.message}` };
  });
}

/** Percent with at most two decimals, in hundredths of a percent (basis points). */
export function percentToBasisPoints(p: number): number {
  return Math.round(p * 100);
}

/** Every distinct dependency cycle, each as initiative indices in dependency order starting at its first member in the input, that member repeated at the end. */
export function findCycles(deps: number[][]): number[][] {
  const state = new Uint8Array(deps.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const cycles: number[][] = [];
  const seen = new Set<string>();
  const visit = (i: number): void => {
    state[i] = 1;
    stack.push(i);
    for (const j of deps[i]!) {
      if (state[j] === 1) {
        const cycle = stack.slice(stack.indexOf(j));
        // start at the member that comes first in the input, so the message is stable
        const k = cycle.indexOf(Math.min(...cycle));
        const rotated = [...cycle.slice(k), ...cycle.slice(0, k)];
        const key = [...rotated].sort((a, b) => a - b).join(',');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...rotated, rotated[0]!]);
        }
      } else if (state[j] === 0) visit(j);
    }
    stack.pop();
    state[i] = 2;
  };
  for (let i = 0; i < deps.length; i++) if (state[i] === 0) visit(i);
  return cycles;
}

/** All problems with the input; empty when it is valid. */
export function roadmapIssues(input: RoadmapInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const rc = rateCardSchema.safeParse(input.rateCard);
  if (!rc.success) issues.push(...zodIssues('rateCard', 'Rate card', rc.error));
  const sc = scenarioSchema.safeParse(input.scenario);
  if (!sc.success) issues.push(...zodIssues('scenario', `Scenario "${input.scenario?.name ?? ''}"`, sc.error));
  input.initiatives.forEach((x, i) => {
    const r = initiativeSchema.safeParse(x);
    if (!r.success) issues.push(...zodIssues(`initiatives.${i}`, `Initiative "${x?.name ?? i}"`, r.error));
  });
  if (!Number.isInteger(input.fyStartMonth) || input.fyStartMonth < 1 || input.fyStartMonth > 12) add('fyStartMonth', 'The fiscal year start month must be 1 to 12');
  // Everything below relies on the shapes.
  if (issues.length) return issues;

  const { scenario, baseline, rateCard } = input;
  const roles = new Set<string>();
  rateCard.roles.forEach((r, k) => {
    if (roles.has(r.id)) add(`rateCard.roles.${k}.id`, `Rate card: role id "${r.id}" is used twice`);
    roles.add(r.id);
  });
  const units = new Set(input.businessUnits.map((b) => b.id));
  const modules = new Set(Object.values(baseline).map((c) => c.moduleId));
  const byId = new Map<string, number>();
  input.initiatives.forEach((x, i) => {
    if (byId.has(x.id)) add(`initiatives.${i}.id`, `Initiative "${x.name}": id "${x.id}" is used by another initiative`);
    else byId.set(x.id, i);
  });
  const start = quarterOrdinal(scenario.startQuarter);
  const last = start + scenario.horizon - 1;
  const lastQ = addQuarters(scenario.startQuarter, scenario.horizon - 1);
  const excluded = new Set(scenario.excluded);

  input.initiatives.forEach((x, i) => {
    const who = `Initiative "${x.name}"`;
    const at = `initiatives.${i}`;
    x.uplifts.forEach((u, k) => {
      const c = baseline[u.capabilityId];
      const p = `${at}.uplifts.${k}`;
      if (!c) add(`${p}.capabilityId`, `${who}: uplifts name unknown capability ${u.capabilityId}`);
      else if (c.notApplicable) add(`${p}.capabilityId`, `${who}: uplifts capability ${u.capabilityId}, which is not applicable in the baseline assessment`);
      else if (c.current === null) add(`${p}.capabilityId`, `${who}: uplifts capability ${u.capabilityId}, which has no agreed current level in the baseline assessment; score it first`);
      else if (u.toLevel <= c.current)
        add(`${p}.toLevel`, `${who}: uplift of ${u.capabilityId} to level ${u.toLevel} is not above its current level ${c.current}`);
      if (x.uplifts.findIndex((v) => v.capabilityId === u.capabilityId) !== k) add(`${p}.capabilityId`, `${who}: uplifts ${u.capabilityId} twice`);
    });
    x.effort.forEach((e, k) => {
      if (!roles.has(e.roleId)) add(`${at}.effort.${k}.roleId`, `${who}: effort names role "${e.roleId}", which is not on the rate card`);
    });
    if (x.costSplit.mode === 'percent') {
      const seen = new Set<string>();
      x.costSplit.shares.forEach((s, k) => {
        if (!units.has(s.businessUnitId)) add(`${at}.costSplit.shares.${k}.businessUnitId`, `${who}: cost split names unknown business unit "${s.businessUnitId}"`);
        if (seen.has(s.businessUnitId)) add(`${at}.costSplit.shares.${k}.businessUnitId`, `${who}: cost split names business unit "${s.businessUnitId}" twice`);
        seen.add(s.businessUnitId);
        if (Math.abs(s.percent * 100 - percentToBasisPoints(s.percent)) > 1e-6)
          add(`${at}.costSplit.shares.${k}.percent`, `${who}: cost split share ${s.percent}% has more than two decimals`);
      });
      const bp = x.costSplit.shares.reduce((a, s) => a + percentToBasisPoints(s.percent), 0);
      if (bp !== 10000) add(`${at}.costSplit.shares`, `${who}: costSplit.shares add up to ${bp / 100}%, they must add up to 100%`);
    }
    if (x.earliestStart !== null && quarterOrdinal(x.earliestStart) > last)
      add(`${at}.earliestStart`, `${who}: earliest start ${x.earliestStart} is after the horizon, which ends in ${lastQ}`);
    x.dependsOn.forEach((d, k) => {
      if (!byId.has(d)) add(`${at}.dependsOn.${k}`, `${who}: depends on unknown initiative "${d}"`);
    });
  });

  // cycles
  const deps = input.initiatives.map((x) => x.dependsOn.map((d) => byId.get(d)).filter((d): d is number => d !== undefined));
  const names = (is: number[]) => is.map((i) => input.initiatives[i]!.name).join(' -> ');
  for (const cycle of findCycles(deps))
    add(`initiatives.${cycle[0]}.dependsOn`, `Dependency cycle: ${names(cycle)} (each depends on the next, so none can start)`);

  // scenario references
  const sp = 'scenario';
  scenario.forced.forEach((f, k) => {
    if (!byId.has(f)) add(`${sp}.forced.${k}`, `Scenario "${scenario.name}": forced names unknown initiative "${f}"`);
    else if (excluded.has(f)) add(`${sp}.forced.${k}`, `Scenario "${scenario.name}": initiative "${input.initiatives[byId.get(f)!]!.name}" is both forced and excluded`);
  });
  scenario.excluded.forEach((f, k) => {
    if (!byId.has(f)) add(`${sp}.excluded.${k}`, `Scenario "${scenario.name}": excluded names unknown initiative "${f}"`);
  });
  scenario.capacity.forEach((c, k) => {
    if (!roles.has(c.roleId)) add(`${sp}.capacity.${k}.roleId`, `Scenario "${scenario.name}": capacity names role "${c.roleId}", which is not on the rate card`);
    if (scenario.capacity.findIndex((o) => o.roleId === c.roleId) !== k) add(`${sp}.capacity.${k}.roleId`, `Scenario "${scenario.name}": capacity lists role "${c.roleId}" twice`);
  });
  for (const m of Object.keys(scenario.moduleWeights))
    if (!modules.has(m)) add(`${sp}.moduleWeights.${m}`, `Scenario "${scenario.name}": module weight for unknown module ${m}`);
  for (const [iid, q] of Object.entries(scenario.manualStarts)) {
    const i = byId.get(iid);
    const path = `${sp}.manualStarts.${iid}`;
    if (i === undefined) add(path, `Scenario "${scenario.name}": manual start for unknown initiative "${iid}"`);
    else if (quarterOrdinal(q) > last)
      add(path, `Initiative "${input.initiatives[i]!.name}": manual start ${q} is after the horizon, which ends in ${lastQ}`);
    else if (quarterOrdinal(q) < start)
      add(path, `Initiative "${input.initiatives[i]!.name}": manual start ${q} is before the scenario starts in ${scenario.startQuarter}`);
  }

  // a forced initiative cannot rest on an excluded one
  const reported = new Set<string>();
  for (const f of scenario.forced) {
    const root = byId.get(f);
    if (root === undefined || excluded.has(f)) continue;
    const seen = new Set<number>([root]);
    const stack: { i: number; path: number[] }[] = [{ i: root, path: [root] }];
    while (stack.length) {
      const { i, path } = stack.pop()!;
      for (const d of deps[i]!) {
        if (seen.has(d)) continue;
        seen.add(d);
        const x = input.initiatives[d]!;
        if (excluded.has(x.id)) {
          const key = `${root}:${d}`;
          if (!reported.has(key)) {
            reported.add(key);
            const via = path.length > 1 ? ` (through ${path.slice(1).map((k) => input.initiatives[k]!.name).join(', ')})` : '';
            add(`initiatives.${root}.dependsOn`, `Initiative "${input.initiatives[root]!.name}" is forced but depends on "${x.name}"${via}, which is excluded`);
          }
        } else stack.push({ i: d, path: [...path, d] });
      }
    }
  }
  return issues;
}

/** Throws ApiError('invalid_input') naming every problem when the input is not valid. */
export function validateRoadmap(input: RoadmapInput): void {
  const fields = roadmapIssues(input);
  if (!fields.length) return;
  const message = fields.length === 1 ? fields[0]!.message : `${fields.length} problems: ${fields.map((f) => f.message).join('; ')}`;
  throw new ApiError('invalid_input', message, { fields });
}
