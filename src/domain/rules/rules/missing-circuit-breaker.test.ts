import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { missingCircuitBreaker as rule } from './missing-circuit-breaker.ts';

const shared = (callers: number) =>
  sketch({
    id: 'd',
    title: 'Shared service',
    nodes: { stock: ['service', 'Stock'], a: ['service', 'Cart'], b: ['service', 'Orders'], c: ['service', 'Search'] },
    links: (['a', 'b', 'c'] as const).slice(0, callers).map((s) => [s, 'stock'] as const),
  });

describe('missing-circuit-breaker', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Checkout calls Payment provider, a third-party API, without a circuit breaker.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('flags a service shared by several callers from the threshold on', () => {
    expect(checkRule(rule, shared(2))).toEqual([]);
    const findings = checkRule(rule, shared(3));
    expect(findings.map((f) => f.message)).toEqual(['Stock is called by 3 services, and Cart, Orders and Search call it without a circuit breaker.']);
    expect(checkRule(rule, shared(2), { sharedCallers: 2 })).toHaveLength(1);
    expect(allQuickFixProblems(rule, shared(3))).toEqual([]);
  });

  it('has quick fixes that add the breaker', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
