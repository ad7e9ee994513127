import { makeFinding } from '../analysis/finding.ts';
import { nameOf } from '../analysis/graph.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

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
    const findings: Finding[] = [];
    for (const broker of index.nodesByRole.get('broker') ?? []) {
      if (broker.kind === 'dead-letter-queue') continue;
      const outgoing = index.outgoing(broker.id, 'async');
      if (outgoing.length === 0 || index.incoming(broker.id, 'async').length > 0) continue;
      const consumers = [...new Set(outgoing.map((e) => nameOf(index, e.target)))];
      findings.push(
        makeFinding(brokerWithoutPublisher, {
          glossaryTerm: broker.kind === 'event-stream' ? 'publish-subscribe' : 'message-queue',
          message: `${listNames(consumers)} ${consumers.length === 1 ? 'waits' : 'wait'} for messages on ${broker.name}, but nothing publishes to it.`,
          why: WHY,
          fix: FIX,
          elementIds: [broker.id, ...outgoing.flatMap((e) => [e.target, e.id])],
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
