/**
 * How the design's findings evolved during a session: the most findings of
 * each severity seen at once, and every finding that appeared at some point
 * (so the scorecard can tell which were fixed). The app calls
 * `recordFindings` whenever the findings change (on structural edits).
 */
import { countBySeverity, SEVERITIES, type Finding } from '../rules/types.ts';
import type { FindingSeen, InterviewSession } from './session-schema.ts';
import { clockTime, isEnded } from './session-clock.ts';

/**
 * Fold the current findings into the session: raise the worst count of each
 * severity and remember new finding ids. Returns the same session object when
 * nothing changed, and an ended session unchanged.
 */
export function recordFindings(session: InterviewSession, findings: readonly Finding[], now: number): InterviewSession {
  if (isEnded(session)) return session;
  const counts = countBySeverity(findings);
  let worst = session.worstFindings;
  for (const severity of SEVERITIES) {
    if (counts[severity] > worst[severity]) worst = { ...worst, [severity]: counts[severity] };
  }
  const known = new Set(session.findingsSeen.map((f) => f.id));
  const at = clockTime(session, now);
  const added: FindingSeen[] = [];
  for (const f of findings) {
    if (known.has(f.id)) continue;
    known.add(f.id);
    added.push({ id: f.id, ruleId: f.ruleId, severity: f.severity, title: f.title, glossaryTerm: f.glossaryTerm, firstSeenAt: at });
  }
  if (worst === session.worstFindings && added.length === 0) return session;
  return { ...session, worstFindings: worst, findingsSeen: added.length === 0 ? session.findingsSeen : [...session.findingsSeen, ...added] };
}
