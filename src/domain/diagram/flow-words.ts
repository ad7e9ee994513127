/**
 * Request flows in words, as a learner reads them and a screen reader says
 * them: each step as a sentence ("Redirect service reads Link cache"), and a
 * whole flow as one line that follows the request ("Browser → Load balancer
 * → Redirect service → reads Link cache → on a miss reads Links DB →
 * publishes to Click events; after the response: Click counter consumes").
 *
 * In the line, the component doing the work is named once: a call moves the
 * request on to the component called, a read, write or publish is done by
 * the component the request is at, and a consumer takes the work over after
 * a message. A step made by another component names it.
 */
import { getKind } from './catalog.ts';
import type { ResolvedFlow, ResolvedStep } from './flows.ts';
import type { DesignEdge, DesignNode } from './schema.ts';

export interface FlowNames {
  name(nodeId: string): string;
  /** The component's kind, when it exists. */
  kind(nodeId: string): string | undefined;
}

export function flowNames(design: { nodes: readonly Pick<DesignNode, 'id' | 'name' | 'kind'>[] }): FlowNames {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return { name: (id) => byId.get(id)?.name ?? id, kind: (id) => byId.get(id)?.kind };
}

type Action = 'call' | 'read' | 'write' | 'read-write' | 'replicate' | 'publish' | 'consume' | 'message';

const roleOf = (names: FlowNames, id: string) => {
  const kind = names.kind(id);
  return kind === undefined ? undefined : getKind(kind).role;
};

export function stepAction(edge: DesignEdge, names: FlowNames): Action {
  switch (edge.family) {
    case 'sync':
      return 'call';
    case 'data':
      return edge.access;
    case 'async':
      if (roleOf(names, edge.target) === 'broker') return 'publish';
      if (roleOf(names, edge.source) === 'broker') return 'consume';
      return 'message';
  }
}

/** What is done to the target, as a verb phrase: "reads Link cache". */
function verbPhrase(action: Action, target: string): string {
  switch (action) {
    case 'call':
      return `calls ${target}`;
    case 'read':
      return `reads ${target}`;
    case 'write':
      return `writes ${target}`;
    case 'read-write':
      return `reads and writes ${target}`;
    case 'replicate':
      return `replicates to ${target}`;
    case 'publish':
      return `publishes to ${target}`;
    case 'message':
      return `sends a message to ${target}`;
    case 'consume':
      return `is consumed by ${target}`;
  }
}

function percent(share: number): string {
  const p = share * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** Words for the step's conditions, in front of it: "on a miss", "at the same time". */
function conditions(step: ResolvedStep): string[] {
  const out: string[] = [];
  if (step.step.when === 'on-miss') out.push('on a miss');
  if (step.step.parallel) out.push('at the same time');
  return out;
}

const shareNote = (step: ResolvedStep) => (step.step.share < 1 ? ` (${percent(step.step.share)} of requests)` : '');

/** One step as a sentence that stands alone: "On a miss, Redirect service reads Links DB (10% of requests)". */
export function describeStep(step: ResolvedStep, names: FlowNames): string {
  const { edge } = step;
  const action = stepAction(edge, names);
  const source = names.name(edge.source);
  const target = names.name(edge.target);
  const core = action === 'consume' ? `${target} consumes from ${source}` : `${source} ${verbPhrase(action, target)}`;
  const before = conditions(step);
  const lead = before.length > 0 ? `${capitalise(before.join(' and '))}, ` : '';
  return `${lead}${before.length > 0 ? core : capitalise(core)}${shareNote(step)}`;
}

const capitalise = (s: string) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));

/**
 * The whole flow on one line, following the request. The steps made after
 * the response start "; after the response:", and a step back on the
 * request path after them starts "; during the request:". A flow longer
 * than `maxSteps` ends with how many steps are left out.
 */
export function describeFlow(flow: ResolvedFlow, names: FlowNames, maxSteps = Infinity): string {
  let actor = flow.entry;
  let lastBroker: string | null = null;
  let line = names.name(flow.entry);
  let after = false;
  for (const step of flow.steps) {
    if (step.index >= maxSteps) {
      const left = flow.steps.length - step.index;
      return `${line} → … and ${left} more step${left === 1 ? '' : 's'}`;
    }
    const { edge } = step;
    const action = stepAction(edge, names);
    const target = names.name(edge.target);
    const bySomeoneElse = edge.source !== actor;
    let fragment: string;
    if (action === 'call') fragment = bySomeoneElse ? `${names.name(edge.source)} calls ${target}` : target;
    else if (action === 'consume') fragment = edge.source === lastBroker || edge.source === actor ? `${target} consumes` : `${target} consumes from ${names.name(edge.source)}`;
    else fragment = `${bySomeoneElse ? `${names.name(edge.source)} ` : ''}${verbPhrase(action, target)}`;
    const before = conditions(step);
    fragment = `${before.length > 0 ? `${before.join(' and ')} ` : ''}${fragment}${shareNote(step)}`;
    const separator = step.afterResponse === after ? ' → ' : step.afterResponse ? '; after the response: ' : '; during the request: ';
    after = step.afterResponse;
    line += separator + fragment;
    if (action === 'call' || action === 'consume' || action === 'message') actor = edge.target;
    else if (action === 'publish') lastBroker = edge.target;
  }
  return line;
}
