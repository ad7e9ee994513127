/**
 * The rubric scorer: pure, over a design, its findings and the problem.
 * Every criterion reports whether it is met and, when it is not, why, so the
 * learner always sees what earns points and what is missing.
 *
 * Names only say who plays which part (see bindings.ts); whether a
 * criterion is met is decided by the design's structure and request flows
 * (see operations.ts). A component never reaches itself, and a criterion
 * about an operation is missed while the operation has no flow of its own.
 */
import { getKind } from '../diagram/catalog.ts';
import { buildGraphIndex, type GraphIndex } from '../diagram/graph-index.ts';
import type { Design, DesignEdge } from '../diagram/schema.ts';
import type { Finding } from '../rules/types.ts';
import { checkSlo } from '../simulator/slo.ts';
import { bindCapabilities, describeBindingIssue, type Bindings } from './bindings.ts';
import { operationFlows, type OperationFlow } from './operations.ts';
import type { Criterion, CriterionTarget, Problem } from './problem.ts';

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
  bindings: Bindings;
  operations: Map<string, OperationFlow>;
}

type Verdict = [boolean, string];

interface Context {
  design: Design;
  problem: Problem;
  index: GraphIndex;
  findings: readonly Finding[];
  bindings: Bindings;
  operations: Map<string, OperationFlow>;
  nodesOf(capability: string): string[];
  label(capability: string): string;
  name(nodeId: string): string;
  names(nodeIds: readonly string[]): string;
  /** Why nothing counts as doing a capability. */
  missing(capability: string): string;
}


/** Edges a walk may take; null means every edge of the design. */
type Scope = ReadonlySet<string> | null;

/** Telemetry collectors take data in and pass no request on: a path reaches them and stops there. */
const TELEMETRY: ReadonlySet<string> = new Set(['metrics-alerting', 'log-aggregator', 'tracing-collector']);

/**
 * Nodes reachable from `starts` (never counting a start as reached unless a
 * path comes back to it), following edges the scope and `allow` accept, and
 * never onwards from a telemetry collector.
 */
