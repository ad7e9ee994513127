import { describe, expect, it } from 'vitest';
import { sketch, type SketchSpec } from '../rules/sketch.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { matchCapabilities, normalizeWord } from './capabilities.ts';
import { Problem, type Criterion } from './problem.ts';
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
    { id: 'payments', label: 'Payments', synonyms: ['payment', 'billing'] },
    { id: 'email', label: 'Email', synonyms: ['mail', 'notification'] },
  ],
  hints: ['a', 'b', 'c'],
  reference: { explanation: 'x', design: { nodes: {}, links: [] } },
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

describe('capability matching', () => {
  it('matches names through synonyms and plurals, and lets responsibilities override', () => {
    const design = sketch({
      id: 't',
      title: 't',
      nodes: {
        a: ['service', 'Orders'],
        b: ['service', 'order-svc'],
        c: ['service', 'Billing API'],
        d: ['service', 'Payments', { responsibilities: ['email'] }],
        e: ['service', 'Inventory'],
        f: ['load-balancer', 'Orders LB'],
      },
    });
    const m = matchCapabilities(design, base.capabilities);
    expect(m.get('orders')?.map((x) => x.nodeId)).toEqual(['a', 'b']);
    expect(m.get('payments')?.map((x) => x.nodeId)).toEqual(['c']);
    expect(m.get('email')).toEqual([{ nodeId: 'd', source: 'responsibility' }]);
    expect(normalizeWord('Deliveries')).toBe('delivery');
  });
});

