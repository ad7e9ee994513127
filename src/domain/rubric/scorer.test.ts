import { describe, expect, it } from 'vitest';
import { analyzeDesign } from '../rules/engine.ts';
import { sketch, type SketchSpec } from '../rules/sketch.ts';
import { bindCapabilities } from './bindings.ts';
import { Problem, type Criterion } from './problem.ts';
import { referenceDesign } from './reference.ts';
import { scoreDesign } from './scorer.ts';

type Spec = Criterion extends infer C ? (C extends Criterion ? Omit<C, 'description' | 'hint'> : never) : never;

const base = {
  id: 'shop',
  title: 'Shop',
  difficulty: 'easy',
  category: 'commerce',
  order: 1,
  summary: 'A shop.',
  statement: 'Build a shop.',
  functional: ['Order things', 'Pay for them'],
  scale: { users: '1', requestsPerSecond: '1', readWriteRatio: '1:1', storage: '1', latency: '1', availability: '1' },
  capabilities: [
    { id: 'orders', label: 'Orders', synonyms: ['order', 'ordering', 'checkout'] },
    { id: 'catalog', label: 'Catalog', synonyms: ['products', 'browse'] },
    { id: 'payments', label: 'Payments', synonyms: ['payment', 'billing'] },
    { id: 'email', label: 'Email', synonyms: ['mail', 'notification'] },
    { id: 'order-store', label: 'Order storage', synonyms: ['orders db'] },
    { id: 'live', label: 'Live updates', synonyms: ['push'], kinds: ['websocket-server'] },
  ],
  operations: [
    { id: 'buy', name: 'Place an order', servedBy: 'orders', kind: 'write', rateRps: 100 },
    { id: 'browse', name: 'Browse products', servedBy: 'catalog', kind: 'read', rateRps: 5000 },
  ],
  hints: ['a', 'b', 'c'],
  reference: {
    explanation: 'x',
    design: {
      nodes: {
        web: 'web-client',
        gw: 'api-gateway',
        orders: ['service', 'Orders', { responsibilities: ['orders'] }],
        catalog: ['service', 'Catalog', { responsibilities: ['catalog'] }],
        pay: ['service', 'Payments', { responsibilities: ['payments'] }],
        mail: ['worker', 'Mailer', { responsibilities: ['email'] }],
        db: ['relational-database', 'Orders DB', { responsibilities: ['order-store'] }],
        ws: ['websocket-server', 'Push', { responsibilities: ['live'] }],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['gw', 'catalog'], ['orders', 'pay'], ['orders', 'db']],
    },
  },
  tradeOffs: ['a', 'b'],
  followUps: ['a', 'b', 'c'],
  relatedTerms: ['saga'],
};

function problemWith(rubric: Spec[]) {
  const filler = (i: number) => ({ id: `filler-${i}`, type: 'no-finding', rule: 'nanoservice', points: 1 }) as const;
  const all = [...rubric, ...[0, 1, 2, 3].slice(rubric.length).map(filler)];
  return Problem.parse({ ...base, rubric: all.map((c) => ({ description: 'd', hint: 'h', ...c })) });
}

function score(rubric: Spec[], spec: Omit<SketchSpec, 'id' | 'title'>) {
  const design = sketch({ id: 't', title: 't', ...spec });
  const result = scoreDesign(problemWith(rubric), design, analyzeDesign(design));
  return new Map(result.results.map((r) => [r.criterion.id, r]));
}

const SHOP: Omit<SketchSpec, 'id' | 'title'> = {
  nodes: {
    web: 'web-client',
    gw: 'api-gateway',
    o: ['service', 'Orders', { instances: 3 }],
    c: ['service', 'Product catalog', { instances: 2 }],
    p: ['service', 'Payments'],
    q: ['message-queue', 'Order events'],
    e: ['worker', 'Email sender'],
    db: ['relational-database', 'Orders DB'],
    cache: ['cache', 'Product cache'],
    cdb: ['document-store', 'Products'],
  },
  links: [['web', 'gw'], ['gw', 'o'], ['gw', 'c'], ['o', 'p'], ['o', 'db'], ['o', 'q'], ['q', 'e'], ['c', 'cache'], ['c', 'cdb']],
};

