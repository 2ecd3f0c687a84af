/**
 * The screens beyond home, loaded when first shown (each its own script), so that the first screen a
 * person sees loads and starts alone; once home is up they are fetched in the background, so that moving
 * on never waits for them.
 */
import { lazy } from 'react';

const load = {
  assessment: () => import('./views/AssessmentView'),
  framework: () => import('./views/FrameworkView'),
  projector: () => import('./views/ProjectorView'),
  settings: () => import('./views/SettingsView'),
  palette: () => import('./components/Palette'),
  results: () => import('./views/ResultsView'),
  trend: () => import('./views/TrendView'),
  portfolio: () => import('./views/PortfolioView'),
  backups: () => import('./views/BackupsView'),
  roadmap: () => import('./views/RoadmapView'),
};

export const AssessmentView = lazy(() => load.assessment().then((m) => ({ default: m.AssessmentView })));
export const FrameworkView = lazy(() => load.framework().then((m) => ({ default: m.FrameworkView })));
export const ProjectorView = lazy(() => load.projector().then((m) => ({ default: m.ProjectorView })));
export const SettingsView = lazy(() => load.settings().then((m) => ({ default: m.SettingsView })));
export const Palette = lazy(() => load.palette().then((m) => ({ default: m.Palette })));
export const ResultsView = lazy(() => load.results().then((m) => ({ default: m.ResultsView })));
export const TrendView = lazy(() => load.trend().then((m) => ({ default: m.TrendView })));
export const PortfolioView = lazy(() => load.portfolio().then((m) => ({ default: m.PortfolioView })));
export const BackupsView = lazy(() => load.backups().then((m) => ({ default: m.BackupsView })));
export const RoadmapView = lazy(() => load.roadmap().then((m) => ({ default: m.RoadmapView })));

/** After this long the first screen is up: the others are fetched then, when the browser is idle. */
const PREFETCH_AFTER_MS = 1500;

/**
 * Fetches every screen's script once the first screen is up and the browser is idle (not while the first screen
 * still waits for its data, which an idle moment also is); a failure is left to the screen's own load.
 */
export function prefetchScreens(): () => void {
  const timer = window.setTimeout(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 0));
    idle(() => {
      for (const fetchScreen of Object.values(load)) void fetchScreen().catch(() => undefined);
    });
  }, PREFETCH_AFTER_MS);
  return () => window.clearTimeout(timer);
}

