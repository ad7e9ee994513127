/**
 * Turns a design and run options into the engine's model (see model.ts):
 * figures per component, policies per connection, and each flow as a tree of
 * hops. Flows come from the design, or are proposed from its entry points
 * when it has none. Returns a message naming the problem instead of throwing
 * when the options name something the design does not have.
 */
import { getKind } from '../diagram/catalog.ts';
import { proposeFlows, resolveFlow } from '../diagram/flows.ts';
import type { Design, DesignEdge, Flow } from '../diagram/schema.ts';
import { distributionCode, nodeFigures, type NodeFigures } from './figures.ts';
import {
  BACKOFF_EXPONENTIAL,
  BACKOFF_FIXED,
  BACKOFF_NONE,
  HOP_CALL,
  HOP_CONSUME,
  HOP_DETACHED,
  HOP_ROOT,
  PER_ITEM_CALLS,
  UNLIMITED,
  type CompiledFault,
  type Model,
} from './model.ts';
import { DEFAULT_RATE_RPS, type Fault, type SimulationOptions } from './options.ts';
import { logNormalSigma, LOG_NORMAL } from './random.ts';

export type Compiled = { ok: true; model: Model; flows: Flow[] } | { ok: false; message: string };

const MAX_MISS_BITS = 30;

/** The flows a run simulates: the design's own, or proposed ones for a design with none. */
export function flowsToSimulate(design: Design): Flow[] {
  return design.flows.length > 0 ? design.flows : proposeFlows(design);
}

function pick<T extends { id: string; name: string }>(items: readonly T[], ref: string): T | T[] | undefined {
  const byId = items.find((x) => x.id === ref);
  if (byId) return byId;
  const lower = ref.toLowerCase();
  const byName = items.filter((x) => x.name.toLowerCase() === lower);
  return byName.length === 1 ? byName[0] : byName.length > 1 ? byName : undefined;
}