describe('who plays which part', () => {
  it('reads names with plurals, kinds and confirmed responsibilities, and lets a confirmation win', () => {
    const design = sketch({
      id: 't', title: 't',
      nodes: {
        web: 'web-client',
        a: ['service', 'Orders'],
        b: ['service', 'order-svc'],
        c: ['service', 'Billing API'],
        d: ['service', 'Payments', { responsibilities: ['email'] }],
        s: ['websocket-server', 'Socket gateways'],
      },
      links: [['web', 'a'], ['web', 'b'], ['web', 'c'], ['web', 'd'], ['web', 's']],
    });
    const b = bindCapabilities(design, problemWith([]));
    expect(b.byCapability.get('orders')?.map((x) => x.nodeId)).toEqual(['a', 'b']);
    expect(b.byCapability.get('payments')?.map((x) => x.nodeId)).toEqual(['c']);
    expect(b.byCapability.get('email')).toEqual([{ nodeId: 'd', source: 'responsibility' }]);
    expect(b.byCapability.get('live')).toEqual([{ nodeId: 's', source: 'kind' }]);
  });

  it('counts a part only where it can be true: the right role, wired in, not a god component', () => {
    const design = sketch({
      id: 't', title: 't',
      nodes: {
        web: 'web-client',
        store: ['service', 'Order storage'],
        lonely: ['service', 'Email sender'],
        god: ['service', 'Everything', { responsibilities: ['orders', 'catalog', 'payments'] }],
      },
      links: [['web', 'store'], ['web', 'god']],
    });
    const b = bindCapabilities(design, problemWith([]));
    expect(b.byNode.get('store')?.[0]?.issue).toBe('wrong-role');
    expect(b.byNode.get('lonely')?.[0]?.issue).toBe('unwired');
    expect(b.gods.get('god')).toEqual(['orders', 'catalog', 'payments']);
    for (const cap of ['orders', 'catalog', 'payments', 'email', 'order-store']) expect(b.byCapability.get(cap)).toEqual([]);
  });
});

describe('operations', () => {
  const rubric = [
    { id: 'buy', type: 'serves', operation: 'buy', points: 5 },
    { id: 'browse', type: 'serves', operation: 'browse', points: 5 },
  ] as const;

  it('are served by routes of their own', () => {
    const r = score([...rubric], SHOP);
    expect(r.get('buy')).toMatchObject({ met: true, detail: '“Place an order” is answered by Orders (web → gw → Orders).' });
    expect(r.get('browse')?.met).toBe(true);
    // A gateway that asks a rate limiter first: the limiter's check is a branch, not the way to Orders.
    const limited = score([...rubric], {
      nodes: { ...SHOP.nodes, lim: ['rate-limiter', 'Limiter'], counters: ['cache', 'Rate counters'] },
      links: [['web', 'gw'], ['gw', 'lim'], ['lim', 'counters'], ...SHOP.links!.filter((l) => l[0] !== 'web')],
    } as Omit<SketchSpec, 'id' | 'title'>);
    expect(limited.get('buy')).toMatchObject({ met: true, detail: '“Place an order” is answered by Orders (web → gw → Orders).' });
  });

  it('behind another operation in one line, have no route of their own', () => {
    const r = score([...rubric], {
      nodes: { web: 'web-client', gw: 'api-gateway', o: ['service', 'Orders'], c: ['service', 'Catalog'] },
      links: [['web', 'gw'], ['gw', 'o'], ['o', 'c']],
    });
    expect(r.get('buy')?.met).toBe(true);
    expect(r.get('browse')).toMatchObject({ met: false, detail: '“Browse products” has no route of its own: requests reach Catalog only through Orders, which does another operation.' });
  });

  it('follow a flow the learner drew for them', () => {
    const design = sketch({ id: 't', title: 't', ...SHOP });
    const [toGw, toOrders] = [design.edges.find((e) => e.source === 'web')!, design.edges.find((e) => e.target === 'o')!];
    const drawn = { ...design, flows: [{ id: 'f', name: 'Place an order', steps: [{ edge: toGw.id, when: 'always' as const, share: 1, parallel: false }, { edge: toOrders.id, when: 'always' as const, share: 1, parallel: false }], notes: '' }] };
    const result = scoreDesign(problemWith([...rubric]), drawn, []);
    expect(result.operations.get('buy')?.drawn).toBe(true);
    expect(result.operations.get('browse')?.drawn).toBe(false);
  });

  it('gate the criteria that name them', () => {
    const gated = [{ id: 'n', type: 'instances', capability: 'catalog', min: 2, operation: 'browse', points: 5 }] as const;
    const line = score([...gated], {
      nodes: { web: 'web-client', o: ['service', 'Orders'], c: ['service', 'Catalog', { instances: 2 }] },
      links: [['web', 'o'], ['o', 'c']],
    });
    expect(line.get('n')?.met).toBe(false);
    expect(score([...gated], SHOP).get('n')?.met).toBe(true);
  });
});

