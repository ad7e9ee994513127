/**
 * The phases of a mock interview, in the order an interviewer runs them, and
 * the time plan for a session of 30, 45 or 60 minutes.
 */

export const PHASE_IDS = ['requirements', 'estimation', 'api', 'high-level', 'deep-dive', 'wrap-up'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const SESSION_DURATIONS = [30, 45, 60] as const;
export type SessionDuration = (typeof SESSION_DURATIONS)[number];

export interface PhaseDefinition {
  id: PhaseId;
  label: string;
  /** Suggested share of the session, between 0 and 1; the shares sum to 1. */
  share: number;
}

export const PHASES: readonly PhaseDefinition[] = [
  { id: 'requirements', label: 'Requirements', share: 0.1 },
  { id: 'estimation', label: 'Estimation', share: 0.1 },
  { id: 'api', label: 'API and data model', share: 0.15 },
  { id: 'high-level', label: 'High-level design', share: 0.3 },
  { id: 'deep-dive', label: 'Deep dive', share: 0.25 },
  { id: 'wrap-up', label: 'Wrap-up', share: 0.1 },
];

const MINUTE_MS = 60_000;

export function phaseLabel(phase: PhaseId): string {
  return PHASES.find((p) => p.id === phase)?.label ?? phase;
}

export interface PlannedPhase {
  phase: PhaseId;
  label: string;
  minutes: number;
  /** Minutes from the start of the session at which this phase is planned to begin. */
  startsAtMinute: number;
}

/**
 * The time box of each phase in whole minutes, summing exactly to the duration.
 * Largest remainder: every phase gets the floor of its share, and the minutes
 * left over go to the phases with the largest fractions (ties to the earlier
 * phase). 30 min -> 3, 3, 5, 9, 7, 3; 45 -> 5, 5, 7, 13, 11, 4; 60 -> 6, 6, 9, 18, 15, 6.
 */
export function planPhases(durationMinutes: number): PlannedPhase[] {
  // Shares are tenths and twentieths: work in hundredths to keep the arithmetic exact.
  const exact = PHASES.map((p) => Math.round(p.share * 100) * durationMinutes);
  const minutes = exact.map((e) => Math.floor(e / 100));
  let left = durationMinutes - minutes.reduce((s, m) => s + m, 0);
  const byFraction = PHASES.map((_, i) => i).sort((a, b) => (exact[b]! % 100) - (exact[a]! % 100) || a - b);
  for (const i of byFraction) {
    if (left <= 0) break;
    minutes[i]!++;
    left--;
  }
  let start = 0;
  return PHASES.map((p, i) => {
    const planned = { phase: p.id, label: p.label, minutes: minutes[i]!, startsAtMinute: start };
    start += minutes[i]!;
    return planned;
  });
}

/** Planned milliseconds per phase. */
export function plannedPhaseMs(durationMinutes: number): Record<PhaseId, number> {
  const plan = {} as Record<PhaseId, number>;
  for (const p of planPhases(durationMinutes)) plan[p.phase] = p.minutes * MINUTE_MS;
  return plan;
}

export function isSessionDuration(minutes: number): minutes is SessionDuration {
  return (SESSION_DURATIONS as readonly number[]).includes(minutes);
}