export function compile(design: Design, options: SimulationOptions): Compiled {
  const allFlows = flowsToSimulate(design);
  if (allFlows.length === 0) {
    return { ok: false, message: 'The design has no request flows, and none can be proposed: draw a client that calls a component.' };
  }
  let flows = allFlows;
  if (options.flows && options.flows.length > 0) {
    flows = [];
    for (const ref of options.flows) {
      const found = pick(allFlows, ref);
      if (found === undefined) return { ok: false, message: `No flow is called "${ref}". The flows are: ${allFlows.map((f) => `"${f.name}"`).join(', ')}.` };
      if (Array.isArray(found)) return { ok: false, message: `${found.length} flows are called "${ref}"; name one by its id (${found.map((f) => f.id).join(', ')}).` };
      if (!flows.includes(found)) flows.push(found);
    }
  }

  const n = design.nodes.length;
  const nodeNumber = new Map(design.nodes.map((node, i) => [node.id, i]));
  const figures: NodeFigures[] = design.nodes.map(nodeFigures);
  const role = design.nodes.map((node) => getKind(node.kind).role);
  const instances = new Int32Array(n);
  const concurrency = new Int32Array(n);
  const errorRate = new Float64Array(n);
  figures.forEach((f, i) => {
    instances[i] = f.instances;
    concurrency[i] = role[i] === 'client' ? UNLIMITED : f.concurrency;
    errorRate[i] = f.errorRate;
  });

  const m = design.edges.length;
  const edgeNumber = new Map(design.edges.map((edge, k) => [edge.id, k]));
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const timeoutMs = new Float64Array(m).fill(Infinity);
  const attempts = new Int32Array(m).fill(1);
  const backoff = new Uint8Array(m);
  const jitter = new Uint8Array(m);
  const breaker = new Uint8Array(m);
  const callsPerRequest = new Int32Array(m).fill(1);
  const parallelCalls = new Uint8Array(m);
  const consumers = new Int32Array(m).fill(1);
  design.edges.forEach((edge, k) => {
    const s = nodeNumber.get(edge.source)!;
    const t = nodeNumber.get(edge.target)!;
    edgeSource[k] = s;
    edgeTarget[k] = t;
    if (edge.family === 'sync') {
      if (edge.timeoutMs !== null) timeoutMs[k] = edge.timeoutMs;
      attempts[k] = edge.retry.maxAttempts;
      backoff[k] = edge.retry.backoff === 'none' ? BACKOFF_NONE : edge.retry.backoff === 'fixed' ? BACKOFF_FIXED : BACKOFF_EXPONENTIAL;
      jitter[k] = edge.retry.jitter ? 1 : 0;
      breaker[k] = edge.circuitBreaker ? 1 : 0;
      callsPerRequest[k] = edge.callsPerRequest === 'per-item' ? PER_ITEM_CALLS : edge.callsPerRequest;
      parallelCalls[k] = edge.fanOut === 'parallel' ? 1 : 0;
    } else if (edge.family === 'async' && role[s] === 'broker') {
      // Redelivery of a failed message; the broker's consumers, or the consumer's whole capacity.
      attempts[k] = edge.retry.maxAttempts;
      consumers[k] = figures[s]!.consumers ?? Math.min(UNLIMITED, figures[t]!.instances * concurrency[t]!);
    }
  });

  const hopKindOf = (edge: DesignEdge): number => {
    const s = role[nodeNumber.get(edge.source)!];
    const t = role[nodeNumber.get(edge.target)!];
    if (edge.family === 'sync') return HOP_CALL;
    if (edge.family === 'data') return edge.access === 'replicate' ? HOP_DETACHED : HOP_CALL;
    if (s === 'broker') return HOP_CONSUME;
    if (t === 'broker' && s !== 'datastore') return HOP_CALL;
    return HOP_DETACHED;
  };

  // Hops, flow by flow.
  const hopKind: number[] = [];
  const hopFlow: number[] = [];
  const hopEdge: number[] = [];
  const hopTarget: number[] = [];
  const hopShare: number[] = [];
  const hopParallel: boolean[] = [];
  const hopOnMiss: boolean[] = [];
  const hopParent: number[] = [];
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const kindOf = (id: string) => design.nodes[nodeNumber.get(id) ?? -1]?.kind;
  const flowRoot = new Int32Array(flows.length);
  const flowRate = new Float64Array(flows.length);
  const addHop = (kind: number, flow: number, edge: number, target: number, parent: number, share: number, parallel: boolean, onMiss: boolean) => {
    hopKind.push(kind);
    hopFlow.push(flow);
    hopEdge.push(edge);
    hopTarget.push(target);
    hopShare.push(share);
    hopParallel.push(parallel);
    hopOnMiss.push(onMiss);
    hopParent.push(parent);
    return hopKind.length - 1;
  };
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f]!;
    flowRate[f] = options.rps ?? options.rates[flow.id] ?? flow.rateRps ?? DEFAULT_RATE_RPS;
    const resolved = resolveFlow(flow, edgesById, kindOf);
    if (!resolved) return { ok: false, message: `Flow "${flow.name}" has no step on a connection the design has.` };
    const entry = nodeNumber.get(resolved.entry)!;
    const root = addHop(HOP_ROOT, f, -1, entry, -1, 1, false, false);
    flowRoot[f] = root;
    const lastReached = new Map<number, number>([[entry, root]]);
    for (const { step, edge } of resolved.steps) {
      const s = nodeNumber.get(edge.source)!;
      const t = nodeNumber.get(edge.target)!;
      const parent = lastReached.get(s);
      if (parent === undefined) continue;
      const hop = addHop(hopKindOf(edge), f, edgeNumber.get(edge.id)!, t, parent, step.share, step.parallel, step.when === 'on-miss');
      lastReached.set(t, hop);
    }
  }

  const hops = hopKind.length;
  // Children in step order (compressed rows), stages, cache reads and the on-miss steps that follow them.
  const childCount = new Int32Array(hops + 1);
  for (let h = 0; h < hops; h++) if (hopParent[h]! >= 0) childCount[hopParent[h]! + 1]!++;
  const childStart = new Int32Array(hops + 1);
  for (let h = 0; h < hops; h++) childStart[h + 1] = childStart[h]! + childCount[h + 1]!;
  const childList = new Int32Array(childStart[hops]!);
  const childNewStage = new Uint8Array(childStart[hops]!);
  const fill = childStart.slice(0, hops);
  const hopPosition = new Int32Array(hops);
  const hopMissOf = new Int32Array(hops).fill(-1);
  const hopHitRatio = new Float64Array(hops).fill(-1);
  const hopDist = new Uint8Array(hops);
  const hopCentre = new Float64Array(hops);
  const hopSigma = new Float64Array(hops);
  for (let h = 0; h < hops; h++) {
    const target = hopTarget[h]!;
    const fig = figures[target]!;
    const edge = hopEdge[h]!;
    const kind = hopKind[h]!;
    // Service time: the target's, or the broker's per-message time for a delivered message.
    let centre = fig.latencyMs;
    if (kind === HOP_CONSUME) centre = figures[edgeSource[edge]!]!.messageMs ?? centre;
    const code = distributionCode(fig.distribution);
    hopDist[h] = code;
    hopCentre[h] = centre;
    hopSigma[h] = code === LOG_NORMAL ? logNormalSigma(fig.latencyMs, fig.p99Ms) : 0;
    const designEdge = edge >= 0 ? design.edges[edge]! : undefined;
    if (fig.hitRatio !== null && designEdge?.family === 'data' && designEdge.access !== 'write') hopHitRatio[h] = fig.hitRatio;
    const parent = hopParent[h]!;
    if (parent < 0) continue;
    const slot = fill[parent]!++;
    const position = slot - childStart[parent]!;
    childList[slot] = h;
    childNewStage[slot] = position === 0 || !hopParallel[h] ? 1 : 0;
    hopPosition[h] = position;
    if (hopOnMiss[h]) {
      for (let q = slot - 1; q >= childStart[parent]!; q--) {
        const sibling = childList[q]!;
        if (hopHitRatio[sibling]! >= 0) {
          if (hopPosition[sibling]! < MAX_MISS_BITS) hopMissOf[h] = hopPosition[sibling]!;
          break;
        }
      }
    }
  }

  const faults: CompiledFault[] = [];
  for (const fault of options.faults) {
    const compiledFault = compileFault(design, fault);
    if (!compiledFault.ok) return compiledFault;
    faults.push(compiledFault.fault);
  }

  const model: Model = {
    n,
    nodeIds: design.nodes.map((x) => x.id),
    nodeNames: design.nodes.map((x) => x.name),
    instances,
    concurrency,
    errorRate,
    m,
    edgeIds: design.edges.map((e) => e.id),
    edgeSource,
    edgeTarget,
    timeoutMs,
    attempts,
    backoff,
    jitter,
    breaker,
    callsPerRequest,
    parallelCalls,
    consumers,
    hops,
    hopKind: Uint8Array.from(hopKind),
    hopFlow: Int32Array.from(hopFlow),
    hopEdge: Int32Array.from(hopEdge),
    hopTarget: Int32Array.from(hopTarget),
    hopShare: Float64Array.from(hopShare),
    hopDist,
    hopCentre,
    hopSigma,
    hopHitRatio,
    hopPosition,
    hopMissOf,
    childStart,
    childList,
    childNewStage,
    flowIds: flows.map((f) => f.id),
    flowNames: flows.map((f) => f.name),
    flowRoot,
    flowRate,
    faults,
  };
  return { ok: true, model, flows };
}

