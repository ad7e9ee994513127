import { describe, expect, it } from 'vitest';
import { Design } from '../../diagram/schema.ts';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { noApiGateway as rule } from './no-api-gateway.ts';

describe('no-api-gateway', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual(['Web app calls 2 services directly: Orders and Billing.']);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('accepts a client calling a single service', () => {
    const design = sketch({ id: 'd', title: 'One', nodes: { web: ['web-client', 'Web'], api: ['service', 'API'] }, links: [['web', 'api']] });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('inserts a gateway between the clients and the services, rewiring every direct call', () => {
    const design = sketch({
      id: 'd',
      title: 'Two clients',
      nodes: { web: ['web-client', 'Web'], app: ['mobile-client', 'App'], orders: ['service', 'Orders'], billing: ['service', 'Billing'] },
      links: [['web', 'orders'], ['web', 'billing'], ['app', 'orders']],
    });
    const [finding] = checkRule(rule, design);
    const fixed = finding!.quickFixes[0]!.apply(design);
    expect(Design.safeParse(fixed).success).toBe(true);
    const gateway = fixed.nodes.find((n) => n.kind === 'api-gateway');
    expect(gateway?.position).toEqual({ x: 330, y: 0 });
    const links = fixed.edges.map((e) => `${e.source}>${e.target}`).sort();
    expect(links).toEqual(['api-gateway>billing', 'api-gateway>orders', 'app>api-gateway', 'web>api-gateway']);
    expect(allQuickFixProblems(rule, design)).toEqual([]);
  });

  it('reuses an existing gateway that the clients bypass', () => {
    const design = sketch({
      id: 'd',
      title: 'Bypass',
      nodes: { web: ['web-client', 'Web'], gw: ['api-gateway', 'Gateway'], orders: ['service', 'Orders'], billing: ['service', 'Billing'] },
      links: [['web', 'gw'], ['gw', 'orders'], ['web', 'orders'], ['web', 'billing']],
    });
    const [finding] = checkRule(rule, design);
    expect(finding?.quickFixes[0]?.label).toBe('Route these calls through the API gateway');
    const fixed = finding!.quickFixes[0]!.apply(design);
    expect(fixed.nodes).toHaveLength(4);
    expect(fixed.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['gw>billing', 'gw>orders', 'web>gw']);
  });
});
