import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE, T0 } from './interview-test-fixtures.ts';
import { PHASE_IDS } from './phases.ts';
import {
  createInterviewSession,
  currentPhase,
  elapsedMs,
  endSession,
  moveToPhase,
  phaseActualMs,
  readSessionClock,
  remainingMs,
} from './session-clock.ts';
import { parseInterviewSession } from './session-schema.ts';

const start = () => createInterviewSession({ id: 's1', problemId: 'shop', durationMinutes: 45, now: T0 });

describe('interview clock', () => {
  it('starts in requirements with the whole duration ahead', () => {
    const s = start();
    expect(currentPhase(s)).toBe('requirements');
    expect(elapsedMs(s, T0)).toBe(0);
    expect(remainingMs(s, T0 + 5 * MINUTE)).toBe(40 * MINUTE);
  });

  it('keeps counting across a reload: the stored session read back later gives now - startedAt', () => {
    let s = moveToPhase(start(), 'estimation', T0 + 4 * MINUTE);
    const stored = JSON.stringify(s);
    // The tab is closed for ten minutes; the clock has kept running.
    const parsed = parseInterviewSession(JSON.parse(stored));
    if (!parsed.ok) throw new Error(parsed.message);
    s = parsed.session;
    expect(elapsedMs(s, T0 + 14 * MINUTE)).toBe(14 * MINUTE);
    expect(phaseActualMs(s, T0 + 14 * MINUTE).estimation).toBe(10 * MINUTE);
    expect(currentPhase(s)).toBe('estimation');
  });

  it('sums every visit of a phase when the learner goes back and forth', () => {
    let s = start();
    s = moveToPhase(s, 'high-level', T0 + 5 * MINUTE);
    s = moveToPhase(s, 'requirements', T0 + 12 * MINUTE);
    s = moveToPhase(s, 'high-level', T0 + 14 * MINUTE);
    const actual = phaseActualMs(s, T0 + 20 * MINUTE);
    expect(actual.requirements).toBe(7 * MINUTE);
    expect(actual['high-level']).toBe(13 * MINUTE);
    expect(actual.estimation).toBe(0);
  });

  it('ignores a move to the phase it is already in', () => {
    const s = start();
    expect(moveToPhase(s, 'requirements', T0 + MINUTE)).toBe(s);
  });

  it('freezes every time when the session ends', () => {
    let s = moveToPhase(start(), 'deep-dive', T0 + 30 * MINUTE);
    s = endSession(s, T0 + 50 * MINUTE);
    expect(elapsedMs(s, T0 + 90 * MINUTE)).toBe(50 * MINUTE);
    expect(remainingMs(s, T0 + 90 * MINUTE)).toBe(-5 * MINUTE);
    expect(phaseActualMs(s, T0 + 90 * MINUTE)['deep-dive']).toBe(20 * MINUTE);
    expect(moveToPhase(s, 'wrap-up', T0 + 91 * MINUTE)).toBe(s);
    expect(endSession(s, T0 + 95 * MINUTE)).toBe(s);
    expect(readSessionClock(s, T0 + 99 * MINUTE)).toMatchObject({ ended: true, overTime: true, elapsedMs: 50 * MINUTE });
  });

  it('never counts backwards when the clock is set back', () => {
    let s = moveToPhase(start(), 'api', T0 + 10 * MINUTE);
    s = moveToPhase(s, 'estimation', T0 + 8 * MINUTE);
    expect(s.visits.map((v) => v.enteredAt)).toEqual([T0, T0 + 10 * MINUTE, T0 + 10 * MINUTE]);
    expect(elapsedMs(s, T0 + 9 * MINUTE)).toBe(10 * MINUTE);
    expect(Object.values(phaseActualMs(s, T0)).every((ms) => ms >= 0)).toBe(true);
  });

  it('reads everything a timer shows in one go', () => {
    let s = moveToPhase(start(), 'api', T0 + 10 * MINUTE);
    s = moveToPhase(s, 'estimation', T0 + 12 * MINUTE);
    s = moveToPhase(s, 'api', T0 + 13 * MINUTE);
    expect(readSessionClock(s, T0 + 16 * MINUTE)).toEqual({
      elapsedMs: 16 * MINUTE,
      remainingMs: 29 * MINUTE,
      overTime: false,
      ended: false,
      phase: 'api',
      visitMs: 3 * MINUTE,
      phaseActualMs: 5 * MINUTE,
      phasePlannedMs: 7 * MINUTE,
      phaseRemainingMs: 2 * MINUTE,
    });
  });

  it('property: any moves at increasing times give per-phase times that sum to the elapsed time', () => {
    const move = fc.record({ phase: fc.constantFrom(...PHASE_IDS), gap: fc.integer({ min: 0, max: 20 * MINUTE }) });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), fc.integer({ min: 0, max: 30 * MINUTE }), fc.boolean(), (moves, tail, end) => {
        let s = start();
        let now = T0;
        for (const m of moves) {
          now += m.gap;
          s = moveToPhase(s, m.phase, now);
        }
        now += tail;
        if (end) s = endSession(s, now);
        const later = now + (end ? 7 * MINUTE : 0);
        const actual = phaseActualMs(s, later);
        const sum = Object.values(actual).reduce((a, b) => a + b, 0);
        expect(sum).toBe(elapsedMs(s, later));
        expect(elapsedMs(s, later)).toBe(now - T0);
        expect(parseInterviewSession(JSON.parse(JSON.stringify(s))).ok).toBe(true);
      }),
    );
  });
});
