import type { ReactNode } from 'react';
import { confidences, type Confidence, type Rating } from '../../../shared/domain';
import type { ScaleLevel } from '../../../shared/framework/schema';
import { useAssessment } from '../stores/assessment';
import { AutosaveField } from './AutosaveField';
import { Segmented, type SegmentOption } from './Segmented';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** "Managed (measured)" -> "Managed": the picker shows the word, the descriptors below say the rest. */
const shortName = (name: string | undefined) => name?.replace(/\s*\(.*\)$/, '') ?? '';

function levelOptions(scale: readonly ScaleLevel[]): SegmentOption<number>[] {
  return LEVELS.map((l) => ({
    value: l,
    name: `${l} ${scale[l - 1]?.name ?? ''}`.trim(),
    label: (
      <>
        <span className="seg-num">{l}</span>
        <span className="seg-name">{shortName(scale[l - 1]?.name)}</span>
      </>
    ),
  }));
}

const priorityOptions: SegmentOption<number>[] = LEVELS.map((l) => ({ value: l, label: String(l), name: `Priority ${l}` }));
const confidenceOptions: SegmentOption<Confidence>[] = confidences.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }));

interface ScorePanelProps {
  capabilityId: string;
  rating: Rating | undefined;
  scale: readonly ScaleLevel[];
}

/** The agreed score of one capability: current and target level, not applicable, confidence and priority. */
export function ScorePanel({ capabilityId, rating, scale }: ScorePanelProps) {
  const rate = useAssessment((s) => s.rate);
  const na = !!rating?.notApplicable;
  const levels = levelOptions(scale);
  return (
    <section className={na ? 'score-panel is-na' : 'score-panel'} aria-label="Agreed score">
      <ScoreRow label="Current" keys={['1', '…', '5']}>
        <Segmented
          label="Current level"
          className="levels-picker"
          options={levels}
          value={na ? null : rating?.currentLevel ?? null}
          clearable
          onChange={(v) => void rate(capabilityId, { currentLevel: v, ...(na ? { notApplicable: false } : {}) })}
        />
        <button type="button" className="seg na-toggle" aria-pressed={na} onClick={() => void rate(capabilityId, { notApplicable: !na })}>
          N/A <kbd>0</kbd>
        </button>
      </ScoreRow>
      <ScoreRow label="Target" keys={['⇧1', '…', '5']}>
        <Segmented
          label="Target level"
          className="levels-picker target"
          options={levels}
          value={na ? null : rating?.targetLevel ?? null}
          clearable
          onChange={(v) => void rate(capabilityId, { targetLevel: v })}
        />
      </ScoreRow>
      <ScoreRow label="Confidence">
        <Segmented label="Confidence" options={confidenceOptions} value={rating?.confidence ?? null} clearable onChange={(v) => void rate(capabilityId, { confidence: v })} />
      </ScoreRow>
      <ScoreRow label="Priority">
        <Segmented label="Priority" options={priorityOptions} value={rating?.priority ?? null} clearable onChange={(v) => void rate(capabilityId, { priority: v })} />
        <span className="muted small">business impact; 4 or 5 is high</span>
      </ScoreRow>
    </section>
  );
}

function ScoreRow({ label, keys, children }: { label: string; keys?: string[]; children: ReactNode }) {
  return (
    <div className="score-row">
      <span className="score-label">
        {label}
        {keys && (
          <span className="score-keys" aria-hidden="true">
            {keys.map((k) => (k === '…' ? '…' : <kbd key={k}>{k}</kbd>))}
          </span>
        )}
      </span>
      <div className="score-controls">{children}</div>
    </div>
  );
}

/** Rationale and owner, saved as they are typed. Keyed by capability so a half-typed text is saved on the way out. */
export function RatingNotes({ capabilityId, rating }: { capabilityId: string; rating: Rating | undefined }) {
  const rate = useAssessment((s) => s.rate);
  return (
    <section className="notes" aria-label="Rationale and owner">
      <AutosaveField
        id="rationale"
        label="Rationale"
        multiline
        value={rating?.rationale ?? ''}
        placeholder="Why this level? What was said in the room… (press R to write here)"
        onSave={(rationale) => void rate(capabilityId, { rationale })}
      />
      <AutosaveField id="owner" label="Owner" value={rating?.owner ?? ''} placeholder="Who owns this capability?" onSave={(owner) => void rate(capabilityId, { owner })} />
    </section>
  );
}
