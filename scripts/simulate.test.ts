import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, USAGE, type SimulateIo } from './simulate.ts';

const shop = fileURLToPath(new URL('../docs/examples/good-shop-checkout.json', import.meta.url));
const shortener = fileURLToPath(new URL('../src/testing/fixtures/designs/v2-url-shortener-flows.json', import.meta.url));

/** Runs the command, capturing what it prints. */
function simulate(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: SimulateIo = {
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  const code = run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Json {
  flows: { name: string; requests: number; throughputRps: number; errorRate: number; latencyMs: { mean: number; p50: number; p95: number; p99: number } }[];
  components: { id: string; utilization: number; peakQueue: number }[];
}

const json = (argv: string[]) => {
  const result = simulate([...argv, '--json']);
  expect(result).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out) as Json;
};

describe('npm run simulate', () => {
  it('prints each flow and each component on a simulated flow', () => {
    const result = simulate([shortener, '--duration', '5', '--rps', '200']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Skyline simulation: .* 5 s, seed 1$/m);
    expect(result.out).toMatch(/^Flow +requests +throughput +errors +mean ms +p50 +p95 +p99$/m);
    expect(result.out).toMatch(/^Follow a short link +[\d,]+ +[\d.]+\/s +0\.0% /m);
    expect(result.out).toMatch(/^Component +utilisation +peak queue$/m);
    expect(result.out).toMatch(/^Redirect service +[\d.]+% +\d+$/m);
  });

  it('gives the figures as JSON, with exactly the documented fields', () => {
    const out = json([shortener, '--duration', '10', '--rps', '100', '--flow', 'Follow a short link']);
    expect(out.flows).toHaveLength(1);
    expect(Object.keys(out.flows[0]!)).toEqual(['name', 'requests', 'throughputRps', 'errorRate', 'latencyMs']);
    expect(Object.keys(out.flows[0]!.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99']);
    expect(Object.keys(out.components[0]!)).toEqual(['id', 'utilization', 'peakQueue']);
    expect(out.flows[0]!.requests).toBeGreaterThan(900);
    expect(out.flows[0]!.requests).toBeLessThan(1100);
    expect(out.components.map((c) => c.id)).toContain('redirect');
  });

  it('simulates the flows it proposes for a design that draws none, and the same seed gives the same numbers', () => {
    const a = json([shop, '--duration', '5', '--seed', '3']);
    expect(a.flows.map((f) => f.name)).toContain('Web shop → Orders');
    expect(json([shop, '--duration', '5', '--seed', '3'])).toEqual(a);
    expect(json([shop, '--duration', '5', '--seed', '4'])).not.toEqual(a);
  });

  it('injects faults: a slow database slows the flow, a component down fails it', () => {
    const base = json([shortener, '--duration', '10', '--rps', '50', '--flow', 'create']);
    const slow = json([shortener, '--duration', '10', '--rps', '50', '--flow', 'create', '--fault', 'slow:links:10']);
    expect(slow.flows[0]!.latencyMs.mean).toBeGreaterThan(base.flows[0]!.latencyMs.mean + 20);
    const down = json([shortener, '--duration', '10', '--rps', '50', '--flow', 'create', '--fault', 'down:Links DB']);
    expect(down.flows[0]!.errorRate).toBe(1);
    expect(base.flows[0]!.errorRate).toBe(0);
  });

  it('explains bad arguments and unknown names, and exits 2', () => {
    expect(simulate(['--help'])).toMatchObject({ code: 0, out: USAGE });
    expect(simulate([])).toMatchObject({ code: 2, err: expect.stringContaining('Give the design file to simulate.') });
    expect(simulate([shop, '--rps', 'fast'])).toMatchObject({ code: 2, err: expect.stringContaining('--rps must be a positive number, not "fast".') });
    expect(simulate([shop, '--fault', 'slow:db'])).toMatchObject({ code: 2, err: expect.stringContaining('slow needs a factor') });
    expect(simulate([shop, '--fault', 'down:nowhere'])).toMatchObject({ code: 2, err: expect.stringContaining('No component is called "nowhere".') });
    expect(simulate([shortener, '--flow', 'Checkout'])).toMatchObject({ code: 2, err: expect.stringContaining('No flow is called "Checkout"') });
    expect(simulate(['missing.json'])).toMatchObject({ code: 2, err: 'Cannot read missing.json: there is no such file.' });
    expect(simulate(['bad.json'], { 'bad.json': '{' })).toMatchObject({ code: 2, err: expect.stringMatching(/^bad\.json: /) });
  });
});
