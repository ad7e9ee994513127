/**
 * Request flows: the operations a design serves, as the ordered connections
 * one request crosses. This module reads flows (their entry, the components
 * they reach, which steps happen after the response), keeps them valid when
 * connections go away, and proposes flows for a design that has none drawn.
 *
 * Vocabulary used throughout Skyline:
 * - the *entry* of a flow is the component its first step starts from
 *   (usually a client);
 * - a step is *after the response* when the request reached its source only
 *   through a message being consumed: publishing is part of the request
 *   (the publisher waits for the broker to accept the message), consuming is
 *   not;
 * - a step `on-miss` runs only when the cache read just before it from the
 *   same component missed.
 */
import { getKind } from './catalog.ts';
import type { Design, DesignEdge, Flow, FlowStep } from './schema.ts';

export interface ResolvedStep {
  step: FlowStep;
  edge: DesignEdge;
  /** Position in the flow, from 0. */
  index: number;
  /** True when the request has already been answered by the time this step runs. */
  afterResponse: boolean;
}

export interface ResolvedFlow {
  flow: Flow;
  entry: string;
  steps: ResolvedStep[];
  /** Every component the flow touches, entry first, in the order first reached. */
  nodes: string[];
}

const roleOfKind = (kind: string) => getKind(kind).role;

/**
 * The steps of a flow with their connections. Steps whose connection is
 * missing or does not start where the flow has been are skipped (a valid
 * design has none; `pruneFlows` removes them after an edit).
 */
export function resolveFlow(flow: Flow, edgesById: ReadonlyMap<string, DesignEdge>, kindOf: (nodeId: string) => string | undefined): ResolvedFlow | null {
  const steps: ResolvedStep[] = [];
  const nodes: string[] = [];
  /** Components the request reaches before answering (true) or only after it (false). */
  const inRequest = new Map<string, boolean>();
  let entry: string | null = null;
  for (const step of flow.steps) {
    const edge = edgesById.get(step.edge);
    if (!edge) continue;
    if (entry === null) {
      entry = edge.source;
      inRequest.set(entry, true);
      nodes.push(entry);
    }
    const sourceInRequest = inRequest.get(edge.source);
    if (sourceInRequest === undefined) continue;
    const sourceKind = kindOf(edge.source);
    const consumes = edge.family === 'async' && sourceKind !== undefined && roleOfKind(sourceKind) === 'broker';
    const afterResponse = !sourceInRequest || consumes;
    steps.push({ step, edge, index: steps.length, afterResponse });
    const targetInRequest = !afterResponse;
    const known = inRequest.get(edge.target);
    if (known === undefined) nodes.push(edge.target);
    if (known !== true) inRequest.set(edge.target, targetInRequest);
  }
  return entry === null ? null : { flow, entry, steps, nodes };
}

/** Every flow of a design, resolved. */
export function resolveFlows(design: Design): ResolvedFlow[] {
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const out: ResolvedFlow[] = [];
  for (const flow of design.flows) {
    const resolved = resolveFlow(flow, edgesById, (id) => kinds.get(id));
    if (resolved) out.push(resolved);
  }
  return out;
}

/**
 * The design with every flow step that no longer fits removed: steps whose
 * connection is gone, then steps that no longer start where the flow has
 * been. A flow left with no step is removed. Returns the same design object
 * when nothing changes, so callers can tell.
 */
export function pruneFlows(design: Design): Design {
  if (design.flows.length === 0) return design;
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  let changed = false;
  const flows: Flow[] = [];
  for (const flow of design.flows) {
    const kept: FlowStep[] = [];
    const reached = new Set<string>();
    for (const step of flow.steps) {
      const edge = edgesById.get(step.edge);
      if (!edge) continue;
      if (kept.length === 0) reached.add(edge.source);
      else if (!reached.has(edge.source)) continue;
      reached.add(edge.target);
      kept.push(step);
    }
    if (kept.length === flow.steps.length) flows.push(flow);
    else {
      changed = true;
      if (kept.length > 0) flows.push({ ...flow, steps: kept });
    }
  }
  return changed ? { ...design, flows } : design;
}

const MAX_PROPOSED_STEPS = 1_000;
const MAX_PROPOSED_FLOWS = 200;

