import { create } from 'zustand';

export type Route =
  | { name: 'home' }
  | { name: 'engagement'; engagementId: string; tab: 'people' | 'assessments' | 'details' }
  | { name: 'backups'; engagementId: string }
  | { name: 'framework'; capabilityId?: string; frameworkId?: string; version?: string }
  | { name: 'settings' }
  | { name: 'assessment'; engagementId: string; assessmentId: string; capabilityId?: string; activity?: boolean }
  | { name: 'projector'; engagementId: string; assessmentId: string }
  | { name: 'results'; engagementId: string; assessmentId: string }
  | { name: 'trend'; engagementId: string }
  | { name: 'portfolio'; engagementId?: string }
  | { name: 'roadmap'; engagementId: string; tab: RoadmapTab; scenarioId?: string };

export const roadmapTabs = ['initiatives', 'plan', 'costs', 'compare'] as const;
export type RoadmapTab = (typeof roadmapTabs)[number];

const CAPABILITY_ID = /^M\d+\.\d+$/;

/** The route an address names; an address that names none (or is not even well escaped) is home. */
export function parseHash(hash: string): Route {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'home' };
  }
  if (parts[0] === 'e' && parts[1] && parts[2] === 'a' && parts[3] && parts[4] === 'results') return { name: 'results', engagementId: parts[1], assessmentId: parts[3] };
  if (parts[0] === 'e' && parts[1] && parts[2] === 'trend') return { name: 'trend', engagementId: parts[1] };
  if (parts[0] === 'portfolio') return parts[1] ? { name: 'portfolio', engagementId: parts[1] } : { name: 'portfolio' };
  if (parts[0] === 'e' && parts[1] && parts[2] === 'a' && parts[3]) {
    const capabilityId = parts[4] && CAPABILITY_ID.test(parts[4]) ? parts[4] : undefined;
    const activity = parts[4] === 'activity';
    return { name: 'assessment', engagementId: parts[1], assessmentId: parts[3], ...(capabilityId ? { capabilityId } : {}), ...(activity ? { activity } : {}) };
  }
  if (parts[0] === 'projector' && parts[1] && parts[2]) return { name: 'projector', engagementId: parts[1], assessmentId: parts[2] };
  if (parts[0] === 'e' && parts[1] && parts[2] === 'backups') return { name: 'backups', engagementId: parts[1] };
  if (parts[0] === 'e' && parts[1] && parts[2] === 'roadmap') {
    const tab = (roadmapTabs as readonly string[]).includes(parts[3] ?? '') ? (parts[3] as RoadmapTab) : 'initiatives';
    return { name: 'roadmap', engagementId: parts[1], tab, ...(parts[4] && tab === parts[3] ? { scenarioId: parts[4] } : {}) };
  }
  if (parts[0] === 'e' && parts[1]) {
    const tab = parts[2] === 'people' || parts[2] === 'details' ? parts[2] : 'assessments';
    return { name: 'engagement', engagementId: parts[1], tab };
  }
  if (parts[0] === 'framework') {
    // `#/framework/M3.4` in the newest built-in framework, or `#/framework/<id>/<version>/M3.4` in another.
    if (parts[1] && !CAPABILITY_ID.test(parts[1]) && parts[2]) {
      const capabilityId = parts[3] && CAPABILITY_ID.test(parts[3]) ? parts[3] : undefined;
      return { name: 'framework', frameworkId: parts[1], version: parts[2], ...(capabilityId ? { capabilityId } : {}) };
    }
    return parts[1] && CAPABILITY_ID.test(parts[1]) ? { name: 'framework', capabilityId: parts[1] } : { name: 'framework' };
  }
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'engagement':
      return `#/e/${encodeURIComponent(route.engagementId)}/${route.tab}`;
    case 'backups':
      return `#/e/${encodeURIComponent(route.engagementId)}/backups`;
    case 'framework': {
      const base = route.frameworkId && route.version ? `#/framework/${encodeURIComponent(route.frameworkId)}/${encodeURIComponent(route.version)}` : '#/framework';
      return route.capabilityId ? `${base}/${route.capabilityId}` : base;
    }
    case 'settings':
      return '#/settings';
    case 'assessment': {
      const base = `#/e/${encodeURIComponent(route.engagementId)}/a/${encodeURIComponent(route.assessmentId)}`;
      if (route.activity) return `${base}/activity`;
      return route.capabilityId ? `${base}/${route.capabilityId}` : base;
    }
    case 'projector':
      return `#/projector/${encodeURIComponent(route.engagementId)}/${encodeURIComponent(route.assessmentId)}`;
    case 'results':
      return `#/e/${encodeURIComponent(route.engagementId)}/a/${encodeURIComponent(route.assessmentId)}/results`;
    case 'trend':
      return `#/e/${encodeURIComponent(route.engagementId)}/trend`;
    case 'portfolio':
      return route.engagementId ? `#/portfolio/${encodeURIComponent(route.engagementId)}` : '#/portfolio';
    case 'roadmap': {
      const base = `#/e/${encodeURIComponent(route.engagementId)}/roadmap/${route.tab}`;
      return route.scenarioId ? `${base}/${encodeURIComponent(route.scenarioId)}` : base;
    }
  }
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** How many times the same message came: shown as "×3" instead of three messages. */
  count: number;
}

/** How long a note stays; an error stays until it is dismissed. */
const INFO_MS = 4000;
const infoTimers = new Map<number, number>();

/** The one message shown: the oldest error not yet dismissed, else the latest note. */
export function shownToast(toasts: readonly Toast[]): Toast | null {
  return toasts.find((t) => t.kind === 'error') ?? toasts[toasts.length - 1] ?? null;
}

interface AppState {
  route: Route;
  toasts: Toast[];
  paletteOpen: boolean;
  shortcutsOpen: boolean;
  newEngagementOpen: boolean;
  /** `replace` swaps the history entry instead of adding one (moving between capabilities). */
  navigate(route: Route, options?: { replace?: boolean }): void;
  syncFromHash(): void;
  notify(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
  set(patch: Partial<Pick<AppState, 'paletteOpen' | 'shortcutsOpen' | 'newEngagementOpen'>>): void;
}

let toastSeq = 0;

export const useApp = create<AppState>((set, get) => ({
  route: parseHash(window.location.hash),
  toasts: [],
  paletteOpen: false,
  shortcutsOpen: false,
  newEngagementOpen: false,
  navigate(route, options) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) {
      if (options?.replace) window.history.replaceState(window.history.state, '', hash);
      else window.location.hash = hash;
    }
    set({ route });
  },
  syncFromHash() {
    set({ route: parseHash(window.location.hash) });
  },
  notify(kind, text) {
    const toasts = get().toasts;
    const same = toasts.find((t) => t.kind === kind && t.text === text);
    const id = same?.id ?? ++toastSeq;
    if (same) set({ toasts: toasts.map((t) => (t === same ? { ...t, count: t.count + 1 } : t)) });
    // A new note replaces the one before it; errors wait their turn, one at a time.
    else set({ toasts: [...(kind === 'info' ? toasts.filter((t) => t.kind !== 'info') : toasts), { id, kind, text, count: 1 }] });
    if (kind === 'info') {
      for (const t of toasts) if (t.kind === 'info' && t.id !== id) window.clearTimeout(infoTimers.get(t.id));
      window.clearTimeout(infoTimers.get(id));
      infoTimers.set(id, window.setTimeout(() => get().dismiss(id), INFO_MS));
    }
  },
  dismiss(id) {
    window.clearTimeout(infoTimers.get(id));
    infoTimers.delete(id);
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  set(patch) {
    set(patch);
  },
}));
