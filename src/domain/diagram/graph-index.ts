/**
 * A graph index built once per design and shared by every analysis (rules,
 * rubric scorer, simulator). Adjacency is split by edge family so an analysis
 * that cares only about synchronous calls never looks at the rest.
 *
 * The index is integer-based: nodes are numbered in design order and edges
 * too, and adjacency is stored per family in compressed rows of typed arrays
 * (see `EdgeRows`), built in a few linear passes into one buffer. Analyses
 * that walk the graph (the rules engine) use those numbers directly; the
 * id-based members (`outgoing`, `nodeById`, ...) are built from them on first
 * use and then kept, so nobody pays for what nobody asks. Like the rest of the
 * core, the index treats the design as immutable.
 */
import { COMPONENT_KINDS, getKind, type ComponentKind, type KindId, type Role } from './catalog.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, EdgeFamily } from './schema.ts';

export interface Adjacency {
  readonly sync: readonly DesignEdge[];
  readonly async: readonly DesignEdge[];
  readonly data: readonly DesignEdge[];
  readonly all: readonly DesignEdge[];
}

/** Family codes used by `GraphIndex.edgeFamily` and to pick rows in `out` and `in`. */
export const SYNC_FAMILY = 0;
export const ASYNC_FAMILY = 1;
export const DATA_FAMILY = 2;

/** Edge family -> family code. */
export const FAMILY_CODES: Readonly<Record<EdgeFamily, number>> = { sync: SYNC_FAMILY, async: ASYNC_FAMILY, data: DATA_FAMILY };

/** The kind code of a node whose kind is not in the catalog. */
export const NO_KIND_CODE = 255;

/**
 * Compressed rows: the edges of node i are the edge numbers
 * `edge[start[i]] .. edge[start[i + 1] - 1]`, in design order.
 */
export interface EdgeRows {
  /** Row starts into `edge`, length nodeCount + 1. */
  readonly start: Int32Array;
  /** Edge numbers grouped by node (the three families of a direction share one list). */
  readonly edge: Int32Array;
}

export interface GraphIndex {
  readonly design: Design;
  readonly nodeById: ReadonlyMap<string, DesignNode>;
  readonly edgeById: ReadonlyMap<string, DesignEdge>;
  readonly groupById: ReadonlyMap<string, DesignGroup>;
  readonly nodesByRole: ReadonlyMap<Role, readonly DesignNode[]>;
  readonly nodesByGroup: ReadonlyMap<string, readonly DesignNode[]>;
  outgoing(nodeId: string, family?: EdgeFamily): readonly DesignEdge[];
  incoming(nodeId: string, family?: EdgeFamily): readonly DesignEdge[];
  kindOf(nodeId: string): ComponentKind | undefined;
  roleOf(nodeId: string): Role | undefined;

  /** Number of nodes: node number i is `design.nodes[i]`. */
  readonly nodeCount: number;
  /** Node id -> node number (for a repeated id, the last node with it, as in `nodeById`). */
  readonly nodeNumber: ReadonlyMap<string, number>;
  /** Kind code of each node: the kind's position in `COMPONENT_KINDS`. */
  readonly nodeKindCode: Uint8Array;
  /**
   * Number of indexed edges: the edges whose two ends exist (a dangling edge
   * is reported by the schema, not here), numbered in design order.
   */
  readonly edgeCount: number;
  /** Edge number -> edge (the design's own list when no edge dangles). */
  readonly edges: readonly DesignEdge[];
  /** Node number of each edge's source. */
  readonly edgeSource: Int32Array;
  /** Node number of each edge's target. */
  readonly edgeTarget: Int32Array;
  /** Family code of each edge (SYNC_FAMILY, ASYNC_FAMILY, DATA_FAMILY). */
  readonly edgeFamily: Uint8Array;
  /** Outgoing edges of each node, by family code. */
  readonly out: readonly [EdgeRows, EdgeRows, EdgeRows];
  /** Incoming edges of each node, by family code. */
  readonly in: readonly [EdgeRows, EdgeRows, EdgeRows];
}

const EMPTY: readonly DesignEdge[] = Object.freeze([]);

const kindCodes: ReadonlyMap<string, number> = new Map(COMPONENT_KINDS.map((k, i) => [k.id, i]));

/** The code of a kind, as stored in `nodeKindCode`: its position in `COMPONENT_KINDS`; NO_KIND_CODE if unknown. */
export function kindCodeOf(kind: string): number {
  return kindCodes.get(kind) ?? NO_KIND_CODE;
}

/**
 * Turn per-row counts into compressed rows for the three families at once.
 * `starts` holds the three row-start tables one after the other, each n + 1
 * long, with the number of edges of row i of family f at f × (n + 1) + i + 1;
 * on return it holds each row's start offset into the edge lists.
 */
