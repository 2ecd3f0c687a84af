import { memo, useEffect, useRef } from 'react';
import { useWorkspace } from '../stores/workspace';
import { filterLabels, filtersFor, levelSummary, matchesFilter, type CapabilityRow, type WorkspaceModel } from '../workspace/model';
import { ProgressBar } from './ProgressBar';

interface NavigatorProps {
  model: WorkspaceModel;
  visible: readonly CapabilityRow[];
  capabilityId: string | undefined;
  onSelect(capabilityId: string): void;
}

/** The modules in scope with their progress, and each capability with a compact state; filters narrow the list. */
export function ModuleNavigator({ model, visible, capabilityId, onSelect }: NavigatorProps) {
  const filter = useWorkspace((s) => s.filter);
  const moduleId = useWorkspace((s) => s.moduleId);
  const set = useWorkspace((s) => s.set);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = new Set(visible.map((r) => r.capability.id));
  const inModule = model.rows.filter((r) => !moduleId || r.capability.moduleId === moduleId);

  // Keep the selected capability in view, scrolling the list only (never the page), and only when needed.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector('[aria-current="true"]');
    if (!list || !item) return;
    const l = list.getBoundingClientRect();
    const r = item.getBoundingClientRect();
    if (r.top < l.top) list.scrollTop -= l.top - r.top + 8;
    else if (r.bottom > l.bottom) list.scrollTop += r.bottom - l.bottom + 8;
  }, [capabilityId]);

  return (
    <nav className="ws-nav" aria-label="Capabilities">
      <div className="nav-top">
        <div className="nav-progress">
          <span className="field-label">Scored</span>
          <strong className="nav-total">
            {model.progress.scored} / {model.progress.inScope}
          </strong>
          {!!model.progress.toConfirm && <span className="nav-confirm small">· {model.progress.toConfirm} to confirm</span>}
          <ProgressBar value={model.progress.scored} max={model.progress.inScope} label="Capabilities scored" />
        </div>
        <label className="field">
          <span className="sr-only">Module</span>
          <select value={moduleId ?? ''} onChange={(e) => set({ moduleId: e.target.value || null })}>
            <option value="">All modules in scope</option>
            {model.modules.map((g) => (
              <option key={g.module.id} value={g.module.id}>
                {g.module.id} {g.module.name}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label="Filter capabilities" className="chips">
          {filtersFor(model).map((f) => (
            <button key={f} type="button" className="chip" aria-pressed={filter === f} onClick={() => set({ filter: f })}>
              {filterLabels[f]} <span className="chip-count">{inModule.filter((r) => matchesFilter(r, f)).length}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="nav-list" ref={listRef}>
        {model.modules.map((g) => {
          const rows = g.rows.filter((r) => shown.has(r.capability.id));
          if (rows.length === 0) return null;
          return (
            <section key={g.module.id} className="nav-module" aria-labelledby={`nav-${g.module.id}`}>
              <h2 id={`nav-${g.module.id}`} className="nav-module-name">
                <span className="nav-module-title">
                  <span className="mono">{g.module.id}</span> {g.module.name}
                </span>
                <span className="nav-count">
                  {g.progress.scored}/{g.progress.inScope}
                  <span className="sr-only"> scored</span>
                </span>
              </h2>
              <ul>
                {rows.map((r) => (
                  <li key={r.capability.id}>
                    <NavItem row={r} active={r.capability.id === capabilityId} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {visible.length === 0 && <p className="muted nav-empty">Nothing matches this filter.</p>}
      </div>
    </nav>
  );
}

const NavItem = memo(function NavItem({ row, active, onSelect }: { row: CapabilityRow; active: boolean; onSelect(id: string): void }) {
  const { capability, rating } = row;
  const level = rating?.notApplicable ? 'na' : rating?.currentLevel ?? 'none';
  return (
    <button type="button" className={active ? 'nav-cap active' : 'nav-cap'} aria-current={active ? 'true' : undefined} onClick={() => onSelect(capability.id)}>
      <span className="mono">{capability.id}</span>
      <span className="nav-cap-name">{capability.name}</span>
      <span className="nav-flags">
        {rating?.carriedOver && <Flag className="flag-carried" symbol="↺" label="carried over" />}
        {row.consensus.disagreement && <Flag className="flag-disagree" symbol="⚑" label="disagreement" />}
        {row.staleEvidence && <Flag className="flag-stale" symbol={row.staleCount > 1 ? `◷${row.staleCount}` : '◷'} label={`stale evidence: ${row.staleCount} of ${row.evidence.length} items`} />}
        {row.change !== null && row.change !== 0 && (
          <Flag
            className={row.change > 0 ? 'flag-up' : 'flag-down'}
            symbol={`${row.change > 0 ? '▲' : '▼'}${Math.abs(row.change)}`}
            label={`${row.change > 0 ? 'up' : 'down'} ${Math.abs(row.change)} since the previous assessment`}
          />
        )}
      </span>
      <span className={`nav-level lv-${level}`}>
        <span className="sr-only">score </span>
        {levelSummary(rating)}
      </span>
    </button>
  );
});

function Flag({ className, symbol, label }: { className: string; symbol: string; label: string }) {
  return (
    <span className={`flag ${className}`} title={label}>
      <span aria-hidden="true">{symbol}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
