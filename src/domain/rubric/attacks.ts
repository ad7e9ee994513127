/**
 * Designs a skeptic builds to fool a problem's grader, generated from the
 * problem itself so every problem faces them:
 * - god box: one service tagged with every capability the reference gives a
 *   component that does work, behind the rubric's own front door, with the
 *   reference's datastores (tagged as the reference tags them), a cache, a
 *   stream with a worker and a third party, all run several times over and
 *   every call given a timeout, retries and a breaker;
 * - unwired: every component of the reference, named and tagged as there,
 *   with no connection at all;
 * - one chain: the same components wired in one straight line, front door
 *   first, then everything that does work, then the datastores.
 * Each must score 40 or less (see src/content/problems-ranking.test.ts).
 */
import { allowedFamilies } from '../diagram/connections.ts';
import { getKind, type KindId } from '../diagram/catalog.ts';
import type { Design } from '../diagram/schema.ts';
import { sketch, type EdgePatch, type LinkSpec, type NodeSpec } from '../rules/sketch.ts';
import type { Problem } from './problem.ts';

export const ATTACKS = ['god-box', 'unwired', 'one-chain'] as const;
export type Attack = (typeof ATTACKS)[number];

const CAREFUL_CALL: EdgePatch = { timeoutMs: 800, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true }, idempotent: true, circuitBreaker: true };
const CAREFUL_CONSUMER: EdgePatch = { deadLetterQueue: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } };

type ReferenceNode = { kind: KindId; name: string; responsibilities: string[]; instances: number };

function referenceNodes(problem: Problem): [string, ReferenceNode][] {
  return Object.entries(problem.reference.design.nodes).map(([id, spec]) => {
    const [kind, name, patch] = typeof spec === 'string' ? [spec, id, {}] : [spec[0], spec[1], spec[2] ?? {}];
    return [id, { kind: kind as KindId, name, responsibilities: patch.responsibilities ?? [], instances: patch.instances ?? 1 }];
  });
}

/** The kinds the rubric asks clients to enter through, in front of everything. */
function frontDoor(problem: Problem): KindId[] {
  const kinds = new Set<KindId>();
  for (const c of problem.rubric) {
    if (c.type !== 'entry-through') continue;
    const list = (Array.isArray(c.kind) ? c.kind : [c.kind]) as KindId[];
    kinds.add(list[0]!);
  }
  return kinds.size > 0 ? [...kinds] : ['api-gateway'];
}

function link(source: string, target: string, kinds: Map<string, KindId>): LinkSpec | null {
  const families = allowedFamilies(kinds.get(source)!, kinds.get(target)!);
  const family = families[0];
  if (!family) return null;
  if (family === 'sync') return [source, target, CAREFUL_CALL];
  if (family === 'async' && getKind(kinds.get(source)!).role === 'broker') return [source, target, CAREFUL_CONSUMER];
  return [source, target];
}

export function attackDesign(problem: Problem, attack: Attack): Design {
  const ref = referenceNodes(problem);
  const title = { 'god-box': 'One service doing everything', unwired: 'Every part named, nothing connected', 'one-chain': 'Every part in one line' }[attack];
  const nodes: Record<string, NodeSpec> = {};
  const links: LinkSpec[] = [];
  const kinds = new Map<string, KindId>();
  const add = (id: string, kind: KindId, name: string, patch: { instances?: number; responsibilities?: string[] } = {}) => {
    nodes[id] = [kind, name, { instances: Math.max(3, patch.instances ?? 3), ...(patch.responsibilities?.length ? { responsibilities: patch.responsibilities } : {}) }];
    kinds.set(id, kind);
  };
  const connect = (source: string, target: string) => {
    const l = link(source, target, kinds);
    if (l) links.push(l);
    return l !== null;
  };

  if (attack === 'god-box') {
    const computeCaps = new Set<string>();
    const stores: [string, ReferenceNode][] = [];
    for (const [id, node] of ref) {
      const role = getKind(node.kind).role;
      if (role === 'datastore') stores.push([id, node]);
      else if (role !== 'client' && role !== 'edge') for (const r of node.responsibilities) computeCaps.add(r);
    }
    for (const c of problem.capabilities) if (!stores.some(([, n]) => n.responsibilities.includes(c.id))) computeCaps.add(c.id);
    add('users', 'web-client', 'Users');
    let previous = 'users';
    frontDoor(problem).forEach((kind, i) => {
      add(`door${i}`, kind, getKind(kind).label);
      connect(previous, `door${i}`);
      previous = `door${i}`;
    });
    add('god', 'service', 'Platform service', { instances: 12, responsibilities: [...computeCaps] });
    connect(previous, 'god');
    add('cache', 'cache', 'Cache');
    links.push(['god', 'cache', { access: 'read-write' }]);
    for (const [id, node] of stores) {
      if (node.kind === 'cache') continue;
      add(id, node.kind, node.name, { responsibilities: node.responsibilities });
      links.push(['god', id, { access: 'read-write' }]);
    }
    add('events', 'event-stream', 'Events');
    add('worker', 'worker', 'Background worker');
    add('dead', 'dead-letter-queue', 'Failed events');
    add('vendor', 'third-party-api', 'Partner API');
    connect('god', 'events');
    connect('events', 'worker');
    connect('events', 'dead');
    connect('god', 'vendor');
    add('metrics', 'metrics-alerting', 'Metrics');
  } else {
    for (const [id, node] of ref) add(id, node.kind, node.name, { instances: node.instances, responsibilities: node.responsibilities });
    if (attack === 'one-chain') {
      const rank = (kind: KindId) => ({ client: 0, external: 1, edge: 2, compute: 3, broker: 3, platform: 4, datastore: 5 })[getKind(kind).role];
      const order = ref.map(([id]) => id).sort((a, b) => rank(kinds.get(a)!) - rank(kinds.get(b)!));
      const placed = [order[0]!];
      for (const id of order.slice(1)) {
        // Join it to the end of the line, or to the nearest earlier component that may connect to it.
        for (let i = placed.length - 1; i >= 0; i--) if (connect(placed[i]!, id)) break;
        placed.push(id);
      }
    }
  }
  return sketch({ id: `${problem.id}-${attack}`, title, nodes, links });
}
