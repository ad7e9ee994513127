/**
 * Strongly connected components (Tarjan, iterative so deep graphs cannot
 * overflow the stack) and the synchronous call graph between services and edge
 * components, computed once per index and shared by the cycle and chain rules.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import { COMPUTE, EDGE, factsOf, SYNC, type Adjacency, type Facts } from './facts.ts';
import { perIndex } from './memo.ts';

export interface Components {
  /** Component number of each node; -1 for nodes outside the analysed set. */
  readonly componentOf: Int32Array;
  /**
   * Number of components, numbered in completion order: every component comes
   * after all the components it can reach, so walking them backwards is a
   * topological order of the condensed graph.
   */
  readonly count: number;
  /** Members of component c (node numbers, ascending) are `members[first[c]] .. members[first[c + 1] - 1]`. */
  readonly first: Int32Array;
  readonly members: Int32Array;
}

/** The members of component c, as a list (for messages). */
export function membersOf(graph: Components, c: number): number[] {
  const list: number[] = [];
  for (let q = graph.first[c]!; q < graph.first[c + 1]!; q++) list.push(graph.members[q]!);
  return list;
}

/**
 * Tarjan's algorithm over the nodes with `member[i] === 1`, following the
 * edges of `adjacency` whose target is a member (and, if `follow` is given,
 * whose entry in it is 1). Linear in nodes plus edges.
 */
export function stronglyConnected(facts: Facts, member: Uint8Array, adjacency: Adjacency, follow: Uint8Array | null): Components {
  const { n, target } = facts;
  const { start, edge: list } = adjacency;
  // One buffer for the working arrays and the result: one allocation instead of nine.
  const buffer = new ArrayBuffer(4 * (8 * n + 1) + n);
  const order = new Int32Array(buffer, 0, n).fill(-1);
  const low = new Int32Array(buffer, 4 * n, n);
  const componentOf = new Int32Array(buffer, 8 * n, n).fill(-1);
  const stack = new Int32Array(buffer, 12 * n, n);
  const frameNode = new Int32Array(buffer, 16 * n, n);
  const frameNext = new Int32Array(buffer, 20 * n, n);
  const members = new Int32Array(buffer, 24 * n, n);
  const first = new Int32Array(buffer, 28 * n, n + 1);
  const onStack = new Uint8Array(buffer, 32 * n + 4, n);
  let count = 0;
  let filled = 0;
  let top = 0;
  let frames = 0;
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (member[root] !== 1 || order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    frameNode[frames] = root;
    frameNext[frames++] = start[root]!;
    while (frames > 0) {
      const v = frameNode[frames - 1]!;
      const end = start[v + 1]!;
      let j = frameNext[frames - 1]!;
      let descended = false;
      while (j < end) {
        const k = list[j++]!;
        if (follow !== null && follow[k] !== 1) continue;
        const w = target[k]!;
        if (member[w] !== 1) continue;
        if (order[w] === -1) {
          frameNext[frames - 1] = j;
          order[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          frameNode[frames] = w;
          frameNext[frames++] = start[w]!;
          descended = true;
          break;
        }
        if (onStack[w] === 1 && order[w]! < low[v]!) low[v] = order[w]!;
      }
      if (descended) continue;
      frames--;
      if (low[v] === order[v]) {
        const from = filled;
        let w: number;
        do {
          w = stack[--top]!;
          onStack[w] = 0;
          componentOf[w] = count;
          members[filled++] = w;
        } while (w !== v);
        if (filled - from > 1) members.subarray(from, filled).sort();
        first[++count] = filled;
      }
      if (frames > 0) {
        const parent = frameNode[frames - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { componentOf, count, first, members };
}

/**
 * Components of the synchronous call graph between compute and edge nodes
 * (services, gateways, load balancers). Clients, third parties and platform
 * components are left out, so a webhook round trip through a provider is not
 * a cycle.
 */
export const syncCallGraph = perIndex((index: GraphIndex): Components => {
  const facts = factsOf(index);
  const member = new Uint8Array(facts.n);
  for (let i = 0; i < facts.n; i++) {
    const role = facts.role[i];
    if (role === COMPUTE || role === EDGE) member[i] = 1;
  }
  return stronglyConnected(facts, member, facts.out[SYNC], null);
});
