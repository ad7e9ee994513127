import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { deepSyncChain as rule } from './deep-sync-chain.ts';

describe('deep-sync-chain', () => {
  it('flags its failing example and not its passing one', () => {
    const [finding] = checkRule(rule, rule.examples.failing);
    expect(finding?.message).toBe(
      'A request entering at API gateway passes through 5 services one after another: API gateway → Orders → Pricing → Tax → Tax rates → Ledger (4 hops; the limit is 3).',
    );
    expect(finding?.elementIds).toEqual(['gw', 'orders', 'pricing', 'tax', 'rates', 'ledger', 'e1', 'e2', 'e3', 'e4', 'e5']);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('follows the threshold and does not count load balancers between services', () => {
    expect(checkRule(rule, rule.examples.failing, { maxHops: 4 })).toEqual([]);
    const design = sketch({
      id: 'd',
      title: 'Balanced hops',
      nodes: {
        a: ['service', 'A'],
        lb1: ['load-balancer', 'LB 1'],
        b: ['service', 'B'],
        lb2: ['load-balancer', 'LB 2'],
        c: ['service', 'C'],
        d: ['service', 'D'],
      },
      links: [['a', 'lb1'], ['lb1', 'b'], ['b', 'lb2'], ['lb2', 'c'], ['c', 'd']],
    });
    expect(checkRule(rule, design)).toEqual([]);
    expect(checkRule(rule, design, { maxHops: 2 }).map((f) => f.message)).toEqual([
      'A request entering at A passes through 4 services one after another: A → LB 1 → B → LB 2 → C → D (3 hops; the limit is 2).',
    ]);
  });

  it('condenses loops instead of walking them forever', () => {
    const design = sketch({
      id: 'd',
      title: 'Loop in a chain',
      nodes: { a: ['service', 'A'], b: ['service', 'B'], c: ['service', 'C'], d: ['service', 'D'], e: ['service', 'E'] },
      links: [['a', 'b'], ['b', 'c'], ['c', 'b'], ['c', 'd'], ['d', 'e']],
    });
    expect(checkRule(rule, design).map((f) => f.message)).toEqual([
      'A request entering at A passes through 5 services one after another: A → (B ⇄ C) → D → E (4 hops; the limit is 3).',
    ]);
  });
});
