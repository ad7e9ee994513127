/**
 * The rubric scorer: pure, over a design, its findings and the problem.
 * Every criterion reports whether it is met and, when it is not, why, so the
 * learner always sees what earns points and what is missing.
 */
import type { KindId } from '../diagram/catalog.ts';
import { buildGraphIndex, type GraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';
import type { Finding } from '../rules/types.ts';
import { checkSlo } from '../simulator/slo.ts';
import { matchCapabilities, type CapabilityMatch } from './capabilities.ts';
import type { Criterion, Problem } from './problem.ts';

export interface CriterionResult {
  criterion: Criterion;
  met: boolean;
  earned: number;
  /** A learner-facing sentence on what was found. */
  detail: string;
}

export interface RubricScore {
  /** 0 to 100. */
  score: number;
  earned: number;
  possible: number;
  results: CriterionResult[];
  matches: Map<string, CapabilityMatch[]>;
}

interface Context {
  design: Design;
  index: GraphIndex;
  findings: readonly Finding[];
  anyCapability: boolean;
  nodesOf(capability: string): string[];
  label(capability: string): string;
  name(nodeId: string): string;
}

const kindsOf = (kind: KindId | KindId[]): Set<string> => new Set(Array.isArray(kind) ? kind : [kind]);

/** Nodes reachable from `starts` following edges forward; `allow` filters edges. */
function reachable(ctx: Context, starts: string[], allow: (family: 'sync' | 'async' | 'data') => boolean): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const edge of ctx.index.outgoing(id)) {
      if (!allow(edge.family) || seen.has(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return seen;
}

function reaches(ctx: Context, c: Extract<Criterion, { type: 'reaches' }>): [boolean, string] {
  const from = ctx.nodesOf(c.from);
  const to = new Set(ctx.nodesOf(c.to));
  if (from.length === 0) return [false, `Nothing in the design does “${ctx.label(c.from)}” yet.`];
  if (to.size === 0) return [false, `Nothing in the design does “${ctx.label(c.to)}” yet.`];
  const any = reachable(ctx, from, () => true);
  const syncOnly = reachable(ctx, from, (f) => f !== 'async');
  const hitAny = [...to].some((id) => any.has(id));
  const hitSync = [...to].some((id) => syncOnly.has(id));
  switch (c.via) {
    case 'any':
      return hitAny ? [true, `${ctx.label(c.from)} reaches ${ctx.label(c.to)}.`] : [false, `${ctx.label(c.from)} has no path to ${ctx.label(c.to)}.`];
    case 'sync':
      return hitSync
        ? [true, `${ctx.label(c.from)} calls ${ctx.label(c.to)} synchronously.`]
        : [false, `${ctx.label(c.from)} has no synchronous path to ${ctx.label(c.to)}.`];
    case 'async': {
      // A path that crosses at least one asynchronous edge.
      const viaAsync = new Set<string>();
      for (const id of any) for (const e of ctx.index.outgoing(id, 'async')) viaAsync.add(e.target);
      const after = reachable(ctx, [...viaAsync], () => true);
      const ok = [...to].some((id) => after.has(id));
      return ok
        ? [true, `${ctx.label(c.from)} reaches ${ctx.label(c.to)} through a message.`]
        : [false, `${ctx.label(c.from)} does not reach ${ctx.label(c.to)} through a queue or topic.`];
    }
    case 'not-sync':
      if (!hitAny) return [false, `${ctx.label(c.from)} has no path to ${ctx.label(c.to)} at all.`];
      return hitSync
        ? [false, `${ctx.label(c.from)} still waits on ${ctx.label(c.to)} through a synchronous path.`]
        : [true, `${ctx.label(c.from)} reaches ${ctx.label(c.to)} without waiting on it.`];
  }
}

function component(ctx: Context, c: Extract<Criterion, { type: 'component' }>): [boolean, string] {
  const nodes = ctx.nodesOf(c.capability);
  if (nodes.length === 0) return [false, `Nothing in the design does “${ctx.label(c.capability)}” yet.`];
  const kinds = kindsOf(c.kind);
  const kindLabel = [...kinds].join(' or ');
  if (c.position === 'behind') {
    for (const id of nodes) {
      for (const e of ctx.index.outgoing(id)) {
        const target = ctx.index.nodeById.get(e.target);
        if (target && kinds.has(target.kind)) return [true, `${ctx.name(id)} uses ${target.name}.`];
      }
    }
    return [false, `No ${kindLabel} sits behind ${ctx.label(c.capability)}.`];
  }
  // In front of: a node of the kind reaches the capability through edge components only.
  const targets = new Set(nodes);
  for (const node of ctx.design.nodes) {
    if (!kinds.has(node.kind)) continue;
    const seen = new Set([node.id]);
    const queue = [node.id];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const e of ctx.index.outgoing(id)) {
        if (targets.has(e.target)) return [true, `${node.name} sits in front of ${ctx.name(e.target)}.`];
        if (!seen.has(e.target) && ctx.index.roleOf(e.target) === 'edge') {
          seen.add(e.target);
          queue.push(e.target);
        }
      }
    }
  }
  return [false, `No ${kindLabel} sits in front of ${ctx.label(c.capability)}.`];
}

