/**
 * The longest chain of synchronous calls from each component of the call
 * graph (services, gateways and load balancers; a loop counts as one step
 * holding all its services), by dynamic programming over the condensed graph
 * in reverse topological order: linear in nodes plus edges. A chain can be
 * as long as the graph is deep, so it is described by its ends: the first
 * and last few steps and how many lie between, found without walking it.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import { syncCallGraph, type Components } from './components.ts';
import { COMPUTE, factsOf, SYNC, type Facts } from './facts.ts';
import { perIndex } from './memo.ts';
import { formatNumber } from './text.ts';

/** Steps of a chain spelled out at each end. */
const END_STEPS = 6;
/** Members of a loop named in a chain. */
const LOOP_NAMES = 12;

export interface Chains {
  readonly graph: Components;
  /** Services (compute nodes) on the longest chain from each component, its own included. */
  readonly services: Int32Array;
  /** The call (edge number) the longest chain leaves each component by; -1 at its end. */
  readonly next: Int32Array;
  /** Steps (components) on the longest chain from each component. */
  readonly steps: Int32Array;
  /** The component where the last END_STEPS steps of each component's chain begin. */
  readonly tail: Int32Array;
  /** Each component's step, named on first use by describeChain: chains share their steps, a large loop most of all. */
  readonly named: (Step | undefined)[];
}

export const longestChains = perIndex((index: GraphIndex): Chains => {
  const facts = factsOf(index);
  const graph = syncCallGraph(index);
  const { count, first, members, componentOf } = graph;
  const buffer = new ArrayBuffer(16 * count);
  const services = new Int32Array(buffer, 0, count);
  const next = new Int32Array(buffer, 4 * count, count).fill(-1);
  const steps = new Int32Array(buffer, 8 * count, count);
  const tail = new Int32Array(buffer, 12 * count, count);
  const { start, edge } = facts.out[SYNC];
  // Components are numbered so that every component comes after those it reaches.
  for (let c = 0; c < count; c++) {
    let weight = 0;
    let bestOut = 0;
    let bestEdge = -1;
    for (let q = first[c]!; q < first[c + 1]!; q++) {
      const u = members[q]!;
      if (facts.role[u] === COMPUTE) weight++;
      for (let j = start[u]!; j < start[u + 1]!; j++) {
        const k = edge[j]!;
        const target = componentOf[facts.target[k]!]!;
        if (target === -1 || target === c) continue;
        if (services[target]! > bestOut) {
          bestOut = services[target]!;
          bestEdge = k;
        }
      }
    }
    services[c] = weight + bestOut;
    next[c] = bestEdge;
    const after = bestEdge === -1 ? -1 : componentOf[facts.target[bestEdge]!]!;
    steps[c] = after === -1 ? 1 : steps[after]! + 1;
    tail[c] = steps[c]! <= END_STEPS ? c : tail[after]!;
  }
  return { graph, services, next, steps, tail, named: new Array<Step | undefined>(count) };
});

export interface ChainView {
  /** Names of the steps, with "… N more …" between the ends of a long chain. */
  names: string[];
  /** Nodes of the steps spelled out, then the calls between them. */
  elementIds: string[];
}

interface Step {
  readonly name: string;
  readonly ids: readonly string[];
}

/** A step's name: a component's one node, or a loop as "(A ⇄ B ⇄ … 12 more)". */
function stepName(facts: Facts, graph: Components, c: number): Step {
  const from = graph.first[c]!;
  const size = graph.first[c + 1]! - from;
  const shown = size <= LOOP_NAMES ? size : LOOP_NAMES - 1;
  const names: string[] = [];
  const ids: string[] = [];
  for (let q = from; q < from + shown; q++) {
    const node = facts.nodes[graph.members[q]!]!;
    names.push(node.name);
    ids.push(node.id);
  }
  if (shown < size) names.push(`… ${formatNumber(size - shown)} more`);
  return { name: size === 1 ? names[0]! : `(${names.join(' ⇄ ')})`, ids };
}

/** The longest chain from component c, spelled out at its ends. */
export function describeChain(index: GraphIndex, chains: Chains, c: number): ChainView {
  const facts = factsOf(index);
  const { graph, next, steps, tail, named } = chains;
  const names: string[] = [];
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  const walk = (from: number, count: number) => {
    let at = from;
    for (let s = 0; s < count; s++) {
      const step = (named[at] ??= stepName(facts, graph, at));
      names.push(step.name);
      for (const id of step.ids) nodeIds.push(id);
      const k = next[at]!;
      if (k === -1 || s === count - 1) break;
      edgeIds.push(facts.edges[k]!.id);
      at = graph.componentOf[facts.target[k]!]!;
    }
  };
  const total = steps[c]!;
  if (total <= 2 * END_STEPS) walk(c, total);
  else {
    walk(c, END_STEPS);
    names.push(`… ${formatNumber(total - 2 * END_STEPS)} more …`);
    walk(tail[c]!, END_STEPS);
  }
  return { names, elementIds: [...nodeIds, ...edgeIds] };
}
