/**
 * Edits to a design's request flows, as the canvas makes them: create a flow
 * from its first connection, keep a proposed one, rename it, bind it to an
 * operation, add the next step, remove the last, mark a step. Every edit
 * keeps the flow valid (each step starts where the flow has been) and
 * returns the same design object when it changes nothing.
 */
import type { Design, DesignEdge, Flow, FlowStep } from './schema.ts';

/** The most flows a design holds, and steps a flow holds (the format's limits). */
export const MAX_FLOWS = 200;
export const MAX_STEPS = 1_000;

/** An id no flow of the design uses: f1, f2, ... */
export function freshFlowId(design: Pick<Design, 'flows'>): string {
  const used = new Set(design.flows.map((f) => f.id));
  let n = design.flows.length + 1;
  while (used.has(`f${n}`)) n++;
  return `f${n}`;
}

/** The components a flow's steps have reached so far: its entry and every step's target. */
export function reachedBy(steps: readonly Pick<FlowStep, 'edge'>[], edgesById: ReadonlyMap<string, DesignEdge>): Set<string> {
  const reached = new Set<string>();
  for (const step of steps) {
    const edge = edgesById.get(step.edge);
    if (!edge) continue;
    if (reached.size === 0) reached.add(edge.source);
    reached.add(edge.target);
  }
  return reached;
}

/**
 * The connections that can come next in a flow with these steps: for an
 * empty flow any connection (it decides the entry; those from components no
 * connection reaches come first, clients usually); else every connection
 * starting at a component the flow has reached that it does not already
 * cross, those from the component reached last first.
 */
