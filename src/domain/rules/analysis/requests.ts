/**
 * Requests: which calls one request makes, for the rules that reason along
 * requests (timeout budgets, retry amplification, deep chains, side work on
 * the request path, distributed writes). Two sources, never mixed within one
 * request:
 *
 * - **Drawn flows.** A flow is one operation, step by step. Each step's
 *   caller (`via`) is the step that first brought the request to the step's
 *   source, so a rule follows the flow's own call tree and never pairs a call
 *   with a call from another operation.
 * - **Paths from entries**, for the operations nobody drew. An *entry service*
 *   is a service where a request starts being served: one that a client, a
 *   third party, an edge component (gateway, load balancer, CDN) or a platform
 *   component calls, or
 *   that no other service calls (workers, scheduled jobs), and in a loop of
 *   services that only call each other, the first of the loop. An entry that a
 *   drawn flow enters is judged by its flows; from every other entry, a
 *   request may take any path of synchronous calls (through services, edge
 *   and platform components, not back out through a client or a third party). `pathEdge` marks the
 *   calls such a request may make, with the route into the entry from the
 *   edge tier.
 *
 * Everything here is computed once per analysis in time linear in the design
 * and its flows: one resolution per flow, two breadth-first walks.
 */
import { resolveFlows } from '../../diagram/flows.ts';
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge } from '../../diagram/schema.ts';
import { ASYNC, BROKER, CLIENT, COMPUTE, EDGE, factsOf, PLATFORM, SYNC } from './facts.ts';
import { perIndex } from './memo.ts';

/** How the request rules' conditions describe a request, for the docs and the rules page. */
export const REQUESTS =
  'requests: each drawn flow step by step, a step continuing the step that first brought the request to its caller; and for each entry service no flow enters first (a service called by a client, a third party, the edge tier or a platform component, or by no service), every path of sync calls a request can take from it, one gateway route at a time';

/** `pathEdge` bits: a request from an uncovered entry may make this call; that request comes from a client. */
export const ON_PATH = 1;
export const USER_PATH = 2;

export interface FlowPath {
  /** The flow's name, for messages. */
  readonly name: string;
  /** Edge numbers of its steps, in order. */
  readonly steps: Int32Array;
  /** Per step: the step that first brought the request to this step's source, or -1 (the flow's entry). */
  readonly via: Int32Array;
  /** Per step: 1 when it is taken after the response (the request reached its source only through a consumed message). */
  readonly after: Uint8Array;
  /** The node the flow starts at. */
  readonly entry: number;
  /** The first service (compute node) its request reaches before answering, or -1. */
  readonly service: number;
  /** It starts at a client: a user waits for the answer. */
  readonly user: boolean;
}

export interface Requests {
  /** The design's drawn flows, resolved to edge numbers; empty when it has none. */
  readonly flows: readonly FlowPath[];
  /** 1 for an entry service. */
  readonly entry: Uint8Array;
  /** 1 for an entry service that a client reaches through the edge tier. */
  readonly userEntry: Uint8Array;
  /** 1 for a service some drawn flow enters first: its requests are judged by flows. */
  readonly covered: Uint8Array;
  /** Per edge, ON_PATH and USER_PATH bits for sync edges on paths from entries no flow covers. */
  readonly pathEdge: Uint8Array;
}

/** A flow's steps as edge numbers, with whether each runs after the response, and its entry node. */
interface NumberedFlow {
  name: string;
  entry: number;
  steps: number[];
  after: boolean[];
}

/**
 * The flows resolved as `resolveFlow` resolves them (see diagram/flows.ts),
 * on the index's numbers: one map from edge id to edge number for the whole
 * design, and per flow arrays stamped with the flow's round instead of maps
 * of node ids. Only for a design whose edges all have both ends and distinct
 * ids, so that an id names one indexed edge; null otherwise.
 */
