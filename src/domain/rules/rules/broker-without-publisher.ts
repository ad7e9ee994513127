import { makeFinding } from '../analysis/finding.ts';
import { ASYNC, BROKER, factsOf, kindCode } from '../analysis/facts.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A consumer waiting on a queue that nothing feeds never runs, so whatever it is meant to do never happens. Usually the publishing side was forgotten, and the design hides which service starts the flow.';
const FIX = 'Draw the service (or the database, for change data capture) that publishes to this queue or topic.';

const DEAD_LETTER_QUEUE = kindCode('dead-letter-queue');

export const brokerWithoutPublisher: RuleDefinition<Record<string, never>> = {
  id: 'broker-without-publisher',
  title: 'Queue or topic without a publisher',
  severity: 'info',
  glossaryTerm: 'message-queue',
  summary: 'Flags a queue or topic that consumers read from but that nothing publishes to.',
  condition:
    'A message-queue or event-stream node with at least one outgoing async edge (a consumer) and no incoming async edge (no publisher, no change data capture). Dead-letter queues are skipped: the broker fills them.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const incoming = facts.in[ASYNC];
    const outgoing = facts.out[ASYNC];
    for (const i of facts.byRole[BROKER]!) {
      if (facts.kind[i] === DEAD_LETTER_QUEUE || outgoing.start[i] === outgoing.start[i + 1] || incoming.start[i] !== incoming.start[i + 1]) continue;
      const broker = facts.nodes[i]!;
      const consumers: string[] = [];
      const elementIds = [broker.id];
      for (let j = outgoing.start[i]!; j < outgoing.start[i + 1]!; j++) {
        const k = outgoing.edge[j]!;
        const consumer = facts.nodes[facts.target[k]!]!;
        consumers.push(consumer.name);
        elementIds.push(consumer.id, facts.edges[k]!.id);
      }
      const names = [...new Set(consumers)];
      findings.push(
        makeFinding(brokerWithoutPublisher, {
          glossaryTerm: broker.kind === 'event-stream' ? 'publish-subscribe' : 'message-queue',
          message: `${listNames(names)} ${names.length === 1 ? 'waits' : 'wait'} for messages on ${broker.name}, but nothing publishes to it.`,
          why: WHY,
          fix: FIX,
          elementIds,
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-broker-without-publisher-failing',
      title: 'A worker waits on an empty queue',
      nodes: { queue: ['message-queue', 'Thumbnail jobs'], worker: ['worker', 'Thumbnailer'] },
      links: [['queue', 'worker', { deadLetterQueue: true }]],
    }),
    passing: sketch({
      id: 'example-broker-without-publisher-passing',
      title: 'Uploads publish thumbnail jobs',
      nodes: { uploads: ['service', 'Uploads'], queue: ['message-queue', 'Thumbnail jobs'], worker: ['worker', 'Thumbnailer'] },
      links: [['uploads', 'queue'], ['queue', 'worker', { deadLetterQueue: true }]],
    }),
  },
};
