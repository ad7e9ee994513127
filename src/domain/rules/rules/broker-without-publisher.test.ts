import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { brokerWithoutPublisher as rule } from './broker-without-publisher.ts';

describe('broker-without-publisher', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.severity, f.message])).toEqual([
      ['info', 'Thumbnailer waits for messages on Thumbnail jobs, but nothing publishes to it.'],
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('counts change data capture from a database as publishing', () => {
    const design = sketch({
      id: 'd',
      title: 'CDC',
      nodes: { db: ['relational-database', 'Orders DB'], topic: ['event-stream', 'Order changes'], search: ['worker', 'Indexer'] },
      links: [['db', 'topic'], ['topic', 'search', { deadLetterQueue: true }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
