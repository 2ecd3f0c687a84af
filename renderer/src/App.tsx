import { Suspense, useEffect, useState } from 'react';
import type { MenuCommand } from '../../shared/menu';
import { onEngineEvent, onMenuCommand, transport } from './api';
import { Messages } from './components/Messages';
import { ShortcutsOverlay, keysLabel } from './components/Shortcuts';
import { useApp } from './stores/app';
import { useAssessment } from './stores/assessment';
import { useEngagement, useLibrary } from './stores/data';
import { useSettings } from './stores/settings';
import { useExports } from './stores/exports';
import { useResults } from './stores/results';
import { useRoadmap } from './stores/roadmap';
import { AssessmentView, BackupsView, FrameworkView, Palette, PortfolioView, ProjectorView, ResultsView, RoadmapView, SettingsView, TrendView, prefetchScreens } from './screens';
import { EngagementView } from './views/EngagementView';
import { Home, NewEngagementDialog } from './views/Home';
import { isTypingTarget } from './typing';
import { ScreenBusy } from './components/ScreenState';

function runMenuCommand(command: MenuCommand): void {
  const app = useApp.getState();
  switch (command) {
    case 'engagement.new':
      app.set({ newEngagementOpen: true });
      break;
    case 'nav.home':
      app.navigate({ name: 'home' });
      break;
    case 'nav.framework':
      app.navigate({ name: 'framework' });
      break;
    case 'palette.open':
      app.set({ paletteOpen: true });
      break;
    case 'help.shortcuts':
      app.set({ shortcutsOpen: true });
      break;
    case 'nav.settings':
      app.navigate({ name: 'settings' });
      break;
    case 'edit.undo':
    case 'edit.redo':
      editHistory(command === 'edit.undo' ? 'undo' : 'redo');
      break;
  }
}

/** Edit > Undo/Redo from the native menu: a text field's own undo while typing, else the assessment's. */
function editHistory(direction: 'undo' | 'redo'): void {
  if (isTypingTarget(document.activeElement)) {
    document.execCommand(direction);
    return;
  }
  if (useApp.getState().route.name === 'assessment' && !document.querySelector('dialog[open]')) {
    void (direction === 'undo' ? useAssessment.getState().undo() : useAssessment.getState().redo());
  }
  if (useApp.getState().route.name === 'roadmap' && !document.querySelector('dialog[open]')) {
    void (direction === 'undo' ? useRoadmap.getState().undoLast() : useRoadmap.getState().redoLast());
  }
}

/** Keyboard equivalents of the menu; in Electron the menu's accelerators handle these instead. */
function shortcutFor(e: KeyboardEvent): MenuCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.shiftKey && key === 'k') return 'palette.open';
  if (mod && !e.shiftKey && key === 'n') return 'engagement.new';
  if (mod && e.shiftKey && key === 'h') return 'nav.home';
  if (mod && e.shiftKey && key === 'f') return 'nav.framework';
  if (mod && key === '/') return 'help.shortcuts';
  if (mod && key === ',') return 'nav.settings';
  if (!mod && e.key === '?' && !isTypingTarget(e.target)) return 'help.shortcuts';
  return null;
}