function numberedFlows(index: GraphIndex): NumberedFlow[] | null {
  const design = index.design;
  const facts = factsOf(index);
  if (facts.m !== design.edges.length) return null;
  const numberOf = new Map<string, number>();
  for (let k = 0; k < facts.m; k++) numberOf.set(facts.edges[k]!.id, k);
  if (numberOf.size !== facts.m) return null;
  // Per node, for the current flow: 1 reached before the answer, 2 only after it (resolveFlow's inRequest).
  const state = new Uint8Array(facts.n);
  const stamp = new Int32Array(facts.n);
  const flows: NumberedFlow[] = [];
  let round = 0;
  for (const flow of design.flows) {
    round++;
    let entry = -1;
    const steps: number[] = [];
    const after: boolean[] = [];
    for (const step of flow.steps) {
      const k = numberOf.get(step.edge);
      if (k === undefined) continue;
      const source = facts.source[k]!;
      if (entry === -1) {
        entry = source;
        stamp[source] = round;
        state[source] = 1;
      }
      if (stamp[source] !== round) continue;
      const afterResponse = state[source] === 2 || (facts.family[k] === ASYNC && facts.role[source] === BROKER);
      steps.push(k);
      after.push(afterResponse);
      const target = facts.target[k]!;
      if (stamp[target] !== round) {
        stamp[target] = round;
        state[target] = afterResponse ? 2 : 1;
      } else if (state[target] === 2) {
        state[target] = afterResponse ? 2 : 1;
      }
    }
    if (entry !== -1) flows.push({ name: flow.name, entry, steps, after });
  }
  return flows;
}

/** The same, through `resolveFlows`, for a design with a dangling edge or two edges of one id. */
function resolvedFlows(index: GraphIndex): NumberedFlow[] {
  const facts = factsOf(index);
  const numberOf = new Map<DesignEdge, number>();
  for (let k = 0; k < facts.m; k++) numberOf.set(facts.edges[k]!, k);
  const flows: NumberedFlow[] = [];
  for (const resolved of resolveFlows(index.design)) {
    const entry = facts.index.nodeNumber.get(resolved.entry);
    if (entry === undefined) continue;
    const kept = resolved.steps.filter((s) => numberOf.has(s.edge));
    flows.push({ name: resolved.flow.name, entry, steps: kept.map((s) => numberOf.get(s.edge)!), after: kept.map((s) => s.afterResponse) });
  }
  return flows;
}

/** The design's flows with edge numbers for connections, each step's caller and the flow's entry service. */
function flowPaths(index: GraphIndex): FlowPath[] {
  if (index.design.flows.length === 0) return [];
  const facts = factsOf(index);
  // The step that first reached each node, per flow: stamped so the array is never cleared.
  const reachedBy = new Int32Array(facts.n);
  const stamp = new Int32Array(facts.n);
  const paths: FlowPath[] = [];
  (numberedFlows(index) ?? resolvedFlows(index)).forEach((flow, f) => {
    const round = f + 1;
    const { entry } = flow;
    const count = flow.steps.length;
    const steps = new Int32Array(count);
    const via = new Int32Array(count);
    const after = new Uint8Array(count);
    let service = facts.role[entry] === COMPUTE ? entry : -1;
    stamp[entry] = round;
    reachedBy[entry] = -1;
    for (let s = 0; s < count; s++) {
      const k = flow.steps[s]!;
      const afterResponse = flow.after[s]!;
      steps[s] = k;
      after[s] = afterResponse ? 1 : 0;
      const source = facts.source[k]!;
      via[s] = stamp[source] === round ? reachedBy[source]! : -1;
      const target = facts.target[k]!;
      if (stamp[target] !== round) {
        stamp[target] = round;
        reachedBy[target] = s;
        if (service === -1 && !afterResponse && facts.role[target] === COMPUTE) service = target;
      }
    }
    paths.push({ name: flow.name, steps, via, after, entry, service, user: facts.role[entry] === CLIENT });
  });
  return paths;
}

/** A request carries on through services, the edge tier and platform components, not back out through a client or a third party. */
const passes = (r: number) => r === COMPUTE || r === EDGE || r === PLATFORM;