function reachableFrom(ctx: Context, starts: readonly string[], scope: Scope, allow: (e: DesignEdge) => boolean): Set<string> {
  const reached = new Set<string>();
  const stack = [...starts];
  const expanded = new Set<string>(starts);
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edge of ctx.index.outgoing(id)) {
      if ((scope && !scope.has(edge.id)) || !allow(edge)) continue;
      reached.add(edge.target);
      if (TELEMETRY.has(ctx.index.nodeById.get(edge.target)?.kind ?? '')) continue;
      if (!expanded.has(edge.target)) {
        expanded.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return reached;
}

const isReplication = (e: DesignEdge) => e.family === 'data' && e.access === 'replicate';

/** An asynchronous edge that hands work to someone: consumed from a broker, or a direct message between components. */
function consumes(ctx: Context, e: DesignEdge): boolean {
  if (e.family !== 'async') return false;
  const sourceRole = ctx.index.roleOf(e.source);
  const targetRole = ctx.index.roleOf(e.target);
  return sourceRole === 'broker' ? targetRole !== 'broker' : targetRole !== 'broker' && targetRole !== 'datastore';
}

/** Where the request waits: calls and data access, not messages. */
const waits = (e: DesignEdge) => e.family !== 'async' && !isReplication(e);

/** Nodes reached from `from` by a path that hands the work over through a consumed message. */
function reachedAfterHandOff(ctx: Context, from: readonly string[], scope: Scope): Set<string> {
  const before = reachableFrom(ctx, from, scope, (e) => !isReplication(e) && !consumes(ctx, e));
  const handedTo = new Set<string>();
  for (const id of [...from, ...before]) {
    for (const e of ctx.index.outgoing(id)) if ((!scope || scope.has(e.id)) && consumes(ctx, e)) handedTo.add(e.target);
  }
  const after = reachableFrom(ctx, [...handedTo], scope, (e) => !isReplication(e));
  for (const id of handedTo) after.add(id);
  return after;
}

function scopeOf(op: OperationFlow | undefined): Scope {
  return op?.flow ? new Set(op.flow.steps.map((s) => s.edge.id)) : null;
}

function reaches(ctx: Context, c: Extract<Criterion, { type: 'reaches' }>, op: OperationFlow | undefined): Verdict {
  const from = ctx.nodesOf(c.from);
  if (from.length === 0) return [false, ctx.missing(c.from)];
  const to = ctx.nodesOf(c.to).filter((id) => !from.includes(id));
  if (to.length === 0) {
    return ctx.nodesOf(c.to).length > 0
      ? [false, `${ctx.names(from)} does “${ctx.label(c.from)}” and “${ctx.label(c.to)}” itself: give each its own component.`]
      : [false, ctx.missing(c.to)];
  }
  const scope = scopeOf(op);
  const on = op ? ` on “${op.operation.name}”` : '';
  // With `writes`, a target counts only when a component on the path writes into it (a read of the log is not a write to it).
  const written = (path: Set<string>, starts: readonly string[]) => {
    const writers = new Set([...starts, ...path]);
    return new Set(
      ctx.design.edges
        .filter((e) => (!scope || scope.has(e.id)) && writers.has(e.source) && e.family === 'data' && (e.access === 'write' || e.access === 'read-write'))
        .map((e) => e.target),
    );
  };
  const hit = (set: Set<string>, starts: readonly string[] = from) => to.filter((id) => (c.writes ? written(set, starts) : set).has(id));
  // Each walk only for the nature of path asked about.
  const handedOff = () => hit(reachedAfterHandOff(ctx, from, scope), []);
  const a = ctx.names(from);
  const reach = c.writes ? 'write to' : 'reach';
  switch (c.via) {
    case 'any': {
      const anyPath = hit(reachableFrom(ctx, from, scope, () => true));
      return anyPath.length > 0
        ? [true, `${a} ${c.writes ? 'writes to' : 'reaches'} ${ctx.names(anyPath)}${on}.`]
        : [false, c.writes ? `${a} has no path that writes to ${ctx.names(to)}${on}.` : `${a} has no path to ${ctx.names(to)}${on}.`];
    }
    case 'sync': {
      const waited = hit(reachableFrom(ctx, from, scope, waits));
      return waited.length > 0
        ? [true, `${a} ${c.writes ? 'writes to' : 'uses'} ${ctx.names(waited)} while answering${on}.`]
        : [false, c.writes ? `${a} does not write to ${ctx.names(to)} while answering${on}.` : `${a} has no synchronous path to ${ctx.names(to)}${on}.`];
    }
    case 'async': {
      const handed = handedOff();
      return handed.length > 0
        ? [true, `${a} hands work to ${ctx.names(handed)} through a message someone consumes${on}.`]
        : [false, `${a} does not ${reach} ${ctx.names(to)} through a queue or topic that is consumed${on}.`];
    }
    case 'not-sync': {
      // Whatever the flow shows, a synchronous path anywhere in the design makes the caller wait.
      const waitsAnywhere = hit(reachableFrom(ctx, from, null, waits));
      if (waitsAnywhere.length > 0) return [false, `${a} still waits on ${ctx.names(waitsAnywhere)} through a synchronous path.`];
      const handed = handedOff();
      return handed.length > 0
        ? [true, `${a} hands work to ${ctx.names(handed)} through a consumed message, without waiting on it${on}.`]
        : [false, `${a} does not ${reach} ${ctx.names(to)} through a queue or topic that is consumed${on}.`];
    }
  }
}

const kindsOf = (kind: string | readonly string[]): Set<string> => new Set(Array.isArray(kind) ? kind : [kind]);
const kindWords = (kinds: Set<string>) => [...kinds].map((k) => getKind(k).label.toLowerCase()).join(' or ');

function component(ctx: Context, c: Extract<Criterion, { type: 'component' }>, op: OperationFlow | undefined): Verdict {
  const nodes = ctx.nodesOf(c.capability);
  if (nodes.length === 0) return [false, ctx.missing(c.capability)];
  const kinds = kindsOf(c.kind);
  const scope = scopeOf(op);
  if (c.position === 'behind') {
    for (const id of nodes) {
      for (const e of ctx.index.outgoing(id)) {
        if (e.target === id || (scope && !scope.has(e.id))) continue;
        // Messages count only towards a queue or topic: work handed to a service is not a component behind.
        if (e.family === 'async' && ctx.index.roleOf(e.target) !== 'broker') continue;
        const target = ctx.index.nodeById.get(e.target);
        if (target && kinds.has(target.kind)) return [true, `${ctx.name(id)} uses ${target.name}.`];
      }
    }
    return [false, `No ${kindWords(kinds)} sits behind ${ctx.names(nodes)}${op ? ` on “${op.operation.name}”` : ''}.`];
  }
  // In front of: a node of the kind reaches the capability through edge components only.
  const targets = new Set(nodes);
  for (const node of ctx.design.nodes) {
    if (!kinds.has(node.kind) || targets.has(node.id)) continue;
    const seen = new Set([node.id]);
    const queue = [node.id];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const e of ctx.index.outgoing(id)) {
        if (scope && !scope.has(e.id)) continue;
        if (targets.has(e.target)) return [true, `${node.name} sits in front of ${ctx.name(e.target)}.`];
        if (!seen.has(e.target) && ctx.index.roleOf(e.target) === 'edge') {
          seen.add(e.target);
          queue.push(e.target);
        }
      }
    }
  }
  return [false, `No ${kindWords(kinds)} sits in front of ${ctx.names(nodes)}.`];
}

