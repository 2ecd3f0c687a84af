/**
 * The pass criteria of a capability as a checklist (framework 1.1): the assessor ticks what the client can
 * show, the ticks are stored with the score, and the level they support is suggested. The consultant still
 * decides the score: the suggestion is a button, never an automatic change.
 */
import { criteriaLevelKeys, type Capability, type ScaleLevel } from '../../../shared/framework/schema';
import { suggestedLevel } from '../../../shared/framework/rules';
import { useAssessment } from '../stores/assessment';

interface CriteriaChecklistProps {
  capability: Capability;
  scale: readonly ScaleLevel[];
  ticked: readonly string[];
  current: number | null;
  notApplicable: boolean;
  scoringRule?: string;
}

export function CriteriaChecklist({ capability, scale, ticked, current, notApplicable, scoringRule }: CriteriaChecklistProps) {
  const tick = useAssessment((s) => s.tickCriterion);
  const rate = useAssessment((s) => s.rate);
  const set = new Set(ticked);
  const suggested = suggestedLevel(capability, set);
  const total = criteriaLevelKeys.reduce((n, k) => n + (capability.levels[k].criteria?.length ?? 0), 0);
  return (
    <div className="criteria-checklist">
      <p className="criteria-summary" aria-live="polite">
        <span>
          {ticked.length} of {total} criteria met:{' '}
          <strong>
            {suggested === null ? 'no suggestion' : `they support level ${suggested} ${scale[suggested - 1]?.name ?? ''}`}
          </strong>
        </span>
        {suggested !== null && !notApplicable && current !== suggested && (
          <button type="button" className="btn small" onClick={() => void rate(capability.id, { currentLevel: suggested })}>
            Set current level to {suggested}
          </button>
        )}
        {suggested !== null && current !== null && current !== suggested && (
          <span className="small muted">The agreed level is {current}: say why in the rationale.</span>
        )}
      </p>
      {criteriaLevelKeys.map((k) => {
        const list = capability.levels[k].criteria ?? [];
        const met = list.filter((x) => set.has(x.id)).length;
        return (
          <fieldset key={k} className={`criteria-level level-${k}`}>
            <legend>
              Level {k} {scale[Number(k) - 1]?.name} <span className="muted small">({met} of {list.length})</span>
            </legend>
            {list.map((x) => (
              <label key={x.id} className="criterion">
                <input type="checkbox" checked={set.has(x.id)} onChange={(e) => void tick(capability.id, x.id, e.target.checked)} />
                <span>
                  <span className="mono small muted">{x.id}</span> {x.text}
                </span>
              </label>
            ))}
            {capability.levels[k].evidence && <p className="small muted">Proven by: {capability.levels[k].evidence!.join('; ')}</p>}
          </fieldset>
        );
      })}
      {scoringRule && <p className="small muted">{scoringRule}</p>}
    </div>
  );
}
