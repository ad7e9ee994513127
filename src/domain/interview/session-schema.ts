/**
 * The persisted shape of a mock-interview session, version 1, and the one way
 * to read a stored session back: parse -> check version -> validate. Every
 * time is epoch milliseconds taken from the caller's clock, so a session is
 * plain JSON and survives a reload with its timer still running.
 */
import { z } from 'zod';
import { SEVERITIES } from '../rules/types.ts';
import { PHASE_IDS, SESSION_DURATIONS } from './phases.ts';

export const INTERVIEW_SESSION_FORMAT = 'skyline.interview';
export const INTERVIEW_SESSION_VERSION = 1;

const EpochMs = z.number().finite().nonnegative();
const Text = z.string().trim().min(1).max(4000);
const Id = z.string().min(1).max(200);
const Phase = z.enum(PHASE_IDS);

export const QUESTION_SOURCES = ['script', 'missing', 'finding', 'failure'] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];

/** Where the UI sends the learner from a question or a scorecard item. */
export const LinkTarget = z.discriminatedUnion('type', [
  /** A glossary term, by file name without `.md`. */
  z.object({ type: z.literal('term'), termId: Id }),
  /** A rubric criterion of the problem: the UI may show its hint. */
  z.object({ type: z.literal('criterion'), criterionId: Id }),
  /** A phase of the interview (scripted questions, time plan). */
  z.object({ type: z.literal('phase'), phase: Phase }),
]);
export type LinkTarget = z.infer<typeof LinkTarget>;

export const PhaseVisit = z.object({ phase: Phase, enteredAt: EpochMs });
export type PhaseVisit = z.infer<typeof PhaseVisit>;

export const QuestionResponse = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answered'), text: Text, at: EpochMs }),
  z.object({ type: z.literal('skipped'), at: EpochMs }),
]);
export type QuestionResponse = z.infer<typeof QuestionResponse>;

export const AskedQuestion = z.object({
  /** Stable: `script:<phase>:<n>`, `missing:<criterionId>`, `finding:<findingId>`, `failure:<nodeId>`. */
  id: Id,
  source: z.enum(QUESTION_SOURCES),
  /** The phase the session was in when the question was asked. */
  phase: Phase,
  text: Text,
  link: LinkTarget,
  askedAt: EpochMs,
  /** null while the question waits for an answer. */
  response: QuestionResponse.nullable(),
});
export type AskedQuestion = z.infer<typeof AskedQuestion>;

const Count = z.number().int().nonnegative();
export const SeverityCounts = z.object({ error: Count, warning: Count, info: Count });
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/** A finding that appeared at some point during the session (to tell which were fixed). */
export const FindingSeen = z.object({
  id: Id,
  ruleId: Id,
  severity: z.enum(SEVERITIES),
  title: Text,
  glossaryTerm: Id,
  firstSeenAt: EpochMs,
});
export type FindingSeen = z.infer<typeof FindingSeen>;

/** A design snapshot the app stored for this session; the design itself lives elsewhere. */
export const SnapshotRef = z.object({ snapshotId: Id, signature: Id, at: EpochMs, phase: Phase });
export type SnapshotRef = z.infer<typeof SnapshotRef>;

const SessionShape = z.object({
  format: z.literal(INTERVIEW_SESSION_FORMAT),
  version: z.literal(INTERVIEW_SESSION_VERSION),
  id: Id,
  problemId: Id,
  durationMinutes: z.literal(SESSION_DURATIONS),
  startedAt: EpochMs,
  /** Set once by endSession; from then on the session no longer changes. */
  endedAt: EpochMs.nullable(),
  /** Every phase entered, in order; the first is requirements at startedAt. */
  visits: z.array(PhaseVisit).min(1),
  log: z.array(AskedQuestion),
  /** The highest number of findings of each severity seen at once during the session. */
  worstFindings: SeverityCounts,
  findingsSeen: z.array(FindingSeen),
  snapshots: z.array(SnapshotRef),
});

export const InterviewSession = SessionShape.superRefine((s, ctx) => {
  if (s.visits[0]!.enteredAt !== s.startedAt) {
    ctx.addIssue({ code: 'custom', path: ['visits', 0, 'enteredAt'], message: 'the first phase must start when the session starts' });
  }
  s.visits.forEach((v, i) => {
    if (i > 0 && v.enteredAt < s.visits[i - 1]!.enteredAt) {
      ctx.addIssue({ code: 'custom', path: ['visits', i, 'enteredAt'], message: 'phase visits must be in time order' });
    }
  });
  const last = s.visits[s.visits.length - 1]!;
  if (s.endedAt !== null && s.endedAt < last.enteredAt) {
    ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'the session cannot end before its last phase started' });
  }
  const ids = new Set<string>();
  s.log.forEach((q, i) => {
    if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['log', i, 'id'], message: `question "${q.id}" is asked twice` });
    ids.add(q.id);
  });
});
export type InterviewSession = z.infer<typeof InterviewSession>;

export type ParsedInterviewSession =
  | { ok: true; session: InterviewSession }
  | { ok: false; reason: 'not-a-session' | 'version-too-new' | 'invalid'; message: string };

/** Validate a stored session (already JSON-parsed); never throws. */
export function parseInterviewSession(value: unknown): ParsedInterviewSession {
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== INTERVIEW_SESSION_FORMAT) {
    return { ok: false, reason: 'not-a-session', message: 'This is not a Skyline interview session.' };
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > INTERVIEW_SESSION_VERSION) {
    return { ok: false, reason: 'version-too-new', message: `This session was saved by a newer Skyline (version ${version}).` };
  }
  const parsed = InterviewSession.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: 'invalid', message: `The saved session is damaged (${where}${issue?.message ?? 'unknown problem'}).` };
  }
  return { ok: true, session: parsed.data };
}