function targetNodes(ctx: Context, t: CriterionTarget): { ids: Set<string>; words: string } {
  if ('capability' in t) return { ids: new Set(ctx.nodesOf(t.capability)), words: `“${ctx.label(t.capability)}”` };
  const kinds = kindsOf(t.kind);
  return { ids: new Set(ctx.design.nodes.filter((n) => kinds.has(n.kind)).map((n) => n.id)), words: `a ${kindWords(kinds)}` };
}

function before(ctx: Context, c: Extract<Criterion, { type: 'before' }>, op: OperationFlow): Verdict {
  const flow = op.flow!;
  const then = targetNodes(ctx, c.then);
  const first = targetNodes(ctx, c.first);
  // A component never comes before itself.
  for (const id of then.ids) first.ids.delete(id);
  const at = (ids: Set<string>, skip: (source: string) => boolean = () => false) =>
    flow.steps.findIndex((s) => !s.afterResponse && ids.has(s.edge.target) && !ids.has(s.edge.source) && !skip(s.edge.source));
  // A cache named by kind only: a rate limiter's counters are its own bookkeeping on every route, not a copy of what
  // the operation reads (a problem about limiting names its counters as a part instead).
  const i = at(first.ids, (source) => !('capability' in c.first) && ctx.index.nodeById.get(source)?.kind === 'rate-limiter');
  const j = at(then.ids);
  const name = `“${op.operation.name}”`;
  if (j === -1) return [false, `${name} never uses ${then.words} while answering.`];
  if (i === -1) return [false, `${name} reaches ${ctx.name(flow.steps[j]!.edge.target)} without using ${first.words} first.`];
  if (i > j) return [false, `${name} uses ${ctx.name(flow.steps[j]!.edge.target)} before ${ctx.name(flow.steps[i]!.edge.target)}.`];
  return [true, `${name} uses ${ctx.name(flow.steps[i]!.edge.target)} before ${ctx.name(flow.steps[j]!.edge.target)}.`];
}

