/**
 * The scorecard at the end of a mock interview: the rubric score, findings at
 * the end against the worst seen during the session, time per phase against
 * the plan, how the questions went, and what went well and what to improve,
 * each item with a link target. Plain JSON: it can be stored and shared.
 */
import type { Problem } from '../rubric/problem.ts';
import type { RubricScore } from '../rubric/scorer.ts';
import { countBySeverity, SEVERITIES, SEVERITY_RANK, type Finding, type Severity } from '../rules/types.ts';
import { phaseLabel, plannedPhaseMs, PHASE_IDS, type PhaseId } from './phases.ts';
import { tallyQuestions, type QuestionTally } from './question-log.ts';
import type { InterviewSession, LinkTarget } from './session-schema.ts';
import { elapsedMs, isEnded, phaseActualMs } from './session-clock.ts';

const MINUTE_MS = 60_000;
/** A phase is on plan within this much either way: a minute, or 10% of its time box if more. */
export const ON_PLAN_TOLERANCE = { minMs: MINUTE_MS, share: 0.1 } as const;
/** A phase ran far over when it took at least 1.5 times its time box and at least 2 minutes more. */
export const FAR_OVER = { ratio: 1.5, minMs: 2 * MINUTE_MS } as const;

export type PhaseVerdict = 'over' | 'under' | 'on-plan';

export interface PhaseTiming {
  phase: PhaseId;
  label: string;
  plannedMs: number;
  actualMs: number;
  /** actual - planned: positive when over. */
  deltaMs: number;
  verdict: PhaseVerdict;
  farOver: boolean;
}

export interface FindingsAtEnd {
  severity: Severity;
  atEnd: number;
  /** The most seen at once during the session (never below atEnd). */
  worstDuringSession: number;
}

export type ScorecardItemKind = 'criterion-met' | 'finding-fixed' | 'criterion-missed' | 'finding-remaining' | 'phase-over' | 'question-skipped';

export interface ScorecardItem {
  kind: ScorecardItemKind;
  /** One line for the list. */
  text: string;
  /** More about it: what the scorer found, the finding's message, ... */
  detail?: string;
  /** For a missed criterion: the problem's hint, shown now that the interview is over. */
  hint?: string;
  severity?: Severity;
  link: LinkTarget;
}

export interface Scorecard {
  sessionId: string;
  problemId: string;
  problemTitle: string;
  durationMinutes: number;
  /** False when built from a session still running (times read at `now`). */
  ended: boolean;
  elapsedMs: number;
  /** Time past the planned duration, 0 if none. */
  overtimeMs: number;
  rubric: { score: number; earned: number; possible: number };
  findings: FindingsAtEnd[];
  phases: PhaseTiming[];
  questions: QuestionTally;
  strengths: ScorecardItem[];
  improvements: ScorecardItem[];
}

export interface ScorecardInput {
  session: InterviewSession;
  problem: Problem;
  /** The rubric score of the final design. */
  score: RubricScore;
  /** The findings of the final design. */
  findings: readonly Finding[];
  /** Read only if the session has not ended. */
  now: number;
}

/** Times are read in whole seconds, as the clock shows them, so "12:00 against 3:00" is 9 min over, never 9 min 1 s. */
const wholeSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Whether a phase that took `actualMs` of its `plannedMs` is on plan, over or under: one rule for the session's clock and the scorecard. */
export function phaseVerdict(plannedMs: number, actualMs: number): PhaseVerdict {
  const deltaMs = wholeSeconds(actualMs) - plannedMs;
  const tolerance = Math.max(ON_PLAN_TOLERANCE.minMs, ON_PLAN_TOLERANCE.share * plannedMs);
  return Math.abs(deltaMs) <= tolerance ? 'on-plan' : deltaMs > 0 ? 'over' : 'under';
}

