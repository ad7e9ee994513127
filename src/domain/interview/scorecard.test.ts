import { describe, expect, it } from 'vitest';
import { scoreDesign } from '../rubric/scorer.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { sketch } from '../rules/sketch.ts';
import { diagramFollowUps } from './diagram-follow-ups.ts';
import { checkoutDesign, MINUTE, shopProblem, T0 } from './interview-test-fixtures.ts';
import { answerQuestion, askQuestion, skipQuestion } from './question-log.ts';
import { buildScorecard, phaseTimings, phaseVerdict } from './scorecard.ts';
import { scriptedQuestions } from './scripted-questions.ts';
import { createInterviewSession, endSession, moveToPhase } from './session-clock.ts';
import { recordFindings } from './session-findings.ts';

/** Checkout and Payment call each other: a sync cycle (an error) that the learner later removes. */
const firstDraft = sketch({
  id: 'draft',
  title: 'Draft',
  nodes: { web: ['web-client', 'Web app'], checkout: ['service', 'Checkout'], payment: ['service', 'Payment'] },
  links: [['web', 'checkout'], ['checkout', 'payment'], ['payment', 'checkout']],
});

function playInterview() {
  let s = createInterviewSession({ id: 'session-1', problemId: 'shop', durationMinutes: 30, now: T0 });
  s = askQuestion(s, scriptedQuestions(shopProblem, 'requirements')[0]!, T0 + MINUTE);
  s = answerQuestion(s, 'script:requirements:0', 'Shoppers and the shop staff.', T0 + 3 * MINUTE);
  s = moveToPhase(s, 'estimation', T0 + 10 * MINUTE);
  s = moveToPhase(s, 'api', T0 + 12 * MINUTE);
  s = moveToPhase(s, 'high-level', T0 + 15 * MINUTE);
  s = recordFindings(s, analyzeDesign(firstDraft), T0 + 16 * MINUTE);
  const final = analyzeDesign(checkoutDesign);
  s = recordFindings(s, final, T0 + 20 * MINUTE);
  const score = scoreDesign(shopProblem, checkoutDesign, final);
  const followUps = diagramFollowUps({ problem: shopProblem, design: checkoutDesign, findings: final, score });
  s = askQuestion(s, followUps.find((f) => f.id === 'missing:has-search')!, T0 + 21 * MINUTE);
  s = skipQuestion(s, 'missing:has-search', T0 + 22 * MINUTE);
  s = askQuestion(s, followUps.find((f) => f.id.startsWith('finding:missing-timeout'))!, T0 + 24 * MINUTE);
  s = moveToPhase(s, 'deep-dive', T0 + 27 * MINUTE);
  s = moveToPhase(s, 'wrap-up', T0 + 33 * MINUTE);
  s = endSession(s, T0 + 35 * MINUTE);
  return { session: s, score, findings: final };
}