describe('rubric criteria', () => {
  it('capability: met when a wired component does it, missed otherwise', () => {
    const c = [{ id: 'c', type: 'capability', capability: 'payments', points: 10 }] as const;
    expect(score([...c], { nodes: { a: ['service', 'Orders'] } }).get('c')?.detail).toMatch(/Nothing in the design does “Payments”/);
    expect(score([...c], { nodes: { a: ['service', 'Payments'] } }).get('c')?.detail).toBe('Payments is not connected to anything a request reaches yet.');
    expect(score([...c], { nodes: { w: 'web-client', a: ['service', 'Payments'] }, links: [['w', 'a']] }).get('c')?.met).toBe(true);
  });

  it('reaches: sync, async, not-sync and any; a queue nobody consumes hands nothing over', () => {
    const rubric = [
      { id: 'sync', type: 'reaches', from: 'orders', to: 'payments', via: 'sync', points: 5 },
      { id: 'async', type: 'reaches', from: 'orders', to: 'email', via: 'async', points: 5 },
      { id: 'not-sync', type: 'reaches', from: 'orders', to: 'email', via: 'not-sync', points: 5 },
      { id: 'any', type: 'reaches', from: 'payments', to: 'orders', via: 'any', points: 5 },
    ] as const;
    const decoupled = score([...rubric], SHOP);
    expect([...decoupled.values()].map((r) => [r.criterion.id, r.met])).toEqual([['sync', true], ['async', true], ['not-sync', true], ['any', false]]);
    const coupled = score([...rubric], { nodes: { w: 'web-client', o: ['service', 'Orders'], p: ['service', 'Payments'], e: ['service', 'Email'] }, links: [['w', 'o'], ['o', 'p'], ['o', 'e']] });
    expect(coupled.get('async')?.met).toBe(false);
    expect(coupled.get('not-sync')?.detail).toMatch(/still waits/);
    // A queue named for the work, but the worker is called directly: the message hands nothing over.
    const named = score([...rubric], {
      nodes: { w: 'web-client', o: ['service', 'Orders'], q: ['message-queue', 'Email jobs'], e: ['worker', 'Email'] },
      links: [['w', 'o'], ['o', 'q'], ['o', 'e']],
    });
    expect(named.get('async')?.met).toBe(false);
    expect(named.get('not-sync')?.met).toBe(false);
  });

  it('reaches with writes: the path ends by writing into the target, so reading it is not storing in it', () => {
    const rubric = [
      { id: 'stored', type: 'reaches', from: 'orders', to: 'order-store', via: 'sync', writes: true, points: 5 },
      { id: 'stored-later', type: 'reaches', from: 'orders', to: 'order-store', via: 'not-sync', writes: true, points: 5 },
    ] as const;
    const nodes = { w: 'web-client', o: ['service', 'Orders'], db: ['relational-database', 'Orders DB'], q: ['message-queue', 'Order jobs'], f: ['worker', 'Flusher'] } as const;
    // The service only reads the store while answering; a worker writes it later.
    const behind = score([...rubric], { nodes, links: [['w', 'o'], ['o', 'db', { access: 'read' }], ['o', 'q'], ['q', 'f'], ['f', 'db', { access: 'write' }]] });
    expect(behind.get('stored')).toMatchObject({ met: false, detail: 'Orders does not write to Orders DB while answering.' });
    // The write does happen after the response: the service waits on its read, not on a write.
    expect(behind.get('stored-later')?.met).toBe(true);
    const direct = score([...rubric], { nodes, links: [['w', 'o'], ['o', 'db', { access: 'read-write' }]] });
    expect(direct.get('stored')).toMatchObject({ met: true, detail: 'Orders writes to Orders DB while answering.' });
    const later = score([...rubric], { nodes, links: [['w', 'o'], ['o', 'q'], ['q', 'f'], ['f', 'db', { access: 'write' }]] });
    expect([later.get('stored')?.met, later.get('stored-later')?.met]).toEqual([false, true]);
    const readLater = score([...rubric], { nodes, links: [['w', 'o'], ['o', 'q'], ['q', 'f'], ['f', 'db', { access: 'read' }]] });
    expect(readLater.get('stored-later')).toMatchObject({ met: false, detail: 'Orders does not write to Orders DB through a queue or topic that is consumed.' });
  });

  it('a path stops at a telemetry collector: nothing is reached through Metrics, Logs or Tracing', () => {
    const rubric = [{ id: 'sync', type: 'reaches', from: 'orders', to: 'payments', via: 'sync', points: 5 }] as const;
    const through = (kind: 'metrics-alerting' | 'log-aggregator' | 'tracing-collector' | 'service') =>
      score([...rubric], {
        nodes: { w: 'web-client', o: ['service', 'Orders'], t: [kind, 'Relay'], p: ['service', 'Payments'] },
        links: [['w', 'o'], ['o', 't'], ['t', 'p']],
      }).get('sync')?.met;
    expect([through('metrics-alerting'), through('log-aggregator'), through('tracing-collector'), through('service')]).toEqual([false, false, false, true]);
  });

  it('a component never reaches itself', () => {
    const r = score([{ id: 'sync', type: 'reaches', from: 'orders', to: 'payments', via: 'sync', points: 5 }], {
      nodes: { w: 'web-client', o: ['service', 'Orders and payments', { responsibilities: ['orders', 'payments'] }] },
      links: [['w', 'o']],
    });
    expect(r.get('sync')).toMatchObject({ met: false, detail: 'Orders and payments does “Orders” and “Payments” itself: give each its own component.' });
  });

  it('before: on an operation, a cache is read before the store', () => {
    const rubric = [{ id: 'b', type: 'before', operation: 'browse', first: { kind: 'cache' }, then: { kind: 'document-store' }, points: 5 }] as const;
    expect(score([...rubric], SHOP).get('b')?.met).toBe(true);
    const storeFirst = { ...SHOP, links: SHOP.links!.map((l) => (l[0] === 'c' && l[1] === 'cache' ? (['c', 'cdb'] as const) : l[0] === 'c' ? (['c', 'cache'] as const) : l)) };
    expect(score([...rubric], storeFirst).get('b')).toMatchObject({ met: false, detail: '“Browse products” uses Products before Product cache.' });
    // A gateway that asks a rate limiter on every route: the limiter's counters are a cache, but not one of products.
    const limited = {
      nodes: { ...SHOP.nodes, lim: ['rate-limiter', 'Limiter'], counters: ['cache', 'Rate counters'] },
      links: [...SHOP.links!.filter((l) => !(l[0] === 'c' && l[1] === 'cache')), ['gw', 'lim'], ['lim', 'counters']],
    } as Omit<SketchSpec, 'id' | 'title'>;
    expect(score([...rubric], limited).get('b')).toMatchObject({ met: false, detail: '“Browse products” reaches Products without using a cache first.' });
  });

  it('separate: by component and by queue', () => {
    const byComponent: Spec[] = [{ id: 's', type: 'separate', capabilities: ['orders', 'payments'], by: 'component', points: 5 }];
    expect(score(byComponent, SHOP).get('s')?.met).toBe(true);
    const byQueue: Spec[] = [{ id: 's', type: 'separate', capabilities: ['payments', 'email'], by: 'queue', points: 5 }];
    const shared = score(byQueue, {
      nodes: { w: 'web-client', o: ['service', 'Orders'], q: ['message-queue', 'Jobs'], p: ['worker', 'Payments'], e: ['worker', 'Email'] },
      links: [['w', 'o'], ['o', 'q'], ['q', 'p'], ['q', 'e']],
    });
    expect(shared.get('s')?.detail).toBe('Jobs feeds both “Payments” and “Email”: a backlog in one would hold up the other.');
  });

  it('component behind a capability, on its operation', () => {
    const rubric = [{ id: 'cache', type: 'component', kind: 'cache', position: 'behind', capability: 'catalog', operation: 'browse', points: 5 }] as const;
    expect(score([...rubric], SHOP).get('cache')?.met).toBe(true);
  });

  it('instances and replicated data, on wired components', () => {
    const rubric = [
      { id: 'n', type: 'instances', capability: 'orders', min: 3, points: 5 },
      { id: 'rep', type: 'replicated', capability: 'orders', points: 5 },
    ] as const;
    expect(score([...rubric], { nodes: { o: ['service', 'Orders', { instances: 5 }], db: ['relational-database', 'DB', { instances: 3 }] } }).get('n')?.met).toBe(false);
    const weak = score([...rubric], { nodes: { w: 'web-client', o: ['service', 'Orders', { instances: 2 }], db: ['relational-database', 'DB'] }, links: [['w', 'o'], ['o', 'db']] });
    expect(weak.get('n')?.met).toBe(false);
    expect(weak.get('rep')?.met).toBe(false);
    const strong = score([...rubric], {
      nodes: { w: 'web-client', o: ['service', 'Orders', { instances: 3 }], db: ['relational-database', 'DB'], r: ['read-replica', 'Replica'] },
      links: [['w', 'o'], ['o', 'db'], ['db', 'r']],
    });
    expect(strong.get('n')?.met).toBe(true);
    expect(strong.get('rep')?.met).toBe(true);
    // Orders also reads its replica: the copy is the store's replica, not a second store that needs one of its own.
    const readsReplica = score([...rubric], {
      nodes: { w: 'web-client', o: ['service', 'Orders', { instances: 3 }], db: ['relational-database', 'DB'], r: ['read-replica', 'Replica'] },
      links: [['w', 'o'], ['o', 'db'], ['db', 'r'], ['o', 'r', { access: 'read' }]],
    });
    expect(readsReplica.get('rep')).toMatchObject({ met: true });
  });

  it('no finding of a rule or severity, once something is served', () => {
    const rubric = [
      { id: 'no-errors', type: 'no-finding', severity: 'error', points: 5 },
      { id: 'no-shared', type: 'no-finding', rule: 'shared-database', points: 5 },
    ] as const;
    const shared = score([...rubric], { ...SHOP, links: [...SHOP.links!, ['p', 'db']] });
    expect(shared.get('no-shared')?.met).toBe(false);
    expect(score([...rubric], SHOP).get('no-shared')?.met).toBe(true);
    expect(score([...rubric], { nodes: {} }).get('no-errors')?.met).toBe(false);
  });

  it('a datastore owned by exactly one service, and written by someone', () => {
    const rubric = [{ id: 'own', type: 'single-owner', points: 5 }] as const;
    const two = score([...rubric], { ...SHOP, links: [...SHOP.links!, ['p', 'db']] });
    expect(two.get('own')?.detail).toMatch(/Orders DB is written by Orders and Payments/);
    expect(score([...rubric], { ...SHOP, links: [...SHOP.links!, ['p', 'db', { access: 'read' }]] }).get('own')?.met).toBe(true);
    expect(score([...rubric], { nodes: { db: 'relational-database' } }).get('own')?.met).toBe(false);
  });

  it('client traffic enters through a gateway or load balancer', () => {
    const rubric = [{ id: 'entry', type: 'entry-through', kind: 'api-gateway', points: 5 }] as const;
    expect(score([...rubric], { nodes: { web: 'web-client', o: ['service', 'Orders'] } }).get('entry')?.met).toBe(false);
    expect(score([...rubric], { nodes: { web: 'web-client', o: ['service', 'Orders'] }, links: [['web', 'o']] }).get('entry')?.met).toBe(false);
    expect(score([...rubric], SHOP).get('entry')?.met).toBe(true);
  });

  it('scores out of 100 by points earned', () => {
    const design = sketch({ id: 't', title: 't', nodes: { w: 'web-client', o: ['service', 'Orders'] }, links: [['w', 'o']] });
    const p = problemWith([
      { id: 'a', type: 'capability', capability: 'orders', points: 30 },
      { id: 'b', type: 'capability', capability: 'payments', points: 10 },
      { id: 'c', type: 'capability', capability: 'email', points: 10 },
      { id: 'd', type: 'no-finding', rule: 'shared-database', points: 10 },
    ]);
    const result = scoreDesign(p, design, analyzeDesign(design));
    expect(result.earned).toBe(40);
    expect(result.possible).toBe(60);
    expect(result.score).toBe(67);
  });
});

