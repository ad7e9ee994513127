import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { missingServiceDiscovery as rule } from './missing-service-discovery.ts';

describe('missing-service-discovery', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Services call services that run several instances, with nothing in the design to tell them which instances exist and are healthy: Orders → Stock (3 instances).',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('accepts a load balancer in between, a single-instance callee, or a service mesh', () => {
    const viaLb = sketch({
      id: 'd',
      title: 'LB',
      nodes: { orders: ['service', 'Orders'], lb: ['load-balancer', 'LB'], stock: ['service', 'Stock', { instances: 3 }] },
      links: [['orders', 'lb'], ['lb', 'stock']],
    });
    expect(checkRule(rule, viaLb)).toEqual([]);
    const single = sketch({ id: 'd', title: 'One', nodes: { a: ['service', 'A'], b: ['service', 'B', { instances: 1 }] }, links: [['a', 'b']] });
    expect(checkRule(rule, single)).toEqual([]);
    const mesh = sketch({
      id: 'd',
      title: 'Mesh',
      nodes: { a: ['service', 'A'], b: ['service', 'B'], mesh: ['service-mesh', 'Mesh'] },
      links: [['a', 'b']],
    });
    expect(checkRule(rule, mesh)).toEqual([]);
  });

  it('has a quick fix that adds a registry', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
