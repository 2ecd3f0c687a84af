/** The frameworks that ship with the app. An assessment pins the id and version it was scored against. */
import dataPlatform from './data-platform-maturity.json';
import type { Framework } from './schema';

export const builtInFrameworks: readonly Framework[] = [dataPlatform as Framework];
export const defaultFramework: Framework = builtInFrameworks[0]!;

export function findFramework(id?: string, version?: string): Framework | undefined {
  return builtInFrameworks.find(
    (f) => (id === undefined || f.id === id) && (version === undefined || f.version === version),
  );
}
