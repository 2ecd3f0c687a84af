import { levelKeys, type Capability, type ScaleLevel } from '../../../shared/framework/schema';

interface LevelDescriptorsProps {
  capability: Capability;
  scale: readonly ScaleLevel[];
  current?: number | null;
  target?: number | null;
  /** Clicking a level sets it as the current level (and Shift-click as the target). */
  onPick?: (level: number, asTarget: boolean) => void;
  className?: string;
}

/** The five level descriptors of a capability, with the agreed current and target levels marked in distinct styles. */
export function LevelDescriptors({ capability, scale, current = null, target = null, onPick, className }: LevelDescriptorsProps) {
  return (
    <ol className={`levels ${className ?? ''}`} aria-label="Maturity levels">
      {levelKeys.map((k) => {
        const level = Number(k);
        const isCurrent = current === level;
        const isTarget = target === level;
        const classes = ['level', `level-${k}`, isCurrent && 'is-current', isTarget && 'is-target'].filter(Boolean).join(' ');
        const body = (
          <>
            <span className="level-head">
              <span className="level-num">{k}</span>
              <span className="level-name">{scale[level - 1]?.name}</span>
              <span className="level-badges">
                {isCurrent && <span className="badge current">Current</span>}
                {isTarget && <span className="badge target">Target</span>}
              </span>
            </span>
            <span className="level-text">{capability.levels[k].descriptor}</span>
          </>
        );
        return (
          <li key={k} className={classes} aria-current={isCurrent ? 'true' : undefined}>
            {onPick ? (
              <button type="button" className="level-button" onClick={(e) => onPick(level, e.shiftKey)} title={`Set current level ${k} (Shift-click: target)`}>
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ol>
  );
}
