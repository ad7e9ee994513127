/**
 * Strongly connected components (Tarjan, iterative so deep graphs cannot
 * overflow the stack) and the synchronous call graph between services and edge
 * components, computed once per index and shared by the cycle, chain and retry
 * rules.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge } from '../../diagram/schema.ts';
import { perIndex } from './memo.ts';

export interface Components {
  /** The node ids analysed, in the order given. */
  readonly ids: readonly string[];
  /** Position of each analysed node id in `ids`. */
  readonly position: ReadonlyMap<string, number>;
  /** Component number of each node, by position. */
  readonly componentOf: Int32Array;
  /**
   * Members (positions) of each component, in completion order: every
   * component comes after all the components it can reach, so walking the
   * list backwards is a topological order of the condensed graph.
   */
  readonly components: readonly (readonly number[])[];
}

/**
 * Tarjan's algorithm over `ids`, following the edges `edgesOf` returns whose
 * target is also in `ids` (and that pass `follow`, if given). Linear in nodes
 * plus edges.
 */
export function stronglyConnected(
  ids: readonly string[],
  edgesOf: (id: string) => readonly DesignEdge[],
  follow?: (edge: DesignEdge) => boolean,
): Components {
  const n = ids.length;
  const position = new Map<string, number>();
  for (let i = 0; i < n; i++) position.set(ids[i]!, i);
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const components: number[][] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  let counter = 0;

  const enter = (v: number) => {
    order[v] = counter;
    low[v] = counter;
    counter++;
    stack.push(v);
    onStack[v] = 1;
    frameNode.push(v);
    frameEdge.push(0);
  };

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      const edges = edgesOf(ids[v]!);
      let i = frameEdge[top]!;
      let descended = false;
      while (i < edges.length) {
        const edge = edges[i++]!;
        if (follow && !follow(edge)) continue;
        const w = position.get(edge.target);
        if (w === undefined) continue;
        if (order[w] === -1) {
          frameEdge[top] = i;
          enter(w);
          descended = true;
          break;
        }
        if (onStack[w] === 1 && order[w]! < low[v]!) low[v] = order[w]!;
      }
      if (descended) continue;
      frameNode.pop();
      frameEdge.pop();
      if (low[v] === order[v]) {
        const id = components.length;
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = id;
          members.push(w);
        } while (w !== v);
        members.reverse();
        components.push(members);
      }
      const parent = frameNode[frameNode.length - 1];
      if (parent !== undefined && low[v]! < low[parent]!) low[parent] = low[v]!;
    }
  }
  return { ids, position, componentOf, components };
}

/**
 * The synchronous call graph between compute and edge components (services,
 * gateways, load balancers): clients, third parties and platform components
 * are left out, so a webhook round trip through a provider is not a cycle.
 */
export const syncCallGraph = perIndex((index: GraphIndex): Components => {
  const ids: string[] = [];
  for (const node of index.design.nodes) {
    const role = index.roleOf(node.id);
    if (role === 'compute' || role === 'edge') ids.push(node.id);
  }
  return stronglyConnected(ids, (id) => index.outgoing(id, 'sync'));
});
