import type { ReactNode } from 'react';
import { confidences, type Confidence, type Participant, type Rating } from '../../../shared/domain';
import type { ScaleLevel } from '../../../shared/framework/schema';
import { medianLevels } from '../../../shared/scoring/consensus';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { pickMedianLevel, turnOrder } from '../workspace/keys';
import type { CapabilityRow } from '../workspace/model';
import { AutosaveField } from './AutosaveField';
import { Segmented, type SegmentOption } from './Segmented';
import { formatMedian } from './VotesPanel';

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
  row: CapabilityRow;
  scale: readonly ScaleLevel[];
  /** Who is in the room, in the order they vote. */
  voters: readonly Participant[];
  /** The assessment a carried-over score comes from. */
  previousLabel: string | null;
}

/**
 * The agreed score of one capability: current and target level, not applicable, confidence, priority and owner. Its
 * first line says what the keys do right now: who votes in fast vote mode, which level a key waits for, what is next.
 */
export function ScorePanel({ row, scale, voters, previousLabel }: ScorePanelProps) {
  const rate = useAssessment((s) => s.rate);
  const voteMode = useWorkspace((s) => s.voteMode);
  const waiting = useWorkspace((s) => s.prompt?.capabilityId === row.capability.id);
  const capabilityId = row.capability.id;
  const rating = row.rating;
  const na = !!rating?.notApplicable;
  const levels = levelOptions(scale);
  const classes = ['score-panel', na && 'is-na', voteMode && voters.length > 0 && 'voting', waiting && 'waiting'].filter(Boolean).join(' ');
  return (
    <section className={classes} aria-label="Agreed score">
      <ScoreState row={row} voters={voters} previousLabel={previousLabel} />
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
      <div className="score-pair">
        <ScoreRow label="Confidence" keys={['F']}>
          <Segmented label="Confidence" className="small-seg" options={confidenceOptions} value={rating?.confidence ?? null} clearable onChange={(v) => void rate(capabilityId, { confidence: v })} />
        </ScoreRow>
        <ScoreRow label="Priority" keys={['P']}>
          <Segmented label="Priority" className="small-seg" options={priorityOptions} value={rating?.priority ?? null} clearable onChange={(v) => void rate(capabilityId, { priority: v })} />
        </ScoreRow>
      </div>
      <ScoreRow label="Owner" keys={['O']}>
        <AutosaveField
          key={capabilityId}
          id="owner"
          label="Owner"
          hideLabel
          className="grow"
          value={rating?.owner ?? ''}
          placeholder="Who owns this capability?"
          onSave={(owner) => void rate(capabilityId, { owner })}
        />
      </ScoreRow>
    </section>
  );
}

const who = (names: readonly string[]) => names.join(', ');

