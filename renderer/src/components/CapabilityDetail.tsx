/**
 * Everything a framework says about one capability, as a consultant reads it before a workshop: each
 * level with its pass criteria and the evidence that proves it, when the capability does not apply, the
 * recommended target, what it builds on, what good looks like, anti-patterns and typical tools.
 */
import { criteriaLevelKeys, findCapability, levelKeys, type Capability, type Framework } from '../../../shared/framework/schema';

interface CapabilityDetailProps {
  framework: Framework;
  capability: Capability;
  onCapability?(capabilityId: string): void;
}

function CapabilityLink({ framework, id, onCapability }: { framework: Framework; id: string; onCapability?(id: string): void }) {
  const c = findCapability(framework, id);
  const label = c ? `${id} ${c.name}` : id;
  return onCapability ? (
    <button type="button" className="link" onClick={() => onCapability(id)}>
      {label}
    </button>
  ) : (
    <span>{label}</span>
  );
}

export function CapabilityDetail({ framework, capability: c, onCapability }: CapabilityDetailProps) {
  const withCriteria = !!c.levels['2'].criteria;
  const dependants = framework.modules.flatMap((m) => m.capabilities).filter((x) => x.dependsOn?.includes(c.id));
  const overlaps = (framework.overlaps ?? []).filter((o) => o.capabilities.includes(c.id));
  return (
    <div className="cap-detail">
      {(c.recommendedTarget || c.firstPass || c.dmbok?.length) && (
        <p className="cap-facts">
          {c.recommendedTarget && (
            <span className="tag plain">
              Recommended target: level {c.recommendedTarget} {framework.scale[c.recommendedTarget - 1]?.name}
            </span>
          )}
          {c.firstPass && <span className="tag plain">First-pass subset</span>}
          {c.dmbok?.map((d) => (
            <span key={d} className="tag plain" title="DAMA-DMBOK knowledge area">
              DMBOK: {d}
            </span>
          ))}
        </p>
      )}
      <ol className="level-table" aria-label="Levels and their pass criteria">
        {levelKeys.map((k) => {
          const level = c.levels[k];
          const scale = framework.scale[Number(k) - 1];
          return (
            <li key={k} className={`level-row level-${k}`}>
              <div className="level-row-head">
                <span className="level-num">{k}</span>
                <span className="level-name">{scale?.name}</span>
              </div>
              <div className="level-row-body">
                <p className="level-text" dir="auto">{level.descriptor}</p>
                {level.criteria && (
                  <>
                    <p className="small strong">Passes when all of these hold{k !== '2' ? ', with those of the levels below' : ''}:</p>
                    <ul className="criteria-list">
                      {level.criteria.map((x) => (
                        <li key={x.id}>
                          <span className="mono small muted">{x.id}</span> {x.text}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {level.evidence && (
                  <p className="small muted">
                    <span className="strong">Proven by:</span> {level.evidence.join('; ')}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {withCriteria && framework.scoringRule && <p className="small muted scoring-rule">{framework.scoringRule}</p>}
      {c.applicability && (
        <section>
          <h3>When it does not apply</h3>
          <p dir="auto">{c.applicability}</p>
        </section>
      )}
      {(c.dependsOn?.length || dependants.length || overlaps.length) ? (
        <section>
          <h3>How it fits with the others</h3>
          {c.dependsOn && c.dependsOn.length > 0 && (
            <p>
              Builds on:{' '}
              {c.dependsOn.map((d, i) => (
                <span key={d}>
                  {i > 0 && ', '}
                  <CapabilityLink framework={framework} id={d} onCapability={onCapability} />
                </span>
              ))}
            </p>
          )}
          {dependants.length > 0 && (
            <p>
              Underpins:{' '}
              {dependants.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <CapabilityLink framework={framework} id={d.id} onCapability={onCapability} />
                </span>
              ))}
            </p>
          )}
          {overlaps.map((o) => (
            <p key={o.theme} className="small">
              <span className="strong">{o.theme}:</span> {o.note}
            </p>
          ))}
        </section>
      ) : null}
      {c.example && (
        <section>
          <h3>What level 3 looks like</h3>
          <p dir="auto">{c.example}</p>
        </section>
      )}
      {c.antiPatterns && (
        <section>
          <h3>Looks like maturity, is not</h3>
          <ul className="bullets">
            {c.antiPatterns.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      {c.implementations && (
        <p className="small muted">
          <span className="strong">Typical implementations:</span> {c.implementations.join(', ')}
        </p>
      )}
      {!withCriteria && criteriaLevelKeys.length > 0 && framework.version === '1.0.0' && (
        <p className="small muted">Version {framework.version} of this framework has descriptors only; version 1.1 adds pass criteria per level.</p>
      )}
    </div>
  );
}
