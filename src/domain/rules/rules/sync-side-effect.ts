import { createAsyncEdge } from '../../diagram/factory.ts';
import type { Design, DesignEdge, DesignNode } from '../../diagram/schema.ts';
import { absolutePosition, centroid, findNode, freshId, newNode, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { COMPUTE, EXTERNAL, factsOf, SYNC } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { requestPath } from '../analysis/graph.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Sending an email, a push notification or an analytics event does not change the answer the user is waiting for, yet a synchronous call makes the user wait for it and fail with it. When the mail provider is slow, checkout is slow; when it is down, checkout fails.';
const FIX =
  'Publish a message instead and let the side work happen after the response: put a queue between the caller and the service, with retries (and a dead-letter queue) on the consumer side.';

/** Words that mark side work in a component's name or responsibilities. */
export const SIDE_EFFECT_WORDS = /notif|mail|\bsms\b|\bpush\b|analytic|tracking|audit|newsletter/i;

export function looksLikeSideWork(node: DesignNode): boolean {
  return SIDE_EFFECT_WORDS.test(node.name) || node.responsibilities.some((r) => SIDE_EFFECT_WORDS.test(r));
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
    'A sync edge from a service (compute) that is reachable from a client (the request path) to a service or third-party API whose name or responsibilities contain notif, mail, sms, push, analytic, tracking, audit or newsletter (case-insensitive; sms and push as whole words). Calls from gateways are not reported: a route to a tracking page is a read the user asked for.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    let onPath: Uint8Array | undefined;
    const { start, edge } = facts.in[SYNC];
    for (const role of [COMPUTE, EXTERNAL] as const) {
      for (const i of facts.byRole[role]!) {
        if (start[i] === start[i + 1]) continue;
        // Only a call from a service on the request path can be reported: look for one before reading names.
        onPath ??= requestPath(index);
        let called = false;
        for (let j = start[i]!; j < start[i + 1]! && !called; j++) {
          const s = facts.source[edge[j]!]!;
          called = facts.role[s] === COMPUTE && onPath[s] === 1;
        }
        if (!called) continue;
        const target = facts.nodes[i]!;
        if (!looksLikeSideWork(target)) continue;
        for (let j = start[i]!; j < start[i + 1]!; j++) {
          const k = edge[j]!;
          const s = facts.source[k]!;
          if (facts.role[s] !== COMPUTE || onPath[s] !== 1) continue;
          const caller = facts.nodes[s]!;
          const e = facts.edges[k]!;
          findings.push(
            makeFinding(syncSideEffect, {
              message: `${caller.name} calls ${target.name} synchronously while the user waits; that work could happen after the response.`,
              why: WHY,
              fix: FIX,
              elementIds: [caller.id, target.id, e.id],
              quickFixes: [quickFix('queue-between', `Put a queue between ${caller.name} and ${target.name}`, (d) => putQueueBetween(d, e.id))],
            }),
          );
        }
      }
    }
    return findings;
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
