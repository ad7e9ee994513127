import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch, type EdgePatch } from '../sketch.ts';
import { withFlows } from '../../../testing/flows.ts';
import { timeoutBudget as rule } from './timeout-budget.ts';

const chain = (inner: EdgePatch) =>
  sketch({
    id: 'd',
    title: 'Budget',
    nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
    links: [['gw', 'checkout', { timeoutMs: 2500 }], ['checkout', 'pay', inner]],
  });

describe('timeout-budget', () => {
  it('flags its failing example and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => f.message)).toEqual([
      'Checkout waits up to 5,000 ms for Payments, but API gateway gives Checkout only 3,000 ms.',
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('multiplies the inner timeout by its attempts', () => {
    const retried: EdgePatch = { timeoutMs: 1000, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } };
    const [finding] = checkRule(rule, chain(retried));
    expect(finding?.message).toBe('Checkout may spend 3 × 1,000 ms = 3,000 ms on Payments, but Gateway gives Checkout only 2,500 ms.');
    expect(finding?.quickFixes[0]?.label).toBe('Lower the timeout to 833 ms');
    expect(checkRule(rule, chain({ ...retried, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true } }))).toEqual([]);
  });

  it('says nothing when the caller has no timeout to fit into', () => {
    const design = sketch({
      id: 'd',
      title: 'No outer timeout',
      nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
      links: [['gw', 'checkout', { timeoutMs: null }], ['checkout', 'pay', { timeoutMs: 9000 }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });

  it('has quick fixes that make the call fit, lowering attempts when even 1 ms each would not', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
    const tight = sketch({
      id: 'd',
      title: 'Tight',
      nodes: { gw: ['api-gateway', 'Gateway'], checkout: ['service', 'Checkout'], pay: ['service', 'Payments'] },
      links: [
        ['gw', 'checkout', { timeoutMs: 2 }],
        ['checkout', 'pay', { timeoutMs: 5, idempotent: true, retry: { maxAttempts: 5, backoff: 'exponential', jitter: true } }],
      ],
    });
    expect(checkRule(rule, tight)[0]?.quickFixes[0]?.label).toBe('Lower the timeout to 1 ms and the attempts to 2');
    expect(allQuickFixProblems(rule, tight)).toEqual([]);
  });

  describe('along requests', () => {
    // e1 web>gw, e2 gw>limiter (5 ms limit check), e3 limiter>rules (200 ms refresh), e4 limiter>counters, e5 gw>orders, e6 orders>ordersDb
    const limits = sketch({
      id: 'd',
      title: 'Limits',
      nodes: {
        web: ['web-client', 'Web'],
        gw: ['api-gateway', 'Gateway'],
        limiter: ['service', 'Limits'],
        rules: ['config-service', 'Limit rules'],
        counters: ['cache', 'Counters'],
        orders: ['service', 'Orders'],
        ordersDb: ['relational-database', 'Orders DB'],
      },
      links: [
        ['web', 'gw', { timeoutMs: 10_000 }],
        ['gw', 'limiter', { timeoutMs: 5 }],
        ['limiter', 'rules', { timeoutMs: 200 }],
        ['limiter', 'counters'],
        ['gw', 'orders', { timeoutMs: 2000 }],
        ['orders', 'ordersDb'],
      ],
    });

    it('without flows, takes every path from an entry: the refresh call counts against the limit check', () => {
      expect(checkRule(rule, limits).map((f) => f.message)).toEqual(['Limits waits up to 200 ms for Limit rules, but Gateway gives Limits only 5 ms.']);
    });

    it('with flows, never compares a 5 ms limit check with a 200 ms background refresh', () => {
      const drawn = withFlows(limits, { 'Check a limit': ['e1', 'e2', 'e4'], 'Refresh limit rules': ['e3'] });
      expect(checkRule(rule, drawn)).toEqual([]);
      // A flow that does wait on the refresh is reported, naming the flow.
      const waits = withFlows(limits, { 'Check a limit': ['e1', 'e2', 'e3', 'e4'] });
      expect(checkRule(rule, waits).map((f) => f.message)).toEqual(['In “Check a limit”, Limits waits up to 200 ms for Limit rules, but Gateway gives Limits only 5 ms.']);
    });

    it('judges routes no flow covers along their paths', () => {
      // Orders is not covered by any flow: its calls are still checked, the limit check's are not.
      const ordersOverrun = sketch({
        id: 'd2',
        title: 'Orders overrun',
        nodes: { web: ['web-client', 'Web'], gw: ['api-gateway', 'Gateway'], limiter: ['service', 'Limits'], rules: ['config-service', 'Limit rules'], orders: ['service', 'Orders'], pay: ['third-party-api', 'Payments'] },
        links: [['web', 'gw', { timeoutMs: 10_000 }], ['gw', 'limiter', { timeoutMs: 5 }], ['limiter', 'rules', { timeoutMs: 200 }], ['gw', 'orders', { timeoutMs: 2000 }], ['orders', 'pay', { timeoutMs: 3000 }]],
      });
      expect(checkRule(rule, withFlows(ordersOverrun, { 'Check a limit': ['e1', 'e2'] })).map((f) => f.message)).toEqual([
        'Orders waits up to 3,000 ms for Payments, but Gateway gives Orders only 2,000 ms.',
      ]);
    });
  });
});
