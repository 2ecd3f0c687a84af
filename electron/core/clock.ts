/** The engine's sense of time, passed in so tests can fix it. */
export interface Clock {
  now(): Date;
  /** ISO timestamp of now. */
  at(): string;
  /** The engine's calendar date (UTC), against which evidence freshness is judged. */
  today(): string;
}

export function clockOf(now: () => Date): Clock {
  return {
    now,
    at: () => now().toISOString(),
    today: () => now().toISOString().slice(0, 10),
  };
}
