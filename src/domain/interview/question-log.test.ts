import { describe, expect, it } from 'vitest';
import type { InterviewQuestion } from './interview-question.ts';
import { MINUTE, T0 } from './interview-test-fixtures.ts';
import { answerQuestion, askQuestion, pendingQuestions, skipQuestion, tallyQuestions, wasAsked } from './question-log.ts';
import { createInterviewSession, endSession, moveToPhase } from './session-clock.ts';

const q = (id: string): InterviewQuestion => ({ id, source: 'finding', text: `${id}?`, link: { type: 'term', termId: 'timeout' } });
const start = () => moveToPhase(createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 60, now: T0 }), 'high-level', T0 + MINUTE);

describe('question log', () => {
  it('records the phase and time a question was asked, then its answer', () => {
    let s = askQuestion(start(), q('a'), T0 + 2 * MINUTE);
    s = answerQuestion(s, 'a', '  It retries.  ', T0 + 3 * MINUTE);
    expect(s.log).toEqual([
      { id: 'a', source: 'finding', phase: 'high-level', text: 'a?', link: { type: 'term', termId: 'timeout' }, askedAt: T0 + 2 * MINUTE, response: { type: 'answered', text: 'It retries.', at: T0 + 3 * MINUTE } },
    ]);
  });

  it('asks an id once only', () => {
    const s = askQuestion(start(), q('a'), T0 + 2 * MINUTE);
    expect(askQuestion(s, { ...q('a'), text: 'Again?' }, T0 + 3 * MINUTE)).toBe(s);
    expect(wasAsked(s, 'a')).toBe(true);
  });

  it('skips only unanswered questions, and lets an answer replace a skip or an earlier answer', () => {
    let s = askQuestion(askQuestion(start(), q('a'), T0), q('b'), T0);
    s = skipQuestion(s, 'a', T0 + MINUTE);
    expect(s.log[0]!.response).toEqual({ type: 'skipped', at: T0 + MINUTE });
    s = answerQuestion(s, 'a', 'Later answer', T0 + 2 * MINUTE);
    s = answerQuestion(s, 'a', 'Edited answer', T0 + 3 * MINUTE);
    expect(s.log[0]!.response).toEqual({ type: 'answered', text: 'Edited answer', at: T0 + 3 * MINUTE });
    expect(skipQuestion(s, 'a', T0 + 4 * MINUTE)).toBe(s);
    expect(answerQuestion(s, 'b', '   ', T0 + 4 * MINUTE)).toBe(s);
    expect(answerQuestion(s, 'missing', 'x', T0 + 4 * MINUTE)).toBe(s);
    expect(pendingQuestions(s).map((x) => x.id)).toEqual(['b']);
  });

  it('changes nothing once the session has ended', () => {
    const s = endSession(askQuestion(start(), q('a'), T0), T0 + MINUTE);
    expect(askQuestion(s, q('b'), T0 + 2 * MINUTE)).toBe(s);
    expect(answerQuestion(s, 'a', 'x', T0 + 2 * MINUTE)).toBe(s);
    expect(skipQuestion(s, 'a', T0 + 2 * MINUTE)).toBe(s);
  });

  it('tallies answered, skipped and unanswered', () => {
    let s = start();
    for (const id of ['a', 'b', 'c', 'd']) s = askQuestion(s, q(id), T0);
    s = answerQuestion(s, 'a', 'yes', T0);
    s = skipQuestion(s, 'b', T0);
    s = skipQuestion(s, 'c', T0);
    expect(tallyQuestions(s.log)).toEqual({ asked: 4, answered: 1, skipped: 2, unanswered: 1 });
  });
});
