/**
 * Graph facts several rules share: which components sit on a user request
 * path, which datastores are replicas of which, who owns a datastore and who
 * counts as the same party.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DataAccess, DesignNode } from '../../diagram/schema.ts';
import { CLIENT, DATA, DATASTORE, factsOf, kindCode, SYNC, type Facts } from './facts.ts';
import { perIndex } from './memo.ts';

/** Platform kinds that collect telemetry; calls to them are not request work. */
export const OBSERVABILITY_KINDS: ReadonlySet<string> = new Set(['tracing-collector', 'log-aggregator', 'metrics-alerting']);

export const isWrite = (access: DataAccess): boolean => access === 'write' || access === 'read-write';

/** Trimmed and lower-cased, for comparing owners and names. */
export const normal = (text: string): string => text.trim().toLowerCase();

/** Equal after trimming and ignoring case; allocates only when the texts differ exactly. */
export function sameText(a: string, b: string): boolean {
  return a === b || normal(a) === normal(b);
}

/** Same party: the same node, or the same non-empty owner (a service and its own worker). */
export function sameParty(a: DesignNode, b: DesignNode): boolean {
  if (a === b) return true;
  if (a.owner === '' || b.owner === '') return false;
  return sameText(a.owner, b.owner) && a.owner.trim() !== '';
}

/**
 * Nodes a user request can reach (1 in the returned array): everything
 * reachable from a client through synchronous calls and data access.
 * Replication between datastores is not followed; asynchronous messages leave
 * the request path.
 */
export const requestPath = perIndex((index: GraphIndex): Uint8Array => {
  const facts = factsOf(index);
  const reached = new Uint8Array(facts.n);
  const queue = new Int32Array(facts.n);
  let tail = 0;
  for (const i of facts.byRole[CLIENT]!) {
    reached[i] = 1;
    queue[tail++] = i;
  }
  const { target, out } = facts;
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    const sync = out[SYNC];
    for (let j = sync.start[i]!; j < sync.start[i + 1]!; j++) {
      const w = target[sync.edge[j]!]!;
      if (reached[w] === 0) {
        reached[w] = 1;
        queue[tail++] = w;
      }
    }
    if (facts.role[i] === DATASTORE) continue;
    const data = out[DATA];
    for (let j = data.start[i]!; j < data.start[i + 1]!; j++) {
      const w = target[data.edge[j]!]!;
      if (reached[w] === 0) {
        reached[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return reached;
});

const READ_REPLICA = kindCode('read-replica');

export interface ReplicaTree {
  /** For a read replica fed by replication: the primary at the root of its chain; else -1. */
  readonly primaryOf: Int32Array;
  /** Primary -> its read replicas, in design order. */
  readonly replicasOf: ReadonlyMap<number, readonly number[]>;
  /** 1 for a primary that has read replicas (a key of `replicasOf`). */
  readonly hasReplicas: Uint8Array;
}

/** Read replicas fed by replication from another datastore, mapped to their primary and back. */
export const replicaTree = perIndex((index: GraphIndex): ReplicaTree => {
  const facts = factsOf(index);
  const direct = new Int32Array(facts.n).fill(-1);
  const replicas: number[] = [];
  for (const i of facts.byRole[DATASTORE]!) {
    if (facts.kind[i] !== READ_REPLICA) continue;
    const { start, edge } = facts.in[DATA];
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const source = facts.source[edge[j]!]!;
      if (facts.role[source] === DATASTORE) {
        direct[i] = source;
        replicas.push(i);
        break;
      }
    }
  }
  const primaryOf = new Int32Array(facts.n).fill(-1);
  const replicasOf = new Map<number, number[]>();
  const hasReplicas = new Uint8Array(facts.n);
  for (const replica of replicas) {
    let current = replica;
    for (let steps = 0; direct[current] !== -1 && steps <= facts.n; steps++) current = direct[current]!;
    if (direct[current] !== -1) continue; // a loop of replicas with no primary
    primaryOf[replica] = current;
    hasReplicas[current] = 1;
    const list = replicasOf.get(current);
    if (list) list.push(replica);
    else replicasOf.set(current, [replica]);
  }
  return { primaryOf, replicasOf, hasReplicas };
});

export interface Ownership {
  /** The datastore's declared owner (a service name or team), or ''. */
  owner: string;
  groupId: string | undefined;
}

/**
 * The node whose declared owner and group say who owns datastore i: the
 * datastore itself if it declares either, else the primary it replicates
 * (if any), else -1.
 */
export function ownershipNode(index: GraphIndex, facts: Facts, i: number): number {
  const store = facts.nodes[i]!;
  if (store.owner !== '' || store.groupId !== undefined) return i;
  return replicaTree(index).primaryOf[i]!;
}

/** Who owns a datastore: its own owner and group, or its primary's for a replica that declares none. */
export function ownershipOf(index: GraphIndex, facts: Facts, i: number): Ownership {
  const o = ownershipNode(index, facts, i);
  if (o === -1) return { owner: '', groupId: undefined };
  const node = facts.nodes[o]!;
  return { owner: node.owner.trim(), groupId: node.groupId };
}
