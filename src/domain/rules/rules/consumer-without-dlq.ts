import { createAsyncEdge } from '../../diagram/factory.ts';
import type { Design } from '../../diagram/schema.ts';
import { findNode, freshId, newNode, patchAsyncEdges, rewire, slugify, takenIds } from '../analysis/edits.ts';
import { ASYNC, BROKER, COMPUTE, EXTERNAL, factsOf, kindCode } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'Some messages will always fail: a malformed payload, a deleted record, a bug. Without retries and a dead-letter queue such a message is either dropped silently or redelivered forever, blocking the messages behind it and burning the consumer’s capacity.';
const FIX =
  'Retry a failed message a few times with backoff, then move it to a dead-letter queue where it waits to be inspected and replayed. Alert when the dead-letter queue is not empty.';

const DEAD_LETTER_QUEUE = kindCode('dead-letter-queue');

function addDeadLetterQueue(design: Design, brokerId: string): Design {
  const broker = findNode(design, brokerId);
  if (!broker) return design;
  const taken = takenIds(design);
  const dlq = newNode(
    'dead-letter-queue',
    freshId(taken, slugify(`${broker.name} dlq`, 'dead-letters')),
    { x: broker.position.x + 220, y: broker.position.y + 120 },
    `${broker.name} dead letters`,
  );
  const placed = broker.groupId === undefined ? dlq : { ...dlq, groupId: broker.groupId };
  return rewire(design, { addNodes: [placed], addEdges: [createAsyncEdge(freshId(taken, 'dead-letter'), broker.id, placed.id)] });
}

export const consumerWithoutDlq: RuleDefinition<Record<string, never>> = {
  id: 'consumer-without-dlq',
  title: 'Consumer without retries or dead-letter queue',
  severity: 'warning',
  glossaryTerm: 'dead-letter-queue',
  summary: 'Flags a consumer that has no way to handle a message it cannot process.',
  condition:
    'An async edge from a broker (not itself a dead-letter queue) to a service or third party (a consumer) with `deadLetterQueue` false and `retry.maxAttempts` 1, where the broker has no async edge to a dead-letter-queue node.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.out[ASYNC];
    for (const i of facts.byRole[BROKER]!) {
      if (facts.kind[i] === DEAD_LETTER_QUEUE || start[i] === start[i + 1]) continue;
      let deadLetters = false;
      for (let j = start[i]!; j < start[i + 1]! && !deadLetters; j++) deadLetters = facts.kind[facts.target[edge[j]!]!] === DEAD_LETTER_QUEUE;
      if (deadLetters) continue;
      const broker = facts.nodes[i]!;
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const e = facts.edges[k]!;
        if (e.family !== 'async' || e.deadLetterQueue || e.retry.maxAttempts > 1) continue;
        const c = facts.target[k]!;
        if (facts.role[c] !== COMPUTE && facts.role[c] !== EXTERNAL) continue;
        const consumer = facts.nodes[c]!;
        findings.push(
          makeFinding(consumerWithoutDlq, {
            message: `${consumer.name} consumes from ${broker.name} with no retries and no dead-letter queue: a message it cannot process is lost or blocks the ones behind it.`,
            why: WHY,
            fix: FIX,
            elementIds: [broker.id, consumer.id, e.id],
            quickFixes: [
              quickFix('retry-then-dead-letter', 'Retry 3 times, then dead-letter', (d) =>
                patchAsyncEdges(d, [e.id], { deadLetterQueue: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }),
              ),
              quickFix('add-dead-letter-queue', `Add a dead-letter queue to ${broker.name}`, (d) => addDeadLetterQueue(d, broker.id)),
            ],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-consumer-without-dlq-failing',
      title: 'The email worker drops what it cannot send',
      nodes: { orders: ['service', 'Orders'], queue: ['message-queue', 'Email jobs'], worker: ['worker', 'Email worker'] },
      links: [['orders', 'queue'], ['queue', 'worker']],
    }),
    passing: sketch({
      id: 'example-consumer-without-dlq-passing',
      title: 'The email worker retries, then dead-letters',
      nodes: { orders: ['service', 'Orders'], queue: ['message-queue', 'Email jobs'], worker: ['worker', 'Email worker'] },
      links: [
        ['orders', 'queue'],
        ['queue', 'worker', { deadLetterQueue: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }],
      ],
    }),
  },
};
