/**
 * Initiatives: the list (N adds one; each name opens the editor), starter suggestions from the gap
 * ranking of the baseline, and the rate card beside them.
 */
import { useEffect, useState } from 'react';
import type { Engagement, Initiative, InitiativeSuggestion } from '../../../../shared/domain';
import { GAP_FORMULA } from '../../../../shared/results/ranking';
import { errorMessage } from '../../api';
import { useApp } from '../../stores/app';
import { useRoadmap } from '../../stores/roadmap';
import { isTypingTarget } from '../../typing';
import { InitiativeEditor, type EditorTarget } from './InitiativeEditor';
import { RateCardEditor } from './RateCardEditor';
import { money } from './format';

export function InitiativesTab({ engagement }: { engagement: Engagement }) {
  const initiatives = useRoadmap((s) => s.initiatives);
  const scenarios = useRoadmap((s) => s.scenarios);
  const baseline = useRoadmap((s) => s.baseline);
  const loadBaseline = useRoadmap((s) => s.loadBaseline);
  const removeInitiative = useRoadmap((s) => s.removeInitiative);
  const suggest = useRoadmap((s) => s.suggest);
  const notify = useApp((s) => s.notify);
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [suggestions, setSuggestions] = useState<InitiativeSuggestion[] | null>(null);
  const cur = engagement.currency;
  const baselineId = scenarios[0]?.baselineAssessmentId ?? engagement.assessments[0]?.id;
  const names = new Map(initiatives.map((x) => [x.id, x.name]));

  useEffect(() => {
    if (baselineId) void loadBaseline(baselineId);
  }, [baselineId, loadBaseline, baseline]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setTarget({});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const askSuggestions = async () => {
    try {
      setSuggestions(await suggest(baselineId && scenarios[0] ? { scenarioId: scenarios[0].id } : {}));
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  const remove = async (x: Initiative) => {
    try {
      await removeInitiative(x.id);
      notify('info', `${x.name} removed (Ctrl+Z undoes)`);
    } catch (err) {
      notify('error', errorMessage(err));
    }
  };
  const effortDays = (x: Initiative) => x.effort.reduce((a, e) => a + e.days, 0);

  return (
    <div className="rm-initiatives">
      <RateCardEditor currency={cur} />
      <div className="rm-main">
        <div className="section-bar">
          <h2>Initiatives</h2>
          <div className="page-actions">
            <button className="btn" onClick={() => void askSuggestions()} disabled={!baselineId} title={baselineId ? `Starter initiatives for the largest gaps (${GAP_FORMULA})` : 'Create an assessment first'}>
              Suggest from the gaps
            </button>
            <button className="btn primary" onClick={() => setTarget({})}>
              New initiative <kbd>N</kbd>
            </button>
          </div>
        </div>
        {suggestions && (
          <section className="card rm-suggestions" aria-labelledby="suggest-title">
            <div className="card-head">
              <h3 id="suggest-title">Suggestions from the gap ranking</h3>
              <button className="btn small ghost" onClick={() => setSuggestions(null)}>Close</button>
            </div>
            {suggestions.length === 0 ? (
              <p className="muted">No gap is left without an initiative lifting it to its target.</p>
            ) : (
              <ul className="list" aria-label="Suggested initiatives">
                {suggestions.map((s) => (
                  <li key={s.capabilityId}>
                    <span>
                      <strong>{s.name}</strong> <span className="muted small">#{s.rank} · {s.capabilityId} {s.current} → {s.target} · score {s.score.toFixed(1)}</span>
                    </span>
                    <span className="row-actions">
                      <button
                        className="btn small"
                        onClick={() => {
                          setTarget({ prefill: { name: s.name, description: s.description, uplifts: s.uplifts } });
                          setSuggestions(suggestions.filter((x) => x !== s));
                        }}
                      >
                        Add…
                      </button>
                      <button className="btn small ghost" onClick={() => setSuggestions(suggestions.filter((x) => x !== s))}>
                        Discard
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {initiatives.length === 0 ? (
          <p className="muted">No initiatives yet. Add one (N), or ask for suggestions from the largest gaps of the assessment.</p>
        ) : (
          <div className="table-scroll">
          <table className="table compact rm-initiative-table" aria-label="Initiatives">
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">Lifts</th>
                <th scope="col" className="num">Quarters</th>
                <th scope="col" className="num">Capex</th>
                <th scope="col" className="num">Opex / year</th>
                <th scope="col" className="num">Effort</th>
                <th scope="col">After</th>
                <th scope="col">Split</th>
                <th scope="col">Risk</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {initiatives.map((x) => (
                <tr key={x.id}>
                  <td>
                    <button className="link strong" onClick={() => setTarget({ initiative: x })}>{x.name}</button>
                    {x.owner && <div className="muted small">{x.owner}</div>}
                  </td>
                  <td>
                    {x.uplifts.length ? (
                      <span className="rm-chips">
                        {x.uplifts.map((u) => (
                          <span key={u.capabilityId} className="rm-chip">{`${u.capabilityId} → ${u.toLevel}`}</span>
                        ))}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">{x.durationQuarters}{x.earliestStart ? <div className="muted small">from {x.earliestStart}</div> : null}</td>
                  <td className="num">{money(x.capex, cur)}</td>
                  <td className="num">{money(x.opexPerYear, cur)}</td>
                  <td className="num">{effortDays(x)} d</td>
                  <td>{x.dependsOn.map((d) => names.get(d) ?? d).join(', ') || <span className="muted">—</span>}</td>
                  <td className="small">{x.costSplit.mode === 'equal' ? 'Equal' : x.costSplit.shares.map((s) => `${engagement.businessUnits.find((u) => u.id === s.businessUnitId)?.name ?? '?'} ${s.percent} %`).join(' · ')}</td>
                  <td><span className={`tag risk-${x.risk}`}>{x.risk}</span></td>
                  <td className="row-actions">
                    <button className="btn small ghost" aria-label={`Edit ${x.name}`} onClick={() => setTarget({ initiative: x })}>Edit</button>
                    <button className="btn small ghost danger-text" aria-label={`Remove ${x.name}`} onClick={() => void remove(x)}>Remove</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </div>
      <InitiativeEditor target={target} engagement={engagement} baseline={baseline} onClose={() => setTarget(null)} />
    </div>
  );
}
