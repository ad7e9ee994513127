import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { syncCycle as rule } from './sync-cycle.ts';

describe('sync-cycle', () => {
  it('flags its failing example and not its passing one (a loop through a queue)', () => {
    const [finding] = checkRule(rule, rule.examples.failing);
    expect(finding?.message).toBe('Orders and Billing call each other synchronously in a cycle: Orders → Billing → Orders.');
    expect(finding?.elementIds).toEqual(['orders', 'billing', 'e2', 'e3']);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('names every member of a larger loop and shows one concrete loop', () => {
    const design = sketch({
      id: 'd',
      title: 'Three in a loop',
      nodes: { a: ['service', 'Cart'], b: ['service', 'Pricing'], c: ['service', 'Promotions'], d: ['service', 'Stock'] },
      links: [['a', 'b'], ['b', 'c'], ['c', 'a'], ['a', 'd']],
    });
    const findings = checkRule(rule, design);
    expect(findings.map((f) => f.message)).toEqual([
      'Cart, Pricing and Promotions call each other synchronously in a cycle: Cart → Pricing → Promotions → Cart.',
    ]);
    expect(findings[0]?.id).toBe('sync-cycle:a+b+c+e1+e2+e3');
  });

  it('does not count a webhook round trip through a third party, or a loop through a gateway’s client', () => {
    const design = sketch({
      id: 'd',
      title: 'Webhook',
      nodes: { pay: ['service', 'Payments'], psp: ['third-party-api', 'Payment provider'], web: ['web-client', 'Web'] },
      links: [['pay', 'psp', { circuitBreaker: true }], ['psp', 'pay'], ['web', 'pay']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
