import type { Participant } from '../../../shared/domain';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { initials, type CapabilityRow } from '../workspace/model';
import { Segmented, type SegmentOption } from './Segmented';
import { VoteDots, type VoteDot } from './VoteDots';

const voteOptions: SegmentOption<number>[] = [1, 2, 3, 4, 5].map((l) => ({ value: l, label: String(l) }));

/** Dots for the votes of one capability, from plain data; shared by the workspace and the projector. */
export function voteDots(row: CapabilityRow, participants: readonly Participant[]): { current: VoteDot[]; target: VoteDot[] } {
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.name ?? 'Former participant';
  const outliers = new Set(row.consensus.outliers);
  const current = row.votes.map((v) => ({ id: v.participantId, name: nameOf(v.participantId), label: initials(nameOf(v.participantId)), level: v.currentLevel, outlier: outliers.has(v.participantId) }));
  const target = row.votes
    .filter((v) => v.targetLevel !== null)
    .map((v) => ({ id: v.participantId, name: nameOf(v.participantId), label: initials(nameOf(v.participantId)), level: v.targetLevel! }));
  return { current, target };
}

export function formatMedian(m: number | null): string {
  return m === null ? '—' : Number.isInteger(m) ? String(m) : m.toFixed(1);
}

interface VotesPanelProps {
  row: CapabilityRow;
  /** Everyone in the engagement, for names. */
  participants: readonly Participant[];
  /** Who votes now, in turn order. */
  voters: readonly Participant[];
}

/** The room's votes: distribution, median, spread and disagreement; fast vote mode; accepting the median. */
export function VotesPanel({ row, participants, voters }: VotesPanelProps) {
  const vote = useAssessment((s) => s.vote);
  const removeVote = useAssessment((s) => s.removeVote);
  const acceptMedian = useAssessment((s) => s.acceptMedian);
  const voteMode = useWorkspace((s) => s.voteMode);
  const voteTurn = useWorkspace((s) => s.voteTurn);
  const set = useWorkspace((s) => s.set);
  const id = row.capability.id;
  const c = row.consensus;
  const dots = voteDots(row, participants);
  const byParticipant = new Map(row.votes.map((v) => [v.participantId, v]));
  const outlierNames = c.outliers.map((pid) => participants.find((p) => p.id === pid)?.name ?? 'Former participant');
  const turn = voters[voteTurn];

  return (
    <section className="card votes" aria-labelledby="votes-title">
      <div className="card-head">
        <h3 id="votes-title">Votes</h3>
        <div className="card-actions">
          <button
            type="button"
            className={voteMode ? 'btn small primary' : 'btn small'}
            aria-pressed={voteMode}
            disabled={voters.length === 0}
            onClick={() => set({ voteMode: !voteMode, voteTurn: 0 })}
          >
            Fast vote <kbd>V</kbd>
          </button>
          <button type="button" className="btn small" disabled={c.count === 0} onClick={() => void acceptMedian(id)}>
            Accept median <kbd>M</kbd>
          </button>
        </div>
      </div>
      <div className={voteMode ? 'vote-turn on' : 'vote-turn'} role="status" aria-live="polite">
        {voteMode && turn ? (
          <>
            <span className="vote-turn-label">Fast vote:</span> <strong>{turn.name}</strong> votes now ({voteTurn + 1} of {voters.length}) — press{' '}
            <kbd>1</kbd>…<kbd>5</kbd>, <kbd>Backspace</kbd> to go back, <kbd>V</kbd> to stop
          </>
        ) : voters.length === 0 ? (
          'Add participants on the engagement’s People tab to collect votes.'
        ) : (
          'Press V, then one number per participant in turn.'
        )}
      </div>
      <VoteDots capacity={voters.length} current={dots.current} target={dots.target} median={c.median} agreed={row.rating?.notApplicable ? null : row.rating?.currentLevel ?? null} agreedTarget={row.rating?.targetLevel ?? null} />
      <dl className="stats">
        <div>
          <dt>Votes</dt>
          <dd>{c.count}</dd>
        </div>
        <div>
          <dt>Median</dt>
          <dd>{formatMedian(c.median)}</dd>
        </div>
        <div>
          <dt>Spread</dt>
          <dd>{c.count ? c.spread : '—'}</dd>
        </div>
        <div className={c.disagreement ? 'disagreement on' : 'disagreement'}>
          <dt>Consensus</dt>
          <dd>{c.count === 0 ? '—' : c.disagreement ? '⚑ Disagree' : 'Close'}</dd>
        </div>
      </dl>
      {c.disagreement && outlierNames.length > 0 && (
        <p className="outliers">
          Discuss first: {outlierNames.join(', ')} {outlierNames.length > 1 ? 'are' : 'is'} two or more levels from the median.
        </p>
      )}
      {voters.length > 0 && (
        <table className="table vote-table" aria-label="Votes by participant">
          <tbody>
            {voters.map((p, i) => {
              const v = byParticipant.get(p.id);
              return (
                <tr key={p.id} className={voteMode && i === voteTurn ? 'turn' : undefined}>
                  <th scope="row">
                    {p.name}
                    {p.role && <span className="muted small"> · {p.role}</span>}
                  </th>
                  <td>
                    <Segmented
                      label={`Vote of ${p.name}`}
                      className="small-seg"
                      options={voteOptions}
                      value={v?.currentLevel ?? null}
                      clearable
                      onChange={(level) => void (level === null ? removeVote(id, p.id) : vote(id, p.id, level, v?.targetLevel ?? null))}
                    />
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`target-${p.id}`}>
                      Target vote of {p.name}
                    </label>
                    <select
                      id={`target-${p.id}`}
                      value={v?.targetLevel ?? ''}
                      disabled={!v}
                      onChange={(e) => v && void vote(id, p.id, v.currentLevel, e.target.value ? Number(e.target.value) : null)}
                    >
                      <option value="">Target —</option>
                      {[1, 2, 3, 4, 5].map((l) => (
                        <option key={l} value={l}>
                          Target {l}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
