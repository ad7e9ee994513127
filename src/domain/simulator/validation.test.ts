/**
 * The simulator against theory and published results (docs/simulator.md has
 * the table). Every run is seeded, so each assertion checks one fixed
 * number; the tolerances are set from the spread of that number over seeds
 * at the chosen run length (measured over 10 seeds, quoted per case), so they
 * hold for any seed, not only the one written here.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Design } from '../diagram/schema.ts';
import { simDesign } from '../../testing/sim-designs.ts';
import type { SimulationOptionsInput } from './options.ts';
import { report, type SimulationResult } from './report.ts';
import { startSimulation } from './simulate.ts';

// Long runs on a shared machine: up to a minute each.
vi.setConfig({ testTimeout: 60_000 });

function run(design: Design, options: SimulationOptionsInput) {
  const started = startSimulation(design, options);
  if (!started.ok) throw new Error(started.message);
  started.simulation.run();
  return { result: report(started.simulation), simulation: started.simulation };
}

/** Little's law, end to end: mean requests in flight = throughput x mean time in the system, within 2%. */
function expectLittle(result: SimulationResult) {
  for (const flow of result.flows) {
    const predicted = (flow.throughputRps * flow.latencyMs.mean) / 1000;
    expect(Math.abs(flow.meanInFlight - predicted) / predicted).toBeLessThan(0.02);
  }
}

/** One queue: a client sending to a service with `servers` slots and exponential service (mean 10 ms). */
const queueDesign = (rateRps: number, servers: number) =>
  simDesign({
    nodes: { web: ['web-client'], s: ['service', { latencyMs: 10, distribution: 'exponential', concurrency: servers }] },
    links: [['web', 's']],
    rateRps,
  });

