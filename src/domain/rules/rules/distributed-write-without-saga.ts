import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignNode } from '../../diagram/schema.ts';
import { callFacts, isWriteCode } from '../analysis/calls.ts';
import { ASYNC, COMPUTE, DATA, factsOf, kindTable, NumberSet, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding } from '../analysis/finding.ts';
import { normal, ownershipNode, ownershipOf, sameText } from '../analysis/graph.ts';
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
const DERIVED_KINDS = kindTable(['cache', 'search-index', 'data-warehouse']);

/** Who owns written data: the datastore's declared owner or group, else the writing service's owner, else the writer itself. */
interface OwnerKey {
  kind: 'owner' | 'group' | 'node';
  value: string;
  /** For messages. */
  name: string;
}

interface Write {
  edge: number;
  store: number;
  writer: number;
  owner: OwnerKey;
}

const sameOwner = (a: OwnerKey, b: OwnerKey): boolean =>
  a.kind === b.kind && (a.value === b.value || (a.kind === 'owner' && sameText(a.value, b.value)));

const mentionsCoordination = (node: DesignNode): boolean =>
  COORDINATION_WORDS.test(node.name) || node.responsibilities.some((r) => COORDINATION_WORDS.test(r));

/** Writes of records of truth (not derived copies) along data edges leaving node i. */
function isRecordWrite(facts: Facts, access: Uint8Array, k: number): boolean {
  return isWriteCode(access[k]!) && DERIVED_KINDS[facts.kind[facts.target[k]!]!] !== 1;
}

function writesOf(index: GraphIndex, facts: Facts, access: Uint8Array, writer: number, into: Write[]): void {
  const { start, edge } = facts.out[DATA];
  for (let j = start[writer]!; j < start[writer + 1]!; j++) {
    const k = edge[j]!;
    if (!isRecordWrite(facts, access, k)) continue;
    const store = facts.target[k]!;
    const ownership = ownershipOf(index, facts, store);
    const node = facts.nodes[writer]!;
    let owner: OwnerKey;
    if (ownership.owner !== '') owner = { kind: 'owner', value: ownership.owner, name: ownership.owner };
    else if (ownership.groupId !== undefined)
      owner = { kind: 'group', value: ownership.groupId, name: index.groupById.get(ownership.groupId)?.name ?? ownership.groupId };
    else if (node.owner.trim() !== '') owner = { kind: 'owner', value: node.owner.trim(), name: node.owner.trim() };
    else owner = { kind: 'node', value: node.id, name: node.name };
    into.push({ edge: k, store, writer, owner });
  }
}

/** The owner key of the first write seen, and whether a later one has another owner. */
interface OwnerProbe {
  seen: boolean;
  kind: OwnerKey['kind'];
  value: string;
  mixed: boolean;
}

/** Feed the owners of the record writes of `writer` to the probe, as writesOf would key them, building nothing. */
function probeOwners(index: GraphIndex, facts: Facts, access: Uint8Array, writer: number, probe: OwnerProbe): void {
  const { start, edge } = facts.out[DATA];
  for (let j = start[writer]!; j < start[writer + 1]! && !probe.mixed; j++) {
    const k = edge[j]!;
    if (!isRecordWrite(facts, access, k)) continue;
    const o = ownershipNode(index, facts, facts.target[k]!);
    let kind: OwnerKey['kind'] = 'owner';
    let value = o === -1 ? '' : facts.nodes[o]!.owner.trim();
    if (value === '') {
      const groupId = o === -1 ? undefined : facts.nodes[o]!.groupId;
      if (groupId !== undefined) {
        kind = 'group';
        value = groupId;
      } else {
        const node = facts.nodes[writer]!;
        value = node.owner.trim();
        if (value === '') {
          kind = 'node';
          value = node.id;
        }
      }
    }
    if (!probe.seen) {
      probe.seen = true;
      probe.kind = kind;
      probe.value = value;
    } else if (kind !== probe.kind || (value !== probe.value && !(kind === 'owner' && sameText(value, probe.value)))) {
      probe.mixed = true;
    }
  }
}

