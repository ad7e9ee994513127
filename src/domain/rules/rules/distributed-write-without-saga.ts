import type { Design } from '../../diagram/schema.ts';
import { patchAsyncEdges, patchNode } from '../analysis/edits.ts';
import { ASYNC, BROKER, factsOf, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { drawnFlows, REQUESTS, uncoveredEntries } from '../analysis/requests.ts';
import { listNames } from '../analysis/text.ts';
import { entryWrites, flowWrites, storesOf, type WriteSummary } from '../analysis/writes.ts';
import { sketch } from '../sketch.ts';
import type { Finding, QuickFix, RuleDefinition } from '../types.ts';

const WHY =
  'When one request changes data in two services through plain calls, a failure between the writes leaves them disagreeing: the order exists but the payment does not, or the stock was taken for an order that was never saved. There is no transaction across services to roll back, and retrying can double the first write.';
const FIX =
  'Coordinate the steps as a saga: each step commits locally and publishes an event (use a transactional outbox so the write and the event cannot diverge), and each step has a compensating action that undoes it if a later step fails. An orchestrator service can drive the steps. If a call only reads, mark it read-only.';

const thresholds = { minOwners: 2 };

/** A publish edge from one of the writers that is not yet an outbox, to offer as a fix. */
function publishWithoutOutbox(facts: Facts, writers: readonly number[]): string | null {
  const { start, edge } = facts.out[ASYNC];
  for (const w of writers) {
    for (let j = start[w]!; j < start[w + 1]!; j++) {
      const k = edge[j]!;
      if (facts.role[facts.target[k]!] === BROKER) return facts.edges[k]!.id;
    }
  }
  return null;
}

/** The finding for a request (from `orchestrator`, or a flow) whose writes reach several owners with nothing coordinating them. */
function report(facts: Facts, summary: WriteSummary, orchestrator: number, request: string): Finding {
  const id = (i: number) => facts.nodes[i]!.id;
  const stores = storesOf(summary);
  const named = stores.map((store) => {
    const write = summary.writes.find((w) => w.store === store)!;
    return `${facts.nodes[store]!.name} (${write.ownerName})`;
  });
  const writers = [...new Set(summary.writes.map((w) => w.writer))];
  // The orchestrator, the calls that led to the writes, then each write (store, writer, edge).
  const elementIds = [id(orchestrator)];
  for (const k of summary.via) if (k !== -1) elementIds.push(id(facts.target[k]!), facts.edges[k]!.id);
  for (const w of summary.writes) elementIds.push(id(w.store), id(w.writer), facts.edges[w.edge]!.id);
  const lead = facts.nodes[orchestrator]!;
  const quickFixes: QuickFix[] = [
    quickFix('saga', `Coordinate these writes as a saga in ${lead.name}`, (d: Design) => patchNode(d, lead.id, { saga: true })),
  ];
  const publish = publishWithoutOutbox(facts, writers);
  if (publish !== null) quickFixes.push(quickFix('outbox', 'Publish its events through a transactional outbox', (d: Design) => patchAsyncEdges(d, [publish], { outbox: true })));
  return makeFinding(distributedWriteWithoutSaga, {
    message: `${request} writes to ${summary.more ? `${named.join(', ')} and more` : listNames(named, Infinity)} through synchronous calls; if a later write fails, nothing undoes the earlier ones.`,
    why: WHY,
    fix: FIX,
    elementIds,
    quickFixes,
  });
}

/** The writes reach enough owners and two datastores, with nothing coordinating them. */
const distributed = (summary: WriteSummary, minOwners: number): boolean =>
  !summary.coordinated && (summary.writes.length >= minOwners || summary.more) && storesOf(summary).length >= 2;

export const distributedWriteWithoutSaga: RuleDefinition<typeof thresholds> = {
  id: 'distributed-write-without-saga',
  title: 'Distributed write without a saga',
  severity: 'warning',
  glossaryTerm: 'saga',
  summary: 'Flags a request that writes into several services’ datastores through synchronous calls with nothing to keep them consistent.',
  condition:
    `A heuristic, along ${REQUESTS}. ` +
    'For each drawn flow, the write steps before its response; for each entry service no flow covers, the writes of the services it reaches through sync calls (at any depth). Only calls that may write are followed: not a call marked `readOnly`, nor any call of a reader (a service whose own data access is all reads and whose calls are all idempotent or read-only). Write or read-write data edges to datastores that hold records of truth (not caches, search indexes or warehouses) are grouped by the data’s owner: the datastore’s owner, else its group, else the writing service’s owner, else the writing service. Reported when the writes reach at least `minOwners` owners and two datastores, unless they are coordinated: a participant is declared a saga orchestrator (`saga` on the node), publishes through a transactional outbox (`outbox` on its publish edge), or writes a datastore that relays its changes to a queue or topic (an async edge from the datastore: change data capture). Names, labels and notes play no part. The quick fixes declare the saga in the request’s first service, or mark a writer’s publish edge as an outbox.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const minOwners = Math.max(2, t.minOwners);
    for (const flow of drawnFlows(index)) {
      const summary = flowWrites(index, flow, minOwners);
      if (!distributed(summary, minOwners)) continue;
      const orchestrator = flow.service !== -1 ? flow.service : summary.writes[0]!.writer;
      findings.push(report(facts, summary, orchestrator, `One request of “${flow.name}”`));
    }
    for (const entry of uncoveredEntries(index)) {
      const summary = entryWrites(index, entry, minOwners);
      if (distributed(summary, minOwners)) findings.push(report(facts, summary, entry, `One request to ${facts.nodes[entry]!.name}`));
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
      title: 'Checkout orchestrates orders and payments as a saga',
      nodes: {
        gw: ['api-gateway', 'API gateway'],
        checkout: ['service', 'Checkout', { saga: true }],
        orders: ['service', 'Orders'],
        payments: ['service', 'Payments'],
        ordersDb: ['relational-database', 'Orders DB'],
        paymentsDb: ['relational-database', 'Payments DB'],
      },
      links: [['gw', 'checkout'], ['checkout', 'orders'], ['checkout', 'payments'], ['orders', 'ordersDb'], ['payments', 'paymentsDb']],
    }),
  },
};