export function phaseTimings(session: InterviewSession, now: number): PhaseTiming[] {
  const planned = plannedPhaseMs(session.durationMinutes);
  const actual = phaseActualMs(session, now);
  return PHASE_IDS.map((phase) => {
    const actualMs = wholeSeconds(actual[phase]);
    const deltaMs = actualMs - planned[phase];
    const farOver = actualMs >= FAR_OVER.ratio * planned[phase] && deltaMs >= FAR_OVER.minMs;
    return { phase, label: phaseLabel(phase), plannedMs: planned[phase], actualMs, deltaMs, verdict: phaseVerdict(planned[phase], actualMs), farOver };
  });
}

const minutes = (ms: number) => {
  const m = Math.round(ms / MINUTE_MS);
  return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
};

function strengthsOf(input: ScorecardInput): ScorecardItem[] {
  const items: ScorecardItem[] = [];
  for (const r of input.score.results) {
    if (!r.met) continue;
    // The criterion says what was met; the scorer's detail adds nothing a learner needs here.
    items.push({ kind: 'criterion-met', text: r.criterion.description, link: { type: 'criterion', criterionId: r.criterion.id } });
  }
  const remaining = new Set(input.findings.map((f) => f.id));
  // One line per kind of finding fixed, however many places it was fixed in.
  const fixed = new Map<string, { finding: (typeof input.session.findingsSeen)[number]; count: number }>();
  for (const f of input.session.findingsSeen) {
    if (remaining.has(f.id)) continue;
    const key = `${f.severity}:${f.title}`;
    const seen = fixed.get(key);
    if (seen) seen.count++;
    else fixed.set(key, { finding: f, count: 1 });
  }
  const byRank = [...fixed.values()].sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
  for (const { finding: f, count } of byRank) {
    items.push({ kind: 'finding-fixed', text: `Fixed: ${f.title}${count > 1 ? ` (${count} places)` : ''}`, severity: f.severity, link: { type: 'term', termId: f.glossaryTerm } });
  }
  return items;
}

function improvementsOf(input: ScorecardInput, phases: readonly PhaseTiming[]): ScorecardItem[] {
  const items: ScorecardItem[] = [];
  for (const r of input.score.results) {
    if (r.met) continue;
    const c = r.criterion;
    items.push({ kind: 'criterion-missed', text: c.description, detail: r.detail, hint: c.hint, link: { type: 'criterion', criterionId: c.id } });
  }
  const findings = [...input.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const f of findings) {
    items.push({ kind: 'finding-remaining', text: f.title, detail: f.message, severity: f.severity, link: { type: 'term', termId: f.glossaryTerm } });
  }
  for (const p of phases) {
    if (!p.farOver) continue;
    items.push({
      kind: 'phase-over',
      text: `${p.label} took ${minutes(p.actualMs)}, ${minutes(p.deltaMs)} over its ${minutes(p.plannedMs)} plan.`,
      link: { type: 'phase', phase: p.phase },
    });
  }
  for (const q of input.session.log) {
    if (q.response?.type !== 'skipped') continue;
    items.push({ kind: 'question-skipped', text: q.text, detail: `Skipped during ${phaseLabel(q.phase)}.`, link: q.link });
  }
  return items;
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const { session, problem, score, now } = input;
  const phases = phaseTimings(session, now);
  const atEnd = countBySeverity(input.findings);
  const elapsed = wholeSeconds(elapsedMs(session, now));
  return {
    sessionId: session.id,
    problemId: problem.id,
    problemTitle: problem.title,
    durationMinutes: session.durationMinutes,
    ended: isEnded(session),
    elapsedMs: elapsed,
    overtimeMs: Math.max(0, elapsed - session.durationMinutes * MINUTE_MS),
    rubric: { score: score.score, earned: score.earned, possible: score.possible },
    findings: SEVERITIES.map((severity) => ({
      severity,
      atEnd: atEnd[severity],
      worstDuringSession: Math.max(atEnd[severity], session.worstFindings[severity]),
    })),
    phases,
    questions: tallyQuestions(session.log),
    strengths: strengthsOf(input),
    improvements: improvementsOf(input, phases),
  };
}
