/** A thin bar for "scored / in scope"; the numbers are shown next to it, the bar is for the eye. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <span className="progress-fill" style={{ width: `${pct}%` }} />
    </span>
  );
}
