import type { Design, DesignNode } from '../../diagram/schema.ts';
import { dataEdgeLike, findNode, freshId, newNode, patchNode, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { makeFinding } from '../analysis/finding.ts';
import { OBSERVABILITY_KINDS, requestPath } from '../analysis/graph.ts';
import { sketch } from '../sketch.ts';
import type { Finding, QuickFix, RuleDefinition } from '../types.ts';

const WHY =
  'Everything fails eventually: a machine dies, a zone goes dark, a deploy goes wrong. A component that runs as one copy on the path of user requests takes every request that needs it down with it, and it cannot be patched or restarted without an outage.';
const FIX =
  'Run at least two instances behind a load balancer (in different zones), and give databases a replica they can fail over to.';

/** Managed or already redundant by nature: DNS, CDN, WAF, object storage, replicas, functions, telemetry. */
const MANAGED_KINDS: ReadonlySet<string> = new Set([
  'dns',
  'cdn',
  'waf',
  'object-storage',
  'read-replica',
  'serverless-function',
  ...OBSERVABILITY_KINDS,
]);

function addReplica(design: Design, storeId: string): Design {
  const store = findNode(design, storeId);
  if (!store) return design;
  const taken = takenIds(design);
  const replica = newNode(
    'read-replica',
    freshId(taken, slugify(`${store.name} replica`, 'replica')),
    { x: store.position.x, y: store.position.y + 140 },
    `${store.name} replica`,
  );
  const placed: DesignNode = store.groupId === undefined ? replica : { ...replica, groupId: store.groupId };
  const edge = { ...dataEdgeLike(freshId(taken, 'replication'), store.id, placed.id), access: 'replicate' as const };
  return rewire(design, { addNodes: [placed], addEdges: [edge] });
}

export const singlePointOfFailure: RuleDefinition<Record<string, never>> = {
  id: 'single-point-of-failure',
  title: 'Single point of failure',
  severity: 'warning',
  glossaryTerm: 'single-point-of-failure',
  summary: 'Flags a component on the path of user requests that runs as one instance with nothing to fail over to.',
  condition:
    'A node reachable from a client through sync edges and data edges (not replication, not async) with `instances` = 1, that is an edge component, a service, a datastore or a platform component, and has nothing to fail over to: a service has no sync edge from a load balancer; a datastore has no data edge to another datastore (a replica). Excluded as managed or redundant by nature: DNS, CDN, WAF, object storage, read replicas, serverless functions and telemetry collectors.',
  thresholds: {},
  check({ design, index }) {
    const findings: Finding[] = [];
    let onPath: ReadonlySet<string> | undefined;
    for (const node of design.nodes) {
      if (node.instances > 1 || MANAGED_KINDS.has(node.kind)) continue;
      const role = index.roleOf(node.id);
      if (role !== 'compute' && role !== 'datastore' && role !== 'edge' && role !== 'platform') continue;
      onPath ??= requestPath(index);
      if (!onPath.has(node.id)) continue;
      if (role === 'compute' && index.incoming(node.id, 'sync').some((e) => index.kindOf(e.source)?.id === 'load-balancer')) continue;
      if (role === 'datastore' && index.outgoing(node.id, 'data').some((e) => index.roleOf(e.target) === 'datastore')) continue;

      const twoInstances: QuickFix = {
        id: 'two-instances',
        label: role === 'datastore' ? 'Run 2 instances (a cluster with failover)' : 'Run 2 instances',
        apply: (d) => patchNode(d, node.id, { instances: 2 }),
      };
      const quickFixes: QuickFix[] =
        role === 'datastore' && node.kind !== 'cache'
          ? [{ id: 'add-replica', label: `Add a replica of ${node.name}`, apply: (d) => addReplica(d, node.id) }, twoInstances]
          : [twoInstances];
      const message =
        role === 'datastore'
          ? `${node.name} runs as a single instance with no replica, and user requests depend on it.`
          : role === 'compute'
            ? `${node.name} runs as a single instance and is not behind a load balancer: when it stops, every request through it fails.`
            : `${node.name} runs as a single instance on the path of user requests.`;
      findings.push(makeFinding(singlePointOfFailure, { message, why: WHY, fix: FIX, elementIds: [node.id], quickFixes }));
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-single-point-of-failure-failing',
      title: 'One Orders instance and one database',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders', { instances: 1 }],
        db: ['relational-database', 'Orders DB'],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['orders', 'db']],
    }),
    passing: sketch({
      id: 'example-single-point-of-failure-passing',
      title: 'Two Orders instances and a replica',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        orders: ['service', 'Orders', { instances: 2 }],
        db: ['relational-database', 'Orders DB'],
        replica: ['read-replica', 'Orders DB replica'],
      },
      links: [['web', 'gw'], ['gw', 'orders'], ['orders', 'db'], ['db', 'replica']],
    }),
  },
};
