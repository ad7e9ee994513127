import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch, type EdgePatch } from '../sketch.ts';
import { timeoutBudget as rule } from './timeout-budget.ts';

const chain = (inner: EdgePatch) =>
  sketch({
    id: 'd',
    title: 'Budget',
    nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
    links: [['gw', 'checkout', { timeoutMs: 2500 }], ['checkout', 'pay', inner]],
  });

describe('timeout-budget', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Checkout waits up to 5,000 ms for Payments, but API gateway gives Checkout only 3,000 ms.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('multiplies the inner timeout by its attempts', () => {
    const retried: EdgePatch = { timeoutMs: 1000, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } };
    const [finding] = checkRule(rule, chain(retried));
    expect(finding?.message).toBe('Checkout may spend 3 × 1,000 ms = 3,000 ms on Payments, but Gateway gives Checkout only 2,500 ms.');
    expect(finding?.quickFixes[0]?.label).toBe('Lower the timeout to 833 ms');
    expect(checkRule(rule, chain({ ...retried, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true } }))).toEqual([]);
  });

  it('says nothing when the caller has no timeout to fit into', () => {
    const design = sketch({
      id: 'd',
      title: 'No outer timeout',
      nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
      links: [['gw', 'checkout', { timeoutMs: null }], ['checkout', 'pay', { timeoutMs: 9000 }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('has quick fixes that make the call fit, lowering attempts when even 1 ms each would not', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
    const tight = sketch({
      id: 'd',
      title: 'Tight',
      nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
      links: [
        ['gw', 'checkout', { timeoutMs: 2 }],
        ['checkout', 'pay', { timeoutMs: 5, idempotent: true, retry: { maxAttempts: 5, backoff: 'exponential', jitter: true } }],
      ],
    });
    expect(checkRule(rule, tight)[0]?.quickFixes[0]?.label).toBe('Lower the timeout to 1 ms and the attempts to 2');
    expect(allQuickFixProblems(rule, tight)).toEqual([]);
  });
});