export function App() {
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const setApp = useApp((s) => s.set);
  const paletteOpen = useApp((s) => s.paletteOpen);
  // The search palette's script is loaded the first time it is opened, then it stays mounted.
  const [paletteWanted, setPaletteWanted] = useState(paletteOpen);
  if (paletteOpen && !paletteWanted) setPaletteWanted(true);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const projectorTheme = useSettings((s) => s.settings?.projectorTheme ?? 'same');

  // Light or dark as chosen in Settings (the projector may have its own), else as the operating system says.
  useEffect(() => {
    const chosen = route.name === 'projector' && projectorTheme !== 'same' ? projectorTheme : theme;
    if (chosen === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = chosen;
  }, [route.name, theme, projectorTheme]);

  useEffect(() => {
    const onHash = () => useApp.getState().syncFromHash();
    window.addEventListener('hashchange', onHash);
    // The library and settings were asked for before the first render (main.tsx); the other screens load meanwhile.
    const stopPrefetch = prefetchScreens();
    const offEvents = onEngineEvent((event) => {
      useExports.getState().follow(event);
      if (event.type !== 'changed') return;
      if (event.engagementId === null) void useLibrary.getState().load();
      if (event.engagementId === null && event.tables.includes('setting')) void useSettings.getState().load().catch(() => undefined);
      const current = useEngagement.getState().current;
      if (current && event.engagementId === current.id) {
        if (event.tables.includes('engagement') && useApp.getState().route.name !== 'engagement') useEngagement.getState().clear();
        else void useEngagement.getState().reload();
      }
      useAssessment.getState().follow(event);
      useResults.getState().follow(event);
      useRoadmap.getState().follow(event);
    });
    const offMenu = onMenuCommand(runMenuCommand);
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor(e);
      if (!command || (transport === 'ipc' && command !== 'help.shortcuts')) return;
      e.preventDefault();
      runMenuCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
      offEvents();
      offMenu();
      stopPrefetch();
    };
  }, []);

  // The projector shows messages in its own top bar.
  if (route.name === 'projector') {
    return (
      <Suspense fallback={<ScreenBusy />}>
        <ProjectorView engagementId={route.engagementId} assessmentId={route.assessmentId} />
      </Suspense>
    );
  }

  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <button className="brand" onClick={() => navigate({ name: 'home' })} aria-label="Maturity Workbench home">
          <span className="logo" aria-hidden="true">◆</span> Maturity Workbench
        </button>
        <nav aria-label="Main" className="topnav">
          <button className="navlink" aria-current={['home', 'engagement', 'backups', 'assessment', 'results', 'trend', 'portfolio', 'roadmap'].includes(route.name) ? 'page' : undefined} onClick={() => navigate({ name: 'home' })}>
            Engagements
          </button>
          <button className="navlink" aria-current={route.name === 'framework' ? 'page' : undefined} onClick={() => navigate({ name: 'framework' })}>
            Framework
          </button>
          <button className="navlink" aria-current={route.name === 'settings' ? 'page' : undefined} onClick={() => navigate({ name: 'settings' })}>
            Settings
          </button>
        </nav>
        <Messages className="topbar-messages" />
        <div className="topbar-right">
          <button className="search-button" onClick={() => setApp({ paletteOpen: true })}>
            Search… <kbd>{keysLabel('Mod+K')}</kbd>
          </button>
          <button className="btn ghost small" aria-label="Keyboard shortcuts" onClick={() => setApp({ shortcutsOpen: true })}>?</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<ScreenBusy />}>
          {route.name === 'home' && <Home />}
          {route.name === 'engagement' && <EngagementView engagementId={route.engagementId} tab={route.tab} />}
          {route.name === 'backups' && <BackupsView engagementId={route.engagementId} />}
          {route.name === 'framework' && <FrameworkView capabilityId={route.capabilityId} frameworkId={route.frameworkId} version={route.version} />}
          {route.name === 'settings' && <SettingsView />}
          {route.name === 'results' && <ResultsView engagementId={route.engagementId} assessmentId={route.assessmentId} />}
          {route.name === 'trend' && <TrendView engagementId={route.engagementId} />}
          {route.name === 'portfolio' && <PortfolioView engagementId={route.engagementId} />}
          {route.name === 'roadmap' && <RoadmapView engagementId={route.engagementId} tab={route.tab} scenarioId={route.scenarioId} />}
          {route.name === 'assessment' && <AssessmentView engagementId={route.engagementId} assessmentId={route.assessmentId} capabilityId={route.capabilityId} activity={route.activity} />}
        </Suspense>
      </main>
      <NewEngagementDialog />
      {paletteWanted && (
        <Suspense fallback={null}>
          <Palette />
        </Suspense>
      )}
      <ShortcutsOverlay />
    </div>
  );
}
