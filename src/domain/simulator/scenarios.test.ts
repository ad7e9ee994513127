import { describe, expect, it, vi } from 'vitest';
import type { Design } from '../diagram/schema.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { simDesign, type SimSpec } from '../../testing/sim-designs.ts';
import { hasScenario, scenarioFor, scenarioFigures, type Scenario } from './scenarios.ts';
import { simulate } from './simulate.ts';

function findingOf(design: Design, ruleId: string, glossaryTerm?: string) {
  const finding = analyzeDesign(design).find((f) => f.ruleId === ruleId && (glossaryTerm === undefined || f.glossaryTerm === glossaryTerm));
  if (!finding) throw new Error(`no ${ruleId} finding`);
  return finding;
}

function figures(design: Design, scenario: Scenario) {
  const outcome = simulate(design, scenario.options);
  if (!outcome.ok) throw new Error(outcome.message);
  return scenarioFigures(outcome.result, scenario, outcome.result.components.map((c) => c.id), outcome.result.connections.map((c) => c.id))!;
}

/** The scenario for the finding, run on the design and on the fixed design. */
function watch(spec: SimSpec, ruleId: string, glossaryTerm?: string) {
  const design = simDesign(spec);
  const finding = findingOf(design, ruleId, glossaryTerm);
  expect(hasScenario(finding)).toBe(true);
  const outcome = scenarioFor(finding, design);
  if (!outcome.ok) throw new Error(outcome.message);
  const { scenario } = outcome;
  return { scenario, before: figures(design, scenario), after: scenario.fixed ? figures(scenario.fixed.design, scenario) : null };
}

const timed = { timeoutMs: 3000 };

// Two runs of a minute each per case; on a busy machine that is a few seconds.
vi.setConfig({ testTimeout: 30_000 });

describe('See it happen', () => {
  it('missing timeout: the caller fills and queues without one, and keeps up with one', () => {
    const { scenario, before, after } = watch(
      {
        nodes: { web: ['web-client'], gw: ['api-gateway'], orders: ['service'], payments: ['service'] },
        links: [['web', 'gw', { timeoutMs: 5000 }], ['gw', 'orders', timed], ['orders', 'payments']],
      },
      'missing-timeout',
    );
    expect(scenario.fault).toMatch(/^payments takes about 10 s per request from 10 s to 40 s/);
    expect(before.peakUtilization).toBeGreaterThan(0.99);
    expect(before.peakQueue).toBeGreaterThan(100);
    expect(after!.peakUtilization).toBeLessThan(0.8);
    expect(after!.peakQueue).toBeLessThan(1);
    expect(after!.p99Ms).toBeLessThan(2100);
  });

  it('retry amplification: the failing leaf gets 9 calls per request, then 3 with retries at the last hop only', () => {
    const retry = { maxAttempts: 3, backoff: 'exponential', jitter: true };
    const { scenario, before, after } = watch(
      {
        nodes: { web: ['web-client'], a: ['service', {}, 3], b: ['service', {}, 3], c: ['service', {}, 3] },
        links: [['web', 'a', timed], ['a', 'b', { ...timed, idempotent: true, retry }], ['b', 'c', { timeoutMs: 900, idempotent: true, retry }]],
      },
      'retry-amplification',
      'retry-amplification',
    );
    expect(scenario.focus.connection).toBe('e3');
    expect(before.connectionRps! / after!.connectionRps!).toBeGreaterThan(2.7);
    expect(before.connectionRps! / after!.connectionRps!).toBeLessThan(3.3);
  });

  it('missing circuit breaker: the breaker stops the calls to a dependency that hangs', () => {
    const { before, after } = watch(
      {
        nodes: { web: ['web-client'], orders: ['service'], psp: ['third-party-api'] },
        links: [['web', 'orders', { timeoutMs: 5000 }], ['orders', 'psp', { timeoutMs: 1000 }]],
      },
      'missing-circuit-breaker',
    );
    expect(after!.connectionRps!).toBeLessThan(before.connectionRps! / 3);
  });

  it('single point of failure: one instance down fails every request, one of two does not', () => {
    const { scenario, before, after } = watch(
      {
        nodes: { web: ['web-client'], gw: ['api-gateway', {}, 2], orders: ['service'] },
        links: [['web', 'gw', timed], ['gw', 'orders', timed]],
      },
      'single-point-of-failure',
    );
    expect(scenario.fixed!.label).toBe('Run 2 instances');
    expect(before.errorRate).toBeGreaterThan(0.99);
    expect(after!.errorRate).toBe(0);
  });

  it('chatty calls: ten calls per request are ten times as slow as one batched call', () => {
    const { before, after } = watch(
      {
        nodes: { web: ['web-client'], page: ['service'], items: ['service'] },
        links: [['web', 'page', timed], ['page', 'items', { ...timed, callsPerRequest: 'per-item' }]],
      },
      'sync-fan-out',
      'chatty-communication',
    );
    expect(before.p50Ms).toBeGreaterThan(5 * after!.p50Ms);
  });

  it('fan-out: calls made one after another are slower than the same calls in parallel', () => {
    const services = ['user', 'feed', 'ads', 'recs', 'cart'] as const;
    const { scenario, before, after } = watch(
      {
        nodes: { web: ['web-client'], home: ['service'], ...Object.fromEntries(services.map((s) => [s, ['service'] as const])) },
        links: [['web', 'home', timed], ...services.map((s) => ['home', s, timed] as const)],
      },
      'sync-fan-out',
      'fan-out',
    );
    expect(scenario.fixed!.fix).toBeNull();
    expect(before.p50Ms).toBeGreaterThan(2 * after!.p50Ms);
    expect(before.p99Ms).toBeGreaterThan(1.5 * after!.p99Ms);
  });

  it('deep sync chain: failures multiply along the chain; there is no one-click fix', () => {
    const chain = ['a', 'b', 'c', 'd', 'e'] as const;
    const { scenario, before, after } = watch(
      {
        nodes: { web: ['web-client'], gw: ['api-gateway'], ...Object.fromEntries(chain.map((s) => [s, ['service', {}, 2] as const])) },
        links: [['web', 'gw', timed], ['gw', 'a', timed], ['a', 'b', timed], ['b', 'c', timed], ['c', 'd', timed], ['d', 'e', timed]],
      },
      'deep-sync-chain',
    );
    expect(after).toBeNull();
    expect(scenario.noFix).toMatch(/no one-click fix/);
    // 1 - 0.99^5 = 4.9%; 6,000 requests: sd 0.28 points.
    expect(Math.abs(before.errorRate - 0.049)).toBeLessThan(0.012);
  });

  it('says so when no flow reaches the finding', () => {
    const design = simDesign({ nodes: { web: ['web-client'], a: ['service'], b: ['service'], c: ['service'] }, links: [['web', 'a', timed], ['b', 'c']], steps: ['e1'] });
    const outcome = scenarioFor(findingOf(design, 'missing-timeout'), design);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/^No request flow reaches c/) });
  });
});
