/**
 * Graph facts several rules share: which components sit on a user request
 * path, which datastores are replicas of which, who owns a datastore.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DataAccess, DesignEdge, DesignNode } from '../../diagram/schema.ts';
import { perIndex } from './memo.ts';

/** Platform kinds that collect telemetry; calls to them are not request work. */
export const OBSERVABILITY_KINDS: ReadonlySet<string> = new Set(['tracing-collector', 'log-aggregator', 'metrics-alerting']);

export const isWrite = (access: DataAccess): boolean => access === 'write' || access === 'read-write';

export function nameOf(index: GraphIndex, id: string): string {
  return index.nodeById.get(id)?.name ?? id;
}

/** Trimmed and lower-cased, for comparing owners and names. */
export const normal = (text: string): string => text.trim().toLowerCase();

/**
 * Nodes a user request can reach: everything reachable from a client through
 * synchronous calls and data access (replication between datastores is not
 * followed; asynchronous messages leave the request path).
 */
export const requestPath = perIndex((index: GraphIndex): ReadonlySet<string> => {
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const client of index.nodesByRole.get('client') ?? []) {
    reached.add(client.id);
    queue.push(client.id);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const visit = (edge: DesignEdge) => {
      if (!reached.has(edge.target) && index.nodeById.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    };
    for (const edge of index.outgoing(id, 'sync')) visit(edge);
    if (index.roleOf(id) !== 'datastore') for (const edge of index.outgoing(id, 'data')) visit(edge);
  }
  return reached;
});

/**
 * Read replicas fed by replication from another datastore, mapped to the
 * primary at the root of their replication chain.
 */
export const replicaPrimaries = perIndex((index: GraphIndex): ReadonlyMap<string, string> => {
  const direct = new Map<string, string>();
  for (const node of index.nodesByRole.get('datastore') ?? []) {
    if (node.kind !== 'read-replica') continue;
    for (const edge of index.incoming(node.id, 'data')) {
      if (index.roleOf(edge.source) === 'datastore') {
        direct.set(node.id, edge.source);
        break;
      }
    }
  }
  const roots = new Map<string, string>();
  for (const replica of direct.keys()) {
    let current = replica;
    const seen = new Set<string>([replica]);
    for (let next = direct.get(current); next !== undefined && !seen.has(next); next = direct.get(current)) {
      seen.add(next);
      current = next;
    }
    roots.set(replica, current);
  }
  return roots;
});

/** The primary whose data a datastore holds: itself, or the root of its replication chain. */
export function primaryOf(index: GraphIndex, datastoreId: string): string {
  return replicaPrimaries(index).get(datastoreId) ?? datastoreId;
}

/** Replicas whose primary is `primaryId`, in design order of discovery (replication edges, depth first). */
export function replicasOf(index: GraphIndex, primaryId: string): string[] {
  const primaries = replicaPrimaries(index);
  const found: string[] = [];
  const stack = [primaryId];
  const seen = new Set<string>([primaryId]);
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edge of index.outgoing(id, 'data')) {
      if (!seen.has(edge.target) && primaries.get(edge.target) === primaryId) {
        seen.add(edge.target);
        found.push(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return found;
}

export interface Ownership {
  /** The datastore's declared owner (a service name or team), or ''. */
  owner: string;
  groupId: string | undefined;
}

/** Who owns a datastore: its own owner and group, or its primary's for a replica that declares none. */
export function ownershipOf(index: GraphIndex, datastore: DesignNode): Ownership {
  if (datastore.owner.trim() !== '' || datastore.groupId !== undefined) {
    return { owner: datastore.owner.trim(), groupId: datastore.groupId };
  }
  const primary = index.nodeById.get(primaryOf(index, datastore.id));
  if (!primary || primary === datastore) return { owner: '', groupId: undefined };
  return { owner: primary.owner.trim(), groupId: primary.groupId };
}

/** True when `service` is the declared owner of a datastore (by its name or its own owner). */
export function ownsByName(service: DesignNode, owner: string): boolean {
  if (owner === '') return false;
  const wanted = normal(owner);
  return normal(service.name) === wanted || (service.owner.trim() !== '' && normal(service.owner) === wanted);
}

/** The "party" a component acts for: its owner when declared, else itself. */
export function partyOf(node: DesignNode): string {
  const owner = node.owner.trim();
  return owner === '' ? `node:${node.id}` : `owner:${normal(owner)}`;
}
