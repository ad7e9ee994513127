import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { arbitrarySimulation, simDesign } from '../../testing/sim-designs.ts';
import { nodeFigures } from './figures.ts';
import { parseFaultSpec } from './options.ts';
import { simulate } from './simulate.ts';

function ok(outcome: ReturnType<typeof simulate>) {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

/** web -> gateway -> orders -> db, with constant times: 1 ms at the gateway, 4 ms at orders, 5 ms at the database. */
const chain = (edge: Record<string, unknown> = {}) =>
  simDesign({
    nodes: {
      web: ['web-client'],
      gw: ['api-gateway', { latencyMs: 1, distribution: 'constant' }],
      orders: ['service', { latencyMs: 4, distribution: 'constant' }],
      db: ['relational-database', { latencyMs: 5, distribution: 'constant' }],
    },
    links: [['web', 'gw', { timeoutMs: 3000 }], ['gw', 'orders', { timeoutMs: 1000, ...edge }], ['orders', 'db']],
    rateRps: 50,
  });

describe('simulate', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const design = simDesign({
      nodes: { web: ['web-client'], s: ['service', { latencyMs: 10, p99Ms: 80, concurrency: 2 }] },
      links: [['web', 's', { timeoutMs: 100, retry: { maxAttempts: 2, backoff: 'exponential', jitter: true } }]],
      rateRps: 150,
    });
    const a = ok(simulate(design, { durationS: 30, seed: 11 }));
    const b = ok(simulate(design, { durationS: 30, seed: 11 }));
    const c = ok(simulate(design, { durationS: 30, seed: 12 }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.flows[0]!.latencyMs.mean).not.toBe(a.flows[0]!.latencyMs.mean);
  });

  it('adds up the work along a chain: 1 + 4 + 5 ms', () => {
    const result = ok(simulate(chain(), { durationS: 20 }));
    expect(result.flows[0]!.latencyMs.mean).toBeCloseTo(10, 6);
    expect(result.flows[0]!.errorRate).toBe(0);
    expect(result.flows[0]!.throughputRps).toBeCloseTo(50, -1);
  });

  it('makes calls per request one after another, or all at once', () => {
    const sequential = ok(simulate(chain({ callsPerRequest: 3 }), { durationS: 10 }));
    const parallel = ok(simulate(chain({ callsPerRequest: 3, fanOut: 'parallel' }), { durationS: 10 }));
    expect(sequential.flows[0]!.latencyMs.mean).toBeCloseTo(1 + 3 * 9, 6);
    expect(parallel.flows[0]!.latencyMs.mean).toBeCloseTo(10, 6);
    expect(sequential.components[2]!.arrivals).toBe(3 * sequential.flows[0]!.requests);
  });

  it('refuses calls to a component that is down, and serves them again once it is back', () => {
    const result = ok(simulate(chain(), { durationS: 30, faults: [{ kind: 'down', node: 'orders', startS: 10, endS: 20 }] }));
    const errors = result.series.flows[0]!.errorRate;
    expect(errors[5]).toBe(0);
    expect(errors[15]).toBe(1);
    expect(errors[25]).toBe(0);
    expect(result.components[2]!.refused).toBeGreaterThan(400);
  });

  it('keeps serving with the instances left when only some go down', () => {
    const design = simDesign({
      nodes: { web: ['web-client'], s: ['service', { latencyMs: 10, distribution: 'constant', concurrency: 1 }, 2] },
      links: [['web', 's']],
      rateRps: 50,
    });
    const result = ok(simulate(design, { durationS: 20, faults: [{ kind: 'down', node: 's', instances: 1 }] }));
    expect(result.flows[0]!.errorRate).toBe(0);
    expect(result.components[1]!.utilization).toBeCloseTo(0.25, 1); // 50 rps x 10 ms over 2 slots, one of them down
  });

  it('slows a component by a factor, and makes it flaky', () => {
    const slow = ok(simulate(chain(), { durationS: 10, faults: [{ kind: 'slow', node: 'db', factor: 10 }] }));
    expect(slow.flows[0]!.latencyMs.mean).toBeCloseTo(1 + 4 + 50, 6);
    const flaky = ok(simulate(chain(), { durationS: 200, faults: [{ kind: 'flaky', node: 'db', errorRate: 0.2 }] }));
    expect(flaky.flows[0]!.errorRate).toBeGreaterThan(0.17);
    expect(flaky.flows[0]!.errorRate).toBeLessThan(0.23);
  });

  it('leaves calls over a partitioned connection unanswered: the caller waits for its timeout, or forever', () => {
    const timed = ok(simulate(chain(), { durationS: 10, faults: [{ kind: 'partition', edge: 'e3' }] }));
    expect(timed.flows[0]!.errorRate).toBe(1);
    expect(timed.connections[1]!.timeouts).toBeGreaterThan(400);
    const untimed = ok(simulate(chain({ timeoutMs: null }), { durationS: 2, faults: [{ kind: 'partition', edge: 'e2' }] }));
    expect(untimed.flows[0]!.completed).toBe(0);
    expect(untimed.flows[0]!.inFlightAtEnd).toBe(untimed.flows[0]!.requests);
  });

  it('takes a whole boundary down', () => {
    const design = simDesign({
      nodes: { web: ['web-client'], a: ['service'], b: ['service'] },
      links: [['web', 'a', { timeoutMs: 500 }], ['a', 'b', { timeoutMs: 200 }]],
      groups: { 'eu-west': ['b'] },
      rateRps: 20,
    });
    const result = ok(simulate(design, { durationS: 10, faults: [{ kind: 'group-down', group: 'eu-west' }] }));
    expect(result.flows[0]!.errorRate).toBe(1);
    expect(result.components[2]!.refused).toBe(result.flows[0]!.requests);
  });

  it('multiplies traffic during a spike', () => {
    const result = ok(simulate(chain(), { durationS: 60, spikes: [{ startS: 20, endS: 40, factor: 4 }] }));
    const arrivals = result.flows[0]!.requests;
    // 20 s x 50 + 20 s x 200 + 20 s x 50 = 6,000 (Poisson sd 77).
    expect(Math.abs(arrivals - 6000)).toBeLessThan(400);
    expect(result.series.flows[0]!.throughputRps[30]).toBeGreaterThan(120);
  });

  it('redelivers a failed message up to the consumer connection’s attempts', () => {
    const design = simDesign({
      nodes: { web: ['web-client'], s: ['service'], q: ['message-queue'], w: ['worker', { errorRate: 1 }] },
      links: [['web', 's'], ['s', 'q'], ['q', 'w', { retry: { maxAttempts: 4, backoff: 'none', jitter: false } }]],
      rateRps: 10,
    });
    const result = ok(simulate(design, { durationS: 20, drainS: 10 }));
    expect(result.components[3]!.arrivals).toBe(4 * result.flows[0]!.requests);
    // The request was answered once the queue took the message.
    expect(result.flows[0]!.errorRate).toBe(0);
  });

  it('simulates the flows it proposes when the design draws none', () => {
    const design = { ...chain(), flows: [] };
    const result = ok(simulate(design, { durationS: 5, rps: 10 }));
    expect(result.flows.map((f) => f.name)).toEqual(['web → orders']);
    expect(result.flows[0]!.rateRps).toBe(10);
  });

  it('names what it cannot find', () => {
    expect(simulate(chain(), { flows: ['Checkout'] })).toEqual({ ok: false, message: 'No flow is called "Checkout". The flows are: "Flow".' });
    expect(simulate(chain(), { faults: [{ kind: 'slow', node: 'nope', factor: 2 }] })).toEqual({ ok: false, message: 'No component is called "nope".' });
    expect(simulate(chain(), { durationS: -1 })).toMatchObject({ ok: false, message: expect.stringContaining('durationS') });
  });

  it('never breaks on a random design, gives the same numbers twice, and its numbers stay consistent', () => {
    fc.assert(
      fc.property(arbitrarySimulation(), fc.integer(), ({ design, faults }, seed) => {
        const options = { durationS: 5, seed, faults, maxEvents: 300_000 };
        const result = ok(simulate(design, options));
        expect(JSON.stringify(ok(simulate(design, options)).flows)).toBe(JSON.stringify(result.flows));
        for (const flow of result.flows) {
          expect(flow.completed + flow.inFlightAtEnd).toBe(flow.requests);
          expect(flow.failed).toBeLessThanOrEqual(flow.completed);
          expect(flow.latencyMs.p50).toBeLessThanOrEqual(flow.latencyMs.p99 + 1e-9);
          expect(flow.latencyMs.p99).toBeLessThanOrEqual(flow.latencyMs.max + 1e-9);
        }
        for (const component of result.components) {
          expect(component.utilization).toBeGreaterThanOrEqual(0);
          expect(component.utilization).toBeLessThanOrEqual(1);
          expect(component.completed).toBeLessThanOrEqual(component.arrivals);
          expect(component.errors).toBeLessThanOrEqual(component.completed);
        }
        for (const series of result.series.components) expect(series.utilization.every((u) => u >= 0 && u <= 1)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('runs any random design from the wider catalogue without breaking', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 12 }), (design) => {
        const outcome = simulate(design, { durationS: 1, rps: 20, maxEvents: 100_000 });
        if (!outcome.ok) expect(outcome.message).toMatch(/no request flows/);
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('fault specs from the command line', () => {
  it('read kind, target, amount and an optional time window', () => {
    expect(parseFaultSpec('slow:db:10')).toEqual({ ok: true, fault: { kind: 'slow', node: 'db', factor: 10, startS: 0 } });
    expect(parseFaultSpec('down:orders@30-60')).toEqual({ ok: true, fault: { kind: 'down', node: 'orders', startS: 30, endS: 60 } });
    expect(parseFaultSpec('down:orders:1')).toEqual({ ok: true, fault: { kind: 'down', node: 'orders', instances: 1, startS: 0 } });
    expect(parseFaultSpec('flaky:db:0.2@10')).toEqual({ ok: true, fault: { kind: 'flaky', node: 'db', errorRate: 0.2, startS: 10 } });
    expect(parseFaultSpec('partition:e3')).toEqual({ ok: true, fault: { kind: 'partition', edge: 'e3', startS: 0 } });
  });

  it('say what is wrong', () => {
    expect(parseFaultSpec('slow:db')).toEqual({ ok: false, message: 'Fault "slow:db": slow needs a factor of at least 1, e.g. slow:db:10.' });
    expect(parseFaultSpec('melt:db')).toMatchObject({ ok: false, message: expect.stringContaining('slow, down, flaky, partition or group-down') });
    expect(parseFaultSpec('down:db@60-30')).toMatchObject({ ok: false, message: expect.stringContaining('end must come after') });
  });
});

describe('performance figures', () => {
  it('come from the node where it gives them and from its kind elsewhere', () => {
    const [, , orders, db] = chain().nodes;
    expect(nodeFigures(orders!)).toMatchObject({ latencyMs: 4, distribution: 'constant', concurrency: 50, instances: 1 });
    expect(nodeFigures({ ...db!, performance: { latencyMs: 10 } })).toMatchObject({ latencyMs: 10, p99Ms: 60, distribution: 'log-normal' });
    // capacityRps without a concurrency: rate x mean time (Little's law).
    expect(nodeFigures({ ...db!, performance: { latencyMs: 20, distribution: 'constant', capacityRps: 500 } }).concurrency).toBe(10);
  });
});