/** A fault in the engine's terms: the node or connection numbers it touches, in design order. */
export function compileFault(design: Design, fault: Fault): { ok: true; fault: CompiledFault } | { ok: false; message: string } {
  const startMs = fault.startS * 1000;
  const endMs = fault.endS === undefined ? Infinity : fault.endS * 1000;
  if (endMs <= startMs) return { ok: false, message: `A ${fault.kind} fault must end after it starts.` };
  if (fault.kind === 'partition') {
    const edge = design.edges.findIndex((e) => e.id === fault.edge);
    if (edge < 0) return { ok: false, message: `No connection has the id "${fault.edge}".` };
    return { ok: true, fault: { kind: 'partition', targets: [edge], amount: 0, startMs, endMs } };
  }
  if (fault.kind === 'group-down') {
    const group = pick(design.groups, fault.group);
    if (group === undefined || Array.isArray(group)) return { ok: false, message: `No boundary is called "${fault.group}".` };
    const members = design.nodes.flatMap((node, i) => (node.groupId === group.id ? [i] : []));
    return { ok: true, fault: { kind: 'down', targets: members, amount: 0, startMs, endMs } };
  }
  const node = pick(design.nodes, fault.node);
  if (node === undefined) return { ok: false, message: `No component is called "${fault.node}".` };
  if (Array.isArray(node)) return { ok: false, message: `${node.length} components are called "${fault.node}"; name one by its id (${node.map((x) => x.id).join(', ')}).` };
  const amount = fault.kind === 'slow' ? fault.factor : fault.kind === 'flaky' ? fault.errorRate : (fault.instances ?? 0);
  return { ok: true, fault: { kind: fault.kind, targets: [design.nodes.indexOf(node)], amount, startMs, endMs } };
}
