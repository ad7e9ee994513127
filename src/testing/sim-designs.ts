/**
 * Designs for simulator tests, written compactly: components with their
 * performance figures, connections with their policies, and one flow over
 * them. Every design passes the schema, so defaults are the format's own.
 */
import fc from 'fast-check';
import { getKind, KIND_IDS, type KindId } from '../domain/diagram/catalog.ts';
import { allowedFamilies } from '../domain/diagram/connections.ts';
import { createDefaultEdge, createDesign, createEdge, createNode } from '../domain/diagram/factory.ts';
import { proposeFlows } from '../domain/diagram/flows.ts';
import { Design, type DesignEdge, type FlowStep, type Performance } from '../domain/diagram/schema.ts';

export type SimNode = readonly [KindId, Performance?, number?];
/** [source, target, edge fields]; edge ids are the link's index: e1, e2, ... */
export type SimLink = readonly [string, string, Record<string, unknown>?];
export type SimStep = string | (Partial<FlowStep> & { edge: string });

export interface SimSpec {
  nodes: Record<string, SimNode>;
  links: readonly SimLink[];
  /** Steps of the one flow, by edge id; every edge in link order when unset. */
  steps?: readonly SimStep[];
  rateRps?: number;
  groups?: Record<string, readonly string[]>;
}

export function simDesign(spec: SimSpec): Design {
  const design = createDesign({ id: 'sim', title: 'Simulated', now: '2026-01-01T00:00:00.000Z' });
  const groupOf = new Map<string, string>();
  for (const [group, members] of Object.entries(spec.groups ?? {})) for (const id of members) groupOf.set(id, group);
  const nodes = Object.entries(spec.nodes).map(([id, [kind, performance, instances]], i) => ({
    ...createNode(kind, id, { x: i * 200, y: 0 }, id),
    instances: instances ?? 1,
    ...(performance ? { performance } : {}),
    ...(groupOf.has(id) ? { groupId: groupOf.get(id)!, position: { x: 20, y: 40 } } : {}),
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DesignEdge[] = spec.links.map(([s, t, patch], i) => {
    const edge = createDefaultEdge(`e${i + 1}`, byId.get(s)!, byId.get(t)!);
    if (!edge) throw new Error(`connection ${s} -> ${t} is refused`);
    return { ...edge, ...patch } as DesignEdge;
  });
  const steps = (spec.steps ?? edges.map((e) => e.id)).map((s) => (typeof s === 'string' ? { edge: s } : s));
  const groups = Object.keys(spec.groups ?? {}).map((id, i) => ({ id, name: id, type: 'region', position: { x: i * 400, y: 400 }, size: { width: 300, height: 300 } }));
  return Design.parse({
    ...design,
    nodes,
    edges,
    groups,
    flows: [{ id: 'flow', name: 'Flow', ...(spec.rateRps ? { rateRps: spec.rateRps } : {}), steps }],
  });
}

const NON_CLIENT_KINDS = KIND_IDS.filter((k) => getKind(k).role !== 'client');

/**
 * Random designs a simulation can run: a web client, then components each
 * wired from an earlier one (so every one is reachable), extra connections,
 * random figures and connection policies, and the proposed flows with random
 * shares, parallel steps and rates; plus random faults on them.
 */
export const arbitrarySimulation = () =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...NON_CLIENT_KINDS), { minLength: 1, maxLength: 10 }),
      parents: fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      figures: fc.array(
        fc.record({
          latencyMs: fc.double({ min: 0, max: 50, noNaN: true }),
          distribution: fc.constantFrom('constant', 'exponential', 'log-normal'),
          concurrency: fc.integer({ min: 1, max: 8 }),
          errorRate: fc.constantFrom(0, 0, 0.05, 0.5),
          instances: fc.integer({ min: 1, max: 3 }),
        }),
        { minLength: 10, maxLength: 10 },
      ),
      policies: fc.array(
        fc.record({
          timeoutMs: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
          maxAttempts: fc.integer({ min: 1, max: 3 }),
          backoff: fc.constantFrom('none', 'fixed', 'exponential'),
          jitter: fc.boolean(),
          circuitBreaker: fc.boolean(),
          callsPerRequest: fc.integer({ min: 1, max: 3 }),
          fanOut: fc.constantFrom('sequential', 'parallel'),
        }),
        { minLength: 16, maxLength: 16 },
      ),
      shares: fc.array(fc.constantFrom(1, 1, 0.5), { minLength: 40, maxLength: 40 }),
      parallel: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      rate: fc.integer({ min: 1, max: 200 }),
      faults: fc.array(
        fc.record({ kind: fc.constantFrom('slow', 'down', 'flaky', 'partition'), target: fc.nat(), startS: fc.integer({ min: 0, max: 2 }), length: fc.integer({ min: 1, max: 3 }) }),
        { maxLength: 3 },
      ),
    })
    .map((r) => {
      const nodes = [createNode('web-client', 'web', { x: 0, y: 0 }, 'web'), ...r.kinds.map((kind, i) => createNode(kind, `n${i}`, { x: (i + 1) * 200, y: 0 }, `n${i}`))].map(
        (node, i) => {
          if (i === 0) return { ...node, instances: 1 };
          const { instances, ...performance } = r.figures[i - 1]!;
          return { ...node, instances, performance };
        },
      );
      const edges: DesignEdge[] = [];
      const link = (s: number, t: number) => {
        if (s === t) return;
        const family = allowedFamilies(nodes[s]!.kind, nodes[t]!.kind)[0];
        if (!family) return;
        const edge = createEdge(family, `e${edges.length}`, nodes[s]!, nodes[t]!);
        const p = r.policies[edges.length % 16]!;
        edges.push(
          edge.family === 'sync'
            ? { ...edge, timeoutMs: p.timeoutMs, retry: { maxAttempts: p.maxAttempts, backoff: p.backoff, jitter: p.jitter }, circuitBreaker: p.circuitBreaker, callsPerRequest: p.callsPerRequest, fanOut: p.fanOut }
            : edge,
        );
      };
      for (let i = 1; i < nodes.length; i++) link(r.parents[i - 1]! % i, i);
      for (const [a, b] of r.extra) link(a % nodes.length, b % nodes.length);
      const base = { ...createDesign({ id: 'random', now: '2026-01-01T00:00:00.000Z' }), nodes, edges };
      let k = 0;
      const proposed = proposeFlows(base);
      const flows = (proposed.length > 0 ? proposed : [{ id: 'first', name: 'First hop', steps: [{ edge: edges[0]!.id, when: 'always' as const, share: 1, parallel: false }], notes: '' }]).map((flow) => ({
        ...flow,
        rateRps: r.rate,
        steps: flow.steps.map((step, i) => ({ ...step, share: i === 0 ? 1 : r.shares[k++ % 40]!, parallel: i > 0 && r.parallel[k % 40]! })),
      }));
      const faults = r.faults.map((f) => {
        const window = { startS: f.startS, endS: f.startS + f.length };
        if (f.kind === 'partition' && edges.length > 0) return { kind: 'partition' as const, edge: edges[f.target % edges.length]!.id, ...window };
        const node = nodes[1 + (f.target % (nodes.length - 1))]!.id;
        if (f.kind === 'slow') return { kind: 'slow' as const, node, factor: 5, ...window };
        if (f.kind === 'flaky') return { kind: 'flaky' as const, node, errorRate: 0.5, ...window };
        return { kind: 'down' as const, node, ...window };
      });
      return { design: Design.parse({ ...base, flows }), faults };
    });
