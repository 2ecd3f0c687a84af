import { useEffect, useState } from 'react';
import type { WorkshopSession } from '../../../shared/domain';
import { allCapabilities, type Framework } from '../../../shared/framework/schema';
import { agenda, pace, type Pace } from '../../../shared/workshop/agenda';

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function formatClock(minutes: number): string {
  const total = Math.floor(minutes * 60);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function paceStatus(p: Pace): { text: string; tone: 'ok' | 'behind' | 'ahead' } {
  const m = Math.round(p.behindMinutes);
  if (p.position < 0 || m === 0) return { text: 'On time', tone: 'ok' };
  return m > 0 ? { text: `${m} min behind`, tone: 'behind' } : { text: `${-m} min ahead`, tone: 'ahead' };
}

interface ClockProps {
  session: WorkshopSession;
  framework: Framework;
  capabilityId: string | null;
  large?: boolean;
}

/** Elapsed time, position on today's agenda and whether the room is on time. */
export function WorkshopClock({ session, framework, capabilityId, large }: ClockProps) {
  const now = useNow();
  const a = agenda(allCapabilities(framework), session.modules, session.minutes);
  const end = session.endedAt ? Date.parse(session.endedAt) : now;
  const p = pace(a, Date.parse(session.startedAt), end, capabilityId, session.minutes);
  const status = paceStatus(p);
  const perCap = a.minutesPerCapability;
  return (
    <div className={large ? 'clock large' : 'clock'} aria-label="Workshop timer">
      <div className="clock-item">
        <span className="clock-label">Elapsed</span>
        <span className="clock-value mono-num">{formatClock(p.elapsedMinutes)}</span>
      </div>
      <div className="clock-item">
        <span className="clock-label">Position</span>
        <span className="clock-value">{p.position >= 0 ? `${p.position + 1} of ${a.capabilityIds.length}` : `– of ${a.capabilityIds.length}`}</span>
      </div>
      <div className="clock-item">
        <span className="clock-label">Pace</span>
        <span className={`clock-value pace-${status.tone}`}>{status.text}</span>
      </div>
      <div className="clock-item">
        <span className="clock-label">Per capability</span>
        <span className="clock-value">{perCap >= 10 ? Math.round(perCap) : perCap.toFixed(1)} min</span>
      </div>
    </div>
  );
}