describe('scorecard', () => {
  const { session, score, findings } = playInterview();
  const card = buildScorecard({ session, problem: shopProblem, score, findings, now: T0 + 99 * MINUTE });

  it('reports the score, the time and the questions', () => {
    expect(card).toMatchObject({
      sessionId: 'session-1',
      problemTitle: 'Shop',
      ended: true,
      elapsedMs: 35 * MINUTE,
      overtimeMs: 5 * MINUTE,
      rubric: { score: 60, earned: 30, possible: 50 },
      questions: { asked: 3, answered: 1, skipped: 1, unanswered: 1 },
    });
  });

  it('compares findings at the end with the worst during the session', () => {
    expect(card.findings).toEqual([
      { severity: 'error', atEnd: 0, worstDuringSession: 1 },
      { severity: 'warning', atEnd: 4, worstDuringSession: 4 },
      { severity: 'info', atEnd: 0, worstDuringSession: 1 },
    ]);
  });

  it('compares each phase with its plan', () => {
    expect(card.phases.map((p) => [p.phase, p.plannedMs / MINUTE, p.actualMs / MINUTE, p.verdict, p.farOver])).toEqual([
      ['requirements', 3, 10, 'over', true],
      ['estimation', 3, 2, 'on-plan', false],
      ['api', 5, 3, 'under', false],
      ['high-level', 9, 12, 'over', false],
      ['deep-dive', 7, 6, 'on-plan', false],
      ['wrap-up', 3, 2, 'on-plan', false],
    ]);
  });

  it('lists strengths: criteria met and findings fixed', () => {
    expect(card.strengths.map((i) => [i.kind, i.text, i.link])).toEqual([
      ['criterion-met', 'Checkout exists', { type: 'criterion', criterionId: 'has-checkout' }],
      ['criterion-met', 'Checkout calls Payments', { type: 'criterion', criterionId: 'checkout-pays' }],
      ['criterion-met', 'No errors', { type: 'criterion', criterionId: 'no-errors' }],
      ['finding-fixed', 'Fixed: Synchronous call cycle', { type: 'term', termId: 'cyclic-dependencies' }],
      ['finding-fixed', 'Fixed: No service discovery', { type: 'term', termId: 'service-discovery' }],
    ]);
  });

  it('lists what to improve, each with where to learn more', () => {
    const improvements = card.improvements.map((i) => [i.kind, i.text, i.link]);
    expect(improvements).toEqual([
      ['criterion-missed', 'Search exists', { type: 'criterion', criterionId: 'has-search' }],
      ['criterion-missed', 'Payments runs at least two instances', { type: 'criterion', criterionId: 'payments-redundant' }],
      ...findings.map((f) => ['finding-remaining', f.title, { type: 'term', termId: f.glossaryTerm }]),
      ['phase-over', 'Requirements took 10 minutes, 7 minutes over its 3 minutes plan.', { type: 'phase', phase: 'requirements' }],
      ['question-skipped', 'How does your design handle Product search?', { type: 'criterion', criterionId: 'has-search' }],
    ]);
    expect(card.improvements[0]).toMatchObject({ hint: 'Add a search index.', detail: 'Nothing in the design does “Product search” yet.' });
    expect(card.improvements.find((i) => i.kind === 'finding-remaining')?.detail).toBe(findings[0]!.message);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('reads the clock at now for a session still running', () => {
    const running = moveToPhase(createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 60, now: T0 }), 'api', T0 + 6 * MINUTE);
    expect(phaseTimings(running, T0 + 20 * MINUTE).find((p) => p.phase === 'api')).toMatchObject({ actualMs: 14 * MINUTE, deltaMs: 5 * MINUTE, verdict: 'over' });
    const live = buildScorecard({ session: running, problem: shopProblem, score, findings, now: T0 + 20 * MINUTE });
    expect(live).toMatchObject({ ended: false, elapsedMs: 20 * MINUTE, overtimeMs: 0 });
  });

  it('reads times in whole seconds, as the clock shows them', () => {
    // 12:00.9 in a 3-minute phase: the clock shows 12:00, so it is 9 minutes over, not 9 min 1 s.
    const s = moveToPhase(createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 }), 'estimation', T0 + 12 * MINUTE + 900);
    const requirements = phaseTimings(s, T0 + 13 * MINUTE).find((p) => p.phase === 'requirements')!;
    expect(requirements).toMatchObject({ plannedMs: 3 * MINUTE, actualMs: 12 * MINUTE, deltaMs: 9 * MINUTE, verdict: 'over' });
    const card = buildScorecard({ session: endSession(s, T0 + 31 * MINUTE + 999), problem: shopProblem, score, findings, now: 0 });
    expect(card).toMatchObject({ elapsedMs: 31 * MINUTE, overtimeMs: MINUTE });
  });

  it('gives one verdict per phase time, the one the session clock colours by', () => {
    expect(phaseVerdict(3 * MINUTE, 3 * MINUTE + 59_999)).toBe('on-plan');
    expect(phaseVerdict(3 * MINUTE, 4 * MINUTE + 1000)).toBe('over');
    expect(phaseVerdict(20 * MINUTE, 22 * MINUTE)).toBe('on-plan');
    expect(phaseVerdict(20 * MINUTE, 17 * MINUTE)).toBe('under');
  });

  it('lists a kind of finding fixed once, with the number of places', () => {
    const lonely = sketch({ id: 'l', title: 'L', nodes: { web: ['web-client', 'Web'], a: ['service', 'A'], b: ['service', 'B'], c: ['service', 'C'] }, links: [['web', 'a']] });
    const joined = sketch({ id: 'j', title: 'J', nodes: { web: ['web-client', 'Web'], a: ['service', 'A'], b: ['service', 'B'], c: ['service', 'C'] }, links: [['web', 'a'], ['a', 'b'], ['a', 'c']] });
    let s = createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 });
    s = recordFindings(s, analyzeDesign(lonely), T0 + MINUTE);
    const after = analyzeDesign(joined);
    s = recordFindings(s, after, T0 + 2 * MINUTE);
    const card = buildScorecard({ session: endSession(s, T0 + 3 * MINUTE), problem: shopProblem, score: scoreDesign(shopProblem, joined, after), findings: after, now: 0 });
    const fixed = card.strengths.filter((i) => i.kind === 'finding-fixed').map((i) => i.text);
    expect(fixed).toContain('Fixed: Disconnected component (2 places)');
    expect(new Set(fixed).size).toBe(fixed.length);
    expect(card.strengths.every((i) => i.detail === undefined)).toBe(true);
  });
});
