import { createAsyncEdge } from '../../diagram/factory.ts';
import type { Design, DesignEdge, DesignNode, SyncEdge } from '../../diagram/schema.ts';
import { absolutePosition, centroid, findNode, freshId, newNode, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { callFacts, READ, WRITE } from '../analysis/calls.ts';
import { ASYNC, COMPUTE, DATA, EXTERNAL, factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { drawnFlows, pathCalls, REQUESTS, USER_PATH } from '../analysis/requests.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Sending an email, a push notification or an analytics event does not change the answer the user is waiting for, yet a synchronous call makes the user wait for it and fail with it. When the mail provider is slow, checkout is slow; when it is down, checkout fails.';
const FIX =
  'Publish a message instead and let the side work happen after the response: put a queue between the caller and the service, with retries (and a dead-letter queue) on the consumer side.';

/** Words that mark side work in a component's name or responsibilities. */
export const SIDE_EFFECT_WORDS = /notif|mail|\bsms\b|\bpush\b|analytic|tracking|audit|newsletter/i;

export function namedSideWork(node: DesignNode): boolean {
  return SIDE_EFFECT_WORDS.test(node.name) || node.responsibilities.some((r) => SIDE_EFFECT_WORDS.test(r));
}

/** Node t only looks things up: it reads data and writes, publishes and calls nothing. */
function answersQueries(facts: Facts, access: Uint8Array, t: number): boolean {
  const data = facts.out[DATA];
  let reads = false;
  for (let j = data.start[t]!; j < data.start[t + 1]!; j++) {
    if (access[data.edge[j]!] !== READ) return false;
    reads = true;
  }
  const sync = facts.out[SYNC];
  const async = facts.out[ASYNC];
  return reads && sync.start[t] === sync.start[t + 1] && async.start[t] === async.start[t + 1];
}

/**
 * Node t only records: it writes data (write access, never reads) that no
 * other component reads back, calls nothing and at most publishes, so all it
 * can answer is an acknowledgement (an audit trail, an activity log).
 */
function onlyRecords(facts: Facts, access: Uint8Array, t: number): boolean {
  if (facts.role[t] !== COMPUTE) return false;
  const data = facts.out[DATA];
  if (data.start[t] === data.start[t + 1]) return false;
  const sync = facts.out[SYNC];
  if (sync.start[t] !== sync.start[t + 1]) return false;
  const readers = facts.in[DATA];
  for (let j = data.start[t]!; j < data.start[t + 1]!; j++) {
    const k = data.edge[j]!;
    if (access[k] !== WRITE) return false;
    const store = facts.target[k]!;
    for (let q = readers.start[store]!; q < readers.start[store + 1]!; q++) {
      const r = readers.edge[q]!;
      if (facts.source[r] !== t && access[r] !== WRITE) return false;
    }
  }
  return true;
}

/**
 * What a call to node t is, as side work: 'named' (its name or
 * responsibilities say notification, mail, analytics...), 'records' (its
 * structure says it only records, see onlyRecords), or null (it answers
 * queries, or nothing suggests side work).
 */
function sideWork(facts: Facts, access: Uint8Array, t: number): 'named' | 'records' | null {
  if (answersQueries(facts, access, t)) return null;
  if (onlyRecords(facts, access, t)) return 'records';
  return namedSideWork(facts.nodes[t]!) ? 'named' : null;
}

const isBroker = (node: DesignNode) => node.kind === 'message-queue' || node.kind === 'event-stream';

/** Replace caller -> service (sync) by caller -> queue (publish) and queue -> service (consume, with retries). */
export function putQueueBetween(design: Design, edgeId: string): Design {
  const edge = design.edges.find((e) => e.id === edgeId && e.family === 'sync');
  const caller = edge && findNode(design, edge.source);
  const service = edge && findNode(design, edge.target);
  if (!edge || !caller || !service) return design;
  const taken = takenIds(design);
  const addNodes: DesignNode[] = [];
  const addEdges: DesignEdge[] = [];
  let queue = design.nodes.find(
    (n) => isBroker(n) && design.edges.some((e) => e.family === 'async' && e.source === n.id && e.target === service.id),
  );
  if (!queue) {
    const position = centroid([absolutePosition(design, caller), absolutePosition(design, service)]);
    queue = newNode('message-queue', freshId(taken, slugify(`${service.name} queue`, 'queue')), position, `${service.name} queue`);
    addNodes.push(queue);
    addEdges.push({
      ...createAsyncEdge(freshId(taken, 'queue-consume'), queue.id, service.id),
      retry: { maxAttempts: 3, backoff: 'exponential', jitter: true },
    });
  }
  const queueId = queue.id;
  if (!design.edges.some((e) => e.family === 'async' && e.source === caller.id && e.target === queueId)) {
    addEdges.push({ ...createAsyncEdge(freshId(taken, 'queue-publish'), caller.id, queueId), label: edge.label });
  }
  return rewire(design, { addNodes, addEdges, removeEdgeIds: [edge.id] });
}

export const syncSideEffect: RuleDefinition<Record<string, never>> = {
  id: 'sync-side-effect',
  title: 'Side work on the request path',
  severity: 'warning',
  glossaryTerm: 'sync-async-communication',
  summary: 'Flags notification, email, analytics or audit work that a service calls synchronously while a user waits.',
  condition:
    'A sync call, not marked `readOnly`, from a service (compute) to a service or third-party API, made while a user waits: a step before the response of a drawn flow that starts at a client, or, for entry services no flow covers, a call on the paths from an entry that a client reaches through the edge tier' +
    ` (${REQUESTS}).` +
    ' The callee is side work when its structure says it only records (a service whose data access is all `write`, never a read, into datastores nothing else reads or replicates, that calls nothing and at most publishes: all it can answer is an acknowledgement), or when its name or responsibilities say so (notif, mail, sms, push, analytic, tracking, audit or newsletter, case-insensitive; sms and push as whole words). A callee that only answers queries (it reads data and writes, publishes and calls nothing) is never side work, whatever its name. Calls from gateways are not reported: a route to a tracking page is a read the user asked for.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const access = callFacts(index).access;
    const reported = new Map<number, Finding>();
    const verdicts = new Int8Array(facts.n).fill(-1);
    const consider = (k: number, flow: string | null) => {
      const s = facts.source[k]!;
      const t = facts.target[k]!;
      const role = facts.role[t];
      if (reported.has(k) || facts.role[s] !== COMPUTE || (role !== COMPUTE && role !== EXTERNAL)) return;
      if ((facts.edges[k] as SyncEdge).readOnly === true) return;
      if (verdicts[t] === -1) verdicts[t] = ['named', 'records', null].indexOf(sideWork(facts, access, t));
      if (verdicts[t] === 2) return;
      const caller = facts.nodes[s]!;
      const target = facts.nodes[t]!;
      const e = facts.edges[k]!;
      const why = verdicts[t] === 1 ? ` ${target.name} only records what it is sent.` : '';
      reported.set(
        k,
        makeFinding(syncSideEffect, {
          message: `${flow === null ? '' : `In “${flow}”, `}${caller.name} calls ${target.name} synchronously while the user waits; that work could happen after the response.${why}`,
          why: WHY,
          fix: FIX,
          elementIds: [caller.id, target.id, e.id],
          quickFixes: [quickFix('queue-between', `Put a queue between ${caller.name} and ${target.name}`, (d) => putQueueBetween(d, e.id))],
        }),
      );
    };
    // Drawn flows a user waits for: their sync steps before the response.
    for (const flow of drawnFlows(index)) {
      if (!flow.user) continue;
      for (let i = 0; i < flow.steps.length; i++) if (flow.after[i] === 0 && facts.family[flow.steps[i]!] === SYNC) consider(flow.steps[i]!, flow.name);
    }
    // Paths from client-facing entries no flow covers.
    const onPath = pathCalls(index);
    for (let k = 0; k < facts.m; k++) if ((onPath[k]! & USER_PATH) !== 0 && facts.family[k] === SYNC) consider(k, null);
    return [...reported.values()];
  },
  examples: {
    failing: sketch({
      id: 'example-sync-side-effect-failing',
      title: 'Checkout waits for the confirmation email',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        checkout: ['service', 'Checkout'],
        email: ['service', 'Email sender'],
      },
      links: [['web', 'gw'], ['gw', 'checkout'], ['checkout', 'email']],
    }),
    passing: sketch({
      id: 'example-sync-side-effect-passing',
      title: 'Checkout queues the confirmation email',
      nodes: {
        web: ['web-client', 'Web app'],
        gw: ['api-gateway', 'API gateway'],
        checkout: ['service', 'Checkout'],
        queue: ['message-queue', 'Email queue'],
        email: ['service', 'Email sender'],
      },
      links: [['web', 'gw'], ['gw', 'checkout'], ['checkout', 'queue'], ['queue', 'email', { retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }]],
    }),
  },
};
