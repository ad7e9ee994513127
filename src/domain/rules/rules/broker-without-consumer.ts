import { makeFinding } from '../analysis/finding.ts';
import { factsOf } from '../analysis/facts.ts';
import { oneSidedBrokers } from '../analysis/one-sided-brokers.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { RuleDefinition } from '../types.ts';

const WHY =
  'Messages published where nobody listens are work that never happens: the emails are never sent, the index never updated. The queue grows until messages expire or the broker runs out of space, and nobody notices until a user asks.';
const FIX = 'Connect the service or worker that should process these messages, or stop publishing them.';

export const brokerWithoutConsumer: RuleDefinition<Record<string, never>> = {
  id: 'broker-without-consumer',
  title: 'Queue or topic without a consumer',
  severity: 'warning',
  glossaryTerm: 'message-queue',
  summary: 'Flags a queue or topic that receives messages but that nothing consumes.',
  condition: 'A message-queue or event-stream node with at least one incoming async edge (a publisher) and no outgoing async edge (no consumer).',
  thresholds: {},
  check({ index }) {
    return oneSidedBrokers(factsOf(index), 'in').map(({ broker, names, elementIds }) =>
      makeFinding(brokerWithoutConsumer, {
        glossaryTerm: broker.kind === 'event-stream' ? 'publish-subscribe' : 'message-queue',
        message: `${listNames(names)} ${names.length === 1 ? 'publishes' : 'publish'} to ${broker.name}, but nothing consumes from it: the messages pile up unprocessed.`,
        why: WHY,
        fix: FIX,
        elementIds,
      }),
    );
  },
  examples: {
    failing: sketch({
      id: 'example-broker-without-consumer-failing',
      title: 'Order events nobody reads',
      nodes: { orders: ['service', 'Orders'], events: ['event-stream', 'Order events'] },
      links: [['orders', 'events']],
    }),
    passing: sketch({
      id: 'example-broker-without-consumer-passing',
      title: 'Shipping reads the order events',
      nodes: { orders: ['service', 'Orders'], events: ['event-stream', 'Order events'], shipping: ['service', 'Shipping'] },
      links: [['orders', 'events'], ['events', 'shipping', { retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }]],
    }),
  },
};
