import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { unsafeRetry as rule } from './unsafe-retry.ts';

describe('unsafe-retry', () => {
  it('flags its failing example as an error and not its passing one', () => {
    const findings = checkRule(rule, rule.examples.failing);
    expect(findings.map((f) => [f.severity, f.elementIds])).toEqual([['error', ['checkout', 'pay', 'e1']]]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('offers two fixes, both of which remove the finding', () => {
    expect(checkRule(rule, rule.examples.failing)[0]?.quickFixes.map((q) => q.id)).toEqual(['mark-idempotent', 'stop-retrying']);
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