export const requestsOf = perIndex((index: GraphIndex): Requests => {
  const facts = factsOf(index);
  const { n, role, source, target } = facts;
  const out = facts.out[SYNC];
  const into = facts.in[SYNC];
  const flows = flowPaths(index);

  // Entry services: called from outside the services (a client, a third party, the edge tier) or by no service.
  const entry = new Uint8Array(n);
  for (const i of facts.byRole[COMPUTE]!) {
    let routed = false;
    let called = false;
    for (let j = into.start[i]!; j < into.start[i + 1]!; j++) {
      const r = role[source[into.edge[j]!]!];
      if (r === COMPUTE) called = true;
      else routed = true;
    }
    if (routed || !called) entry[i] = 1;
  }
  // Services that no entry reaches (loops that only call each other): the first of each, in design order, is an entry too.
  const reached = new Uint8Array(n);
  const walk = new Int32Array(n);
  const reach = (from: number) => {
    let end = 0;
    reached[from] = 1;
    walk[end++] = from;
    for (let head = 0; head < end; head++) {
      const u = walk[head]!;
      for (let j = out.start[u]!; j < out.start[u + 1]!; j++) {
        const w = target[out.edge[j]!]!;
        if (reached[w] === 0 && passes(role[w]!)) {
          reached[w] = 1;
          walk[end++] = w;
        }
      }
    }
  };
  for (const i of facts.byRole[COMPUTE]!) if (entry[i] === 1 && reached[i] === 0) reach(i);
  for (const i of facts.byRole[COMPUTE]!) {
    if (reached[i] === 1) continue;
    entry[i] = 1;
    reach(i);
  }
  const userEntry = new Uint8Array(n);
  const fromClient = new Uint8Array(n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  for (const i of facts.byRole[CLIENT]!) {
    fromClient[i] = 1;
    queue[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let j = out.start[u]!; j < out.start[u + 1]!; j++) {
      const w = target[out.edge[j]!]!;
      if (fromClient[w] === 1) continue;
      if (role[w] === EDGE) {
        fromClient[w] = 1;
        queue[tail++] = w;
      } else if (role[w] === COMPUTE) {
        fromClient[w] = 1;
        if (entry[w] === 1) userEntry[w] = 1;
      }
    }
  }

  const covered = new Uint8Array(n);
  for (const flow of flows) if (flow.service !== -1) covered[flow.service] = 1;

  /**
   * Mark in `marks` the sync edges a request from the given entries may take:
   * forward from them through services, the edge tier and platform components,
   * and backward from them through the edge tier and platform components (the
   * routes in), for the entries `from` accepts.
   */
  const bits = new Uint8Array(n);
  const routed = new Uint8Array(n);
  const mark = (marks: Uint8Array, from: (i: number) => boolean) => {
    bits.fill(0);
    routed.fill(0);
    let end = 0;
    for (const i of facts.byRole[COMPUTE]!) {
      if (entry[i] !== 1 || !from(i)) continue;
      bits[i] = ON_PATH | (userEntry[i] === 1 ? USER_PATH : 0);
      queue[end++] = i;
    }
    const entries = end;
    // A node is queued again only when it gains a bit, so at most twice.
    for (let head = 0; head < end; head++) {
      const u = queue[head]!;
      const b = bits[u]!;
      for (let j = out.start[u]!; j < out.start[u + 1]!; j++) {
        const k = out.edge[j]!;
        marks[k]! |= b;
        const w = target[k]!;
        if (passes(role[w]!) && (bits[w]! | b) !== bits[w]) {
          bits[w]! |= b;
          queue[end++] = w;
        }
      }
    }
    end = 0;
    for (let q = 0; q < entries; q++) walk[end++] = queue[q]!;
    for (let head = 0; head < end; head++) {
      const v = walk[head]!;
      for (let j = into.start[v]!; j < into.start[v + 1]!; j++) {
        const k = into.edge[j]!;
        const s = source[k]!;
        const r = role[s];
        if (r === COMPUTE) continue;
        marks[k]! |= ON_PATH | (fromClient[s] === 1 ? USER_PATH : 0);
        if ((r === EDGE || r === PLATFORM) && routed[s] === 0) {
          routed[s] = 1;
          walk[end++] = s;
        }
      }
    }
  };
  const pathEdge = new Uint8Array(facts.m);
  mark(pathEdge, (i) => covered[i] === 0);
  // Calls on no request of any entry (an edge tier with no service behind it) are judged along their paths too.
  let claimed = pathEdge;
  if (flows.length > 0) {
    claimed = new Uint8Array(facts.m);
    mark(claimed, () => true);
  }
  for (let k = 0; k < facts.m; k++) {
    if (facts.family[k] === SYNC && claimed[k] === 0) pathEdge[k]! |= ON_PATH | (fromClient[source[k]!] === 1 ? USER_PATH : 0);
  }
  return { flows, entry, userEntry, covered, pathEdge };
});

/** The design's drawn flows, resolved (see FlowPath). */
export function drawnFlows(index: GraphIndex): readonly FlowPath[] {
  return requestsOf(index).flows;
}

/** Entry services no drawn flow enters, in design order: requests from them are judged along their paths. */
export function uncoveredEntries(index: GraphIndex): number[] {
  const { entry, covered } = requestsOf(index);
  const list: number[] = [];
  for (const i of factsOf(index).byRole[COMPUTE]!) if (entry[i] === 1 && covered[i] === 0) list.push(i);
  return list;
}

/** Per edge: ON_PATH (and USER_PATH) when a request from an entry no flow covers may make this call. */
export function pathCalls(index: GraphIndex): Uint8Array {
  return requestsOf(index).pathEdge;
}
