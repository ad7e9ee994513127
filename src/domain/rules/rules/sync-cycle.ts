import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge } from '../../diagram/schema.ts';
import { syncCallGraph, type Components } from '../analysis/components.ts';
import { makeFinding } from '../analysis/finding.ts';
import { nameOf } from '../analysis/graph.ts';
import { arrowPath, listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Services that call each other synchronously in a loop cannot be deployed, scaled or reasoned about separately: a slowdown in one holds threads in all of them, and under load the loop can exhaust every connection pool at once. A request can even wait on itself and deadlock until timeouts fire.';
const FIX =
  'Break the loop. Let one direction publish an event instead of calling, move the shared logic into one of the services (or a new one both call), or merge services that cannot work apart.';

/** One concrete loop through `start`, found breadth first inside its component: the shortest one. */
function shortestLoop(index: GraphIndex, graph: Components, start: number, component: number): DesignEdge[] {
  const parent = new Map<number, DesignEdge>();
  const queue = [start];
  const seen = new Set<number>([start]);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (const edge of index.outgoing(graph.ids[u]!, 'sync')) {
      const w = graph.position.get(edge.target);
      if (w === undefined || graph.componentOf[w] !== component) continue;
      if (w === start) {
        const path = [edge];
        for (let at = u; at !== start; ) {
          const back = parent.get(at)!;
          path.push(back);
          at = graph.position.get(back.source)!;
        }
        return path.reverse();
      }
      if (!seen.has(w)) {
        seen.add(w);
        parent.set(w, edge);
        queue.push(w);
      }
    }
  }
  return [];
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
    graph.components.forEach((members, component) => {
      if (members.length < 2) return;
      const ordered = [...members].sort((a, b) => a - b);
      const ids = ordered.map((p) => graph.ids[p]!);
      const edges: string[] = [];
      for (const id of ids) {
        for (const edge of index.outgoing(id, 'sync')) {
          const w = graph.position.get(edge.target);
          if (w !== undefined && graph.componentOf[w] === component) edges.push(edge.id);
        }
      }
      const loop = shortestLoop(index, graph, ordered[0]!, component);
      const loopNames = [...loop.map((e) => nameOf(index, e.source)), nameOf(index, ids[0]!)];
      const names = ids.map((id) => nameOf(index, id));
      findings.push(
        makeFinding(syncCycle, {
          message: `${listNames(names, Infinity)} call each other synchronously in a cycle: ${arrowPath(loopNames)}.`,
          why: WHY,
          fix: FIX,
          elementIds: [...ids, ...edges],
        }),
      );
    });
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
