import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge, DesignNode } from '../../diagram/schema.ts';
import { makeFinding } from '../analysis/finding.ts';
import { isWrite, normal, ownershipOf, partyOf } from '../analysis/graph.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When one request changes data in two services through plain calls, a failure between the writes leaves them disagreeing: the order exists but the payment does not, or the stock was taken for an order that was never saved. There is no transaction across services to roll back, and retrying can double the first write.';
const FIX =
  'Coordinate the steps as a saga: each step commits locally and publishes an event (use a transactional outbox so the write and the event cannot diverge), and each step has a compensating action that undoes it if a later step fails. An orchestrator service can drive the steps.';

const thresholds = { minOwners: 2 };

/** Names or responsibilities that show the writes are coordinated. */
const COORDINATION_WORDS = /saga|orchestrat|outbox|compensat|workflow/i;

/** Derived copies, not records of truth: writing them is not a distributed transaction. */
const DERIVED_KINDS: ReadonlySet<string> = new Set(['cache', 'search-index', 'data-warehouse']);

interface Write {
  edge: DesignEdge;
  store: DesignNode;
  /** Who owns the written data: the declared owner or boundary, else the writer itself. */
  owner: string;
  ownerName: string;
}

const mentionsCoordination = (node: DesignNode) =>
  COORDINATION_WORDS.test(node.name) || node.responsibilities.some((r) => COORDINATION_WORDS.test(r));

function writesOf(index: GraphIndex, writer: DesignNode): Write[] {
  const writes: Write[] = [];
  for (const edge of index.outgoing(writer.id, 'data')) {
    if (edge.family !== 'data' || !isWrite(edge.access)) continue;
    const store = index.nodeById.get(edge.target);
    if (!store || DERIVED_KINDS.has(store.kind)) continue;
    const ownership = ownershipOf(index, store);
    if (ownership.owner !== '') writes.push({ edge, store, owner: `owner:${normal(ownership.owner)}`, ownerName: ownership.owner });
    else if (ownership.groupId !== undefined)
      writes.push({ edge, store, owner: `group:${ownership.groupId}`, ownerName: index.groupById.get(ownership.groupId)?.name ?? writer.name });
    else writes.push({ edge, store, owner: partyOf(writer), ownerName: writer.owner.trim() || writer.name });
  }
  return writes;
}

function coordinated(index: GraphIndex, node: DesignNode, participants: readonly DesignNode[], writes: readonly Write[]): boolean {
  if (participants.some(mentionsCoordination) || writes.some((w) => mentionsCoordination(w.store))) return true;
  for (const edge of index.outgoing(node.id)) {
    const other = index.nodeById.get(edge.target);
    if (other && mentionsCoordination(other)) return true;
  }
  for (const edge of index.incoming(node.id)) {
    const other = index.nodeById.get(edge.source);
    if (other && mentionsCoordination(other)) return true;
  }
  return participants.some((p) =>
    index.outgoing(p.id, 'async').some((e) => COORDINATION_WORDS.test(e.label) || COORDINATION_WORDS.test(e.notes)),
  );
}

export const distributedWriteWithoutSaga: RuleDefinition<typeof thresholds> = {
  id: 'distributed-write-without-saga',
  title: 'Distributed write without a saga',
  severity: 'warning',
  glossaryTerm: 'saga',
  summary: 'Flags a request that writes into several services’ datastores through synchronous calls with nothing to keep them consistent.',
  condition:
    'A heuristic. For a service N, the participants are N and the services it calls over sync edges. Their write or read-write data edges to datastores that hold records of truth (not caches, search indexes or warehouses) are grouped by the data’s owner: the datastore’s owner, else its group, else the writing service (services with the same owner are one). Reported when the writes reach at least `minOwners` owners and two datastores, unless the writes are visibly coordinated: N, a participant, a written datastore or a neighbour of N is named or responsible for saga, orchestration, outbox, compensation or workflow, or a participant’s async edge says so in its label or notes.',
  thresholds,
  check({ index, thresholds: t }) {
    const findings: Finding[] = [];
    const cache = new Map<string, Write[]>();
    const writes = (node: DesignNode) => {
      let found = cache.get(node.id);
      if (!found) cache.set(node.id, (found = writesOf(index, node)));
      return found;
    };
    const counts = new Map<string, number>();
    const writeCount = (id: string) => {
      let count = counts.get(id);
      if (count === undefined) {
        count = 0;
        for (const edge of index.outgoing(id, 'data')) {
          if (edge.family === 'data' && isWrite(edge.access) && !DERIVED_KINDS.has(index.kindOf(edge.target)?.id ?? 'cache')) count++;
        }
        counts.set(id, count);
      }
      return count;
    };
    for (const node of index.nodesByRole.get('compute') ?? []) {
      const calls = index.outgoing(node.id, 'sync');
      let total = writeCount(node.id);
      for (const call of calls) if (index.roleOf(call.target) === 'compute') total += writeCount(call.target);
      if (total < 2) continue;
      const participants: DesignNode[] = [node];
      const viaCalls: DesignEdge[] = [];
      const all: Write[] = [...writes(node)];
      for (const call of calls) {
        const callee = index.nodeById.get(call.target);
        if (!callee || callee === node || index.roleOf(callee.id) !== 'compute' || participants.includes(callee)) continue;
        const theirs = writes(callee);
        if (theirs.length === 0) continue;
        participants.push(callee);
        viaCalls.push(call);
        all.push(...theirs);
      }
      if (all.length < 2) continue;
      const owners = new Map<string, string>();
      const stores = new Map<string, Write>();
      for (const w of all) {
        owners.set(w.owner, w.ownerName);
        if (!stores.has(w.store.id)) stores.set(w.store.id, w);
      }
      if (owners.size < Math.max(2, t.minOwners) || stores.size < 2) continue;
      if (coordinated(index, node, participants, all)) continue;
      findings.push(
        makeFinding(distributedWriteWithoutSaga, {
          message: `One request to ${node.name} writes to ${listNames([...stores.values()].map((w) => `${w.store.name} (${w.ownerName})`))} through synchronous calls; if a later write fails, nothing undoes the earlier ones.`,
          why: WHY,
          fix: FIX,
          elementIds: [node.id, ...viaCalls.flatMap((e) => [e.target, e.id]), ...all.flatMap((w) => [w.store.id, w.edge.source, w.edge.id])],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-distributed-write-without-saga-failing',
      title: 'Checkout writes orders and payments in one request',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        checkout: ['service', 'Checkout'],
        orders: ['service', 'Orders'],
        payments: ['service', 'Payments'],
        ordersDb: ['relational-database', 'Orders DB'],
        paymentsDb: ['relational-database', 'Payments DB'],
      },
      links: [['gw', 'checkout'], ['checkout', 'orders'], ['checkout', 'payments'], ['orders', 'ordersDb'], ['payments', 'paymentsDb']],
    }),
    passing: sketch({
      id: 'example-distributed-write-without-saga-passing',
      title: 'A checkout saga orchestrates orders and payments',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        checkout: ['service', 'Checkout saga', { responsibilities: ['orchestrate checkout', 'compensate failed steps'] }],
        orders: ['service', 'Orders'],
        payments: ['service', 'Payments'],
        ordersDb: ['relational-database', 'Orders DB'],
        paymentsDb: ['relational-database', 'Payments DB'],
      },
      links: [['gw', 'checkout'], ['checkout', 'orders'], ['checkout', 'payments'], ['orders', 'ordersDb'], ['payments', 'paymentsDb']],
    }),
  },
};
