/**
 * What an interviewer asks about a finding: one question per rule, naming
 * the components by their names in the design. A question, never the fix.
 * Templates read the finding's element ids (see each rule for their order)
 * and fall back to a generic question built from the finding's message when
 * the elements are not where the template expects them.
 */
import type { GraphIndex } from '../diagram/graph-index.ts';
import type { DesignEdge, DesignNode } from '../diagram/schema.ts';
import { arrowPath, listNames } from '../rules/analysis/text.ts';
import type { Finding } from '../rules/types.ts';

interface FindingView {
  finding: Finding;
  /** The finding's nodes, in element order. */
  nodes: DesignNode[];
  /** The finding's edges, in element order. */
  edges: DesignEdge[];
  name(nodeId: string): string;
  role(nodeId: string): string | undefined;
}

type Template = (view: FindingView) => string | null;

/** "waits" for one name, "wait" for several. */
const verb = (names: readonly string[], one: string, many: string) => (names.length === 1 ? one : many);

const uniqueNames = (nodes: readonly DesignNode[]) => [...new Set(nodes.map((n) => n.name))];

/** A template over the first edge of the finding: (source name, target name). */
const onEdge =
  (ask: (source: string, target: string, view: FindingView) => string | null): Template =>
  (view) => {
    const edge = view.edges[0];
    return edge ? ask(view.name(edge.source), view.name(edge.target), view) : null;
  };

/** A template over the first node of the finding and the other nodes. */
const onNode =
  (ask: (node: string, others: string[], view: FindingView) => string | null, othersRole?: string): Template =>
  (view) => {
    const [first, ...rest] = view.nodes;
    if (!first) return null;
    const others = uniqueNames(othersRole ? rest.filter((n) => view.role(n.id) === othersRole) : rest).filter((n) => n !== first.name);
    return ask(first.name, others, view);
  };