function separate(ctx: Context, c: Extract<Criterion, { type: 'separate' }>): Verdict {
  for (const cap of c.capabilities) if (ctx.nodesOf(cap).length === 0) return [false, ctx.missing(cap)];
  const owner = new Map<string, string>();
  for (const cap of c.capabilities) {
    for (const id of ctx.nodesOf(cap)) {
      const other = owner.get(id);
      if (other && other !== cap) return [false, `${ctx.name(id)} does both “${ctx.label(other)}” and “${ctx.label(cap)}”: give each its own component.`];
      owner.set(id, cap);
    }
  }
  if (c.by === 'component') return [true, `${c.capabilities.map((cap) => `${ctx.names(ctx.nodesOf(cap))} does “${ctx.label(cap)}”`).join('; ')}.`];
  // By queue: each capability consumes from brokers of its own.
  const feeds = new Map<string, string>();
  for (const cap of c.capabilities) {
    const brokers = new Set<string>();
    for (const id of ctx.nodesOf(cap)) for (const e of ctx.index.incoming(id, 'async')) if (ctx.index.roleOf(e.source) === 'broker') brokers.add(e.source);
    if (brokers.size === 0) return [false, `${ctx.names(ctx.nodesOf(cap))} consumes from no queue or topic of its own.`];
    for (const b of brokers) {
      const other = feeds.get(b);
      if (other && other !== cap) return [false, `${ctx.name(b)} feeds both “${ctx.label(other)}” and “${ctx.label(cap)}”: a backlog in one would hold up the other.`];
      feeds.set(b, cap);
    }
  }
  return [true, `Each of ${c.capabilities.map((cap) => `“${ctx.label(cap)}”`).join(', ')} consumes from queues of its own.`];
}

/** The datastores a capability keeps its data in: its own datastores and those its components access. */
function datastoresOf(ctx: Context, nodes: readonly string[]): Set<string> {
  const stores = new Set<string>();
  for (const id of nodes) {
    if (ctx.index.roleOf(id) === 'datastore') stores.add(id);
    for (const e of ctx.index.outgoing(id, 'data')) if (ctx.index.roleOf(e.target) === 'datastore' && ctx.index.nodeById.get(e.target)?.kind !== 'cache') stores.add(e.target);
  }
  return stores;
}

function hasReplica(ctx: Context, datastoreId: string): boolean {
  const node = ctx.index.nodeById.get(datastoreId);
  if (!node) return false;
  if (node.instances >= 2) return true;
  return ctx.index.outgoing(datastoreId, 'data').some((e) => e.family === 'data' && e.access === 'replicate');
}

function replicated(ctx: Context, c: Extract<Criterion, { type: 'replicated' }>): Verdict {
  const nodes = ctx.nodesOf(c.capability);
  if (nodes.length === 0) return [false, ctx.missing(c.capability)];
  const stores = datastoresOf(ctx, nodes);
  if (stores.size === 0) return [false, `${ctx.names(nodes)} keeps no data in a datastore yet.`];
  // A copy the store replicates to is that store's replica, not one more store that needs a replica of its own.
  const copies = new Set([...stores].flatMap((id) => ctx.index.outgoing(id, 'data').filter((e) => e.family === 'data' && e.access === 'replicate').map((e) => e.target)));
  const bare = [...stores].filter((id) => !copies.has(id) && !hasReplica(ctx, id));
  return bare.length === 0
    ? [true, `${ctx.names([...stores])} ${stores.size === 1 ? 'has' : 'have'} a replica or several instances.`]
    : [false, `${ctx.names(bare)} ${bare.length === 1 ? 'has' : 'have'} no replica and runs one instance.`];
}

function writersOf(ctx: Context, store: string): Set<string> {
  return new Set(
    ctx.index
      .incoming(store, 'data')
      .filter((e) => e.family === 'data' && e.access !== 'read' && e.access !== 'replicate' && ctx.index.roleOf(e.source) === 'compute' && ctx.bindings.wired.has(e.source))
      .map((e) => e.source),
  );
}