/** The panel's first line: what the next key does. */
function ScoreState({ row, voters, previousLabel }: { row: CapabilityRow; voters: readonly Participant[]; previousLabel: string | null }) {
  const rate = useAssessment((s) => s.rate);
  const voteMode = useWorkspace((s) => s.voteMode);
  const votePass = useWorkspace((s) => s.votePass);
  const voteTurn = useWorkspace((s) => s.voteTurn);
  const prompt = useWorkspace((s) => (s.prompt?.capabilityId === row.capability.id ? s.prompt : null));
  const id = row.capability.id;
  const rating = row.rating;
  const c = row.consensus;
  const order = turnOrder(voters, row.votes, votePass);
  const turn = voteMode ? order[voteTurn] : undefined;

  let tone = 'plain';
  let body: ReactNode;
  const median = prompt?.kind === 'median' ? (prompt.step === 'current' ? c.median : c.targetMedian) : null;
  const [low, high] = medianLevels(median);
  if (prompt?.kind === 'median' && high === undefined) {
    // The votes changed while the key waited (in another window, say): the choice no longer stands.
    tone = 'ask';
    body = (
      <span>
        The votes changed: press <kbd>M</kbd> again to accept the median, or <kbd>Esc</kbd>.
      </span>
    );
  } else if (prompt?.kind === 'median') {
    tone = 'ask';
    body = (
      <span>
        <strong>
          {prompt.step === 'current' ? 'Median' : 'Target median'} {formatMedian(median)}
        </strong>{' '}
        is between two levels: press <kbd>{low}</kbd> for the level below or <kbd>{high}</kbd> for the level above. <kbd>Esc</kbd> cancels.
        <span className="score-state-actions">
          {[low!, high!].map((l) => (
            <button key={l} type="button" className="btn small" onClick={() => pickMedianLevel(prompt, l)}>
              Agree {l}
            </button>
          ))}
          <button type="button" className="btn small ghost" onClick={() => useWorkspace.getState().set({ prompt: null })}>
            Cancel
          </button>
        </span>
      </span>
    );
  } else if (prompt) {
    tone = 'ask';
    body =
      prompt.kind === 'priority' ? (
        <span>
          <strong>Priority:</strong> press <kbd>1</kbd>…<kbd>5</kbd> (4 or 5 is high). <kbd>Esc</kbd> cancels.
        </span>
      ) : (
        <span>
          <strong>Confidence:</strong> press <kbd>1</kbd> low, <kbd>2</kbd> medium or <kbd>3</kbd> high. <kbd>Esc</kbd> cancels.
        </span>
      );
  } else if (turn) {
    tone = 'vote';
    body = (
      <span>
        <strong className="vote-now">
          {votePass === 'target' ? 'Target votes' : 'Fast vote'}: {turn.name} votes now ({voteTurn + 1} of {order.length})
        </strong>
        <span className="vote-how">
          <kbd>1</kbd>…<kbd>5</kbd> record {votePass === 'target' ? 'their target' : 'their vote'}, not the agreed score · <kbd>Backspace</kbd> back ·{' '}
          <kbd>{votePass === 'target' ? 'T' : 'V'}</kbd> or <kbd>Esc</kbd> stops
        </span>
      </span>
    );
  } else if (rating?.carriedOver) {
    tone = 'carried';
    body = (
      <>
        <span>
          <strong>Carried over</strong> from {previousLabel ?? 'the previous assessment'}: still to be confirmed.
        </span>
        <button type="button" className="btn small primary" onClick={() => void rate(id, { confirm: true })}>
          Confirm <kbd>C</kbd>
        </button>
      </>
    );
  } else if (rating?.notApplicable) {
    body = (
      <span>
        <strong>Not applicable</strong> here: left out of every average.
      </span>
    );
  } else if (c.count > 0 && !row.scored) {
    const missing = voters.filter((p) => !row.votes.some((v) => v.participantId === p.id)).map((p) => p.name);
    body = (
      <span>
        {c.count} vote{c.count > 1 ? 's' : ''}, median {formatMedian(c.median)}
        {missing.length > 0 && missing.length < voters.length ? ` (not yet: ${who(missing)})` : ''}. <kbd>M</kbd> accepts it, <kbd>T</kbd> collects target votes.
      </span>
    );
  } else if (row.scored) {
    body = <span>Agreed. J for the next capability, U for the next unscored one.</span>;
  } else {
    body = (
      <span>
        Not scored yet: <kbd>1</kbd>…<kbd>5</kbd> for the current level, <kbd>⇧1</kbd>…<kbd>5</kbd> for the target
        {voters.length > 0 ? (
          <>
            , or <kbd>V</kbd> to collect the room’s votes
          </>
        ) : null}
        .
      </span>
    );
  }
  return (
    <div className={`score-state tone-${tone}`} role="status" aria-live="polite">
      {body}
    </div>
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

/** The rationale, saved as it is typed. Keyed by capability so a half-typed text is saved on the way out. */
export function RatingNotes({ capabilityId, rating }: { capabilityId: string; rating: Rating | undefined }) {
  const rate = useAssessment((s) => s.rate);
  return (
    <div className="notes">
      <AutosaveField
        id="rationale"
        label="Rationale"
        multiline
        value={rating?.rationale ?? ''}
        placeholder="Why this level? What was said in the room… (press R to write here)"
        onSave={(rationale) => void rate(capabilityId, { rationale })}
      />
    </div>
  );
}
