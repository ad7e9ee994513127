import { membersOf, syncCallGraph, type Components } from '../analysis/components.ts';
import { factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { arrowPath, listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Services that call each other synchronously in a loop cannot be deployed, scaled or reasoned about separately: a slowdown in one holds threads in all of them, and under load the loop can exhaust every connection pool at once. A request can even wait on itself and deadlock until timeouts fire.';
const FIX =
  'Break the loop. Let one direction publish an event instead of calling, move the shared logic into one of the services (or a new one both call), or merge services that cannot work apart.';

/** The shortest loop through `start` inside its component, as node numbers start ... start. */
function shortestLoop(facts: Facts, graph: Components, start: number): number[] {
  const component = graph.componentOf[start];
  const parent = new Map<number, number>();
  const queue = [start];
  const { start: rows, edge } = facts.out[SYNC];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let j = rows[u]!; j < rows[u + 1]!; j++) {
      const w = facts.target[edge[j]!]!;
      if (graph.componentOf[w] !== component) continue;
      if (w === start) {
        const path = [start];
        for (let at: number | undefined = u; at !== undefined && at !== start; at = parent.get(at)) path.push(at);
        path.push(start);
        return path.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, u);
        queue.push(w);
      }
    }
  }
  return [start];
}

export const syncCycle: RuleDefinition<Record<string, never>> = {
  id: 'sync-cycle',
  title: 'Synchronous call cycle',
  severity: 'error',
  glossaryTerm: 'cyclic-dependencies',
  summary: 'Flags services that call each other synchronously in a loop.',
  condition:
    'A strongly connected component (Tarjan) of two or more nodes in the graph of sync edges between compute and edge nodes. Clients, third parties, platform components and brokers are not part of this graph, so a loop closed by a queue or topic (async) is fine. Every member is named, with one concrete loop.',
  thresholds: {},
  check({ index }) {
    const graph = syncCallGraph(index);
    const findings: Finding[] = [];
    let facts: Facts | undefined;
    for (let component = 0; component < graph.count; component++) {
      if (graph.first[component + 1]! - graph.first[component]! < 2) continue;
      const members = membersOf(graph, component);
      facts ??= factsOf(index);
      const f = facts;
      const edges: string[] = [];
      const { start, edge } = f.out[SYNC];
      for (const i of members) {
        for (let j = start[i]!; j < start[i + 1]!; j++) {
          const k = edge[j]!;
          if (graph.componentOf[f.target[k]!] === component) edges.push(f.edges[k]!.id);
        }
      }
      const loop = shortestLoop(f, graph, members[0]!);
      const name = (i: number) => f.nodes[i]!.name;
      findings.push(
        makeFinding(syncCycle, {
          message: `${listNames(members.map(name), Infinity)} call each other synchronously in a cycle: ${arrowPath(loop.map(name))}.`,
          why: WHY,
          fix: FIX,
          elementIds: [...members.map((i) => f.nodes[i]!.id), ...edges],
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
