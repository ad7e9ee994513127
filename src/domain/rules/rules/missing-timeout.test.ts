import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { missingTimeout as rule } from './missing-timeout.ts';

describe('missing-timeout', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'API gateway calls Orders with no timeout: if Orders hangs, API gateway waits with it.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('skips calls that start at a client or a third party', () => {
    const design = sketch({
      id: 'd',
      title: 'Client and webhook',
      nodes: { web: ['web-client', 'Web'], psp: ['third-party-api', 'Payments provider'], hooks: ['service', 'Webhooks'] },
      links: [['web', 'hooks', { timeoutMs: null }], ['psp', 'hooks', { timeoutMs: null }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('suggests a timeout that fits the caller’s own budget with every attempt', () => {
    const design = sketch({
      id: 'd',
      title: 'Budget',
      nodes: { gw: ['api-gateway', 'Gateway'], orders: ['service', 'Orders'], stock: ['service', 'Stock'] },
      links: [
        ['gw', 'orders', { timeoutMs: 1000 }],
        ['orders', 'stock', { timeoutMs: null, idempotent: true, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true } }],
      ],
    });
    const [finding] = checkRule(rule, design);
    expect(finding?.quickFixes.map((q) => q.label)).toEqual(['Set a 500 ms timeout']);
    expect(checkRule(rule, design, { defaultTimeoutMs: 300 })[0]?.quickFixes[0]?.label).toBe('Set a 300 ms timeout');
  });

  it('has quick fixes that remove the finding', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
