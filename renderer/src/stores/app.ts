import { create } from 'zustand';

export type Route =
  | { name: 'home' }
  | { name: 'engagement'; engagementId: string; tab: 'people' | 'assessments' | 'details' }
  | { name: 'framework'; capabilityId?: string }
  | { name: 'settings' }
  | { name: 'assessment'; engagementId: string; assessmentId: string; capabilityId?: string; activity?: boolean }
  | { name: 'projector'; engagementId: string; assessmentId: string }
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
  if (parts[0] === 'e' && parts[1] && parts[2] === 'a' && parts[3]) {
    const capabilityId = parts[4] && CAPABILITY_ID.test(parts[4]) ? parts[4] : undefined;
    const activity = parts[4] === 'activity';
    return { name: 'assessment', engagementId: parts[1], assessmentId: parts[3], ...(capabilityId ? { capabilityId } : {}), ...(activity ? { activity } : {}) };
  }
  if (parts[0] === 'projector' && parts[1] && parts[2]) return { name: 'projector', engagementId: parts[1], assessmentId: parts[2] };
  if (parts[0] === 'e' && parts[1] && parts[2] === 'roadmap') {
    const tab = (roadmapTabs as readonly string[]).includes(parts[3] ?? '') ? (parts[3] as RoadmapTab) : 'initiatives';
    return { name: 'roadmap', engagementId: parts[1], tab, ...(parts[4] && tab === parts[3] ? { scenarioId: parts[4] } : {}) };
  }
  if (parts[0] === 'e' && parts[1]) {
    const tab = parts[2] === 'people' || parts[2] === 'details' ? parts[2] : 'assessments';
    return { name: 'engagement', engagementId: parts[1], tab };
  }
  if (parts[0] === 'framework') return { name: 'framework', capabilityId: parts[1] };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'engagement':
      return `#/e/${encodeURIComponent(route.engagementId)}/${route.tab}`;
    case 'framework':
      return route.capabilityId ? `#/framework/${route.capabilityId}` : '#/framework';
    case 'settings':
      return '#/settings';
    case 'assessment': {
      const base = `#/e/${encodeURIComponent(route.engagementId)}/a/${encodeURIComponent(route.assessmentId)}`;
      if (route.activity) return `${base}/activity`;
      return route.capabilityId ? `${base}/${route.capabilityId}` : base;
    }
    case 'projector':
      return `#/projector/${encodeURIComponent(route.engagementId)}/${encodeURIComponent(route.assessmentId)}`;
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
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { id, kind, text }] });
    window.setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 3500);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  set(patch) {
    set(patch);
  },
}));
