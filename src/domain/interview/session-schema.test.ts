import { describe, expect, it } from 'vitest';
import { MINUTE, T0 } from './interview-test-fixtures.ts';
import { answerQuestion, askQuestion, skipQuestion } from './question-log.ts';
import { createInterviewSession, endSession, moveToPhase } from './session-clock.ts';
import { parseInterviewSession } from './session-schema.ts';

function fullSession() {
  let s = createInterviewSession({ id: 's1', problemId: 'shop', durationMinutes: 30, now: T0 });
  s = askQuestion(s, { id: 'script:requirements:0', source: 'script', text: 'Who?', link: { type: 'phase', phase: 'requirements' } }, T0 + MINUTE);
  s = answerQuestion(s, 'script:requirements:0', 'Shoppers.', T0 + 2 * MINUTE);
  s = moveToPhase(s, 'high-level', T0 + 5 * MINUTE);
  s = askQuestion(s, { id: 'failure:db', source: 'failure', text: 'Why?', link: { type: 'term', termId: 'single-point-of-failure' } }, T0 + 6 * MINUTE);
  s = skipQuestion(s, 'failure:db', T0 + 7 * MINUTE);
  return endSession(s, T0 + 31 * MINUTE);
}

describe('stored sessions', () => {
  it('read back exactly what was written', () => {
    const s = fullSession();
    expect(parseInterviewSession(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, session: s });
  });

  it('tell a session from something else and from a newer version', () => {
    expect(parseInterviewSession(null)).toMatchObject({ ok: false, reason: 'not-a-session' });
    expect(parseInterviewSession({ format: 'skyline.design', version: 1 })).toMatchObject({ ok: false, reason: 'not-a-session' });
    expect(parseInterviewSession({ ...fullSession(), version: 2 })).toMatchObject({ ok: false, reason: 'version-too-new' });
  });

  it('reject damaged sessions with a message that says where', () => {
    const s = fullSession();
    const cases: [unknown, RegExp][] = [
      [{ ...s, durationMinutes: 50 }, /durationMinutes/],
      [{ ...s, visits: [...s.visits].reverse() }, /visits/],
      [{ ...s, endedAt: T0 }, /endedAt/],
      [{ ...s, log: [s.log[0], s.log[0]] }, /asked twice/],
      [{ ...s, log: [{ ...s.log[0], text: 'x'.repeat(5000) }] }, /log\.0\.text/],
      [{ ...s, startedAt: Number.NaN }, /startedAt/],
    ];
    for (const [value, message] of cases) {
      const parsed = parseInterviewSession(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.reason).toBe('invalid');
        expect(parsed.message).toMatch(message);
      }
    }
  });
});
