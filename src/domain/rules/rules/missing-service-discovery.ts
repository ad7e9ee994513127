import type { Design } from '../../diagram/schema.ts';
import { belowEverything, freshId, newNode, rewire, takenIds } from '../analysis/edits.ts';
import { COMPUTE, factsOf, kindTable, NumberSet, PLATFORM, SYNC } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { formatNumber, listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Instances come and go as a service scales, deploys and fails over, and their addresses change each time. A caller that connects to a service with several instances directly needs to learn which instances exist and which are healthy; hard-coded addresses go stale and send traffic to dead instances.';
const FIX =
  'Let callers find instances through a service registry (or the platform’s DNS-based discovery), put a load balancer in front of the service, or run a service mesh whose sidecars route and balance the calls.';

/** Kinds that tell callers where instances are. */
const DISCOVERY = kindTable(['service-registry', 'service-mesh']);

function addRegistry(design: Design): Design {
  const taken = takenIds(design);
  return rewire(design, { addNodes: [newNode('service-registry', freshId(taken, 'service-registry'), belowEverything(design), 'Service registry')] });
}

export const missingServiceDiscovery: RuleDefinition<Record<string, never>> = {
  id: 'missing-service-discovery',
  title: 'No service discovery',
  severity: 'info',
  glossaryTerm: 'service-discovery',
  summary: 'Flags a service with several instances that other services call directly, with nothing to tell them where the instances are.',
  condition:
    'The design has no service-registry and no service-mesh node, and a compute node with `instances` > 1 has a sync edge straight from another compute node (no load balancer or gateway in between). One finding for the design, spelling out the first four such calls and counting the rest; info, because many platforms (Kubernetes DNS, a cloud load balancer per service) provide discovery without a box on the diagram.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    if (facts.byRole[PLATFORM]!.some((i) => DISCOVERY[facts.kind[i]!] === 1)) return [];
    const { start, edge } = facts.in[SYNC];
    // The message spells out up to four calls (three and a count when there are more), so only those are built.
    const calls: string[] = [];
    let total = 0;
    const elementIds: string[] = [];
    const seen = new NumberSet(facts.n);
    for (const i of facts.byRole[COMPUTE]!) {
      const service = facts.nodes[i]!;
      if (service.instances <= 1 || start[i] === start[i + 1]) continue;
      const callers: string[] = [];
      let found = false;
      seen.clear();
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const s = facts.source[k]!;
        if (facts.role[s] !== COMPUTE) continue;
        found = true;
        if (calls.length >= 4) break;
        const caller = facts.nodes[s]!;
        if (seen.add(s)) callers.push(caller.name);
        elementIds.push(caller.id, facts.edges[k]!.id);
      }
      if (!found) continue;
      total++;
      if (calls.length >= 4) continue;
      elementIds.push(service.id);
      calls.push(`${listNames(callers, 3)} → ${service.name} (${service.instances} instances)`);
    }
    if (calls.length === 0) return [];
    const finding: Finding = makeFinding(missingServiceDiscovery, {
      key: 'design',
      message: `Services call services that run several instances, with nothing in the design to tell them which instances exist and are healthy: ${total <= 4 ? listNames(calls) : `${calls.slice(0, 3).join(', ')} and ${formatNumber(total - 3)} others`}.`,
      why: WHY,
      fix: FIX,
      elementIds,
      quickFixes: [quickFix('add-registry', 'Add a service registry', addRegistry)],
    });
    return [finding];
  },
  examples: {
    failing: sketch({
      id: 'example-missing-service-discovery-failing',
      title: 'Orders calls one of three Stock instances, somehow',
      nodes: { orders: ['service', 'Orders'], stock: ['service', 'Stock', { instances: 3 }] },
      links: [['orders', 'stock']],
    }),
    passing: sketch({
      id: 'example-missing-service-discovery-passing',
      title: 'Orders finds Stock instances through a registry',
      nodes: {
        orders: ['service', 'Orders'],
        stock: ['service', 'Stock', { instances: 3 }],
        registry: ['service-registry', 'Service registry'],
      },
      links: [['orders', 'stock'], ['orders', 'registry'], ['stock', 'registry']],
    }),
  },
};
