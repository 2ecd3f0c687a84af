/**
 * The results screens' cache: one assessment's results, one engagement's trend and the portfolio, each
 * as the engine computed it (the screens only draw). The screen on show follows the engine's change
 * events: a change to the engagement shown re-reads its results or trend, a new rollup re-reads the
 * portfolio, soon and once for a burst of changes.
 */
import { create } from 'zustand';
import type { AssessmentResultsView, PortfolioView, TrendView } from '../../../shared/results';
import type { EngineEvent } from '../../../shared/events';
import { errorMessage, invoke } from '../api';
import { useApp } from './app';

interface Slot<K, V> {
  /** What was asked for last. */
  key: K | null;
  view: V | null;
  /** What `view` was computed for: `key` once loaded, an earlier key while loading. */
  viewKey: K | null;
  error: string | null;
  loading: boolean;
}

export interface ResultsKey {
  engagementId: string;
  assessmentId: string;
}
export interface TrendKey {
  engagementId: string;
  fromAssessmentId?: string;
  toAssessmentId?: string;
}
export interface PortfolioKey {
  engagementId?: string;
  industry?: string;
  region?: string;
}

interface ResultsState {
  results: Slot<ResultsKey, AssessmentResultsView>;
  trend: Slot<TrendKey, TrendView>;
  portfolio: Slot<PortfolioKey, PortfolioView>;
  loadResults(key: ResultsKey): Promise<void>;
  loadTrend(key: TrendKey): Promise<void>;
  loadPortfolio(key: PortfolioKey): Promise<void>;
  /** Re-reads what an engine change event may have changed. */
  follow(event: EngineEvent): void;
}

const empty = <K, V>(): Slot<K, V> => ({ key: null, view: null, viewKey: null, error: null, loading: false });
const same = (a: object | null, b: object | null) => JSON.stringify(a) === JSON.stringify(b);

/** Waits this long after a change event, so a burst of changes makes one re-read. */
const FOLLOW_DELAY_MS = 200;

export const useResults = create<ResultsState>((set, get) => {
  const timers = new Map<string, number>();
  const later = (name: string, fn: () => void) => {
    window.clearTimeout(timers.get(name));
    timers.set(name, window.setTimeout(fn, FOLLOW_DELAY_MS));
  };

  /**
   * Loads a slot; an answer for a key no longer wanted is dropped. While it loads, the slot keeps what
   * it showed for the same subject (`subject`), so a screen can keep its charts on screen and update them
   * in place instead of drawing them again from nothing; the screen decides whether to show it.
   */
  async function load<N extends 'results' | 'trend' | 'portfolio'>(
    name: N,
    key: NonNullable<ResultsState[N]['key']>,
    subject: (k: NonNullable<ResultsState[N]['key']>) => string,
    fetch: () => Promise<NonNullable<ResultsState[N]['view']>>,
  ) {
    const slot = get()[name];
    const kept = slot.key && subject(slot.key as NonNullable<ResultsState[N]['key']>) === subject(key);
    const previous = { view: kept ? slot.view : null, viewKey: kept ? slot.viewKey : null };
    set({ [name]: { key, ...previous, error: null, loading: true } } as Partial<ResultsState>);
    try {
      const view = await fetch();
      if (same(get()[name].key, key)) set({ [name]: { key, view, viewKey: key, error: null, loading: false } } as Partial<ResultsState>);
    } catch (err) {
      if (same(get()[name].key, key)) set({ [name]: { key, ...previous, error: errorMessage(err), loading: false } } as Partial<ResultsState>);
    }
  }

  return {
    results: empty(),
    trend: empty(),
    portfolio: empty(),

    loadResults: (key) => load('results', key, (k) => k.engagementId, () => invoke('results.assessment', key)),
    loadTrend: (key) => load('trend', key, () => '', () => invoke('results.trend', key)),
    loadPortfolio: (key) => load('portfolio', key, () => '', () => invoke('results.portfolio', key)),

    follow(event) {
      if (event.type !== 'changed') return;
      const { results, trend, portfolio } = get();
      // Only the screen on show is kept in step; another is read again when it opens.
      const shown = useApp.getState().route.name;
      if (shown === 'results' && event.engagementId && results.key?.engagementId === event.engagementId) later('results', () => void get().loadResults(get().results.key!));
      if (shown === 'trend' && event.engagementId && trend.key?.engagementId === event.engagementId) later('trend', () => void get().loadTrend(get().trend.key!));
      if (shown === 'portfolio' && portfolio.key && event.engagementId === null && event.tables.includes('assessment_rollup')) later('portfolio', () => void get().loadPortfolio(get().portfolio.key!));
    },
  };
});
