import { makeFinding } from '../analysis/finding.ts';
import { factsOf } from '../analysis/facts.ts';
import { oneSidedBrokers } from '../analysis/one-sided-brokers.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { RuleDefinition } from '../types.ts';

const WHY =
  'A consumer waiting on a queue that nothing feeds never runs, so whatever it is meant to do never happens. Usually the publishing side was forgotten, and the design hides which service starts the flow.';
const FIX = 'Draw the service (or the database, for change data capture) that publishes to this queue or topic.';

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
    return oneSidedBrokers(factsOf(index), 'out').map(({ broker, names, elementIds }) =>
      makeFinding(brokerWithoutPublisher, {
        glossaryTerm: broker.kind === 'event-stream' ? 'publish-subscribe' : 'message-queue',
        message: `${listNames(names)} ${names.length === 1 ? 'waits' : 'wait'} for messages on ${broker.name}, but nothing publishes to it.`,
        why: WHY,
        fix: FIX,
        elementIds,
      }),
    );
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
