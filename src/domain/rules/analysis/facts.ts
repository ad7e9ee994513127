/**
 * A dense, integer-indexed view of a design, built once per graph index and
 * shared by every rule. Rules walk typed arrays instead of looking ids up in
 * maps and re-reading edge objects, which keeps each rule a cheap linear pass.
 *
 * Nodes are numbered in design order, edges too; only edges whose two ends
 * exist are included (the schema reports dangling edges). Adjacency is stored
 * per family in compressed rows: the edges leaving node i in family f are
 * `out[f].edge[out[f].start[i] .. out[f].start[i + 1] - 1]`.
 */
import { COMPONENT_KINDS, type KindId, type Role } from '../../diagram/catalog.ts';
import type { GraphIndex } from '../../diagram/graph-index.ts';
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

export const SYNC = 0;
export const ASYNC = 1;
export const DATA = 2;

/** Kind codes: the kind's position in the catalog. */
const kindCodes: ReadonlyMap<string, number> = new Map(COMPONENT_KINDS.map((k, i) => [k.id, i]));
const roleOfKindCode: Uint8Array = Uint8Array.from(COMPONENT_KINDS, (k) => ROLE_CODES[k.role]);
const NO_KIND = 255;

/** The code of a catalog kind, for comparing with `Facts.kind`. */
export function kindCode(kind: KindId): number {
  return kindCodes.get(kind) ?? NO_KIND;
}

export interface Adjacency {
  /** Row starts into `edge`, length n + 1: node i's edges are at start[i] .. start[i + 1] - 1. */
  readonly start: Int32Array;
  /** Edge numbers, grouped by node (the three families share one list). */
  readonly edge: Int32Array;
}

export interface Facts {
  readonly index: GraphIndex;
  readonly n: number;
  readonly nodes: readonly DesignNode[];
  readonly position: ReadonlyMap<string, number>;
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

/**
 * Compressed rows for the three families at once: `keys[k]` is the node edge k
 * is filed under. One buffer holds the three row-start tables and one the
 * three edge lists, so the whole structure costs three allocations.
 */
function rows(n: number, m: number, keys: Int32Array, family: Uint8Array): [Adjacency, Adjacency, Adjacency] {
  const width = n + 1;
  const starts = new Int32Array(3 * width);
  for (let k = 0; k < m; k++) starts[family[k]! * width + keys[k]! + 1]!++;
  let offset = 0;
  for (let f = 0; f < 3; f++) {
    const base = f * width;
    starts[base] = offset;
    for (let i = 0; i < n; i++) starts[base + i + 1]! += starts[base + i]!;
    offset = starts[base + n]!;
  }
  const fill = starts.slice();
  const lists = new Int32Array(m);
  for (let k = 0; k < m; k++) lists[fill[family[k]! * width + keys[k]!]!++] = k;
  const adjacency = (f: number): Adjacency => ({ start: starts.subarray(f * width, (f + 1) * width), edge: lists });
  return [adjacency(0), adjacency(1), adjacency(2)];
}

export const factsOf = perIndex((index: GraphIndex): Facts => {
  const nodes = index.design.nodes;
  const n = nodes.length;
  const position = new Map<string, number>();
  const role = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const byRole: number[][] = [[], [], [], [], [], [], [], []];
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    position.set(node.id, i);
    const code = kindCodes.get(node.kind) ?? NO_KIND;
    const r = code === NO_KIND ? UNKNOWN : roleOfKindCode[code]!;
    kind[i] = code;
    role[i] = r;
    byRole[r]!.push(i);
  }

  const all = index.design.edges;
  const capacity = all.length;
  const edges: DesignEdge[] = [];
  const source = new Int32Array(capacity);
  const target = new Int32Array(capacity);
  const family = new Uint8Array(capacity);
  let m = 0;
  for (let k = 0; k < capacity; k++) {
    const edge = all[k]!;
    const s = position.get(edge.source);
    const t = position.get(edge.target);
    if (s === undefined || t === undefined) continue;
    edges.push(edge);
    source[m] = s;
    target[m] = t;
    family[m] = edge.family === 'sync' ? SYNC : edge.family === 'async' ? ASYNC : DATA;
    m++;
  }
  return {
    index,
    n,
    nodes,
    position,
    role,
    kind,
    byRole,
    m,
    edges,
    source: source.subarray(0, m),
    target: target.subarray(0, m),
    family: family.subarray(0, m),
    out: rows(n, m, source, family),
    in: rows(n, m, target, family),
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