describe('reference sketches', () => {
  it('say what the review reads: a saga, an outbox and a read-only call', () => {
    const nodes = {
      web: 'web-client',
      gw: 'api-gateway',
      orders: ['service', 'Orders', { responsibilities: ['orders'] }],
      pay: ['service', 'Payments', { responsibilities: ['payments'] }],
      db: ['relational-database', 'Orders DB', { responsibilities: ['order-store'] }],
      paydb: ['relational-database', 'Payments DB'],
      events: ['event-stream', 'Order events'],
      mail: ['worker', 'Mailer', { responsibilities: ['email'] }],
    };
    const links = [['web', 'gw'], ['gw', 'orders'], ['orders', 'pay'], ['orders', 'db'], ['pay', 'paydb'], ['orders', 'events'], ['events', 'mail']];
    const design = (node: object, call: object, publish: object) =>
      referenceDesign(
        Problem.parse({
          ...base,
          rubric: [0, 1, 2, 3].map((i) => ({ id: `c${i}`, type: 'no-finding', points: 1, description: 'd', hint: 'h' })),
          reference: { explanation: 'x', design: { nodes: { ...nodes, orders: ['service', 'Orders', { responsibilities: ['orders'], ...node }] }, links: links.map((l) => (l[1] === 'pay' ? [...l, call] : l[1] === 'events' ? [...l, publish] : l)) } },
        }),
      );
    const distributed = (d: ReturnType<typeof referenceDesign>) => analyzeDesign(d).filter((f) => f.ruleId === 'distributed-write-without-saga').length;
    expect(distributed(design({}, {}, {}))).toBe(1);
    expect(distributed(design({ saga: true }, {}, {}))).toBe(0);
    expect(distributed(design({}, { readOnly: true }, {}))).toBe(0);
    const withOutbox = design({}, {}, { outbox: true });
    expect(withOutbox.edges.find((e) => e.target === 'events')).toMatchObject({ family: 'async', outbox: true });
  });
});
