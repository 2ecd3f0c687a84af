/**
 * Asks the engine for what the first screen shows (the engagements, the settings) as early as the page allows:
 * imported first by main.tsx, this runs before React and the screens are even evaluated, so the answers arrive
 * while they are.
 */
import { useLibrary } from './stores/data';
import { useSettings } from './stores/settings';

void useLibrary.getState().load();
// Settings say how dates are written, which colour scheme to use, and whether to ask the consultant's name.
void useSettings.getState().load().catch(() => undefined);
