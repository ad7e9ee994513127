import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { foreignDataAccess as rule } from './foreign-data-access.ts';

describe('foreign-data-access', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Billing (in Invoicing) reads Orders DB, which belongs to the Ordering boundary.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('uses the datastore’s owner: its named service or team may use it, another team may not', () => {
    const design = sketch({
      id: 'd',
      title: 'Owners',
      nodes: {
        orders: ['service', 'Orders'],
        ordersApi: ['service', 'Orders API', { owner: 'orders' }],
        billing: ['service', 'Billing', { owner: 'Billing team' }],
        loose: ['service', 'Reports'],
        db: ['relational-database', 'Orders DB', { owner: 'Orders' }],
      },
      links: [['orders', 'db'], ['ordersApi', 'db'], ['billing', 'db', { access: 'read' }], ['loose', 'db', { access: 'read' }]],
    });
    const findings = checkRule(rule, design);
    expect(findings.map((f) => f.message)).toEqual(['Billing reads Orders DB, which belongs to Orders.']);
  });

  it('gives a read replica the ownership of its primary', () => {
    const design = sketch({
      id: 'd',
      title: 'Replica',
      nodes: {
        orders: ['service', 'Orders', { owner: 'orders' }],
        search: ['service', 'Search', { owner: 'search' }],
        db: ['relational-database', 'Orders DB', { owner: 'orders' }],
        replica: ['read-replica', 'Orders replica'],
      },
      links: [['orders', 'db'], ['db', 'replica'], ['search', 'replica', { access: 'read' }]],
    });
    expect(checkRule(rule, design).map((f) => f.elementIds)).toEqual([['search', 'replica', 'e3']]);
  });
});
