import { describe, expect, it } from 'vitest';
import { PHASE_IDS, PHASES, isSessionDuration, phaseLabel, planPhases, plannedPhaseMs } from './phases.ts';

describe('phase plan', () => {
  it('keeps the phases in interview order with shares summing to 1', () => {
    expect(PHASES.map((p) => p.id)).toEqual([...PHASE_IDS]);
    expect(PHASES.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 10);
    expect(phaseLabel('high-level')).toBe('High-level design');
  });

  it.each([
    [30, [3, 3, 5, 9, 7, 3]],
    [45, [5, 5, 7, 13, 11, 4]],
    [60, [6, 6, 9, 18, 15, 6]],
  ])('rounds a %i-minute session to whole minutes that sum exactly', (duration, expected) => {
    const plan = planPhases(duration);
    expect(plan.map((p) => p.minutes)).toEqual(expected);
    expect(plan.reduce((s, p) => s + p.minutes, 0)).toBe(duration);
    expect(plan.map((p) => p.startsAtMinute)).toEqual(expected.map((_, i) => expected.slice(0, i).reduce((s, m) => s + m, 0)));
  });

  it('stays within a minute of each exact share for any length', () => {
    for (let duration = 1; duration <= 240; duration++) {
      const plan = planPhases(duration);
      expect(plan.reduce((s, p) => s + p.minutes, 0)).toBe(duration);
      plan.forEach((p, i) => expect(Math.abs(p.minutes - PHASES[i]!.share * duration)).toBeLessThan(1));
    }
  });

  it('gives the plan in milliseconds and knows the offered durations', () => {
    expect(plannedPhaseMs(60)['high-level']).toBe(18 * 60_000);
    expect([30, 45, 60, 50].map(isSessionDuration)).toEqual([true, true, true, false]);
  });
});
