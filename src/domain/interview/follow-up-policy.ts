/**
 * When the interviewer brings up a diagram follow-up, so the learner is
 * asked about the design without being flooded:
 *
 * - only in the phases where the diagram is the topic (high-level design and
 *   deep dive by default) and never after the session ended;
 * - never an id already in the log, answered, skipped or pending;
 * - at most `maxPending` diagram follow-ups waiting for an answer at once;
 * - at least `minGapMs` between two diagram follow-ups;
 * - at most `maxNew` at a time, the highest priority first.
 *
 * Scripted questions are not limited here: the learner asks for them.
 */
import type { DiagramFollowUp } from './diagram-follow-ups.ts';
import type { PhaseId } from './phases.ts';
import type { InterviewSession } from './session-schema.ts';
import { clockTime, currentPhase, isEnded } from './session-clock.ts';

export interface FollowUpPolicy {
  phases: readonly PhaseId[];
  maxPending: number;
  minGapMs: number;
  maxNew: number;
}

export const DEFAULT_FOLLOW_UP_POLICY: FollowUpPolicy = {
  phases: ['high-level', 'deep-dive'],
  maxPending: 2,
  minGapMs: 120_000,
  maxNew: 1,
};

/** The follow-ups to ask now (possibly none), best first; ask each with `askQuestion`. */
export function pickNextFollowUps(
  session: InterviewSession,
  candidates: readonly DiagramFollowUp[],
  now: number,
  policy: FollowUpPolicy = DEFAULT_FOLLOW_UP_POLICY,
): DiagramFollowUp[] {
  if (isEnded(session) || !policy.phases.includes(currentPhase(session))) return [];
  const fromDiagram = session.log.filter((q) => q.source !== 'script');
  const pending = fromDiagram.filter((q) => q.response === null).length;
  const room = Math.min(policy.maxNew, policy.maxPending - pending);
  if (room <= 0) return [];
  const lastAskedAt = fromDiagram.reduce((latest, q) => Math.max(latest, q.askedAt), -Infinity);
  if (clockTime(session, now) - lastAskedAt < policy.minGapMs) return [];
  const asked = new Set(session.log.map((q) => q.id));
  const picked: DiagramFollowUp[] = [];
  for (const candidate of [...candidates].sort((a, b) => a.priority - b.priority)) {
    if (picked.length >= room) break;
    if (asked.has(candidate.id)) continue;
    asked.add(candidate.id);
    picked.push(candidate);
  }
  return picked;
}
