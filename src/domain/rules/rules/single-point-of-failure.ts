import type { KindId } from '../../diagram/catalog.ts';
import type { Design, DesignNode } from '../../diagram/schema.ts';
import { dataEdgeLike, findNode, freshId, newNode, patchNode, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { COMPUTE, DATA, DATASTORE, EDGE, factsOf, kindCode, kindTable, PLATFORM, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
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
const MANAGED = kindTable([...MANAGED_KINDS] as KindId[]);
const LOAD_BALANCER = kindCode('load-balancer');

function behindLoadBalancer(facts: Facts, i: number): boolean {
  const { start, edge } = facts.in[SYNC];
  for (let j = start[i]!; j < start[i + 1]!; j++) if (facts.kind[facts.source[edge[j]!]!] === LOAD_BALANCER) return true;
  return false;
}

function hasReplica(facts: Facts, i: number): boolean {
  const { start, edge } = facts.out[DATA];
  for (let j = start[i]!; j < start[i + 1]!; j++) if (facts.role[facts.target[edge[j]!]!] === DATASTORE) return true;
  return false;
}

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

/** The finding for a node found to be a single point of failure (kept out of the scan so it allocates nothing per node). */
function report(node: DesignNode, role: number): Finding {
  const twoInstances: QuickFix = quickFix('two-instances', role === DATASTORE ? 'Run 2 instances (a cluster with failover)' : 'Run 2 instances', (d) =>
    patchNode(d, node.id, { instances: 2 }),
  );
  const quickFixes: QuickFix[] =
    role === DATASTORE && node.kind !== 'cache'
      ? [quickFix('add-replica', `Add a replica of ${node.name}`, (d) => addReplica(d, node.id)), twoInstances]
      : [twoInstances];
  const message =
    role === DATASTORE
      ? `${node.name} runs as a single instance with no replica, and user requests depend on it.`
      : role === COMPUTE
        ? `${node.name} runs as a single instance and is not behind a load balancer: when it stops, every request through it fails.`
        : `${node.name} runs as a single instance on the path of user requests.`;
  return makeFinding(singlePointOfFailure, { message, why: WHY, fix: FIX, elementIds: [node.id], quickFixes });
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
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    let onPath: Uint8Array | undefined;
    for (let i = 0; i < facts.n; i++) {
      const role = facts.role[i];
      if (role !== COMPUTE && role !== DATASTORE && role !== EDGE && role !== PLATFORM) continue;
      if (MANAGED[facts.kind[i]!] === 1) continue;
      onPath ??= requestPath(index);
      if (onPath[i] !== 1) continue;
      const node = facts.nodes[i]!;
      if (node.instances > 1) continue;
      if (role === COMPUTE && behindLoadBalancer(facts, i)) continue;
      if (role === DATASTORE && hasReplica(facts, i)) continue;
      findings.push(report(node, role));
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
