import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch, type SketchSpec } from '../sketch.ts';
import { distributedWriteWithoutSaga as rule } from './distributed-write-without-saga.ts';

const checkout = (extraNodes: SketchSpec['nodes'], extraLinks: SketchSpec['links'] = [], owners: [string, string] = ['', '']) =>
  sketch({
    id: 'd',
    title: 'Checkout',
    nodes: {
      checkout: ['service', 'Checkout'],
      orders: ['service', 'Orders', { owner: owners[0] }],
      payments: ['service', 'Payments', { owner: owners[1] }],
      ordersDb: ['relational-database', 'Orders DB'],
      paymentsDb: ['relational-database', 'Payments DB'],
      ...extraNodes,
    },
    links: [['checkout', 'orders'], ['checkout', 'payments'], ['orders', 'ordersDb'], ['payments', 'paymentsDb'], ...(extraLinks ?? [])],
  });

describe('distributed-write-without-saga', () => {
  it('flags its failing example and not its passing one (a saga orchestrator)', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'One request to Checkout writes to Orders DB (Orders) and Payments DB (Payments) through synchronous calls; if a later write fails, nothing undoes the earlier ones.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('does not count writes by one owner, or writes to caches', () => {
    expect(checkRule(rule, checkout({}, [], ['shop', 'shop']))).toEqual([]);
    const cacheOnly = sketch({
      id: 'd',
      title: 'Cache',
      nodes: { a: ['service', 'Catalog'], b: ['service', 'Prices'], db: ['relational-database', 'Catalog DB'], cache: ['cache', 'Price cache'] },
      links: [['a', 'b'], ['a', 'db'], ['b', 'cache']],
    });
    expect(checkRule(rule, cacheOnly)).toEqual([]);
  });

  it('accepts writes coordinated through an outbox or a saga-labelled event', () => {
    expect(checkRule(rule, checkout({ outbox: ['relational-database', 'Checkout outbox'] }, [['checkout', 'outbox']]))).toEqual([]);
    expect(checkRule(rule, checkout({ q: ['event-stream', 'Events'] }, [['payments', 'q', { label: 'refund (saga compensation)' }]]))).toEqual([]);
  });
});
