import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { withFlows } from '../../../testing/flows.ts';
import { deepSyncChain as rule } from './deep-sync-chain.ts';

describe('deep-sync-chain', () => {
  it('flags its failing example and not its passing one', () => {
    const [finding] = checkRule(rule, rule.examples.failing);
    expect(finding?.message).toBe(
      'A request entering at Orders passes through 5 services one after another: Orders → Pricing → Tax → Tax rates → Ledger (4 hops; the limit is 3).',
    );
    expect(finding?.elementIds).toEqual(['orders', 'pricing', 'tax', 'rates', 'ledger', 'e2', 'e3', 'e4', 'e5']);
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

  it('spells out the ends of a very long chain and a large loop in it', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const loop = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const design = sketch({
      id: 'd',
      title: 'Thirty in a row, then a loop of twenty',
      nodes: Object.fromEntries([...ids.map((id, i) => [id, ['service', `S${i}`]] as const), ...loop.map((id, i) => [id, ['service', `L${i}`]] as const)]),
      links: [
        ...ids.slice(1).map((id, i) => [ids[i]!, id] as const),
        [ids[29]!, loop[0]!],
        ...loop.map((id, i) => [id, loop[(i + 1) % loop.length]!] as const),
      ],
    });
    const [finding] = checkRule(rule, design);
    expect(finding?.message).toBe(
      'A request entering at S0 passes through 50 services one after another: S0 → S1 → S2 → S3 → S4 → S5 → … 19 more … → S25 → S26 → S27 → S28 → S29 → ' +
        '(L0 ⇄ L1 ⇄ L2 ⇄ L3 ⇄ L4 ⇄ L5 ⇄ L6 ⇄ L7 ⇄ L8 ⇄ L9 ⇄ L10 ⇄ … 9 more) (49 hops; the limit is 3).',
    );
    expect(finding?.elementIds.length).toBeLessThanOrEqual(40);
  });

  it('reports every entry service behind one gateway whose chain is over the limit', () => {
    const design = sketch({
      id: 'd',
      title: 'Two long routes, one short',
      nodes: {
        gw: ['api-gateway', 'Gateway'],
        a1: ['service', 'A1'], a2: ['service', 'A2'], a3: ['service', 'A3'], a4: ['service', 'A4'], a5: ['service', 'A5'],
        b1: ['service', 'B1'], b2: ['service', 'B2'], b3: ['service', 'B3'], b4: ['service', 'B4'], b5: ['service', 'B5'], b6: ['service', 'B6'],
        c1: ['service', 'C1'],
      },
      links: [
        ['gw', 'a1'], ['a1', 'a2'], ['a2', 'a3'], ['a3', 'a4'], ['a4', 'a5'],
        ['gw', 'b1'], ['b1', 'b2'], ['b2', 'b3'], ['b3', 'b4'], ['b4', 'b5'], ['b5', 'b6'],
        ['gw', 'c1'], ['c1', 'a3'],
      ],
    });
    expect(checkRule(rule, design).map((f) => f.message)).toEqual([
      'A request entering at A1 passes through 5 services one after another: A1 → A2 → A3 → A4 → A5 (4 hops; the limit is 3).',
      'A request entering at B1 passes through 6 services one after another: B1 → B2 → B3 → B4 → B5 → B6 (5 hops; the limit is 3).',
    ]);
  });

  it('with a flow, counts the calls the flow nests, not every path from its entry', () => {
    // e1 gw>orders, e2 orders>pricing, e3 pricing>tax, e4 tax>rates, e5 rates>ledger
    const shallow = withFlows(rule.examples.failing, { 'Quote a price': ['e1', 'e2', 'e3'] });
    expect(checkRule(rule, shallow)).toEqual([]);
    const deep = withFlows(rule.examples.failing, { 'Place an order': ['e1', 'e2', 'e3', 'e4', 'e5'] });
    expect(checkRule(rule, deep).map((f) => f.message)).toEqual([
      '“Place an order” passes through 5 services one after another: API gateway → Orders → Pricing → Tax → Tax rates → Ledger (4 hops; the limit is 3).',
    ]);
  });
});
