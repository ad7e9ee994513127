import type { Design, DesignEdge, DesignNode, SyncEdge } from '../../diagram/schema.ts';
import { absolutePosition, centroid, freshId, newNode, rewire, takenIds } from '../analysis/edits.ts';
import { CLIENT, COMPUTE, EDGE, factsOf, NumberSet, SYNC } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When clients call services directly, every service must handle authentication, rate limiting and TLS on its own, and every client must know where each service lives. You can no longer split, merge or move a service without shipping new client versions, and apps already installed on phones keep calling the old addresses for months.';
const FIX =
  'Put an API gateway (or a backend-for-frontend per client type) in front of the services: one entry point that routes, authenticates and throttles, so the services behind it can change freely.';

const thresholds = { minServices: 2 };

/**
 * Route the given client -> service calls through an API gateway: the design's
 * first API gateway if it has one, else a new one placed between the clients
 * and the services. Calls keep their settings; duplicates are merged.
 */
export function routeThroughGateway(design: Design, edgeIds: ReadonlySet<string>): Design {
  const moved = design.edges.filter((e): e is SyncEdge => e.family === 'sync' && edgeIds.has(e.id));
  if (moved.length === 0) return design;
  const taken = takenIds(design);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const positionsOf = (ids: Iterable<string>) =>
    [...ids].flatMap((id) => {
      const node = byId.get(id);
      return node ? [absolutePosition(design, node)] : [];
    });

  const clientIds = [...new Set(moved.map((e) => e.source))];
  const serviceIds = [...new Set(moved.map((e) => e.target))];
  let gateway: DesignNode | undefined = design.nodes.find((n) => n.kind === 'api-gateway');
  const addNodes: DesignNode[] = [];
  if (!gateway) {
    const from = centroid(positionsOf(clientIds));
    const to = centroid(positionsOf(serviceIds));
    gateway = newNode('api-gateway', freshId(taken, 'api-gateway'), centroid([from, to]), 'API gateway');
    addNodes.push(gateway);
  }
  const gatewayId = gateway.id;
  const exists = (source: string, target: string) =>
    design.edges.some((e) => e.family === 'sync' && e.source === source && e.target === target);

  const addEdges: DesignEdge[] = [];
  for (const clientId of clientIds) {
    if (exists(clientId, gatewayId)) continue;
    const first = moved.find((e) => e.source === clientId)!;
    addEdges.push({ ...first, id: freshId(taken, 'gateway-route'), target: gatewayId, label: '' });
  }
  for (const serviceId of serviceIds) {
    if (exists(gatewayId, serviceId)) continue;
    const first = moved.find((e) => e.target === serviceId)!;
    addEdges.push({ ...first, id: freshId(taken, 'gateway-route'), source: gatewayId });
  }
  return rewire(design, { addNodes, addEdges, removeEdgeIds: edgeIds });
}

export const noApiGateway: RuleDefinition<typeof thresholds> = {
  id: 'no-api-gateway',
  title: 'Clients call services directly',
  severity: 'warning',
  glossaryTerm: 'api-gateway',
  summary: 'Flags clients that call two or more of your services directly instead of through one entry point.',
  condition:
    'The sync edges from client nodes to compute nodes reach at least `minServices` distinct compute nodes. One finding for the design. The quick fix routes those calls through the design’s API gateway, or a new one placed between the clients and the services.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const { start, edge } = facts.out[SYNC];
    const direct: number[] = [];
    const services: number[] = [];
    const clients: number[] = [];
    const seen = new NumberSet(facts.n);
    for (const i of facts.byRole[CLIENT]!) {
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const w = facts.target[k]!;
        if (facts.role[w] !== COMPUTE) continue;
        direct.push(k);
        if (seen.add(w)) services.push(w);
        if (clients[clients.length - 1] !== i) clients.push(i);
      }
    }
    if (services.length < Math.max(1, t.minServices)) return [];
    const name = (i: number) => facts.nodes[i]!.name;
    const edgeIds = new Set(direct.map((k) => facts.edges[k]!.id));
    const hasGateway = facts.byRole[EDGE]!.some((i) => facts.nodes[i]!.kind === 'api-gateway');
    const finding: Finding = makeFinding(noApiGateway, {
      message: `${listNames(clients.map(name))} ${clients.length === 1 ? 'calls' : 'call'} ${services.length} services directly: ${listNames(services.map(name), 6)}.`,
      why: WHY,
      fix: FIX,
      elementIds: direct.flatMap((k) => [facts.nodes[facts.source[k]!]!.id, facts.nodes[facts.target[k]!]!.id, facts.edges[k]!.id]),
      quickFixes: [
        quickFix('insert-gateway', hasGateway ? 'Route these calls through the API gateway' : 'Insert an API gateway', (d) =>
          routeThroughGateway(d, edgeIds),
        ),
      ],
    });
    return [finding];
  },
  examples: {
    failing: sketch({
      id: 'example-no-api-gateway-failing',
      title: 'The web app calls Orders and Billing directly',
      nodes: { web: ['web-client', 'Web app'], orders: ['service', 'Orders'], billing: ['service', 'Billing'] },
      links: [['web', 'orders'], ['web', 'billing']],
    }),
    passing: sketch({
      id: 'example-no-api-gateway-passing',
      title: 'The web app calls Orders and Billing through a gateway',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders'],
        billing: ['service', 'Billing'],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['gw', 'billing']],
    }),
  },
};