function singleOwner(ctx: Context, c: Extract<Criterion, { type: 'single-owner' }>): Verdict {
  let stores: string[];
  if (c.capability) {
    const nodes = ctx.nodesOf(c.capability);
    if (nodes.length === 0) return [false, ctx.missing(c.capability)];
    stores = [...datastoresOf(ctx, nodes)];
    if (stores.length === 0) return [false, `${ctx.names(nodes)} keeps no data in a datastore yet.`];
  } else {
    stores = (ctx.index.nodesByRole.get('datastore') ?? []).map((n) => n.id).filter((id) => ctx.bindings.wired.has(id));
  }
  let written = 0;
  for (const id of stores) {
    const writers = writersOf(ctx, id);
    if (writers.size > 1) return [false, `${ctx.name(id)} is written by ${ctx.names([...writers])}.`];
    written += writers.size;
  }
  if (written === 0) return [false, `Nothing writes to ${stores.length > 0 ? ctx.names(stores) : 'a datastore'} yet.`];
  return [true, c.capability ? `${ctx.names(stores)} ${stores.length === 1 ? 'has' : 'have'} one owning service.` : 'Every datastore has one owning service.'];
}

function entryThrough(ctx: Context, c: Extract<Criterion, { type: 'entry-through' }>): Verdict {
  const clients = ctx.index.nodesByRole.get('client') ?? [];
  if (clients.length === 0) return [false, 'There is no client in the design yet.'];
  const kinds = kindsOf(c.kind);
  if (clients.every((client) => ctx.index.outgoing(client.id).length === 0)) return [false, 'No client is connected to the system yet.'];
  let through = false;
  for (const client of clients) {
    for (const e of ctx.index.outgoing(client.id)) {
      const target = ctx.index.nodeById.get(e.target);
      if (!target) continue;
      const role = ctx.index.roleOf(target.id);
      // A CDN or DNS in front is fine; anything inside must be reached through the entry kinds.
      if (kinds.has(target.kind)) through = true;
      if (role === 'edge' || role === 'external' || role === 'platform') continue;
      // Uploading straight to object storage with a signed URL is a pattern of its own.
      if (target.kind === 'object-storage') continue;
      return [false, `${client.name} calls ${target.name} directly, not through a ${kindWords(kinds)}.`];
    }
  }
  if (!through && ![...ctx.design.nodes].some((n) => kinds.has(n.kind) && ctx.bindings.wired.has(n.id))) {
    return [false, `Client traffic does not pass through a ${kindWords(kinds)}.`];
  }
  return [true, `Client traffic enters through a ${kindWords(kinds)}.`];
}

function severityAtLeast(actual: Finding['severity'], floor: 'error' | 'warning'): boolean {
  return floor === 'warning' ? actual === 'error' || actual === 'warning' : actual === 'error';
}