function prefixSums(n: number, starts: Int32Array): void {
  const width = n + 1;
  let offset = 0;
  for (let f = 0; f < 3; f++) {
    const base = f * width;
    starts[base] = offset;
    for (let i = base; i < base + n; i++) starts[i + 1]! += starts[i]!;
    offset = starts[base + n]!;
  }
}

/**
 * After the edge lists were filled by advancing each row's start past its
 * edges, each row's entry points at its end, that is at the next row's start:
 * shift the entries back by one row (each table's last entry, the end of its
 * last row, is untouched).
 */
function restoreStarts(n: number, starts: Int32Array, lists: Int32Array): [EdgeRows, EdgeRows, EdgeRows] {
  const width = n + 1;
  for (let f = 0; f < 3; f++) {
    const base = f * width;
    for (let i = base + n - 1; i > base; i--) starts[i] = starts[i - 1]!;
    starts[base] = f === 0 ? 0 : starts[base - 1]!;
  }
  return [
    { start: starts.subarray(0, width), edge: lists },
    { start: starts.subarray(width, 2 * width), edge: lists },
    { start: starts.subarray(2 * width, 3 * width), edge: lists },
  ];
}

class Index implements GraphIndex {
  readonly design: Design;
  readonly nodeCount: number;
  readonly nodeNumber: Map<string, number>;
  readonly nodeKindCode: Uint8Array;
  readonly edgeCount: number;
  readonly edges: readonly DesignEdge[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeFamily: Uint8Array;
  readonly out: readonly [EdgeRows, EdgeRows, EdgeRows];
  readonly in: readonly [EdgeRows, EdgeRows, EdgeRows];

  private nodeMap: Map<string, DesignNode> | undefined;
  private edgeMap: Map<string, DesignEdge> | undefined;
  private groupMap: Map<string, DesignGroup> | undefined;
  private roleMap: Map<Role, DesignNode[]> | undefined;
  private groupMembers: Map<string, DesignNode[]> | undefined;
  /** Edge lists handed out by outgoing / incoming, four slots per node (three families, then all). */
  private outLists: (readonly DesignEdge[] | undefined)[] | undefined;
  private inLists: (readonly DesignEdge[] | undefined)[] | undefined;

  constructor(design: Design) {
    this.design = design;
    const nodes = design.nodes;
    const all = design.edges;
    const n = nodes.length;
    const capacity = all.length;
    // Every typed array lives in one buffer: one allocation instead of eight.
    const width = n + 1;
    const ints = 4 * capacity + 6 * width;
    const buffer = new ArrayBuffer(4 * ints + capacity + n);
    const source = new Int32Array(buffer, 0, capacity);
    const target = new Int32Array(buffer, 4 * capacity, capacity);
    const outStarts = new Int32Array(buffer, 16 * capacity, 3 * width);
    const inStarts = new Int32Array(buffer, 16 * capacity + 12 * width, 3 * width);
    const family = new Uint8Array(buffer, 4 * ints, capacity);
    const nodeKindCode = new Uint8Array(buffer, 4 * ints + capacity, n);

    const nodeNumber = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      const code = kindCodes.get(node.kind);
      if (code === undefined) getKind(node.kind as KindId); // throws: the kind is unknown
      nodeKindCode[i] = code!;
      nodeNumber.set(node.id, i);
    }

    // Number the edges whose two ends exist (the list is copied only if one is
    // dangling) and count each row's edges.
    let edges: DesignEdge[] | undefined;
    let m = 0;
    // Edges are often drawn one node at a time: remember the last source looked up.
    let lastSource = '';
    let lastNumber = nodeNumber.get(lastSource);
    for (let k = 0; k < capacity; k++) {
      const edge = all[k]!;
      const sourceId = edge.source;
      if (sourceId !== lastSource) {
        lastSource = sourceId;
        lastNumber = nodeNumber.get(sourceId);
      }
      const s = lastNumber;
      const t = nodeNumber.get(edge.target);
      if (s === undefined || t === undefined) {
        edges ??= all.slice(0, k); // a dangling edge is reported by the schema, not here
        continue;
      }
      if (edges) edges.push(edge);
      const f = edge.family;
      const code = f === 'sync' ? SYNC_FAMILY : f === 'async' ? ASYNC_FAMILY : DATA_FAMILY;
      source[m] = s;
      target[m] = t;
      family[m] = code;
      outStarts[code * width + s + 1]!++;
      inStarts[code * width + t + 1]!++;
      m++;
    }

    // File each edge under its rows, in edge order so every row lists its edges in design order.
    prefixSums(n, outStarts);
    prefixSums(n, inStarts);
    const outLists = new Int32Array(buffer, 8 * capacity, m);
    const inLists = new Int32Array(buffer, 12 * capacity, m);
    for (let k = 0; k < m; k++) {
      const base = family[k]! * width;
      outLists[outStarts[base + source[k]!]!++] = k;
      inLists[inStarts[base + target[k]!]!++] = k;
    }

    this.nodeCount = n;
    this.nodeNumber = nodeNumber;
    this.nodeKindCode = nodeKindCode;
    this.edgeCount = m;
    this.edges = edges ?? all;
    this.edgeSource = m === capacity ? source : source.subarray(0, m);
    this.edgeTarget = m === capacity ? target : target.subarray(0, m);
    this.edgeFamily = m === capacity ? family : family.subarray(0, m);
    this.out = restoreStarts(n, outStarts, outLists);
    this.in = restoreStarts(n, inStarts, inLists);
  }

