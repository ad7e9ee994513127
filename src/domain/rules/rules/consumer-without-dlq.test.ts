import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { consumerWithoutDlq as rule } from './consumer-without-dlq.ts';

describe('consumer-without-dlq', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.elementIds)).toEqual([['queue', 'worker', 'e2']]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('accepts a broker that routes failures to a dead-letter-queue node', () => {
    const design = sketch({
      id: 'd',
      title: 'DLQ node',
      nodes: { orders: ['service', 'Orders'], queue: ['message-queue', 'Jobs'], worker: ['worker', 'Worker'], dlq: ['dead-letter-queue', 'Dead letters'] },
      links: [['orders', 'queue'], ['queue', 'worker'], ['queue', 'dlq']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('has quick fixes (retry then dead-letter, add a DLQ node) that remove the finding', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
