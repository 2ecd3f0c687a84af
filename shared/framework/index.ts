/** The frameworks that ship with the app. An assessment pins the id and version it was scored against. */
import dataPlatform from './data-platform-maturity.json';
import { fromLegacy, type Framework, type LegacyFramework } from './schema';

/** Version 1.0, as it shipped (one descriptor per level). */
export const framework10: Framework = fromLegacy(dataPlatform as LegacyFramework);

export const builtInFrameworks: readonly Framework[] = [framework10];
export const defaultFramework: Framework = builtInFrameworks[builtInFrameworks.length - 1]!;

export function findFramework(id?: string, version?: string): Framework | undefined {
  const matches = builtInFrameworks.filter((f) => (id === undefined || f.id === id) && (version === undefined || f.version === version));
  return matches[matches.length - 1];
}
