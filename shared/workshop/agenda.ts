/** The workshop timer: where the room should be by now, given the agenda and the session length. */

export interface Agenda {
  capabilityIds: string[];
  minutesPerCapability: number;
}

export function agenda(moduleCapabilities: readonly { moduleId: string; id: string }[], modules: readonly string[], minutes: number): Agenda {
  const capabilityIds = moduleCapabilities.filter((c) => modules.includes(c.moduleId)).map((c) => c.id);
  return { capabilityIds, minutesPerCapability: capabilityIds.length ? minutes / capabilityIds.length : 0 };
}

export interface Pace {
  elapsedMinutes: number;
  /** Capabilities that should be done by now. */
  expectedDone: number;
  /** Position of the current capability in the agenda (0-based), or -1 when it is not on it. */
  position: number;
  /** Positive: behind schedule by this many minutes; negative: ahead; 0 within the capability's slot. */
  behindMinutes: number;
  remainingMinutes: number;
}

export function pace(a: Agenda, startedAtMs: number, nowMs: number, currentCapabilityId: string | null, totalMinutes: number): Pace {
  const elapsedMinutes = Math.max(0, (nowMs - startedAtMs) / 60_000);
  const position = currentCapabilityId ? a.capabilityIds.indexOf(currentCapabilityId) : -1;
  const expectedDone = a.minutesPerCapability > 0 ? Math.min(a.capabilityIds.length, Math.floor(elapsedMinutes / a.minutesPerCapability)) : 0;
  const slotStart = Math.max(0, position) * a.minutesPerCapability;
  const slotEnd = slotStart + a.minutesPerCapability;
  const behindMinutes = position < 0 ? 0 : elapsedMinutes > slotEnd ? elapsedMinutes - slotEnd : elapsedMinutes < slotStart ? elapsedMinutes - slotStart : 0;
  return {
    elapsedMinutes,
    expectedDone,
    position,
    behindMinutes,
    remainingMinutes: Math.max(0, totalMinutes - elapsedMinutes),
  };
}
