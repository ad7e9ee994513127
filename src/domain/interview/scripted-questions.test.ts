import { describe, expect, it } from 'vitest';
import { asQuestion } from './interview-question.ts';
import { scriptedShopProblem, shopProblem, T0 } from './interview-test-fixtures.ts';
import { PHASE_IDS } from './phases.ts';
import { askQuestion } from './question-log.ts';
import { genericPhaseQuestions, nextScriptedQuestion, scriptedQuestions } from './scripted-questions.ts';
import { createInterviewSession, moveToPhase } from './session-clock.ts';

describe('scripted questions', () => {
  it('use the problem’s script, and its follow-ups for the deep dive', () => {
    expect(scriptedQuestions(scriptedShopProblem, 'api').map((q) => q.text)).toEqual(['What does the checkout call take?', 'How are orders keyed?']);
    expect(scriptedQuestions(scriptedShopProblem, 'high-level')[0]).toEqual({
      id: 'script:high-level:0',
      source: 'script',
      text: 'Where does an order go after checkout?',
      link: { type: 'phase', phase: 'high-level' },
    });
    expect(scriptedQuestions(shopProblem, 'deep-dive').map((q) => q.text)).toEqual([
      'What happens when Payment is down for ten minutes?',
      'The payment provider is down on Black Friday. Can you walk through what shoppers see?',
      'How do you keep stock counts right under load?',
    ]);
  });

  it('fall back to generic questions that use the problem’s title and scale', () => {
    expect(scriptedQuestions(shopProblem, 'requirements')[0]?.text).toBe('Who uses Shop, and what are the most important things they need to do?');
    expect(scriptedQuestions(shopProblem, 'estimation')[0]?.text).toMatch(/10 million daily users/);
  });

  it('always end with a question mark', () => {
    for (const problem of [shopProblem, scriptedShopProblem]) {
      for (const phase of PHASE_IDS) {
        const texts = [...scriptedQuestions(problem, phase).map((q) => q.text), ...genericPhaseQuestions(problem, phase)];
        expect(texts.length).toBeGreaterThan(0);
        for (const text of texts) expect(text).toMatch(/\?$/);
      }
    }
  });

  it('turn instructions into questions', () => {
    expect(asQuestion('How long do codes need to be?')).toBe('How long do codes need to be?');
    expect(asQuestion('Someone types @channel in a big channel. Follow the notifications through your design.')).toBe(
      'Someone types @channel in a big channel. Can you follow the notifications through your design?',
    );
    expect(asQuestion('Walk through a failover')).toBe('Can you walk through a failover?');
    expect(asQuestion('Describe your API.')).toBe('Can you describe your API?');
    expect(asQuestion(' ')).toMatch(/\?$/);
  });

  it('offer the next unasked question of the current phase', () => {
    let s = moveToPhase(createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 }), 'api', T0);
    const first = nextScriptedQuestion(s, scriptedShopProblem)!;
    expect(first.id).toBe('script:api:0');
    s = askQuestion(s, first, T0);
    const second = nextScriptedQuestion(s, scriptedShopProblem)!;
    expect(second.id).toBe('script:api:1');
    s = askQuestion(s, second, T0);
    expect(nextScriptedQuestion(s, scriptedShopProblem)).toBeNull();
  });
});
