import { describe, expect, it } from 'vitest';
import type { Design } from '../../diagram/schema.ts';
import { withFlows } from '../../../testing/flows.ts';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch, type SketchSpec } from '../sketch.ts';
import { distributedWriteWithoutSaga as rule } from './distributed-write-without-saga.ts';

const checkout = (extraNodes: SketchSpec['nodes'], extraLinks: SketchSpec['links'] = [], owners: [string, string] = ['', '']) =>
  sketch({
    id: 'd',
    title: 'Checkout',
    nodes: {
      gw: ['api-gateway', 'Gateway'],
      checkout: ['service', 'Checkout'],
      orders: ['service', 'Orders', { owner: owners[0] }],
      payments: ['service', 'Payments', { owner: owners[1] }],
      ordersDb: ['relational-database', 'Orders DB'],
      paymentsDb: ['relational-database', 'Payments DB'],
      ...extraNodes,
    },
    // e1 gw>checkout, e2 checkout>orders, e3 checkout>payments, e4 orders>ordersDb, e5 payments>paymentsDb
    links: [['gw', 'checkout'], ['checkout', 'orders'], ['checkout', 'payments'], ['orders', 'ordersDb'], ['payments', 'paymentsDb'], ...(extraLinks ?? [])],
  });

describe('distributed-write-without-saga', () => {
  it('flags its failing example and not its passing one (a saga declared on the orchestrator)', () => {
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

  it('is not switched off by words: an outbox, a saga or an orchestrator in names, labels or notes', () => {
    const worded = checkout(
      { outbox: ['relational-database', 'Checkout outbox', { responsibilities: ['saga orchestration', 'compensate'] }], q: ['event-stream', 'Events'] },
      [['checkout', 'outbox'], ['payments', 'q', { label: 'refund (saga compensation)', notes: 'outbox' }]],
    );
    expect(checkRule(rule, worded)).toHaveLength(1);
  });

  it('accepts writes the model coordinates: a saga, an outbox, a datastore that relays its changes', () => {
    const saga = checkout({ checkout: ['service', 'Checkout', { saga: true }] });
    expect(checkRule(rule, saga)).toEqual([]);
    const outbox = checkout({ q: ['event-stream', 'Payment events'] }, [['payments', 'q', { outbox: true }]]);
    expect(checkRule(rule, outbox)).toEqual([]);
    const relayed = checkout({ q: ['event-stream', 'Order events'] }, [['ordersDb', 'q']]);
    expect(checkRule(rule, relayed)).toEqual([]);
  });

  it('offers a saga, and an outbox where a writer publishes, as quick fixes that work', () => {
    const publishes = checkout({ q: ['event-stream', 'Payment events'] }, [['payments', 'q']]);
    const [finding] = checkRule(rule, publishes);
    expect(finding?.quickFixes.map((q) => q.label)).toEqual(['Coordinate these writes as a saga in Checkout', 'Publish its events through a transactional outbox']);
    expect(allQuickFixProblems(rule, publishes)).toEqual([]);
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });

  it('does not fire on read-only callers: a call marked read-only, or a reader whose calls are all idempotent', () => {
    expect(checkRule(rule, markReadOnly(checkout({}), ['e2']))).toEqual([]);
    const feed = sketch({
      id: 'd',
      title: 'Feed',
      nodes: {
        gw: ['api-gateway', 'Gateway'],
        feed: ['service', 'Feed'],
        timelines: ['cache', 'Timelines'],
        graph: ['service', 'Graph'],
        graphDb: ['document-store', 'Follows DB'],
        posts: ['service', 'Posts'],
        postsDb: ['document-store', 'Posts DB'],
      },
      links: [
        ['gw', 'feed'],
        ['feed', 'timelines', { access: 'read' }],
        ['feed', 'graph', { idempotent: true }],
        ['feed', 'posts', { idempotent: true }],
        ['graph', 'graphDb'],
        ['posts', 'postsDb'],
      ],
    });
    expect(checkRule(rule, feed)).toEqual([]);
    // The same feed calling Posts with a call that may change something is a writer again.
    const writes = { ...feed, edges: feed.edges.map((e) => (e.id === 'e4' && e.family === 'sync' ? { ...e, idempotent: false } : e)) };
    expect(checkRule(rule, writes)).toHaveLength(1);
  });

  it('follows a request through several services, and reports each entry service once', () => {
    const deep = sketch({
      id: 'd',
      title: 'Deep',
      nodes: {
        gw: ['api-gateway', 'Gateway'],
        orders: ['service', 'Orders'],
        ordersDb: ['relational-database', 'Orders DB'],
        stock: ['service', 'Stock'],
        ledger: ['service', 'Ledger'],
        ledgerDb: ['relational-database', 'Ledger DB'],
      },
      links: [['gw', 'orders'], ['orders', 'ordersDb'], ['orders', 'stock'], ['stock', 'ledger'], ['ledger', 'ledgerDb']],
    });
    const findings = checkRule(rule, deep);
    expect(findings.map((f) => f.message)).toEqual([
      'One request to Orders writes to Orders DB (Orders) and Ledger DB (Ledger) through synchronous calls; if a later write fails, nothing undoes the earlier ones.',
    ]);
    expect(findings[0]!.elementIds).toEqual(['orders', 'stock', 'e3', 'ordersDb', 'e2', 'ledgerDb', 'ledger', 'e5']);
  });

  it('reads a drawn flow: only the writes its request makes before answering', () => {
    // The flow places an order and reads a payment's status: Payments' writes belong to another operation.
    const design = withFlows(checkout({}), { 'Place an order': ['e1', 'e2', 'e4', 'e3'] });
    expect(checkRule(rule, design)).toEqual([]);
    const both = withFlows(checkout({}), { 'Place an order': ['e1', 'e2', 'e4', 'e3', 'e5'] });
    expect(checkRule(rule, both).map((f) => f.message)).toEqual([
      'One request of “Place an order” writes to Orders DB (Orders) and Payments DB (Payments) through synchronous calls; if a later write fails, nothing undoes the earlier ones.',
    ]);
  });
});

function markReadOnly(design: Design, edgeIds: string[]): Design {
  return { ...design, edges: design.edges.map((e) => (edgeIds.includes(e.id) && e.family === 'sync' ? { ...e, readOnly: true } : e)) };
}
