import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { syncFanOut as rule } from './sync-fan-out.ts';

describe('sync-fan-out', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Home page calls 5 components synchronously for its requests: Profile, Feed, Ads, Recommendations and Cart.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('does not count a gateway routing to many services, nor calls to telemetry', () => {
    const design = sketch({
      id: 'd',
      title: 'Gateway',
      nodes: {
        gw: ['api-gateway', 'Gateway'],
        home: ['service', 'Home'],
        a: ['service', 'A'],
        b: ['service', 'B'],
        c: ['service', 'C'],
        d: ['service', 'D'],
        tracing: ['tracing-collector', 'Tracing'],
      },
      links: [['gw', 'a'], ['gw', 'b'], ['gw', 'c'], ['gw', 'd'], ['gw', 'home'], ['home', 'a'], ['home', 'b'], ['home', 'c'], ['home', 'd'], ['home', 'tracing']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('flags per-item calls (N+1) and large call counts as chatty, with a batching fix', () => {
    const design = sketch({
      id: 'd',
      title: 'Chatty',
      nodes: { orders: ['service', 'Orders'], products: ['service', 'Products'], prices: ['service', 'Prices'] },
      links: [['orders', 'products', { callsPerRequest: 'per-item' }], ['orders', 'prices', { callsPerRequest: 20 }]],
    });
    const findings = checkRule(rule, design);
    expect(findings.map((f) => [f.glossaryTerm, f.message])).toEqual([
      ['chatty-communication', 'Orders calls Products once per item: a list of N items costs N + 1 round trips.'],
      ['chatty-communication', 'Orders calls Prices 20 times for each request it handles.'],
    ]);
    expect(allQuickFixProblems(rule, design)).toEqual([]);
  });
});
