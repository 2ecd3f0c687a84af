/** What the solver said about the stored schedule: status, time, optimality gap, objective next to greedy's, and whether it is out of date. */
import type { ScheduleSummary } from '../../../../shared/domain';
import { percent } from './format';

export const STATUS_TEXT: Record<ScheduleSummary['status'], string> = {
  optimal: 'Optimal',
  time_limit: 'Stopped at the time limit',
  error: 'Solver error',
};

export function ScheduleStatus({ schedule }: { schedule: ScheduleSummary | null }) {
  if (!schedule) return <p className="muted rm-status">Not scheduled yet.</p>;
  const seconds = schedule.ms >= 1000 ? `${(schedule.ms / 1000).toFixed(1)} s` : `${Math.round(schedule.ms)} ms`;
  return (
    <div className="rm-status" role="status" aria-label="Solver result">
      <span className={`tag status-${schedule.status}`}>{STATUS_TEXT[schedule.status]}</span>
      <span>{seconds}</span>
      <span>gap {schedule.gap === null ? 'unknown' : percent(schedule.gap, 2)}</span>
      <span>
        objective {schedule.objective?.toFixed(2) ?? '—'} <span className="muted">(greedy {schedule.greedyObjective.toFixed(2)})</span>
      </span>
      {schedule.stale && <span className="tag stale-plan">Out of date: the inputs changed since, schedule again</span>}
      {schedule.message && <span className="muted small">{schedule.message}</span>}
    </div>
  );
}