/** Distinct owners of the writes: pairwise for the usual handful, keyed for many. */
function countOwners(writes: readonly Write[]): number {
  if (writes.length > 32) {
    return new Set(writes.map((w) => `${w.owner.kind}:${w.owner.kind === 'owner' ? normal(w.owner.value) : w.owner.value}`)).size;
  }
  const owners: OwnerKey[] = [];
  for (const write of writes) if (!owners.some((o) => sameOwner(o, write.owner))) owners.push(write.owner);
  return owners.length;
}

/** Some participant, written datastore, neighbour of the entry node or async edge shows the writes are coordinated. */
function coordinated(facts: Facts, entry: number, participants: readonly number[], writes: readonly Write[]): boolean {
  if (participants.some((p) => mentionsCoordination(facts.nodes[p]!))) return true;
  if (writes.some((w) => mentionsCoordination(facts.nodes[w.store]!))) return true;
  for (const family of [SYNC, ASYNC, DATA] as const) {
    const out = facts.out[family];
    for (let j = out.start[entry]!; j < out.start[entry + 1]!; j++) if (mentionsCoordination(facts.nodes[facts.target[out.edge[j]!]!]!)) return true;
    const into = facts.in[family];
    for (let j = into.start[entry]!; j < into.start[entry + 1]!; j++) if (mentionsCoordination(facts.nodes[facts.source[into.edge[j]!]!]!)) return true;
  }
  const async = facts.out[ASYNC];
  for (const p of participants) {
    for (let j = async.start[p]!; j < async.start[p + 1]!; j++) {
      const e = facts.edges[async.edge[j]!]!;
      if (COORDINATION_WORDS.test(e.label) || COORDINATION_WORDS.test(e.notes)) return true;
    }
  }
  return false;
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
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const access = callFacts(index).access;
    // Record writes by each node.
    const writeCount = new Int32Array(facts.n);
    for (let k = 0, m = facts.m; k < m; k++) if (isRecordWrite(facts, access, k)) writeCount[facts.source[k]!]!++;
    const { start, edge } = facts.out[SYNC];
    const seen = new NumberSet(facts.n);
    const probe: OwnerProbe = { seen: false, kind: 'node', value: '', mixed: false };
    for (const i of facts.byRole[COMPUTE]!) {
      let total = writeCount[i]!;
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const w = facts.target[edge[j]!]!;
        if (facts.role[w] === COMPUTE) total += writeCount[w]!;
      }
      if (total < 2) continue;
      // Writes that all go to one owner are not distributed: check before building anything.
      probe.seen = false;
      probe.mixed = false;
      probeOwners(index, facts, access, i, probe);
      for (let j = start[i]!; j < start[i + 1]! && !probe.mixed; j++) {
        const w = facts.target[edge[j]!]!;
        if (facts.role[w] === COMPUTE && writeCount[w]! > 0) probeOwners(index, facts, access, w, probe);
      }
      if (!probe.mixed) continue;

      const participants = [i];
      const calls: number[] = [];
      const writes: Write[] = [];
      seen.clear();
      seen.add(i);
      writesOf(index, facts, access, i, writes);
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const w = facts.target[k]!;
        if (facts.role[w] !== COMPUTE || writeCount[w] === 0 || !seen.add(w)) continue;
        participants.push(w);
        calls.push(k);
        writesOf(index, facts, access, w, writes);
      }
      const first = writes[0]!.owner;
      if (writes.every((w) => sameOwner(w.owner, first))) continue;
      const owners = countOwners(writes);
      seen.clear();
      const stores = writes.filter((w) => seen.add(w.store));
      if (owners < Math.max(2, t.minOwners) || stores.length < 2) continue;
      if (coordinated(facts, i, participants, writes)) continue;
      const id = (n: number) => facts.nodes[n]!.id;
      findings.push(
        makeFinding(distributedWriteWithoutSaga, {
          message: `One request to ${facts.nodes[i]!.name} writes to ${listNames(stores.map((w) => `${facts.nodes[w.store]!.name} (${w.owner.name})`))} through synchronous calls; if a later write fails, nothing undoes the earlier ones.`,
          why: WHY,
          fix: FIX,
          elementIds: [
            id(i),
            ...calls.flatMap((k) => [id(facts.target[k]!), facts.edges[k]!.id]),
            ...writes.flatMap((w) => [id(w.store), id(w.writer), facts.edges[w.edge]!.id]),
          ],
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