  get nodeById(): ReadonlyMap<string, DesignNode> {
    if (!this.nodeMap) {
      const map = new Map<string, DesignNode>();
      for (const node of this.design.nodes) map.set(node.id, node);
      this.nodeMap = map;
    }
    return this.nodeMap;
  }

  get edgeById(): ReadonlyMap<string, DesignEdge> {
    if (!this.edgeMap) {
      const map = new Map<string, DesignEdge>();
      for (const edge of this.design.edges) map.set(edge.id, edge);
      this.edgeMap = map;
    }
    return this.edgeMap;
  }

  get groupById(): ReadonlyMap<string, DesignGroup> {
    if (!this.groupMap) {
      const map = new Map<string, DesignGroup>();
      for (const group of this.design.groups) map.set(group.id, group);
      this.groupMap = map;
    }
    return this.groupMap;
  }

  get nodesByRole(): ReadonlyMap<Role, readonly DesignNode[]> {
    if (!this.roleMap) {
      const map = new Map<Role, DesignNode[]>();
      const nodes = this.design.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const role = COMPONENT_KINDS[this.nodeKindCode[i]!]!.role;
        const list = map.get(role);
        if (list) list.push(nodes[i]!);
        else map.set(role, [nodes[i]!]);
      }
      this.roleMap = map;
    }
    return this.roleMap;
  }

  get nodesByGroup(): ReadonlyMap<string, readonly DesignNode[]> {
    if (!this.groupMembers) {
      const map = new Map<string, DesignNode[]>();
      for (const node of this.design.nodes) {
        if (node.groupId === undefined) continue;
        const list = map.get(node.groupId);
        if (list) list.push(node);
        else map.set(node.groupId, [node]);
      }
      this.groupMembers = map;
    }
    return this.groupMembers;
  }

  outgoing(nodeId: string, family?: EdgeFamily): readonly DesignEdge[] {
    this.outLists ??= new Array<readonly DesignEdge[] | undefined>(4 * this.nodeCount);
    return this.listOf(this.out, this.outLists, nodeId, family);
  }

  incoming(nodeId: string, family?: EdgeFamily): readonly DesignEdge[] {
    this.inLists ??= new Array<readonly DesignEdge[] | undefined>(4 * this.nodeCount);
    return this.listOf(this.in, this.inLists, nodeId, family);
  }

  kindOf(nodeId: string): ComponentKind | undefined {
    const i = this.nodeNumber.get(nodeId);
    return i === undefined ? undefined : COMPONENT_KINDS[this.nodeKindCode[i]!];
  }

  roleOf(nodeId: string): Role | undefined {
    return this.kindOf(nodeId)?.role;
  }

  /** The edges of one node in one family (or all families, in design order), made once and kept. */
  private listOf(
    table: readonly [EdgeRows, EdgeRows, EdgeRows],
    lists: (readonly DesignEdge[] | undefined)[],
    nodeId: string,
    family: EdgeFamily | undefined,
  ): readonly DesignEdge[] {
    const i = this.nodeNumber.get(nodeId);
    const f = family === 'sync' ? SYNC_FAMILY : family === 'async' ? ASYNC_FAMILY : family === 'data' ? DATA_FAMILY : family ? -1 : 3;
    if (i === undefined || f === -1) return EMPTY;
    const slot = i * 4 + f;
    const cached = lists[slot];
    if (cached !== undefined) return cached;
    const numbers: number[] = [];
    for (const rows of f === 3 ? table : [table[f]!]) {
      for (let j = rows.start[i]!; j < rows.start[i + 1]!; j++) numbers.push(rows.edge[j]!);
    }
    if (f === 3) numbers.sort((a, b) => a - b);
    const list = numbers.length === 0 ? EMPTY : numbers.map((k) => this.edges[k]!);
    lists[slot] = list;
    return list;
  }
}

export function buildGraphIndex(design: Design): GraphIndex {
  return new Index(design);
}