describe('the simulator agrees with queueing theory', () => {
  // Relative standard deviation of the mean response time over 10 seeds at these run lengths:
  // 0.9% (rho 0.5, 2,000 s), 1.0% (rho 0.8, 4,000 s), 1.1% (rho 0.9, 20,000 s); 5% is at least 4.5 of them.
  it.each([
    { rho: 0.5, durationS: 2_000, expected: 20 },
    { rho: 0.8, durationS: 4_000, expected: 50 },
    { rho: 0.9, durationS: 40_000, expected: 100 },
  ])('M/M/1 at utilisation $rho: mean response time within 5% of 1/(mu - lambda) = $expected ms', ({ rho, durationS, expected }) => {
    const { result } = run(queueDesign(rho * 100, 1), { durationS, seed: 7, sampleS: 100 });
    const flow = result.flows[0]!;
    expect(Math.abs(flow.latencyMs.mean - expected) / expected).toBeLessThan(0.05);
    expect(result.components[1]!.utilization).toBeCloseTo(rho, 1);
    expectLittle(result);
  });

  it('M/M/c with c = 4 at utilisation 0.8: probability of waiting and mean wait within 5% of Erlang C', () => {
    const servers = 4;
    const offered = 3.2; // lambda / mu
    let sum = 0;
    let term = 1;
    for (let k = 0; k < servers; k++) {
      if (k > 0) term *= offered / k;
      sum += term;
    }
    const last = ((term * offered) / servers) / (1 - offered / servers);
    const erlangC = last / (sum + last); // 0.5964
    const meanWaitMs = erlangC / (servers * 0.1 - 0.32); // 7.455 ms
    // Over 10 seeds at 8,000 s: relative sd 0.35% for P(wait), 1.1% for the mean wait.
    const { result } = run(queueDesign(320, servers), { durationS: 8_000, seed: 7, sampleS: 100 });
    const s = result.components[1]!;
    expect(Math.abs(s.waitedShare - erlangC) / erlangC).toBeLessThan(0.05);
    expect(Math.abs(s.meanWaitMs - meanWaitMs) / meanWaitMs).toBeLessThan(0.05);
    expectLittle(result);
  });

  it('The Tail at Scale: fanning out to 100 leaves whose p99 is 1 s, 63% of requests take 1 s or more; with one leaf, 1%', () => {
    const fanOut = (calls: number) =>
      simDesign({
        nodes: {
          web: ['web-client'],
          root: ['service', { latencyMs: 0, distribution: 'constant', concurrency: 1_000_000 }],
          leaf: ['service', { latencyMs: 10, p99Ms: 1000, concurrency: 1_000_000 }],
        },
        links: [['web', 'root'], ['root', 'leaf', { callsPerRequest: calls, fanOut: 'parallel' }]],
        rateRps: 100,
      });
    // 10,000 requests: binomial sd 0.48 points at 63%; 2 points is 4 sd. 20,000 requests: 0.07 points at 1%.
    const wide = run(fanOut(100), { durationS: 100, drainS: 60, seed: 7, sampleS: 100 });
    expect(Math.abs(wide.simulation.meter.latency[0]!.fractionAtLeast(1000) - (1 - 0.99 ** 100))).toBeLessThan(0.02);
    const single = run(fanOut(1), { durationS: 200, drainS: 60, seed: 7, sampleS: 100 });
    expect(Math.abs(single.simulation.meter.latency[0]!.fractionAtLeast(1000) - 0.01)).toBeLessThan(0.005);
    expectLittle(wide.result);
    expectLittle(single.result);
  });

  it('retry amplification: three layers each making up to 3 attempts to a failing leaf make 27 leaf calls per request', () => {
    const retry = { maxAttempts: 3, backoff: 'exponential', jitter: true };
    const design = simDesign({
      nodes: { web: ['web-client'], a: ['service'], b: ['service'], c: ['service'], leaf: ['service', { errorRate: 1 }] },
      links: [['web', 'a'], ['a', 'b', { retry, timeoutMs: 5000 }], ['b', 'c', { retry, timeoutMs: 2000 }], ['c', 'leaf', { retry, timeoutMs: 500 }]],
      rateRps: 10,
    });
    const { result } = run(design, { durationS: 100, drainS: 30, seed: 7 });
    const flow = result.flows[0]!;
    expect(flow.inFlightAtEnd).toBe(0);
    expect(result.components[4]!.arrivals).toBe(27 * flow.requests);
    expect(result.components[3]!.arrivals).toBe(9 * flow.requests);
    expect(flow.errorRate).toBe(1);
    expectLittle(result);
  });

  describe('a slow dependency (10 s)', () => {
    const design = (timeoutMs: number | null) =>
      simDesign({
        nodes: {
          web: ['web-client'],
          gw: ['api-gateway', { latencyMs: 0, distribution: 'constant' }],
          caller: ['service', { latencyMs: 5, distribution: 'constant', concurrency: 10 }],
          slow: ['service', { latencyMs: 10_000, distribution: 'constant', concurrency: 1_000_000 }],
        },
        links: [['web', 'gw'], ['gw', 'caller', { timeoutMs: 2000 }], ['caller', 'slow', { timeoutMs }]],
        rateRps: 5,
      });

    it('behind a 500 ms timeout: the caller answers in 500 ms plus its own 5 ms, and stays half idle', () => {
      const { result } = run(design(500), { durationS: 600, seed: 7 });
      const caller = result.components[2]!;
      // Constant times: every call takes exactly 5 + 500 ms.
      expect(caller.meanTimeMs).toBeCloseTo(505, 6);
      expect(result.flows[0]!.latencyMs.p99).toBeCloseTo(505, 0);
      expect(caller.utilization).toBeLessThan(0.3); // 5 rps x 0.505 s / 10 slots
      expect(caller.throughputRps).toBeCloseTo(5, 0);
      expectLittle(result);
    });

    it('with no timeout: the caller fills, its throughput falls to concurrency / 10 s, and its callers time out', () => {
      const durationS = 600;
      const { result } = run(design(null), { durationS, seed: 7 });
      const caller = result.components[2]!;
      expect(caller.utilization).toBeGreaterThan(0.98);
      // Nothing completes in the first 10 s; after that, 10 slots / 10.005 s each.
      const steady = (caller.completed / (durationS - 10)) * 10.005;
      expect(Math.abs(steady - 10) / 10).toBeLessThan(0.02);
      expect(caller.peakQueue).toBeGreaterThan(2000);
      const gateway = result.connections[1]!;
      expect(gateway.timeouts).toBeGreaterThan(0.95 * result.flows[0]!.requests);
      expect(result.flows[0]!.errorRate).toBeGreaterThan(0.99);
      expect(result.flows[0]!.latencyMs.p50).toBeCloseTo(2000, 0);
      expectLittle(result);
    });
  });

  it('a circuit breaker opens within its window after failures begin, fails calls fast, and closes after recovery', () => {
    const design = simDesign({
      nodes: {
        web: ['web-client'],
        s: ['service', { latencyMs: 5, distribution: 'constant' }],
        dep: ['service', { latencyMs: 20, distribution: 'constant', concurrency: 1000 }],
      },
      links: [['web', 's'], ['s', 'dep', { timeoutMs: 200, circuitBreaker: true }]],
      rateRps: 50,
    });
    const { result } = run(design, { durationS: 90, seed: 7, faults: [{ kind: 'flaky', node: 'dep', errorRate: 1, startS: 30, endS: 60 }] });
    const events = result.breakerEvents;
    const opened = events.find((e) => e.state === 'open')!;
    expect(opened.timeS).toBeGreaterThan(30);
    expect(opened.timeS).toBeLessThanOrEqual(40); // the 10 s window
    const closed = events.find((e) => e.state === 'closed')!;
    expect(closed.timeS).toBeGreaterThanOrEqual(60);
    expect(closed.timeS).toBeLessThanOrEqual(66); // the next trial call after 5 s open
    expect(events.filter((e) => e.state === 'closed')).toHaveLength(1);
    // While open, only the trial calls reach the dependency and requests fail in the caller's own 5 ms.
    const series = result.series;
    for (let k = 0; k < series.timeS.length; k++) {
      const t = series.timeS[k]!;
      if (t > Math.ceil(opened.timeS) + 1 && t <= 60) {
        expect(series.connections[1]!.rateRps[k]).toBeLessThanOrEqual(1);
        expect(series.flows[0]!.p50Ms[k]).toBeCloseTo(5, 0);
      }
      if (t > 70) expect(series.flows[0]!.errorRate[k]).toBe(0);
    }
    expect(result.connections[1]!.rejected).toBeGreaterThan(1000);
    expectLittle(result);
  });

  it('a cache with hit ratio 0.8 in front of a database gives 1 + 1 + 0.2 x 20 = 6 ms', () => {
    const design = simDesign({
      nodes: {
        web: ['web-client'],
        s: ['service', { latencyMs: 1, distribution: 'constant', concurrency: 10_000 }],
        cache: ['cache', { latencyMs: 1, distribution: 'constant', hitRatio: 0.8 }],
        db: ['relational-database', { latencyMs: 20, distribution: 'constant', concurrency: 10_000 }],
      },
      links: [['web', 's'], ['s', 'cache', { access: 'read' }], ['s', 'db', { access: 'read' }]],
      steps: ['e1', 'e2', { edge: 'e3', when: 'on-miss' }],
      rateRps: 1000,
    });
    // 100,000 requests: sd of the mean 20 x sqrt(0.16 / 1e5) = 0.025 ms, 0.4%.
    const { result } = run(design, { durationS: 100, seed: 7 });
    expect(Math.abs(result.flows[0]!.latencyMs.mean - 6) / 6).toBeLessThan(0.02);
    expect(result.components[3]!.arrivals / result.flows[0]!.requests).toBeCloseTo(0.2, 2);
    expectLittle(result);
  });

  it('a queue fed at 200/s with consumers for 100/s grows at 100/s and drains 60 s after the traffic stops', () => {
    const design = simDesign({
      nodes: {
        web: ['web-client'],
        s: ['service', { latencyMs: 1, distribution: 'constant' }],
        q: ['message-queue', { consumers: 10, messageMs: 100 }],
        w: ['worker', { distribution: 'constant' }],
      },
      links: [['web', 's'], ['s', 'q'], ['q', 'w']],
      rateRps: 200,
    });
    const { result } = run(design, { durationS: 60, drainS: 90, seed: 7 });
    const queue = result.series.components[2]!.queue;
    // Growth over 20-50 s (mean backlog in each second): 100 per second; Poisson sd over 30 s is sqrt(6000) = 77, 2.6%.
    const slope = (queue[49]! - queue[19]!) / 30;
    expect(Math.abs(slope - 100) / 100).toBeLessThan(0.1);
    // Backlog at 60 s about 6,000 (sd 110); 100 per second drain it by about 120 s.
    expect(Math.abs(result.components[2]!.peakQueue - 6000) / 6000).toBeLessThan(0.06);
    const emptyAt = result.series.timeS[queue.findIndex((x, i) => result.series.timeS[i]! > 60 && x < 1)]!;
    expect(Math.abs(emptyAt - 120)).toBeLessThanOrEqual(5);
    expect(result.components[3]!.completed).toBe(result.flows[0]!.requests);
    expectLittle(result);
  });
});
