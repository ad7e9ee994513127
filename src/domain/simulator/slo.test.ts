import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { simDesign } from '../../testing/sim-designs.ts';
import { parseProblemFile } from '../../content/parse-problem.ts';
import { diagramFollowUps } from '../interview/diagram-follow-ups.ts';
import { referenceDesign } from '../rubric/reference.ts';
import { scoreDesign } from '../rubric/scorer.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { checkSlo } from './slo.ts';

/** web -> orders (N instances of 10 slots, 10 ms constant) -> db (5 ms), with the gateway's 2 s timeout. */
const shop = (instances: number, db: Record<string, unknown> = {}) =>
  simDesign({
    nodes: {
      web: ['web-client'],
      orders: ['service', { latencyMs: 10, distribution: 'constant', concurrency: 10 }, instances],
      db: ['relational-database', { latencyMs: 5, distribution: 'constant', ...db }, 2],
    },
    links: [['web', 'orders', { timeoutMs: 2000 }], ['orders', 'db']],
  });

vi.setConfig({ testTimeout: 30_000 });

const slo = { rps: 2000, p99Ms: 50, errorRate: 0.001 };
const orders = new Set(['orders']);

describe('service-level objectives', () => {
  it('are met when the path has room for the peak and answers in time', () => {
    // 2,000/s x 15 ms = 30 slots busy out of 40.
    const verdict = checkSlo(shop(4), orders, slo, 'Orders');
    expect(verdict).toMatchObject({ met: true, p99Ms: expect.any(Number), errorRate: 0 });
    expect(verdict.p99Ms).toBeLessThan(50);
    expect(verdict.detail).toMatch(/^Meets the objective \(p99 ≤ 50 ms and errors ≤ 0.1% at 2,000 requests\/s\) for Orders: p99 \d+ ms, errors 0%\.$/);
  });

  it('are missed by a saturated component, however short the run', () => {
    // 2,000/s x 15 ms = 30 slots for 20.
    const verdict = checkSlo(shop(2), orders, slo, 'Orders');
    expect(verdict.met).toBe(false);
    expect(verdict.detail).toMatch(/orders is 100% busy, so its queue grows for as long as the peak lasts\.$/);
  });

  it('are missed on latency and on errors', () => {
    const slow = checkSlo(shop(8, { latencyMs: 60 }), orders, slo, 'Orders');
    expect(slow).toMatchObject({ met: false });
    expect(slow.p99Ms).toBeGreaterThan(60);
    const flaky = checkSlo(shop(4, { errorRate: 0.01 }), orders, slo, 'Orders');
    expect(flaky.met).toBe(false);
    expect(flaky.errorRate).toBeGreaterThan(0.005);
  });

  it('are missed when no request reaches the component', () => {
    const verdict = checkSlo(shop(4), new Set(['nowhere']), slo, 'Payments');
    expect(verdict).toEqual({ met: false, p99Ms: null, errorRate: null, detail: 'No request reaches Payments yet: connect a client to it, through your front door.' });
  });

  it('share the load between the flows that reach the component, so more flows do not lighten it', () => {
    const one = shop(2);
    const two = { ...one, flows: [...one.flows, { ...one.flows[0]!, id: 'again', name: 'Again' }] };
    expect(checkSlo(two, orders, slo, 'Orders').met).toBe(false);
  });

  it('are scored by the rubric, and asked about in the deep dive while missed', () => {
    const parsed = parseProblemFile(readFileSync(new URL('../../../problems/url-shortener/problem.yaml', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const problem = parsed.problem;
    const reference = referenceDesign(problem);
    const met = scoreDesign(problem, reference, analyzeDesign(reference)).results.find((r) => r.criterion.type === 'slo')!;
    expect(met).toMatchObject({ met: true, earned: 10 });
    // One redirect instance cannot carry 6,000 redirects a second.
    const thin = { ...reference, nodes: reference.nodes.map((n) => (n.id === 'redirect' ? { ...n, instances: 1 } : n)) };
    const findings = analyzeDesign(thin);
    const score = scoreDesign(problem, thin, findings);
    const missed = score.results.find((r) => r.criterion.type === 'slo')!;
    expect(missed).toMatchObject({ met: false, earned: 0 });
    expect(missed.detail).toMatch(/Redirect service is \d+% busy/);
    const questions = diagramFollowUps({ problem, design: thin, findings, score }).map((q) => q.text);
    expect(questions).toContain('At 6,000 redirects a second, what is your p99, and which component would run out of room first?');
  });
});