/**
 * Flows a design implies, for a design with none drawn (or to offer the
 * learner a start). One flow per route into the system: from each client,
 * through the edge components (gateways, load balancers, CDNs) to the first
 * component that does work; a gateway with three routes gives three flows.
 * From there the flow takes every call, read, write and message the design
 * draws, depth first in design order, through brokers to their consumers.
 * A read of a datastore after a read of a cache from the same component is
 * marked `on-miss`. A rate limiter checks every request that passes it: its
 * own reads, writes, messages and calls to platform components are part of
 * every route through it, and a rate limiter that a gateway asks without it
 * forwarding anywhere (an Envoy-style limit service) is a check the gateway
 * makes, before the call, on every route through it. Proposed flows have ids
 * `proposed-N` and are not part of the design until the learner keeps one.
 */
export function proposeFlows(design: Design): Flow[] {
  const graph = flowGraph(design);
  const { nodes, outgoing, role } = graph;
  const flows: Flow[] = [];
  const clients = design.nodes.filter((n) => roleOfKind(n.kind) === 'client');
  for (const client of clients) {
    // Routes: paths through edge components to the first component beyond them. `seen` holds the
    // components on the current path (added on the way down, removed on the way back).
    const seen = new Set([client.id]);
    const prefix: FlowStep[] = [];
    const walk = (at: string) => {
      const mark = prefix.length;
      if (at !== client.id) {
        // Checks made on every route from here: a rate limiter's own work, and the limiters a gateway asks.
        if (checks(graph, at)) ownWork(graph, at, prefix, seen);
        for (const edge of outgoing.get(at) ?? NONE) {
          if (!isCheck(graph, edge) || seen.has(edge.target)) continue;
          prefix.push(step(edge.id));
          ownWork(graph, edge.target, prefix, seen);
        }
      }
      for (const edge of outgoing.get(at) ?? NONE) {
        if (flows.length >= MAX_PROPOSED_FLOWS) break;
        if (seen.has(edge.target) || !isRequestEdge(edge)) continue;
        // From a client: calls, uploads straight to a datastore, messages straight to a broker; beyond it, calls.
        if (at !== client.id && edge.family !== 'sync') continue;
        // A check is not a route, nor is a limiter's own call to a platform component.
        if (at !== client.id && (isCheck(graph, edge) || (checks(graph, at) && !forwards(graph, edge)))) continue;
        prefix.push(step(edge.id));
        if (edge.family === 'sync' && role(edge.target) === 'edge') {
          seen.add(edge.target);
          walk(edge.target);
          seen.delete(edge.target);
        } else {
          const steps = prefix.slice();
          const visited = new Set(seen);
          visited.add(edge.target);
          expand(graph, edge.target, steps, visited, edge.family === 'data' && edge.access !== 'read');
          const target = nodes.get(edge.target)!;
          flows.push({ id: `proposed-${flows.length + 1}`, name: `${client.name} → ${target.name}`, steps, notes: '' });
        }
        prefix.pop();
      }
      prefix.length = mark;
    };
    walk(client.id);
  }
  return flows;
}

/**
 * The flow of work a component starts on its own (a scheduler's tick, a
 * crawler's loop): every connection below it, as `proposeFlows` takes them
 * below a route. Null when it starts nothing.
 */
export function proposeFlowFrom(design: Design, nodeId: string): Flow | null {
  const graph = flowGraph(design);
  const node = graph.nodes.get(nodeId);
  if (!node) return null;
  const steps: FlowStep[] = [];
  expand(graph, nodeId, steps, new Set([nodeId]), false);
  return steps.length === 0 ? null : { id: `proposed-from-${nodeId}`, name: `${node.name} → …`, steps, notes: '' };
}

const NONE: readonly DesignEdge[] = [];

interface FlowGraph {
  nodes: ReadonlyMap<string, Design['nodes'][number]>;
  /** Per component, once: every connection out (for routes). */
  outgoing: ReadonlyMap<string, DesignEdge[]>;
  /** Per component, once: the connections a request follows (not replication). */
  requestEdges: ReadonlyMap<string, DesignEdge[]>;
  role(id: string): ReturnType<typeof roleOfKind>;
}

