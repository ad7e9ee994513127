import { membersOf, syncCallGraph, type Components } from '../analysis/components.ts';
import { factsOf, NumberSet, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { arrowPathSome, listSome } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Services that call each other synchronously in a loop cannot be deployed, scaled or reasoned about separately: a slowdown in one holds threads in all of them, and under load the loop can exhaust every connection pool at once. A request can even wait on itself and deadlock until timeouts fire.';
const FIX =
  'Break the loop. Let one direction publish an event instead of calling, move the shared logic into one of the services (or a new one both call), or merge services that cannot work apart.';

/** The most members a finding names, and the most steps of its loop it spells out. */
const MAX_NAMED = 12;
/** The most connections inside the cycle it highlights; past that, only the loop's. */
const MAX_EDGES = 40;

interface Loop {
  /** Node numbers, start ... start. */
  nodes: number[];
  /** Edge numbers, one per step. */
  edges: number[];
}

/**
 * The shortest loop through `start` inside its component (breadth first from
 * start, within the component only, so the cost is the component's size).
 * `parent` is scratch space of one entry per node, `seen` a set over nodes.
 */
function shortestLoop(facts: Facts, graph: Components, start: number, parent: Int32Array, seen: NumberSet): Loop {
  const component = graph.componentOf[start];
  seen.clear();
  const queue = [start];
  const { start: rows, edge } = facts.out[SYNC];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let j = rows[u]!; j < rows[u + 1]!; j++) {
      const k = edge[j]!;
      const w = facts.target[k]!;
      if (graph.componentOf[w] !== component) continue;
      if (w === start) {
        const nodes = [start];
        const edges = [k];
        for (let at = u; at !== start; at = facts.source[parent[at]!]!) {
          nodes.push(at);
          edges.push(parent[at]!);
        }
        nodes.push(start);
        return { nodes: nodes.reverse(), edges: edges.reverse() };
      }
      if (w !== start && seen.add(w)) {
        parent[w] = k;
        queue.push(w);
      }
    }
  }
  return { nodes: [start], edges: [] };
}

export const syncCycle: RuleDefinition<Record<string, never>> = {
  id: 'sync-cycle',
  title: 'Synchronous call cycle',
  severity: 'error',
  glossaryTerm: 'cyclic-dependencies',
  summary: 'Flags services that call each other synchronously in a loop.',
  condition:
    'A strongly connected component (Tarjan) of two or more nodes in the graph of sync edges between compute and edge nodes. Clients, third parties, platform components and brokers are not part of this graph, so a loop closed by a queue or topic (async) is fine. The members are named (past 12, the first 11 and how many more) with one concrete loop, the shortest through the first member.',
  thresholds: {},
  check({ index }) {
    const graph = syncCallGraph(index);
    const findings: Finding[] = [];
    let facts: Facts | undefined;
    let parent: Int32Array | undefined;
    let seen: NumberSet | undefined;
    for (let component = 0; component < graph.count; component++) {
      if (graph.first[component + 1]! - graph.first[component]! < 2) continue;
      const members = membersOf(graph, component);
      facts ??= factsOf(index);
      parent ??= new Int32Array(facts.n);
      seen ??= new NumberSet(facts.n);
      const f = facts;
      const id = (i: number) => f.nodes[i]!.id;
      const name = (i: number) => f.nodes[i]!.name;
      const inside: number[] = [];
      const { start, edge } = f.out[SYNC];
      for (const i of members) {
        for (let j = start[i]!; j < start[i + 1]! && inside.length <= MAX_EDGES; j++) {
          const k = edge[j]!;
          if (graph.componentOf[f.target[k]!] === component) inside.push(k);
        }
      }
      const loop = shortestLoop(f, graph, members[0]!, parent, seen);
      // A small cycle names every member and connection; a large one its first members and the loop.
      const small = members.length <= MAX_NAMED && inside.length <= MAX_EDGES;
      const elementIds = small
        ? [...members.map(id), ...inside.map((k) => f.edges[k]!.id)]
        : [
            ...members.slice(0, MAX_NAMED - 1).map(id),
            ...loop.nodes.slice(0, MAX_NAMED).map(id),
            ...loop.edges.slice(0, MAX_NAMED).map((k) => f.edges[k]!.id),
          ];
      findings.push(
        makeFinding(syncCycle, {
          message: `${listSome(members.map(name), MAX_NAMED)} call each other synchronously in a cycle: ${arrowPathSome(loop.nodes.map(name), MAX_NAMED)}.`,
          why: WHY,
          fix: FIX,
          elementIds,
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-sync-cycle-failing',
      title: 'Orders and Billing call each other',
      nodes: { gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'], billing: ['service', 'Billing'] },
      links: [['gw', 'orders'], ['orders', 'billing'], ['billing', 'orders']],
    }),
    passing: sketch({
      id: 'example-sync-cycle-passing',
      title: 'Billing answers Orders through a queue',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        billing: ['service', 'Billing'],
        queue: ['message-queue', 'Billing events'],
      },
      links: [['gw', 'orders'], ['orders', 'billing'], ['billing', 'queue'], ['queue', 'orders']],
    }),
  },
};
