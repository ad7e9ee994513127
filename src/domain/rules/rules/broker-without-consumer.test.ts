import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { brokerWithoutConsumer as rule } from './broker-without-consumer.ts';

describe('broker-without-consumer', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.glossaryTerm, f.message])).toEqual([
      ['publish-subscribe', 'Orders publishes to Order events, but nothing consumes from it: the messages pile up unprocessed.'],
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('skips dead-letter queues, which people drain by hand', () => {
    const design = sketch({
      id: 'd',
      title: 'DLQ',
      nodes: { q: ['message-queue', 'Jobs'], w: ['worker', 'Worker'], dlq: ['dead-letter-queue', 'Dead letters'], s: ['service', 'API'] },
      links: [['s', 'q'], ['q', 'w'], ['q', 'dlq']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
