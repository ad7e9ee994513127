/**
 * The dense, integer-indexed view of a design that every rule walks: the
 * graph index's own numbering and compressed rows (see graph-index.ts), plus
 * each node's role, derived once per index. Rules walk typed arrays instead
 * of looking ids up in maps and re-reading edge objects, which keeps each
 * rule a cheap linear pass.
 *
 * Nodes are numbered in design order, edges too; only edges whose two ends
 * exist are included (the schema reports dangling edges). Adjacency is stored
 * per family in compressed rows: the edges leaving node i in family f are
 * `out[f].edge[out[f].start[i] .. out[f].start[i + 1] - 1]`, in design order.
 */
import { COMPONENT_KINDS, type KindId, type Role } from '../../diagram/catalog.ts';
import { ASYNC_FAMILY, DATA_FAMILY, kindCodeOf, SYNC_FAMILY, type EdgeRows, type GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge, DesignNode } from '../../diagram/schema.ts';
import { perIndex } from './memo.ts';

export const CLIENT = 0;
export const EXTERNAL = 1;
export const EDGE = 2;
export const COMPUTE = 3;
export const DATASTORE = 4;
export const BROKER = 5;
export const PLATFORM = 6;
/** A kind this version of Skyline does not know. */
export const UNKNOWN = 7;

const ROLE_CODES: Readonly<Record<Role, number>> = {
  client: CLIENT,
  external: EXTERNAL,
  edge: EDGE,
  compute: COMPUTE,
  datastore: DATASTORE,
  broker: BROKER,
  platform: PLATFORM,
};

export const SYNC = SYNC_FAMILY;
export const ASYNC = ASYNC_FAMILY;
export const DATA = DATA_FAMILY;

/** Role code of each kind code; UNKNOWN for codes outside the catalog. */
const roleOfKindCode: Uint8Array = new Uint8Array(256).fill(UNKNOWN);
COMPONENT_KINDS.forEach((k, i) => (roleOfKindCode[i] = ROLE_CODES[k.role]));

/** The code of a catalog kind, for comparing with `Facts.kind`. */
export function kindCode(kind: KindId): number {
  return kindCodeOf(kind);
}

export type Adjacency = EdgeRows;

export interface Facts {
  readonly index: GraphIndex;
  readonly n: number;
  readonly nodes: readonly DesignNode[];
  /** Role code of each node (CLIENT ... PLATFORM, UNKNOWN). */
  readonly role: Uint8Array;
  /** Kind code of each node (see `kindCode`). */
  readonly kind: Uint8Array;
  /** Node numbers by role code, in design order. */
  readonly byRole: readonly (readonly number[])[];
  readonly m: number;
  readonly edges: readonly DesignEdge[];
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Family code of each edge (SYNC, ASYNC, DATA). */
  readonly family: Uint8Array;
  /** Outgoing and incoming edges by family code. */
  readonly out: readonly [Adjacency, Adjacency, Adjacency];
  readonly in: readonly [Adjacency, Adjacency, Adjacency];
}

/** The index's integer view, plus each node's role. */
export const factsOf = perIndex((index: GraphIndex): Facts => {
  const n = index.nodeCount;
  const kind = index.nodeKindCode;
  const role = new Uint8Array(n);
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const r = roleOfKindCode[kind[i]!]!;
    role[i] = r;
    counts[r]!++;
  }
  // Lists sized up front, then filled: no growing.
  const byRole = counts.map((count) => new Array<number>(count));
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const r = role[i]!;
    byRole[r]![counts[r]!++] = i;
  }
  return {
    index,
    n,
    nodes: index.design.nodes,
    role,
    kind,
    byRole,
    m: index.edgeCount,
    edges: index.edges,
    source: index.edgeSource,
    target: index.edgeTarget,
    family: index.edgeFamily,
    out: index.out,
    in: index.in,
  };
});

/** A lookup table over kind codes: `table[facts.kind[i]] === 1` when node i has one of `kinds`. */
export function kindTable(kinds: readonly KindId[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const kind of kinds) table[kindCode(kind)] = 1;
  return table;
}

/** Telemetry collectors: calls to them are not request work. */
export const TELEMETRY = kindTable(['tracing-collector', 'log-aggregator', 'metrics-alerting']);

/**
 * A reusable set of node (or edge) numbers with O(1) add and clear, so rules
 * can drop duplicates without allocating per node or scanning lists.
 */
export class NumberSet {
  private readonly stamp: Int32Array;
  private round = 1;

  constructor(size: number) {
    this.stamp = new Int32Array(size);
  }

  /** Empty the set. */
  clear(): void {
    this.round++;
  }

  /** Add i; false if it was already there. */
  add(i: number): boolean {
    if (this.stamp[i] === this.round) return false;
    this.stamp[i] = this.round;
    return true;
  }
}

/** Which ids `edgeElementIds` lists for each edge, besides the edge's own. */
export const SOURCE_ID = 1;
export const TARGET_ID = 2;

/**
 * The element ids of a finding about some edges: `first` (if given), then for
 * each of the first `limit` edge numbers the id of its source (with
 * SOURCE_ID in `ends`), of its target (with TARGET_ID) and of the edge.
 */
export function edgeElementIds(facts: Facts, first: string | null, edges: readonly number[], ends: number, limit = edges.length): string[] {
  const ids: string[] = [];
  if (first !== null) ids.push(first);
  const n = Math.min(limit, edges.length);
  for (let q = 0; q < n; q++) {
    const k = edges[q]!;
    if ((ends & SOURCE_ID) !== 0) ids.push(facts.nodes[facts.source[k]!]!.id);
    if ((ends & TARGET_ID) !== 0) ids.push(facts.nodes[facts.target[k]!]!.id);
    ids.push(facts.edges[k]!.id);
  }
  return ids;
}
