import { describe, expect, it } from 'vitest';
import { analyzeDesign } from '../rules/engine.ts';
import type { Finding } from '../rules/types.ts';
import { checkoutDesign, MINUTE, T0 } from './interview-test-fixtures.ts';
import { createInterviewSession, endSession } from './session-clock.ts';
import { countBySeverity } from '../rules/types.ts';
import { recordFindings } from './session-findings.ts';

const finding = (id: string, severity: Finding['severity']): Finding => ({
  id,
  ruleId: id.split(':')[0]!,
  severity,
  title: `Title of ${id}`,
  message: 'm',
  why: 'w',
  fix: 'f',
  glossaryTerm: 'timeout',
  elementIds: [],
  quickFixes: [],
});

describe('findings during a session', () => {
  it('keeps the worst count of each severity and every finding seen', () => {
    let s = createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 });
    s = recordFindings(s, [finding('a:1', 'error'), finding('b:1', 'warning'), finding('b:2', 'warning')], T0 + MINUTE);
    s = recordFindings(s, [finding('a:1', 'error'), finding('a:2', 'error'), finding('c:1', 'info')], T0 + 2 * MINUTE);
    expect(s.worstFindings).toEqual({ error: 2, warning: 2, info: 1 });
    expect(s.findingsSeen.map((f) => [f.id, f.firstSeenAt])).toEqual([
      ['a:1', T0 + MINUTE],
      ['b:1', T0 + MINUTE],
      ['b:2', T0 + MINUTE],
      ['a:2', T0 + 2 * MINUTE],
      ['c:1', T0 + 2 * MINUTE],
    ]);
  });

  it('returns the same session when nothing new was seen, and ignores an ended session', () => {
    let s = createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 });
    s = recordFindings(s, analyzeDesign(checkoutDesign), T0 + MINUTE);
    expect(recordFindings(s, analyzeDesign(checkoutDesign).slice(1), T0 + 2 * MINUTE)).toBe(s);
    const ended = endSession(s, T0 + 3 * MINUTE);
    expect(recordFindings(ended, [finding('z:1', 'error')], T0 + 4 * MINUTE)).toBe(ended);
  });

  it('counts by severity', () => {
    expect(countBySeverity(analyzeDesign(checkoutDesign))).toEqual({ error: 0, warning: 4, info: 0 });
  });
});
