/**
 * Which request flow of a design serves each of a problem's operations.
 *
 * Candidates are the flows the learner drew and, for an operation none of
 * them is for, the flows Skyline proposes (one per route from a client, or
 * the work a component starts on its own for an operation that comes from
 * one, such as a crawler's fetch loop). A candidate serves an operation when
 * the first component on its request path that does any of the problem's
 * operations does this one. So a design that puts every capability in one
 * line serves only the operation at the head of the line: the others have no
 * route of their own.
 */
import { proposeFlowFrom, proposeFlows, resolveFlow, type ResolvedFlow } from '../diagram/flows.ts';
import type { Design, DesignEdge, Flow } from '../diagram/schema.ts';
import { describeBindingIssue, type Bindings } from './bindings.ts';
import type { Operation, Problem } from './problem.ts';
import { phraseKey } from './words.ts';

export interface OperationFlow {
  operation: Operation;
  /** The flow serving it, or null. */
  flow: ResolvedFlow | null;
  /** Whether the flow was drawn by the learner (else proposed by Skyline). */
  drawn: boolean;
  /** The component answering the operation on that flow. */
  server: string | null;
  /** Why there is no flow, for the learner. */
  reason: string;
}

function nameMatches(flow: Flow, operation: Operation): boolean {
  const names = [operation.id, operation.name, ...operation.synonyms].map(phraseKey);
  return flow.operation === operation.id || names.includes(phraseKey(flow.name));
}

/** The first component on the request path doing one of the given capabilities' work, and which. */
function firstServer(flow: ResolvedFlow, servers: ReadonlyMap<string, ReadonlySet<string>>): { node: string; capabilities: ReadonlySet<string> } | null {
  if (servers.has(flow.entry)) return { node: flow.entry, capabilities: servers.get(flow.entry)! };
  for (const step of flow.steps) {
    if (step.afterResponse) continue;
    const caps = servers.get(step.edge.target);
    if (caps) return { node: step.edge.target, capabilities: caps };
  }
  return null;
}

export function operationFlows(design: Design, problem: Problem, bindings: Bindings): Map<string, OperationFlow> {
  const out = new Map<string, OperationFlow>();
  if (problem.operations.length === 0) return out;
  const edgesById = new Map<string, DesignEdge>(design.edges.map((e) => [e.id, e]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const resolve = (f: Flow) => resolveFlow(f, edgesById, (id) => kinds.get(id));

  // Component -> the serving capabilities it is bound to.
  const servers = new Map<string, Set<string>>();
  for (const op of problem.operations) {
    for (const b of bindings.byCapability.get(op.servedBy) ?? []) {
      const set = servers.get(b.nodeId) ?? new Set<string>();
      set.add(op.servedBy);
      servers.set(b.nodeId, set);
    }
  }

  let proposed: ResolvedFlow[] | null = null;
  const proposedFromClients = () => (proposed ??= proposeFlows(design).map(resolve).filter((f): f is ResolvedFlow => f !== null));

  for (const op of problem.operations) {
    const label = `“${op.name}”`;
    const serving = bindings.byCapability.get(op.servedBy) ?? [];
    const drawn = design.flows.filter((f) => nameMatches(f, op)).map(resolve).filter((f): f is ResolvedFlow => f !== null);
    let candidates: ResolvedFlow[];
    let isDrawn = drawn.length > 0;
    if (isDrawn) candidates = drawn;
    else if (op.from) {
      const starters = bindings.byCapability.get(op.from) ?? [];
      candidates = starters.map((b) => proposeFlowFrom(design, b.nodeId)).filter((f): f is Flow => f !== null).map(resolve).filter((f): f is ResolvedFlow => f !== null);
    } else candidates = proposedFromClients();

    let found: OperationFlow | null = null;
    for (const flow of candidates) {
      const first = firstServer(flow, servers);
      if (first && first.capabilities.has(op.servedBy)) {
        found = { operation: op, flow, drawn: isDrawn, server: first.node, reason: '' };
        break;
      }
    }
    if (!found && isDrawn) {
      // A drawn flow that does not reach the server: fall back to the proposed routes, and say so if they fail too.
      isDrawn = false;
      for (const flow of op.from ? [] : proposedFromClients()) {
        const first = firstServer(flow, servers);
        if (first && first.capabilities.has(op.servedBy)) {
          found = { operation: op, flow, drawn: false, server: first.node, reason: '' };
          break;
        }
      }
    }
    if (found) {
      out.set(op.id, found);
      continue;
    }
    const capability = problem.capabilities.find((c) => c.id === op.servedBy);
    const what = capability ? `“${capability.label}”` : op.servedBy;
    let reason: string;
    const issue = serving.length === 0 ? bindingProblem(design, problem, bindings, op.servedBy) : null;
    if (issue) reason = `${label}: ${issue}`;
    else if (serving.length === 0) reason = `${label} has no component doing ${what} that a request reaches.`;
    else {
      const names = serving.map((b) => design.nodes.find((n) => n.id === b.nodeId)?.name ?? b.nodeId).join(', ');
      const blocked = candidates.find((f) => f.nodes.some((n) => serving.some((b) => b.nodeId === n)));
      const blocker = blocked ? firstServer(blocked, servers) : null;
      const blockerName = blocker ? design.nodes.find((n) => n.id === blocker.node)?.name : null;
      reason = blockerName
        ? `${label} has no route of its own: requests reach ${names} only through ${blockerName}, which does another operation.`
        : op.from
          ? (bindings.byCapability.get(op.from) ?? []).length === 0
            ? `${label} has no flow: it is started by ${fromLabel(problem, op.from)}, and no component in the design does that.`
            : `${label} has no flow: nothing starts work that reaches ${names}.`
          : `${label} has no route from a client to ${names}.`;
    }
    out.set(op.id, { operation: op, flow: null, drawn: false, server: null, reason });
  }
  return out;
}

function fromLabel(problem: Problem, capabilityId: string): string {
  const capability = problem.capabilities.find((c) => c.id === capabilityId);
  return capability ? `“${capability.label}”` : capabilityId;
}

/** Why a component suggested for a capability does not count for it, if one is. */
function bindingProblem(design: Design, problem: Problem, bindings: Bindings, capabilityId: string): string | null {
  const capability = problem.capabilities.find((c) => c.id === capabilityId);
  if (!capability) return null;
  for (const [nodeId, list] of bindings.byNode) {
    const entry = list.find((b) => b.capability.id === capabilityId && b.issue !== null);
    const node = design.nodes.find((n) => n.id === nodeId);
    if (entry && node) return describeBindingIssue(entry.issue!, node, capability, problem);
  }
  return null;
}