function evaluate(ctx: Context, c: Criterion): Verdict {
  const op = c.operation ? ctx.operations.get(c.operation) : undefined;
  if (c.operation) {
    if (!op) return [false, `The problem has no operation “${c.operation}”.`];
    if (!op.flow) return [false, op.reason];
  }
  switch (c.type) {
    case 'capability': {
      const nodes = ctx.nodesOf(c.capability);
      return nodes.length > 0 ? [true, `${ctx.names(nodes)} ${nodes.length === 1 ? 'does' : 'do'} “${ctx.label(c.capability)}”.`] : [false, ctx.missing(c.capability)];
    }
    case 'serves': {
      const flow = op!.flow!;
      // The way to the server: each component's first step, followed back from the server (a gateway's check with a
      // limiter is a branch of the flow, not the way on).
      const from = new Map<string, string>();
      for (const s of flow.steps) if (!from.has(s.edge.target) && s.edge.target !== flow.entry) from.set(s.edge.target, s.edge.source);
      const path: string[] = [op!.server!];
      while (path[0] !== flow.entry && from.has(path[0]!) && path.length <= flow.steps.length) path.unshift(from.get(path[0]!)!);
      return [true, `“${op!.operation.name}” is answered by ${ctx.name(op!.server!)} (${path.map(ctx.name).join(' → ')}).`];
    }
    case 'reaches':
      return reaches(ctx, c, op);
    case 'component':
      return component(ctx, c, op);
    case 'before':
      return before(ctx, c, op!);
    case 'separate':
      return separate(ctx, c);
    case 'instances': {
      const nodes = ctx.nodesOf(c.capability);
      if (nodes.length === 0) return [false, ctx.missing(c.capability)];
      const few = nodes.filter((id) => (ctx.index.nodeById.get(id)?.instances ?? 0) < c.min);
      return few.length === 0
        ? [true, `${ctx.names(nodes)} ${nodes.length === 1 ? 'runs' : 'run'} at least ${c.min} instances.`]
        : [false, `${ctx.names(few)} ${few.length === 1 ? 'runs' : 'run'} fewer than ${c.min} instances.`];
    }
    case 'replicated':
      return replicated(ctx, c);
    case 'no-finding': {
      // A design that serves nothing has no findings, but earns nothing for it.
      const serving = ctx.problem.operations.length > 0 ? [...ctx.operations.values()].some((o) => o.flow) : [...ctx.bindings.byCapability.values()].some((b) => b.length > 0);
      if (!serving) return [false, 'This is checked once requests reach a component doing part of the problem.'];
      const hits = ctx.findings.filter((f) => (!c.rule || f.ruleId === c.rule) && (!c.severity || severityAtLeast(f.severity, c.severity)));
      if (hits.length === 0) return [true, c.rule ? 'The review finds none of these.' : `The review finds nothing at ${c.severity ?? 'any'} level.`];
      return [false, hits.length === 1 ? hits[0]!.message : `${hits[0]!.message} (and ${hits.length - 1} more)`];
    }
    case 'single-owner':
      return singleOwner(ctx, c);
    case 'entry-through':
      return entryThrough(ctx, c);
    case 'slo': {
      const nodes = ctx.nodesOf(c.capability);
      if (nodes.length === 0) return [false, ctx.missing(c.capability)];
      const verdict = checkSlo(ctx.design, new Set(nodes), c, ctx.label(c.capability), op?.flow?.flow);
      return [verdict.met, verdict.detail];
    }
  }
}

export function scoreDesign(problem: Problem, design: Design, findings: readonly Finding[]): RubricScore {
  const index = buildGraphIndex(design);
  const bindings = bindCapabilities(design, problem);
  const operations = operationFlows(design, problem, bindings);
  const labels = new Map(problem.capabilities.map((c) => [c.id, c.label]));
  const name = (nodeId: string) => index.nodeById.get(nodeId)?.name ?? nodeId;
  const ctx: Context = {
    design,
    problem,
    index,
    findings,
    bindings,
    operations,
    nodesOf: (capability) => (bindings.byCapability.get(capability) ?? []).map((b) => b.nodeId),
    label: (capability) => labels.get(capability) ?? capability,
    name,
    names: (ids) => {
      const list = ids.map(name);
      return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
    },
    missing: (capability) => {
      const capabilityDef = problem.capabilities.find((c) => c.id === capability);
      if (capabilityDef) {
        for (const [nodeId, list] of bindings.byNode) {
          const entry = list.find((b) => b.capability.id === capability && b.issue !== null);
          const node = index.nodeById.get(nodeId);
          if (entry && node) return describeBindingIssue(entry.issue!, node, capabilityDef, problem);
        }
      }
      return `Nothing in the design does “${labels.get(capability) ?? capability}” yet.`;
    },
  };
  const results = problem.rubric.map((criterion) => {
    const [met, detail] = evaluate(ctx, criterion);
    return { criterion, met, earned: met ? criterion.points : 0, detail };
  });
  const possible = results.reduce((s, r) => s + r.criterion.points, 0);
  const earned = results.reduce((s, r) => s + r.earned, 0);
  return { score: possible === 0 ? 0 : Math.round((100 * earned) / possible), earned, possible, results, bindings, operations };
}
