import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Maturity Workbench';

/**
 * The default data folder, the same one Electron's `app.getPath('userData')` names, so the desktop
 * app and browser mode share engagements. MATURITY_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MATURITY_DATA_DIR) return env.MATURITY_DATA_DIR;
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
  }
}
