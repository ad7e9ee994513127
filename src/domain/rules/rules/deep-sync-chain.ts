import { describeChain, longestChains } from '../analysis/chains.ts';
import { factsOf, SYNC } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { arrowPath, formatNumber } from '../analysis/text.ts';
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
    'In the graph of sync edges between compute and edge nodes, condensed into its strongly connected components (a loop counts as all its services), the longest path from each entry component (one with no incoming sync edge from another component) is found by memoised dynamic programming in reverse topological order. Hops count service-to-service steps: services on the path minus one; gateways and load balancers add none. Reported when the hops exceed `maxHops`, naming the chain; a chain of more than 12 steps is spelled out by its first and last six, a loop by its first 11 members and how many more.',
  thresholds,
  check({ index, thresholds: t }) {
    const chains = longestChains(index);
    const { graph, services } = chains;
    const findings: Finding[] = [];
    // Entry components: no call comes in from another component.
    const facts = factsOf(index);
    const hasIncoming = new Uint8Array(graph.count);
    for (let k = 0; k < facts.m; k++) {
      if (facts.family[k] !== SYNC) continue;
      const from = graph.componentOf[facts.source[k]!]!;
      const to = graph.componentOf[facts.target[k]!]!;
      if (from !== -1 && to !== -1 && from !== to) hasIncoming[to] = 1;
    }
    for (let c = 0; c < graph.count; c++) {
      const hops = services[c]! - 1;
      if (hasIncoming[c] === 1 || hops <= t.maxHops) continue;
      const chain = describeChain(index, chains, c);
      findings.push(
        makeFinding(deepSyncChain, {
          message: `A request entering at ${chain.names[0]} passes through ${formatNumber(services[c]!)} services one after another: ${arrowPath(chain.names)} (${formatNumber(hops)} hops; the limit is ${t.maxHops}).`,
          why: WHY,
          fix: FIX,
          elementIds: chain.elementIds,
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