/** The datastores a capability keeps its data in: its own datastores and those its components access. */
function datastoresOf(ctx: Context, nodes: readonly string[]): Set<string> {
  const stores = new Set<string>();
  for (const id of nodes) {
    if (ctx.index.roleOf(id) === 'datastore') stores.add(id);
    for (const e of ctx.index.outgoing(id, 'data')) if (ctx.index.roleOf(e.target) === 'datastore') stores.add(e.target);
  }
  return stores;
}

function hasReplica(ctx: Context, datastoreId: string): boolean {
  const node = ctx.index.nodeById.get(datastoreId);
  if (!node) return false;
  if (node.instances >= 2) return true;
  return ctx.index.outgoing(datastoreId, 'data').some((e) => e.family === 'data' && e.access === 'replicate');
}

function replicated(ctx: Context, c: Extract<Criterion, { type: 'replicated' }>): [boolean, string] {
  const nodes = ctx.nodesOf(c.capability);
  if (nodes.length === 0) return [false, `Nothing in the design does “${ctx.label(c.capability)}” yet.`];
  const stores = datastoresOf(ctx, nodes);
  if (stores.size === 0) return [false, `${ctx.label(c.capability)} keeps no data in a datastore yet.`];
  const bare = [...stores].filter((id) => !hasReplica(ctx, id));
  return bare.length === 0
    ? [true, `Every datastore of ${ctx.label(c.capability)} has a replica or several instances.`]
    : [false, `${bare.map(ctx.name).join(', ')} has no replica.`];
}

function singleOwner(ctx: Context, c: Extract<Criterion, { type: 'single-owner' }>): [boolean, string] {
  let stores: string[];
  if (c.capability) {
    stores = [...datastoresOf(ctx, ctx.nodesOf(c.capability))];
    if (stores.length === 0) return [false, `${ctx.label(c.capability)} has no datastore yet.`];
  } else {
    stores = (ctx.index.nodesByRole.get('datastore') ?? []).map((n) => n.id);
  }
  for (const id of stores) {
    const writers = new Set(
      ctx.index
        .incoming(id, 'data')
        .filter((e) => e.family === 'data' && e.access !== 'read' && e.access !== 'replicate' && ctx.index.roleOf(e.source) === 'compute')
        .map((e) => e.source),
    );
    if (writers.size > 1) return [false, `${ctx.name(id)} is written by ${[...writers].map(ctx.name).join(' and ')}.`];
  }
  return [true, 'Every datastore has one owning service.'];
}