const TEMPLATES: Readonly<Record<string, Template>> = {
  'missing-timeout': onEdge((s, t) => `${s} calls ${t} synchronously with no timeout. What happens when ${t} slows down?`),
  'timeout-budget': (view) => {
    const [outer, inner] = view.edges;
    if (!outer || !inner) return null;
    const caller = view.name(outer.source);
    const middle = view.name(inner.source);
    const callee = view.name(inner.target);
    return `${caller} stops waiting for ${middle} after its timeout, but ${middle} may wait on ${callee} for longer. What is ${callee} still doing for a caller that has given up?`;
  },
  'retry-amplification': (view) => {
    if (view.finding.glossaryTerm === 'retry-with-backoff') {
      return onEdge((s, t) => `${s} retries its calls to ${t}. What happens to ${t} when it is already overloaded and every caller retries at the same moment?`)(view);
    }
    const names = view.nodes.map((n) => n.name);
    const last = names[names.length - 1];
    if (names.length < 2 || !last) return null;
    return `Retries stack up along ${arrowPath(names)}. How many calls can reach ${last} for one user request while it is struggling?`;
  },
  'unsafe-retry': onEdge((s, t) => `${s} retries its call to ${t}. What happens if ${t} did the work but its reply was lost?`),
  'missing-circuit-breaker': onNode((target, callers) =>
    callers.length === 0
      ? `When ${target} starts failing or slows down, what happens to the components that call it?`
      : `When ${target} starts failing or slows down, what happens to ${listNames(callers)}?`,
  ),
  'deep-sync-chain': (view) => {
    if (view.nodes.length < 2) return null;
    return `A request passes through ${arrowPath(view.nodes.map((n) => n.name))} one call after another. What happens to its latency and availability when any one of them is slow?`;
  },
  'sync-fan-out': (view) => {
    if (view.finding.glossaryTerm === 'chatty-communication') {
      return onEdge((s, t) => `${s} calls ${t} many times for one request. What happens to its latency when a list grows to a thousand items?`)(view);
    }
    return onNode((caller, callees) =>
      callees.length === 0 ? null : `${caller} waits on ${listNames(callees)} for each request. What does the user see when one of them is slow?`,
    )(view);
  },
  'sync-cycle': (view) => {
    const names = uniqueNames(view.nodes);
    if (names.length < 2) return null;
    return `${listNames(names, Infinity)} call each other synchronously in a loop. What happens when one of them slows down?`;
  },
  'no-api-gateway': (view) => {
    const clients = uniqueNames(view.nodes.filter((n) => view.role(n.id) === 'client'));
    const services = uniqueNames(view.nodes.filter((n) => view.role(n.id) !== 'client'));
    if (clients.length === 0 || services.length === 0) return null;
    return `${listNames(clients)} ${verb(clients, 'calls', 'call')} ${listNames(services, 6)} directly. Where do authentication and rate limits live, and what do clients notice when you split or move one of those services?`;
  },
  'exposed-datastore': onEdge((client, store) => `${client} reaches ${store} directly. Who else can read or change that data, and how would you know?`),
  'shared-database': onNode((store, users) =>
    users.length < 2
      ? null
      : `${listNames(users)} ${users.length === 2 ? 'both' : 'all'} use ${store}. What happens when one team needs to change its schema, or one service floods it with queries?`,
  'compute'),
  'foreign-data-access': onEdge((service, store) => `${service} reaches into ${store}, which another part of the system owns. What breaks when its owner changes how that data is stored?`),
  'single-point-of-failure': onNode((node) => `${node} runs as a single instance. What happens to user requests when it fails?`),
  'sync-side-effect': onEdge((s, t) => `${s} calls ${t} synchronously while the user waits. What does the user see when ${t} is slow or down?`),
  'distributed-write-without-saga': (view) => {
    const entry = view.nodes[0];
    const stores = uniqueNames(view.nodes.filter((n) => view.role(n.id) === 'datastore'));
    if (!entry || stores.length < 2) return null;
    return `One request to ${entry.name} writes to ${listNames(stores)} through separate services. What happens if the last write fails after the first ones succeeded?`;
  },
  'consumer-without-dlq': onEdge((broker, consumer) => `${consumer} takes messages from ${broker}. What happens to a message ${consumer} cannot process?`),
  'missing-observability': (view) =>
    `A request fails somewhere between your ${view.nodes.length} services. How would you find out where, and how fast?`,
  'missing-service-discovery': () => 'Some of your services run several instances. How does a caller know which instances exist and which are healthy?',
  'disconnected-component': onNode((node, _others, view) =>
    view.role(view.nodes[0]!.id) === 'datastore'
      ? `Nothing reads or writes ${node}. What is it for, and which service should own its data?`
      : `${node} is not connected to anything. What role does it play in your design?`,
  ),
  nanoservice: onNode((node, [caller]) =>
    caller ? `${node} is called only by ${caller} and holds no data. What does running it as a separate service buy you?` : null,
  ),
  'god-service': onNode((node) => `${node} does a lot of different jobs. If one of them got ten times busier, or one release of it went wrong, what would happen to the others?`),
  'broker-without-consumer': onNode((broker) => `Messages go into ${broker}, but nothing takes them out. Who processes them, and what happens while nobody does?`),
  'broker-without-publisher': onNode((broker, consumers) =>
    consumers.length === 0
      ? `Nothing publishes to ${broker}. Where do its messages come from?`
      : `${listNames(consumers)} ${verb(consumers, 'waits', 'wait')} for messages on ${broker}, but nothing publishes to it. Where do those messages come from?`,
  ),
  'cache-without-backing-store': onNode((cache, users) =>
    `${users.length === 0 ? 'Your design' : listNames(users)} ${users.length === 1 ? 'uses' : 'use'} ${cache} with nothing behind it. Where do cache misses go, and what survives a restart?`,
  ),
};

/** Rule ids that have their own question template. */
export const RULES_WITH_QUESTIONS: readonly string[] = Object.keys(TEMPLATES);

/** The generic question for a finding of a rule without a template. */
export function genericFindingQuestion(finding: Finding): string {
  const message = finding.message.trim().replace(/[.!?]*$/, '');
  return `${finding.title}: ${message}. What does that mean for your design, and how would you deal with it?`;
}

/** The interviewer's question about a finding, naming the design's components. Always ends with '?'. */
export function findingQuestion(finding: Finding, index: GraphIndex): string {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  for (const id of finding.elementIds) {
    const node = index.nodeById.get(id);
    if (node) nodes.push(node);
    const edge = index.edgeById.get(id);
    if (edge) edges.push(edge);
  }
  const view: FindingView = {
    finding,
    nodes,
    edges,
    name: (id) => index.nodeById.get(id)?.name ?? id,
    role: (id) => index.roleOf(id),
  };
  const template = TEMPLATES[finding.ruleId];
  const text = template?.(view) ?? null;
  return text && text.endsWith('?') ? text : genericFindingQuestion(finding);
}
