/**
 * The session log: every question asked, with the phase it was asked in, and
 * its answer or skip. Every function returns the session unchanged (the same
 * object) when there is nothing to do, so callers can compare references.
 *
 * - An id is asked at most once; asking it again does nothing.
 * - Answering replaces an earlier answer or skip (the learner may edit); an
 *   answer that is blank after trimming does nothing.
 * - Skipping applies only to a question without a response.
 * - An ended session is frozen: nothing is asked, answered or skipped.
 */
import type { InterviewQuestion } from './interview-question.ts';
import type { AskedQuestion, InterviewSession } from './session-schema.ts';
import { clockTime, currentPhase, isEnded } from './session-clock.ts';

export function wasAsked(session: InterviewSession, questionId: string): boolean {
  return session.log.some((q) => q.id === questionId);
}

export function askQuestion(session: InterviewSession, question: InterviewQuestion, now: number): InterviewSession {
  if (isEnded(session) || wasAsked(session, question.id)) return session;
  const asked: AskedQuestion = {
    id: question.id,
    source: question.source,
    phase: currentPhase(session),
    text: question.text,
    link: question.link,
    askedAt: clockTime(session, now),
    response: null,
  };
  return { ...session, log: [...session.log, asked] };
}

function updateQuestion(
  session: InterviewSession,
  questionId: string,
  update: (q: AskedQuestion) => AskedQuestion | null,
): InterviewSession {
  if (isEnded(session)) return session;
  const i = session.log.findIndex((q) => q.id === questionId);
  if (i === -1) return session;
  const updated = update(session.log[i]!);
  if (updated === null) return session;
  const log = session.log.slice();
  log[i] = updated;
  return { ...session, log };
}

export function answerQuestion(session: InterviewSession, questionId: string, answer: string, now: number): InterviewSession {
  const text = answer.trim();
  if (text === '') return session;
  return updateQuestion(session, questionId, (q) => ({ ...q, response: { type: 'answered', text, at: clockTime(session, now) } }));
}

export function skipQuestion(session: InterviewSession, questionId: string, now: number): InterviewSession {
  return updateQuestion(session, questionId, (q) => (q.response === null ? { ...q, response: { type: 'skipped', at: clockTime(session, now) } } : null));
}

/** Questions waiting for an answer, oldest first. */
export function pendingQuestions(session: InterviewSession): AskedQuestion[] {
  return session.log.filter((q) => q.response === null);
}

export interface QuestionTally {
  asked: number;
  answered: number;
  skipped: number;
  /** Asked and neither answered nor skipped. */
  unanswered: number;
}

export function tallyQuestions(log: readonly AskedQuestion[]): QuestionTally {
  let answered = 0;
  let skipped = 0;
  for (const q of log) {
    if (q.response?.type === 'answered') answered++;
    else if (q.response?.type === 'skipped') skipped++;
  }
  return { asked: log.length, answered, skipped, unanswered: log.length - answered - skipped };
}