function flowGraph(design: Design): FlowGraph {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const roles = new Map(design.nodes.map((n) => [n.id, roleOfKind(n.kind)]));
  const outgoing = new Map<string, DesignEdge[]>();
  const requestEdges = new Map<string, DesignEdge[]>();
  for (const edge of design.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const list = outgoing.get(edge.source);
    if (list) list.push(edge);
    else outgoing.set(edge.source, [edge]);
    if (!isRequestEdge(edge)) continue;
    const followed = requestEdges.get(edge.source);
    if (followed) followed.push(edge);
    else requestEdges.set(edge.source, [edge]);
  }
  return { nodes, outgoing, requestEdges, role: (id) => roles.get(id)! };
}

const isRequestEdge = (e: DesignEdge) => !(e.family === 'data' && e.access === 'replicate');

/** Kinds that check every request passing them. */
const CHECKERS: ReadonlySet<string> = new Set(['rate-limiter']);
const checks = (graph: FlowGraph, id: string) => CHECKERS.has(graph.nodes.get(id)!.kind);

/** A call that hands the request on: to a component that does work, or through another edge component. */
const forwards = (graph: FlowGraph, e: DesignEdge) => e.family === 'sync' && (graph.role(e.target) === 'compute' || graph.role(e.target) === 'edge');

/** A call to a rate limiter that forwards nowhere: it answers allow or deny, and the caller goes on. */
const isCheck = (graph: FlowGraph, e: DesignEdge) =>
  e.family === 'sync' && checks(graph, e.target) && !(graph.requestEdges.get(e.target) ?? NONE).some((x) => forwards(graph, x));

/**
 * A checker's own work, appended to `steps`: every connection out of it that
 * does not hand the request on (counters it reads and writes, rules it asks,
 * rejections it publishes), each followed as `expand` follows connections.
 */
function ownWork(graph: FlowGraph, id: string, steps: FlowStep[], onPath: ReadonlySet<string>) {
  const { nodes, requestEdges, role } = graph;
  const visited = new Set(onPath);
  visited.add(id);
  let readCache = false;
  for (const edge of requestEdges.get(id) ?? NONE) {
    if (forwards(graph, edge) || steps.length >= MAX_PROPOSED_STEPS) continue;
    const target = nodes.get(edge.target)!;
    const onMiss = readCache && edge.family === 'data' && role(edge.target) === 'datastore' && target.kind !== 'cache';
    steps.push(step(edge.id, onMiss ? 'on-miss' : 'always'));
    if (edge.family === 'data' && target.kind === 'cache' && edge.access !== 'write') readCache = true;
    if (visited.has(edge.target)) continue;
    visited.add(edge.target);
    expand(graph, edge.target, steps, visited, edge.family === 'data' && edge.access !== 'read');
  }
}
const step = (edge: string, when: FlowStep['when'] = 'always'): FlowStep => ({ edge, when, share: 1, parallel: false });

/**
 * The rest of a flow from a component: every connection below it, depth
 * first in design order. From a datastore the flow follows reads through
 * (a cache reading its database) and, when this flow wrote to it, the
 * changes it publishes (change data capture).
 */
function expand(graph: FlowGraph, from: string, steps: FlowStep[], visited: Set<string>, wroteFirst: boolean) {
  const { nodes, requestEdges, role } = graph;
  const written = new Set<string>(wroteFirst ? [from] : []);
  const stack: string[] = [from];
  // Depth first, in design order: children are pushed in reverse.
  while (stack.length > 0) {
    const id = stack.pop()!;
    const edges = requestEdges.get(id) ?? NONE;
    let readCache = false;
    const next: string[] = [];
    for (const edge of edges) {
      if (steps.length >= MAX_PROPOSED_STEPS) return;
      const targetRole = role(edge.target);
      if (role(id) === 'datastore' && edge.family !== 'data' && !(edge.family === 'async' && written.has(id))) continue;
      const onMiss = readCache && edge.family === 'data' && targetRole === 'datastore' && nodes.get(edge.target)!.kind !== 'cache';
      steps.push(step(edge.id, onMiss ? 'on-miss' : 'always'));
      if (edge.family === 'data' && nodes.get(edge.target)!.kind === 'cache' && edge.access !== 'write') readCache = true;
      if (edge.family === 'data' && edge.access !== 'read') written.add(edge.target);
      if (!visited.has(edge.target)) {
        visited.add(edge.target);
        next.push(edge.target);
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
}
