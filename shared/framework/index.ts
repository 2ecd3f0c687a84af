/** The frameworks that ship with the app. An assessment pins the id and version it was scored against. */
import dataPlatform from './data-platform-maturity.json';
import { fromLegacy, type Framework, type FrameworkModule, type LegacyFramework } from './schema';
import base11 from './v1.1/framework.json';
import m1 from './v1.1/M1.json';
import m2 from './v1.1/M2.json';
import m3 from './v1.1/M3.json';
import m4 from './v1.1/M4.json';
import m5 from './v1.1/M5.json';
import m6 from './v1.1/M6.json';
import m7 from './v1.1/M7.json';
import m8 from './v1.1/M8.json';
import m9 from './v1.1/M9.json';

/** Version 1.0, as it shipped (one descriptor per level). */
export const framework10: Framework = fromLegacy(dataPlatform as LegacyFramework);

/** Version 1.1: pass criteria and evidence per level, applicability, targets, dependencies, what good looks like. */
export const framework11: Framework = {
  ...(base11 as Omit<Framework, 'modules'>),
  modules: [m1, m2, m3, m4, m5, m6, m7, m8, m9] as FrameworkModule[],
};

/** Oldest first; the last is what a new assessment uses unless told otherwise. */
export const builtInFrameworks: readonly Framework[] = [framework10, framework11];
export const defaultFramework: Framework = builtInFrameworks[builtInFrameworks.length - 1]!;

/** A built-in framework by id and version; without a version, the newest of that id. */
export function findFramework(id?: string, version?: string): Framework | undefined {
  const matches = builtInFrameworks.filter((f) => (id === undefined || f.id === id) && (version === undefined || f.version === version));
  return matches[matches.length - 1];
}
