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

  it('names the first members of a large loop and how many more, and a shortened loop', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    const design = sketch({
      id: 'd',
      title: 'Ring of forty',
      nodes: Object.fromEntries(ids.map((id, i) => [id, ['service', `Service ${i}`] as const])),
      links: ids.map((id, i) => [id, ids[(i + 1) % ids.length]!] as const),
    });
    const [finding] = checkRule(rule, design);
    expect(finding?.message).toBe(
      'Service 0, Service 1, Service 2, Service 3, Service 4, Service 5, Service 6, Service 7, Service 8, Service 9, Service 10 and 29 more call each other synchronously in a cycle: ' +
        'Service 0 → Service 1 → Service 2 → Service 3 → Service 4 → Service 5 → … 29 more … → Service 35 → Service 36 → Service 37 → Service 38 → Service 39 → Service 0.',
    );
    expect(finding?.elementIds.length).toBeLessThanOrEqual(24);
    expect(finding?.elementIds).toContain('e1');
  });
});
