/**
 * What the flows panel and the step-through read: the design's flows and the
 * ones Skyline proposes, resolved against the design as of its last
 * structural change (a drag recomputes nothing), and, in a problem, which
 * flow serves each of its operations.
 */
import { useContext, useMemo } from 'react';
import { sameSteps } from '../../../domain/diagram/flow-edits.ts';
import { flowNames, type FlowNames } from '../../../domain/diagram/flow-words.ts';
import { proposeFlows, resolveFlow, type ResolvedFlow } from '../../../domain/diagram/flows.ts';
import type { Design, Flow } from '../../../domain/diagram/schema.ts';
import { bindCapabilities, type Bindings } from '../../../domain/rubric/bindings.ts';
import { operationFlows, type OperationFlow } from '../../../domain/rubric/operations.ts';
import type { Problem } from '../../../domain/rubric/problem.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { ProblemContext } from '../capabilities-context.ts';
import { useWalkStore, type WalkedFlow } from './walk-store.ts';

export function resolverFor(design: Design): (flow: Flow) => ResolvedFlow | null {
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  return (flow) => resolveFlow(flow, edgesById, (id) => kinds.get(id));
}

export interface FlowsModel {
  design: Design;
  names: FlowNames;
  drawn: ResolvedFlow[];
  /** Proposals that no drawn flow already follows step for step. */
  proposed: ResolvedFlow[];
  problem: Problem | null;
  bindings: Bindings | null;
  /** By operation id, in the problem's order. */
  operations: Map<string, OperationFlow> | null;
}

export function useFlowsModel(): FlowsModel {
  const design = useStructuralDesign();
  const problem = useContext(ProblemContext);
  return useMemo(() => {
    const resolve = resolverFor(design);
    const drawn = design.flows.map(resolve).filter((f): f is ResolvedFlow => f !== null);
    const proposed = proposeFlows(design)
      .filter((p) => !design.flows.some((f) => sameSteps(f, p)))
      .map(resolve)
      .filter((f): f is ResolvedFlow => f !== null);
    const bindings = problem ? bindCapabilities(design, problem) : null;
    const operations = problem && bindings ? operationFlows(design, problem, bindings) : null;
    return { design, names: flowNames(design), drawn, proposed, problem, bindings, operations };
  }, [design, problem]);
}

export interface WalkView {
  walk: WalkedFlow;
  flow: ResolvedFlow;
  /** The current step, within the flow's steps. */
  index: number;
  names: FlowNames;
}

/** The flow being stepped through, as the design now has it; null when none is, or it has no step left. */
export function useWalkView(): WalkView | null {
  const design = useStructuralDesign();
  const walk = useWalkStore((s) => s.walk);
  const step = useWalkStore((s) => s.step);
  const resolved = useMemo(() => {
    if (!walk) return null;
    const flow = walk.source === 'drawn' ? design.flows.find((f) => f.id === walk.flowId) : walk.flow;
    const r = flow ? resolverFor(design)(flow) : null;
    return r && r.steps.length > 0 ? { flow: r, names: flowNames(design) } : null;
  }, [design, walk]);
  if (!walk || !resolved) return null;
  return { walk, flow: resolved.flow, index: Math.min(step, resolved.flow.steps.length - 1), names: resolved.names };
}