describe('rubric criteria', () => {
  it('capability: met when a component provides it, missed otherwise', () => {
    const r = score([{ id: 'c', type: 'capability', capability: 'payments', points: 10 }], { nodes: { a: ['service', 'Orders'] } });
    expect(r.get('c')?.met).toBe(false);
    expect(r.get('c')?.detail).toMatch(/Nothing in the design does “Payments”/);
    const ok = score([{ id: 'c', type: 'capability', capability: 'payments', points: 10 }], { nodes: { a: ['service', 'Payments'] } });
    expect(ok.get('c')?.met).toBe(true);
  });

  it('reaches: sync, async, not-sync and any', () => {
    const rubric = [
      { id: 'sync', type: 'reaches', from: 'orders', to: 'payments', via: 'sync', points: 5 },
      { id: 'async', type: 'reaches', from: 'orders', to: 'email', via: 'async', points: 5 },
      { id: 'not-sync', type: 'reaches', from: 'orders', to: 'email', via: 'not-sync', points: 5 },
      { id: 'any', type: 'reaches', from: 'payments', to: 'orders', via: 'any', points: 5 },
    ] as const;
    const decoupled = score([...rubric], {
      nodes: { o: ['service', 'Orders'], p: ['service', 'Payments'], q: ['message-queue', 'Events'], e: ['worker', 'Email'] },
      links: [['o', 'p'], ['o', 'q'], ['q', 'e']],
    });
    expect([...decoupled.values()].map((r) => [r.criterion.id, r.met])).toEqual([
      ['sync', true],
      ['async', true],
      ['not-sync', true],
      ['any', false],
    ]);
    const coupled = score([...rubric], {
      nodes: { o: ['service', 'Orders'], p: ['service', 'Payments'], e: ['service', 'Email'] },
      links: [['o', 'p'], ['o', 'e']],
    });
    expect(coupled.get('async')?.met).toBe(false);
    expect(coupled.get('not-sync')?.met).toBe(false);
    expect(coupled.get('not-sync')?.detail).toMatch(/still waits/);
  });

  it('component in front of and behind a capability', () => {
    const rubric = [
      { id: 'cdn', type: 'component', kind: 'cdn', position: 'in-front-of', capability: 'orders', points: 5 },
      { id: 'cache', type: 'component', kind: 'cache', position: 'behind', capability: 'orders', points: 5 },
    ] as const;
    const r = score([...rubric], {
      nodes: { cdn: 'cdn', lb: 'load-balancer', o: ['service', 'Orders'], c: ['cache', 'Cache'] },
      links: [['cdn', 'lb'], ['lb', 'o'], ['o', 'c']],
    });
    expect(r.get('cdn')?.met).toBe(true);
    expect(r.get('cache')?.met).toBe(true);
    const none = score([...rubric], { nodes: { o: ['service', 'Orders'] } });
    expect(none.get('cdn')?.met).toBe(false);
    expect(none.get('cache')?.met).toBe(false);
  });

  it('instances and replicated data', () => {
    const rubric = [
      { id: 'n', type: 'instances', capability: 'orders', min: 3, points: 5 },
      { id: 'rep', type: 'replicated', capability: 'orders', points: 5 },
    ] as const;
    const weak = score([...rubric], { nodes: { o: ['service', 'Orders', { instances: 2 }], db: ['relational-database', 'DB'] }, links: [['o', 'db']] });
    expect(weak.get('n')?.met).toBe(false);
    expect(weak.get('rep')?.met).toBe(false);
    const strong = score([...rubric], {
      nodes: { o: ['service', 'Orders', { instances: 3 }], db: ['relational-database', 'DB'], r: ['read-replica', 'Replica'] },
      links: [['o', 'db'], ['db', 'r']],
    });
    expect(strong.get('n')?.met).toBe(true);
    expect(strong.get('rep')?.met).toBe(true);
  });

  it('no finding of a rule or severity', () => {
    const rubric = [
      { id: 'no-errors', type: 'no-finding', severity: 'error', points: 5 },
      { id: 'no-shared', type: 'no-finding', rule: 'shared-database', points: 5 },
    ] as const;
    const shared = score([...rubric], {
      nodes: { o: ['service', 'Orders'], p: ['service', 'Payments'], db: ['relational-database', 'DB'] },
      links: [['o', 'db'], ['p', 'db']],
    });
    expect(shared.get('no-errors')?.met).toBe(false);
    expect(shared.get('no-shared')?.met).toBe(false);
    const clean = score([...rubric], { nodes: { o: ['service', 'Orders'], db: ['relational-database', 'DB'] }, links: [['o', 'db']] });
    expect(clean.get('no-shared')?.met).toBe(true);
    const empty = score([...rubric], { nodes: {} });
    expect(empty.get('no-errors')?.met).toBe(false);
  });

  it('a datastore owned by exactly one service', () => {
    const rubric = [{ id: 'own', type: 'single-owner', points: 5 }] as const;
    const two = score([...rubric], {
      nodes: { o: ['service', 'Orders'], p: ['service', 'Payments'], db: ['relational-database', 'DB'] },
      links: [['o', 'db'], ['p', 'db']],
    });
    expect(two.get('own')?.met).toBe(false);
    expect(two.get('own')?.detail).toMatch(/written by Orders and Payments/);
    const reader = score([...rubric], {
      nodes: { o: ['service', 'Orders'], p: ['service', 'Payments'], db: ['relational-database', 'DB'] },
      links: [['o', 'db'], ['p', 'db', { access: 'read' }]],
    });
    expect(reader.get('own')?.met).toBe(true);
  });

  it('client traffic enters through a gateway or load balancer', () => {
    const rubric = [{ id: 'entry', type: 'entry-through', kind: 'api-gateway', points: 5 }] as const;
    const alone = score([...rubric], { nodes: { web: 'web-client', o: ['service', 'Orders'] } });
    expect(alone.get('entry')?.met).toBe(false);
    const direct = score([...rubric], { nodes: { web: 'web-client', o: ['service', 'Orders'] }, links: [['web', 'o']] });
    expect(direct.get('entry')?.met).toBe(false);
    const gated = score([...rubric], { nodes: { web: 'web-client', gw: 'api-gateway', o: ['service', 'Orders'] }, links: [['web', 'gw'], ['gw', 'o']] });
    expect(gated.get('entry')?.met).toBe(true);
  });

  it('scores out of 100 by points earned', () => {
    const design = sketch({ id: 't', title: 't', nodes: { o: ['service', 'Orders'] } });
    const p = problemWith([
      { id: 'a', type: 'capability', capability: 'orders', points: 30 },
      { id: 'b', type: 'capability', capability: 'payments', points: 10 },
      { id: 'c', type: 'capability', capability: 'email', points: 10 },
      { id: 'd', type: 'no-finding', severity: 'error', points: 10 },
    ]);
    const result = scoreDesign(p, design, analyzeDesign(design));
    expect(result.earned).toBe(40);
    expect(result.possible).toBe(60);
    expect(result.score).toBe(67);
  });
});
