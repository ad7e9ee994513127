import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { godService as rule } from './god-service.ts';

describe('god-service', () => {
  it('flags its failing example and not its passing one', () => {
    const [finding, ...rest] = checkRule(rule, rule.examples.failing);
    expect(rest).toEqual([]);
    expect(finding!.message).toBe(
      'Platform does 4 different jobs (orders, payments, catalog, shipping) and writes to 4 datastores (Orders DB, Payments DB, Catalog DB, Shipping DB): one box doing the work of several services.',
    );
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('counts datastores it writes, not caches, replicas or stores it only reads', () => {
    const design = sketch({
      id: 'd',
      title: 'Reads and caches',
      nodes: {
        svc: ['service', 'Feed'],
        a: ['relational-database', 'A'],
        b: ['relational-database', 'B'],
        c: ['cache', 'C'],
        r: ['read-replica', 'R'],
        d: ['document-store', 'D'],
      },
      links: [['svc', 'a'], ['svc', 'b', { access: 'read' }], ['svc', 'c'], ['svc', 'r', { access: 'read-write' }], ['svc', 'd', { access: 'write' }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('reads the same responsibility written twice as one job', () => {
    const design = sketch({ id: 'd', title: 'Repeats', nodes: { svc: ['service', 'S', { responsibilities: ['Orders', 'orders', 'Billing', 'billing ', 'search'] }] } });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
