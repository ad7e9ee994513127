import { describe, expect, it } from 'vitest';
import { scoreDesign } from '../rubric/scorer.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { diagramFollowUps, type DiagramFollowUp } from './diagram-follow-ups.ts';
import { DEFAULT_FOLLOW_UP_POLICY, pickNextFollowUps } from './follow-up-policy.ts';
import { checkoutDesign, MINUTE, shopProblem, T0 } from './interview-test-fixtures.ts';
import { answerQuestion, askQuestion, skipQuestion } from './question-log.ts';
import { createInterviewSession, endSession, moveToPhase } from './session-clock.ts';

const findings = analyzeDesign(checkoutDesign);
const candidates = diagramFollowUps({ problem: shopProblem, design: checkoutDesign, findings, score: scoreDesign(shopProblem, checkoutDesign, findings) });
const inHighLevel = () => moveToPhase(createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 45, now: T0 }), 'high-level', T0 + 10 * MINUTE);

describe('when to ask a diagram follow-up', () => {
  it('waits for the phases about the diagram', () => {
    const s = createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 45, now: T0 });
    expect(pickNextFollowUps(s, candidates, T0 + MINUTE)).toEqual([]);
    expect(pickNextFollowUps(moveToPhase(s, 'deep-dive', T0), candidates, T0 + MINUTE)).toHaveLength(1);
    expect(pickNextFollowUps(endSession(inHighLevel(), T0 + 11 * MINUTE), candidates, T0 + 12 * MINUTE)).toEqual([]);
  });

  it('asks the highest priority first, one at a time, spaced out, with a cap on unanswered ones', () => {
    let s = inHighLevel();
    let now = T0 + 10 * MINUTE;
    const first = pickNextFollowUps(s, candidates, now);
    expect(first.map((f) => f.id)).toEqual(['finding:missing-observability:design']);
    s = askQuestion(s, first[0]!, now);
    // Too soon for another.
    expect(pickNextFollowUps(s, candidates, now + MINUTE)).toEqual([]);
    now += DEFAULT_FOLLOW_UP_POLICY.minGapMs;
    const second = pickNextFollowUps(s, candidates, now);
    expect(second.map((f) => f.id)).toEqual(['finding:missing-timeout:checkout+e3+payment']);
    s = askQuestion(s, second[0]!, now);
    // Two unanswered: no more until one is answered or skipped, however long it takes.
    expect(pickNextFollowUps(s, candidates, now + 30 * MINUTE)).toEqual([]);
    s = skipQuestion(s, 'finding:missing-observability:design', now + 30 * MINUTE);
    expect(pickNextFollowUps(s, candidates, now + 30 * MINUTE).map((f) => f.id)).toEqual(['finding:single-point-of-failure:db']);
  });

  it('scripted questions do not count against the cap', () => {
    let s = inHighLevel();
    s = askQuestion(s, { id: 'script:high-level:0', source: 'script', text: 'Walk me through it?', link: { type: 'phase', phase: 'high-level' } }, T0 + 10 * MINUTE);
    expect(pickNextFollowUps(s, candidates, T0 + 10 * MINUTE)).toHaveLength(1);
  });

  it('never repeats an id, and asks every candidate eventually when the learner keeps answering', () => {
    let s = inHighLevel();
    let now = T0 + 10 * MINUTE;
    const asked: string[] = [];
    // The design keeps changing: each round offers the same candidates in a shuffled order plus duplicates.
    for (let round = 0; round < 40; round++) {
      const offered: DiagramFollowUp[] = [...candidates.slice(round % 3), ...candidates, ...candidates.slice(0, 2)];
      for (const f of pickNextFollowUps(s, offered, now, { ...DEFAULT_FOLLOW_UP_POLICY, maxNew: 3, maxPending: 3 })) {
        s = askQuestion(s, f, now);
        asked.push(f.id);
        expect(f.text).toMatch(/\?$/);
      }
      for (const q of s.log) if (q.response === null) s = answerQuestion(s, q.id, 'An answer', now);
      now += DEFAULT_FOLLOW_UP_POLICY.minGapMs;
    }
    expect(new Set(asked).size).toBe(asked.length);
    expect([...asked].sort()).toEqual(candidates.map((c) => c.id).sort());
  });
});
