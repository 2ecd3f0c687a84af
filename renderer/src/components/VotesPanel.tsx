import type { Participant, WorkshopSession } from '../../../shared/domain';
import { medianLevels } from '../../../shared/scoring/consensus';
import { useAssessment } from '../stores/assessment';
import { useWorkspace } from '../stores/workspace';
import { startMedian, startVoting, turnOrder } from '../workspace/keys';
import { initials, type CapabilityRow } from '../workspace/model';
import { Segmented, type SegmentOption } from './Segmented';
import type { VoteDot } from './VoteDots';

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

/** What M sets: "3 → 4", or "2 or 3" for a median between two levels (the facilitator picks). */
export function medianOutcome(median: number | null, targetMedian: number | null): string {
  const part = (m: number | null) => medianLevels(m).join(' or ');
  return targetMedian === null ? part(median) : `${part(median)} → ${part(targetMedian)}`;
}

interface VotesPanelProps {
  row: CapabilityRow;
  /** Everyone in the engagement, for names. */
  participants: readonly Participant[];
  /** Who votes now, in turn order. */
  voters: readonly Participant[];
  /** The running workshop, for blind voting. */
  session: WorkshopSession | null;
}

/** The room's votes: each person's current and target vote, median, spread and disagreement; fast voting; accepting the median. */
export function VotesPanel({ row, participants, voters, session }: VotesPanelProps) {
  const vote = useAssessment((s) => s.vote);
  const removeVote = useAssessment((s) => s.removeVote);
  const reveal = useAssessment((s) => s.reveal);
  const voteMode = useWorkspace((s) => s.voteMode);
  const votePass = useWorkspace((s) => s.votePass);
  const voteTurn = useWorkspace((s) => s.voteTurn);
  const id = row.capability.id;
  const c = row.consensus;
  const byParticipant = new Map(row.votes.map((v) => [v.participantId, v]));
  const outlierNames = c.outliers.map((pid) => participants.find((p) => p.id === pid)?.name ?? 'Former participant');
  const turnId = voteMode ? turnOrder(voters, row.votes, votePass)[voteTurn]?.id : undefined;
  const halves = medianLevels(c.median).length > 1 || medianLevels(c.targetMedian).length > 1;
  const revealed = !!session?.revealed.includes(id);

  return (
    <section className="card votes" aria-labelledby="votes-title">
      <div className="card-head">
        <h3 id="votes-title">
          Votes <span className="muted small">({voters.length ? `${row.votes.filter((v) => voters.some((p) => p.id === v.participantId)).length} of ${voters.length}` : c.count})</span>
        </h3>
        <div className="card-actions">
          <button type="button" className={voteMode && votePass === 'current' ? 'btn small primary' : 'btn small'} aria-pressed={voteMode && votePass === 'current'} disabled={voters.length === 0} onClick={() => startVoting(voters, id, 'current')}>
            Fast vote <kbd>V</kbd>
          </button>
          <button type="button" className={voteMode && votePass === 'target' ? 'btn small primary' : 'btn small'} aria-pressed={voteMode && votePass === 'target'} disabled={c.count === 0} onClick={() => startVoting(voters, id, 'target')}>
            Targets <kbd>T</kbd>
          </button>
        </div>
      </div>
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
          <dt className="sr-only">Consensus</dt>
          <dd>{c.count === 0 ? '—' : c.disagreement ? '⚑ Disagree' : 'Close'}</dd>
        </div>
      </dl>
      {c.disagreement && outlierNames.length > 0 && (
        <p className="outliers small">
          Discuss first: {outlierNames.join(', ')} {outlierNames.length > 1 ? 'are' : 'is'} two or more levels from the median.
        </p>
      )}
      <div className="votes-actions">
        <button
          type="button"
          className="btn small"
          disabled={c.count === 0}
          title={halves ? 'The median falls between two levels: you pick which one to agree' : undefined}
          onClick={() => startMedian(id)}
        >
          Accept median{c.count ? ` ${medianOutcome(c.median, c.targetMedian)}` : ''} <kbd>M</kbd>
        </button>
        {session?.blind && (
          <button type="button" className={revealed ? 'btn small' : 'btn small primary'} aria-pressed={revealed} onClick={() => void reveal(session.id, id, !revealed)}>
            {revealed ? 'Hide on projector' : 'Reveal on projector'} <kbd>B</kbd>
          </button>
        )}
      </div>
      {voters.length === 0 ? (
        <p className="muted small">Add participants on the engagement’s People tab to collect votes.</p>
      ) : (
        <div className="vote-table-wrap">
          <table className="table vote-table" aria-label="Votes by participant">
            <tbody>
              {voters.map((p) => {
                const v = byParticipant.get(p.id);
                return (
                  <tr key={p.id} className={p.id === turnId ? 'turn' : undefined} title={p.role || undefined}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <Segmented
                        label={`Vote of ${p.name}`}
                        className="tiny-seg"
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
                        className="target-vote"
                        value={v?.targetLevel ?? ''}
                        disabled={!v}
                        onChange={(e) => v && void vote(id, p.id, v.currentLevel, e.target.value ? Number(e.target.value) : null)}
                      >
                        <option value="">→ —</option>
                        {[1, 2, 3, 4, 5].map((l) => (
                          <option key={l} value={l}>
                            → {l}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
