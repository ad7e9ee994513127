import { describeChain, longestChains } from '../analysis/chains.ts';
import { COMPUTE, factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { drawnFlows, type FlowPath, REQUESTS, uncoveredEntries } from '../analysis/requests.ts';
import { arrowPathSome, formatNumber } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Every synchronous hop adds its latency to the response and multiplies in its failure rate: five services at 99.9% availability each give a chain at about 99.5%, and the slowest hop sets the pace. Long chains also make timeouts hard to set and failures hard to trace.';
const FIX =
  'Shorten the chain. Let the first service get what it needs in parallel rather than in sequence, keep a local copy of data it keeps asking for, or move work that does not need an immediate answer behind a queue.';

const thresholds = { maxHops: 3 };

/**
 * The deepest chain of nested sync calls in one flow: each sync step adds its
 * target (if a service) to the chain that brought the request to its caller.
 * Linear in the flow's steps.
 */
function deepestFlowChain(facts: Facts, flow: FlowPath): { services: number; nodes: number[]; edges: number[] } {
  const { steps, via } = flow;
  const depth = new Int32Array(steps.length);
  let best = -1;
  for (let s = 0; s < steps.length; s++) {
    const k = steps[s]!;
    if (facts.family[k] !== SYNC) continue;
    const p = via[s]!;
    const before = p !== -1 && facts.family[steps[p]!] === SYNC ? depth[p]! : facts.role[facts.source[k]!] === COMPUTE ? 1 : 0;
    depth[s] = before + (facts.role[facts.target[k]!] === COMPUTE ? 1 : 0);
    if (best === -1 || depth[s]! > depth[best]!) best = s;
  }
  if (best === -1) return { services: 0, nodes: [], edges: [] };
  const edges: number[] = [];
  for (let at = best; at !== -1 && facts.family[steps[at]!] === SYNC; at = via[at]!) edges.push(steps[at]!);
  edges.reverse();
  const nodes = [facts.source[edges[0]!]!, ...edges.map((k) => facts.target[k]!)];
  return { services: depth[best]!, nodes, edges };
}

export const deepSyncChain: RuleDefinition<typeof thresholds> = {
  id: 'deep-sync-chain',
  title: 'Deep synchronous call chain',
  severity: 'warning',
  glossaryTerm: 'cascading-failure',
  summary: 'Flags a request that must pass through too many services, one after another, before it can answer.',
  condition:
    `Along ${REQUESTS}. ` +
    'For each entry service no drawn flow covers: the longest path of sync calls from it, in the graph of sync edges between compute and edge nodes condensed into its strongly connected components (a loop counts as all its services), found once for all entries by dynamic programming in reverse topological order. For each drawn flow: its deepest run of nested sync steps, each step continuing the step that brought the request to its caller. Hops count service-to-service steps: services on the chain minus one; gateways and load balancers add none. Every entry service and every flow over the limit is reported: when the hops exceed `maxHops`, naming the chain (a chain of more than 12 steps by its first and last six, a loop by its first 11 members and how many more).',
  thresholds,
  check({ index, thresholds: t }) {
    const findings: Finding[] = [];
    const report = (start: string, services: number, names: readonly string[], elementIds: string[], flow: string | null) => {
      const hops = services - 1;
      findings.push(
        makeFinding(deepSyncChain, {
          message: `${flow === null ? `A request entering at ${start}` : `“${flow}”`} passes through ${formatNumber(services)} services one after another: ${arrowPathSome(names, 13)} (${formatNumber(hops)} hops; the limit is ${t.maxHops}).`,
          why: WHY,
          fix: FIX,
          elementIds,
        }),
      );
    };

    // Drawn flows: the deepest run of nested sync calls in each.
    const facts = factsOf(index);
    for (const flow of drawnFlows(index)) {
      const chain = deepestFlowChain(facts, flow);
      if (chain.services - 1 > t.maxHops) report('', chain.services, chain.nodes.map((i) => facts.nodes[i]!.name), [...chain.nodes.map((i) => facts.nodes[i]!.id), ...chain.edges.map((k) => facts.edges[k]!.id)], flow.name);
    }

    // Entry services no flow covers: the longest chain from each.
    const chains = longestChains(index);
    for (const i of uncoveredEntries(index)) {
      const c = chains.graph.componentOf[i]!;
      const services = chains.services[c]!;
      if (services - 1 <= t.maxHops) continue;
      const chain = describeChain(index, chains, c);
      report(facts.nodes[i]!.name, services, chain.names, chain.elementIds, null);
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
