import { membersOf, syncCallGraph } from '../analysis/components.ts';
import { makeFinding } from '../analysis/finding.ts';
import { COMPUTE, factsOf, SYNC } from '../analysis/facts.ts';
import { arrowPath } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Every synchronous hop adds its latency to the response and multiplies in its failure rate: five services at 99.9% availability each give a chain at about 99.5%, and the slowest hop sets the pace. Long chains also make timeouts hard to set and failures hard to trace.';
const FIX =
  'Shorten the chain. Let the first service get what it needs in parallel rather than in sequence, keep a local copy of data it keeps asking for, or move work that does not need an immediate answer behind a queue.';

const thresholds = { maxHops: 3 };

export const deepSyncChain: RuleDefinition<typeof thresholds> = {
  id: 'deep-sync-chain',
  title: 'Deep synchronous call chain',
  severity: 'warning',
  glossaryTerm: 'cascading-failure',
  summary: 'Flags a request that must pass through too many services, one after another, before it can answer.',
  condition:
    'In the graph of sync edges between compute and edge nodes, condensed into its strongly connected components (a loop counts as all its services), the longest path from each entry component (one with no incoming sync edge from another component) is found by memoised dynamic programming in reverse topological order. Hops count service-to-service steps: services on the path minus one; gateways and load balancers add none. Reported when the hops exceed `maxHops`, naming the chain.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const graph = syncCallGraph(index);
    const { count, first, members } = graph;
    const buffer = new ArrayBuffer(9 * count);
    const best = new Int32Array(buffer, 0, count);
    const next = new Int32Array(buffer, 4 * count, count).fill(-1);
    const hasIncoming = new Uint8Array(buffer, 8 * count, count);
    const { start, edge } = facts.out[SYNC];
    for (let c = 0; c < count; c++) {
      let weight = 0;
      let bestOut = 0;
      let bestEdge = -1;
      for (let q = first[c]!; q < first[c + 1]!; q++) {
        const u = members[q]!;
        if (facts.role[u] === COMPUTE) weight++;
        for (let j = start[u]!; j < start[u + 1]!; j++) {
          const k = edge[j]!;
          const target = graph.componentOf[facts.target[k]!]!;
          if (target === -1 || target === c) continue;
          hasIncoming[target] = 1;
          if (best[target]! > bestOut) {
            bestOut = best[target]!;
            bestEdge = k;
          }
        }
      }
      best[c] = weight + bestOut;
      next[c] = bestEdge;
    }

    const findings: Finding[] = [];
    for (let c = 0; c < count; c++) {
      const hops = best[c]! - 1;
      if (hasIncoming[c] === 1 || hops <= t.maxHops) continue;
      const nodeIds: string[] = [];
      const edgeIds: string[] = [];
      const names: string[] = [];
      for (let at = c; at !== -1; ) {
        const group = membersOf(graph, at);
        for (const i of group) nodeIds.push(facts.nodes[i]!.id);
        names.push(group.length === 1 ? facts.nodes[group[0]!]!.name : `(${group.map((i) => facts.nodes[i]!.name).join(' ⇄ ')})`);
        const k = next[at]!;
        if (k === -1) break;
        edgeIds.push(facts.edges[k]!.id);
        at = graph.componentOf[facts.target[k]!]!;
      }
      findings.push(
        makeFinding(deepSyncChain, {
          message: `A request entering at ${names[0]} passes through ${best[c]} services one after another: ${arrowPath(names)} (${hops} hops; the limit is ${t.maxHops}).`,
          why: WHY,
          fix: FIX,
          elementIds: [...nodeIds, ...edgeIds],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-deep-sync-chain-failing',
      title: 'Five services in a row',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        pricing: ['service', 'Pricing'],
        tax: ['service', 'Tax'],
        rates: ['service', 'Tax rates'],
        ledger: ['service', 'Ledger'],
      },
      links: [['gw', 'orders'], ['orders', 'pricing'], ['pricing', 'tax'], ['tax', 'rates'], ['rates', 'ledger']],
    }),
    passing: sketch({
      id: 'example-deep-sync-chain-passing',
      title: 'Four services in a row, the ledger fed by events',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        pricing: ['service', 'Pricing'],
        tax: ['service', 'Tax'],
        rates: ['service', 'Tax rates'],
        events: ['event-stream', 'Rate events'],
        ledger: ['service', 'Ledger'],
      },
      links: [['gw', 'orders'], ['orders', 'pricing'], ['pricing', 'tax'], ['tax', 'rates'], ['rates', 'events'], ['events', 'ledger']],
    }),
  },
};
