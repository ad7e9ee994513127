import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { retryAmplification as rule } from './retry-amplification.ts';

const retry = (maxAttempts: number, backoff: 'none' | 'fixed' | 'exponential' = 'exponential', jitter = true) => ({
  idempotent: true,
  retry: { maxAttempts, backoff, jitter },
});

describe('retry-amplification', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Retries stack up along API gateway → Orders → Stock: 3 × 3 = up to 9 calls reach Stock for one request.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('reports a longer chain once, with the product of its attempts', () => {
    const design = sketch({
      id: 'd',
      title: 'Three hops',
      nodes: { web: ['web-client', 'Web'], gw: ['api-gateway', 'Gateway'], a: ['service', 'Orders'], b: ['service', 'Stock'] },
      links: [['web', 'gw', retry(3)], ['gw', 'a', retry(3)], ['a', 'b', retry(3)]],
    });
    const findings = checkRule(rule, design);
    expect(findings.map((f) => f.message)).toEqual([
      'Retries stack up along Web → Gateway → Orders → Stock: 3 × 3 × 3 = up to 27 calls reach Stock for one request.',
    ]);
    expect(checkRule(rule, design, { minRetryingHops: 4 })).toEqual([]);
  });

  it('flags retries without backoff or jitter, linked to retry-with-backoff', () => {
    const design = sketch({
      id: 'd',
      title: 'No backoff',
      nodes: { a: ['service', 'Orders'], b: ['service', 'Stock'], c: ['service', 'Pricing'] },
      links: [['a', 'b', retry(2, 'none', true)], ['a', 'c', retry(4, 'fixed', false)]],
    });
    const findings = checkRule(rule, design);
    expect(findings.map((f) => [f.glossaryTerm, f.message])).toEqual([
      ['retry-with-backoff', 'Orders retries Stock up to 1 time immediately, with no backoff between attempts.'],
      ['retry-with-backoff', 'Orders retries Pricing up to 3 times on a fixed schedule with no jitter, so callers retry in lock-step.'],
    ]);
    expect(allQuickFixProblems(rule, design)).toEqual([]);
  });

  it('does not loop on a cycle of retrying calls', () => {
    const design = sketch({
      id: 'd',
      title: 'Retrying loop',
      nodes: { a: ['service', 'A'], b: ['service', 'B'], c: ['service', 'C'] },
      links: [['a', 'b', retry(2)], ['b', 'a', retry(2)], ['b', 'c', retry(2)]],
    });
    expect(() => checkRule(rule, design)).not.toThrow();
  });

  it('has quick fixes that keep retries at one hop', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