export function nextStepCandidates(design: Pick<Design, 'edges'>, steps: readonly Pick<FlowStep, 'edge'>[]): DesignEdge[] {
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  if (steps.length === 0) {
    const targets = new Set(design.edges.map((e) => e.target));
    const starts = design.edges.filter((e) => !targets.has(e.source));
    const rest = design.edges.filter((e) => targets.has(e.source));
    return [...starts, ...rest];
  }
  const reached = reachedBy(steps, edgesById);
  const used = new Set(steps.map((s) => s.edge));
  // Most recent first: the last step's target, then back through the flow.
  const order: string[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const edge = edgesById.get(steps[i]!.edge);
    if (!edge) continue;
    for (const id of [edge.target, edge.source]) if (!order.includes(id)) order.push(id);
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  return design.edges
    .filter((e) => reached.has(e.source) && !used.has(e.id))
    .map((edge, i) => ({ edge, i }))
    .sort((a, b) => (rank.get(a.edge.source) ?? order.length) - (rank.get(b.edge.source) ?? order.length) || a.i - b.i)
    .map((x) => x.edge);
}

const step = (edge: string): FlowStep => ({ edge, when: 'always', share: 1, parallel: false });

export interface NewFlow {
  name: string;
  firstEdge: string;
  operation?: string | undefined;
  rateRps?: number | undefined;
}

/** A new flow starting with one connection; null when the connection is missing or the design is full. */
export function addFlow(design: Design, input: NewFlow): { design: Design; id: string } | null {
  if (design.flows.length >= MAX_FLOWS || !design.edges.some((e) => e.id === input.firstEdge)) return null;
  const name = input.name.trim().slice(0, 80);
  if (!name) return null;
  const id = freshFlowId(design);
  const flow: Flow = {
    id,
    name,
    ...(input.operation ? { operation: input.operation } : {}),
    ...(input.rateRps !== undefined ? { rateRps: input.rateRps } : {}),
    steps: [step(input.firstEdge)],
    notes: '',
  };
  return { design: { ...design, flows: [...design.flows, flow] }, id };
}

/**
 * A proposed flow made part of the design under a new id, with the steps
 * that still fit it (a proposal made before the last edit may have lost
 * some); null when none does or the design is full.
 */
export function keepFlow(design: Design, proposed: Flow, patch: { name?: string; operation?: string | undefined } = {}): { design: Design; id: string } | null {
  if (design.flows.length >= MAX_FLOWS) return null;
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const steps: FlowStep[] = [];
  const reached = new Set<string>();
  for (const s of proposed.steps) {
    const edge = edgesById.get(s.edge);
    if (!edge) continue;
    if (steps.length === 0) reached.add(edge.source);
    else if (!reached.has(edge.source)) continue;
    reached.add(edge.target);
    steps.push({ ...s });
    if (steps.length >= MAX_STEPS) break;
  }
  if (steps.length === 0) return null;
  const id = freshFlowId(design);
  const { id: _id, operation: _operation, ...rest } = proposed;
  const name = (patch.name ?? proposed.name).trim().slice(0, 80) || proposed.name;
  const flow: Flow = { ...rest, id, name, ...(patch.operation ? { operation: patch.operation } : {}), steps };
  return { design: { ...design, flows: [...design.flows, flow] }, id };
}

function mapFlow(design: Design, id: string, change: (flow: Flow) => Flow): Design {
  let changed = false;
  const flows = design.flows.map((f) => {
    if (f.id !== id) return f;
    const next = change(f);
    if (next !== f) changed = true;
    return next;
  });
  return changed ? { ...design, flows } : design;
}

export interface FlowPatch {
  name?: string;
  /** Null unbinds. */
  operation?: string | null;
  /** Null means the problem's figure. */
  rateRps?: number | null;
  notes?: string;
}

export function updateFlow(design: Design, id: string, patch: FlowPatch): Design {
  return mapFlow(design, id, (flow) => {
    const next: Flow = { ...flow };
    let changed = false;
    if (patch.name !== undefined) {
      const name = patch.name.trim().slice(0, 80);
      if (name && name !== flow.name) {
        next.name = name;
        changed = true;
      }
    }
    if (patch.operation !== undefined && (patch.operation ?? undefined) !== flow.operation) {
      if (patch.operation === null || patch.operation === '') delete next.operation;
      else next.operation = patch.operation;
      changed = true;
    }
    if (patch.rateRps !== undefined && (patch.rateRps ?? undefined) !== flow.rateRps) {
      if (patch.rateRps === null) delete next.rateRps;
      else if (Number.isFinite(patch.rateRps) && patch.rateRps > 0 && patch.rateRps <= 10_000_000) next.rateRps = patch.rateRps;
      else return flow;
      changed = true;
    }
    if (patch.notes !== undefined && patch.notes !== flow.notes) {
      next.notes = patch.notes.slice(0, 4000);
      changed = true;
    }
    return changed ? next : flow;
  });
}

/** The flow with one more step, when the connection can come next (see nextStepCandidates). */
export function addStep(design: Design, id: string, edgeId: string): Design {
  return mapFlow(design, id, (flow) => {
    if (flow.steps.length >= MAX_STEPS) return flow;
    if (!nextStepCandidates(design, flow.steps).some((e) => e.id === edgeId)) return flow;
    return { ...flow, steps: [...flow.steps, step(edgeId)] };
  });
}

/** The flow without its last step; a flow keeps at least one (delete the flow instead). */
export function removeLastStep(design: Design, id: string): Design {
  return mapFlow(design, id, (flow) => (flow.steps.length <= 1 ? flow : { ...flow, steps: flow.steps.slice(0, -1) }));
}

export interface StepPatch {
  when?: FlowStep['when'];
  parallel?: boolean;
  share?: number;
}

/** Marks a step on-miss, parallel, or taken by a share of the requests (0 < share <= 1). */
export function updateStep(design: Design, id: string, index: number, patch: StepPatch): Design {
  return mapFlow(design, id, (flow) => {
    const current = flow.steps[index];
    if (!current) return flow;
    const next: FlowStep = { ...current };
    if (patch.when !== undefined) next.when = patch.when;
    if (patch.parallel !== undefined) next.parallel = patch.parallel;
    if (patch.share !== undefined) {
      if (!(Number.isFinite(patch.share) && patch.share > 0 && patch.share <= 1)) return flow;
      next.share = patch.share;
    }
    if (next.when === current.when && next.parallel === current.parallel && next.share === current.share) return flow;
    return { ...flow, steps: flow.steps.map((s, i) => (i === index ? next : s)) };
  });
}

export function removeFlow(design: Design, id: string): Design {
  return design.flows.some((f) => f.id === id) ? { ...design, flows: design.flows.filter((f) => f.id !== id) } : design;
}

/** Whether two flows cross the same connections in the same order. */
export function sameSteps(a: Pick<Flow, 'steps'>, b: Pick<Flow, 'steps'>): boolean {
  return a.steps.length === b.steps.length && a.steps.every((s, i) => s.edge === b.steps[i]!.edge);
}