function entryThrough(ctx: Context, c: Extract<Criterion, { type: 'entry-through' }>): [boolean, string] {
  const clients = ctx.index.nodesByRole.get('client') ?? [];
  if (clients.length === 0) return [false, 'There is no client in the design yet.'];
  const kinds = kindsOf(c.kind);
  if (clients.every((client) => ctx.index.outgoing(client.id).length === 0)) return [false, 'No client is connected to the system yet.'];
  for (const client of clients) {
    for (const e of ctx.index.outgoing(client.id)) {
      const target = ctx.index.nodeById.get(e.target);
      if (!target) continue;
      const role = ctx.index.roleOf(target.id);
      // A CDN or DNS in front is fine; anything inside must be reached through the entry kinds.
      if (role === 'edge' || role === 'external' || role === 'platform') continue;
      if (!kinds.has(target.kind)) return [false, `${client.name} calls ${target.name} directly.`];
    }
  }
  return [true, 'Client traffic enters through the front door.'];
}

function evaluate(ctx: Context, c: Criterion): [boolean, string] {
  switch (c.type) {
    case 'capability': {
      const nodes = ctx.nodesOf(c.capability);
      return nodes.length > 0
        ? [true, `${nodes.map(ctx.name).join(', ')} ${nodes.length === 1 ? 'does' : 'do'} “${ctx.label(c.capability)}”.`]
        : [false, `Nothing in the design does “${ctx.label(c.capability)}” yet.`];
    }
    case 'reaches':
      return reaches(ctx, c);
    case 'component':
      return component(ctx, c);
    case 'instances': {
      const nodes = ctx.nodesOf(c.capability);
      if (nodes.length === 0) return [false, `Nothing in the design does “${ctx.label(c.capability)}” yet.`];
      const few = nodes.filter((id) => (ctx.index.nodeById.get(id)?.instances ?? 0) < c.min);
      return few.length === 0
        ? [true, `${ctx.label(c.capability)} runs at least ${c.min} instances.`]
        : [false, `${few.map(ctx.name).join(', ')} runs fewer than ${c.min} instances.`];
    }
    case 'replicated':
      return replicated(ctx, c);
    case 'no-finding': {
      // An empty design has no findings, but earns nothing for it.
      if (!ctx.anyCapability) return [false, 'This is checked once the design provides at least one of the problem’s capabilities.'];
      const hits = ctx.findings.filter((f) => (!c.rule || f.ruleId === c.rule) && (!c.severity || severityAtLeast(f.severity, c.severity)));
      return hits.length === 0 ? [true, 'No such finding.'] : [false, hits[0]!.message];
    }
    case 'single-owner':
      return singleOwner(ctx, c);
    case 'entry-through':
      return entryThrough(ctx, c);
    case 'slo': {
      const nodes = ctx.nodesOf(c.capability);
      if (nodes.length === 0) return [false, `Nothing in the design does “${ctx.label(c.capability)}” yet.`];
      const verdict = checkSlo(ctx.design, new Set(nodes), c, ctx.label(c.capability));
      return [verdict.met, verdict.detail];
    }
  }
}

function severityAtLeast(actual: Finding['severity'], floor: 'error' | 'warning'): boolean {
  return floor === 'warning' ? actual === 'error' || actual === 'warning' : actual === 'error';
}

export function scoreDesign(problem: Problem, design: Design, findings: readonly Finding[]): RubricScore {
  const index = buildGraphIndex(design);
  const matches = matchCapabilities(design, problem.capabilities);
  const labels = new Map(problem.capabilities.map((c) => [c.id, c.label]));
  const ctx: Context = {
    design,
    index,
    findings,
    anyCapability: [...matches.values()].some((m) => m.length > 0),
    nodesOf: (capability) => (matches.get(capability) ?? []).map((m) => m.nodeId),
    label: (capability) => labels.get(capability) ?? capability,
    name: (nodeId) => index.nodeById.get(nodeId)?.name ?? nodeId,
  };
  const results = problem.rubric.map((criterion) => {
    const [met, detail] = evaluate(ctx, criterion);
    return { criterion, met, earned: met ? criterion.points : 0, detail };
  });
  const possible = results.reduce((s, r) => s + r.criterion.points, 0);
  const earned = results.reduce((s, r) => s + r.earned, 0);
  return { score: possible === 0 ? 0 : Math.round((100 * earned) / possible), earned, possible, results, matches };
}
