import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { singlePointOfFailure as rule } from './single-point-of-failure.ts';

describe('single-point-of-failure', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Orders DB runs as a single instance with no replica, and user requests depend on it.',
      'Orders runs as a single instance and is not behind a load balancer: when it stops, every request through it fails.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('skips managed edge services, components behind a load balancer and work off the request path', () => {
    const design = sketch({
      id: 'd',
      title: 'Exclusions',
      nodes: {
        web: ['web-client', 'Web'],
        dns: ['dns', 'DNS'],
        cdn: ['cdn', 'CDN'],
        lb: ['load-balancer', 'LB'],
        api: ['service', 'API', { instances: 1 }],
        queue: ['message-queue', 'Jobs', { instances: 1 }],
        worker: ['worker', 'Worker', { instances: 1 }],
        bucket: ['object-storage', 'Assets'],
      },
      links: [['web', 'dns'], ['web', 'cdn'], ['cdn', 'bucket'], ['web', 'lb'], ['lb', 'api'], ['api', 'queue'], ['queue', 'worker']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('has quick fixes (two instances, a replica) that remove the finding', () => {
    expect(checkRule(rule, rule.examples.failing)[0]?.quickFixes.map((q) => q.id)).toEqual(['add-replica', 'two-instances']);
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
