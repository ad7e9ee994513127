/**
 * The interview clock: starting a session, moving between phases, ending it,
 * and reading the times. Pure: every function takes `now` (epoch ms) from the
 * caller, so the wall-clock timer keeps counting across reloads (elapsed is
 * `now - startedAt`) and tests run on plain numbers.
 *
 * Clock rules:
 * - A session starts in requirements. Moving to any phase, in any order, adds
 *   a visit; a phase's actual time is the sum of all its visits.
 * - A `now` earlier than the last phase change (a clock set back) counts as
 *   that moment, so times never go negative and the per-phase times always
 *   sum to the elapsed time.
 * - Ending freezes everything: later moves and reads use `endedAt`.
 */
import { PHASE_IDS, plannedPhaseMs, type PhaseId, type SessionDuration } from './phases.ts';
import { INTERVIEW_SESSION_FORMAT, INTERVIEW_SESSION_VERSION, type InterviewSession, type PhaseVisit } from './session-schema.ts';

export interface NewSessionInput {
  id: string;
  problemId: string;
  durationMinutes: SessionDuration;
  now: number;
}

export function createInterviewSession(input: NewSessionInput): InterviewSession {
  return {
    format: INTERVIEW_SESSION_FORMAT,
    version: INTERVIEW_SESSION_VERSION,
    id: input.id,
    problemId: input.problemId,
    durationMinutes: input.durationMinutes,
    startedAt: input.now,
    endedAt: null,
    visits: [{ phase: 'requirements', enteredAt: input.now }],
    log: [],
    worstFindings: { error: 0, warning: 0, info: 0 },
    findingsSeen: [],
    snapshots: [],
  };
}

function lastVisit(session: InterviewSession): PhaseVisit {
  return session.visits[session.visits.length - 1]!;
}

export function currentPhase(session: InterviewSession): PhaseId {
  return lastVisit(session).phase;
}

export function isEnded(session: InterviewSession): boolean {
  return session.endedAt !== null;
}

/** The moment the clock reads: `endedAt` once ended, else `now`, never before the last phase change. */
export function clockTime(session: InterviewSession, now: number): number {
  return Math.max(session.endedAt ?? now, lastVisit(session).enteredAt);
}

export function elapsedMs(session: InterviewSession, now: number): number {
  return clockTime(session, now) - session.startedAt;
}

/** Time left of the planned duration; negative once the session runs over. */
export function remainingMs(session: InterviewSession, now: number): number {
  return session.durationMinutes * 60_000 - elapsedMs(session, now);
}

/** Actual time spent in each phase, summing every visit; the values sum to `elapsedMs`. */
export function phaseActualMs(session: InterviewSession, now: number): Record<PhaseId, number> {
  const actual = Object.fromEntries(PHASE_IDS.map((p) => [p, 0])) as Record<PhaseId, number>;
  const end = clockTime(session, now);
  session.visits.forEach((visit, i) => {
    const until = session.visits[i + 1]?.enteredAt ?? end;
    actual[visit.phase] += until - visit.enteredAt;
  });
  return actual;
}

/** Go to a phase (any order). Unchanged if the session has ended or is already in that phase. */
export function moveToPhase(session: InterviewSession, phase: PhaseId, now: number): InterviewSession {
  if (isEnded(session) || currentPhase(session) === phase) return session;
  return { ...session, visits: [...session.visits, { phase, enteredAt: clockTime(session, now) }] };
}

/** Stop the clock. Unchanged if already ended. */
export function endSession(session: InterviewSession, now: number): InterviewSession {
  if (isEnded(session)) return session;
  return { ...session, endedAt: clockTime(session, now) };
}

export interface SessionClock {
  elapsedMs: number;
  /** Negative once over time. */
  remainingMs: number;
  overTime: boolean;
  ended: boolean;
  phase: PhaseId;
  /** Time in the current visit of the current phase. */
  visitMs: number;
  /** All time in the current phase, over every visit. */
  phaseActualMs: number;
  phasePlannedMs: number;
  /** Planned minus actual for the current phase; negative once over its time box. */
  phaseRemainingMs: number;
}

/** Everything a timer display needs, in one read. */
export function readSessionClock(session: InterviewSession, now: number): SessionClock {
  const phase = currentPhase(session);
  const actual = phaseActualMs(session, now)[phase];
  const planned = plannedPhaseMs(session.durationMinutes)[phase];
  const remaining = remainingMs(session, now);
  return {
    elapsedMs: elapsedMs(session, now),
    remainingMs: remaining,
    overTime: remaining < 0,
    ended: isEnded(session),
    phase,
    visitMs: clockTime(session, now) - lastVisit(session).enteredAt,
    phaseActualMs: actual,
    phasePlannedMs: planned,
    phaseRemainingMs: planned - actual,
  };
}
