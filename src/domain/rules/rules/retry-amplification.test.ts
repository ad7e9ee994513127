import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { withFlows } from '../../../testing/flows.ts';
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

  describe('along requests', () => {
    // e1 web>gw, e2 gw>orchestrator, e3 orchestrator>stripe (3 attempts), e4 stripe>receiver (webhook), e5 receiver>orchestrator (2 attempts), e6 orchestrator>db
    const payments = sketch({
      id: 'd',
      title: 'Payments with webhooks',
      nodes: {
        web: ['web-client', 'Web'],
        gw: ['api-gateway', 'Gateway'],
        orchestrator: ['service', 'Payment orchestrator'],
        stripe: ['third-party-api', 'Stripe'],
        receiver: ['service', 'Webhook receiver'],
        db: ['relational-database', 'Payments DB'],
      },
      links: [
        ['web', 'gw', { timeoutMs: 10_000 }],
        ['gw', 'orchestrator', { timeoutMs: 5000 }],
        ['orchestrator', 'stripe', { timeoutMs: 1000, ...retry(3) }],
        ['stripe', 'receiver', { timeoutMs: null, label: 'webhooks' }],
        ['receiver', 'orchestrator', { timeoutMs: 2000, ...retry(2) }],
        ['orchestrator', 'db'],
      ],
    });

    it('without flows, every path from an entry may combine: the webhook path reaches Stripe', () => {
      expect(checkRule(rule, payments).map((f) => f.message)).toEqual([
        'Retries stack up along Webhook receiver → Payment orchestrator → Stripe: 2 × 3 = up to 6 calls reach Stripe for one request.',
      ]);
    });

    it('with flows, never joins the webhook’s call to the orchestrator with the charge it does not make', () => {
      const drawn = withFlows(payments, { Pay: ['e1', 'e2', 'e3', 'e6'], 'Payment webhook': ['e4', 'e5', 'e6'] });
      expect(checkRule(rule, drawn)).toEqual([]);
      const charges = withFlows(payments, { Pay: ['e1', 'e2', 'e3', 'e6'], 'Payment webhook': ['e4', 'e5', 'e3'] });
      expect(checkRule(rule, charges).map((f) => f.message)).toEqual([
        'In “Payment webhook”, retries stack up along Webhook receiver → Payment orchestrator → Stripe: 2 × 3 = up to 6 calls reach Stripe for one request.',
      ]);
    });
  });
});
