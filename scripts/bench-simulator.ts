/**
 * Benchmark of the simulator: `tsx scripts/bench-simulator.ts`.
 *
 * Runs seeded scenarios and prints events per second (wall clock, and per
 * second of this process's CPU time, which the other work on a shared
 * machine disturbs less), medians of 3 runs after a warm-up. The target is
 * at least 2 million events per second: a minute of 10,000 requests per
 * second through a 10-hop flow in a few seconds. Prints; never fails on time.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDesignText } from '../src/domain/persistence/parse-design.ts';
import type { Design } from '../src/domain/diagram/schema.ts';
import type { SimulationOptionsInput } from '../src/domain/simulator/options.ts';
import { simulate } from '../src/domain/simulator/simulate.ts';
import { simDesign, type SimLink, type SimNode } from '../src/testing/sim-designs.ts';

const RUNS = 3;

/** web -> gateway -> 8 services -> database: ten hops, each call with a timeout. */
export function tenHopDesign(rateRps: number): Design {
  const nodes: Record<string, SimNode> = { web: ['web-client'], gw: ['api-gateway', { concurrency: 5000 }, 2] };
  const links: SimLink[] = [['web', 'gw', { timeoutMs: 5000 }]];
  let previous = 'gw';
  for (let i = 1; i <= 8; i++) {
    nodes[`s${i}`] = ['service', { concurrency: 200 }, 4];
    links.push([previous, `s${i}`, { timeoutMs: 2000 }]);
    previous = `s${i}`;
  }
  nodes.db = ['relational-database', { concurrency: 500 }, 2];
  links.push([previous, 'db']);
  return simDesign({ nodes, links, rateRps });
}

function shopDesign(): Design {
  const parsed = parseDesignText(readFileSync(new URL('../docs/examples/good-shop-checkout.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(design: Design, options: SimulationOptionsInput) {
  const runs: { events: number; wallMs: number; cpuMs: number }[] = [];
  for (let k = 0; k <= RUNS; k++) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const outcome = simulate(design, { ...options, seed: k + 1 });
    const used = process.cpuUsage(cpu);
    if (!outcome.ok) throw new Error(outcome.message);
    if (k > 0) runs.push({ events: outcome.result.events, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 });
  }
  return {
    events: median(runs.map((r) => r.events)),
    wallMs: median(runs.map((r) => r.wallMs)),
    perWallSecond: median(runs.map((r) => r.events / (r.wallMs / 1000))),
    perCpuSecond: median(runs.map((r) => r.events / (r.cpuMs / 1000))),
  };
}

export function main() {
  const scenarios: [string, Design, SimulationOptionsInput][] = [
    ['10-hop flow, 10,000 req/s, 60 s', tenHopDesign(10_000), { durationS: 60 }],
    ['one M/M/1 queue at 90%, 20,000 s', simDesign({ nodes: { web: ['web-client'], s: ['service', { latencyMs: 10, distribution: 'exponential', concurrency: 1 }] }, links: [['web', 's']], rateRps: 90 }), { durationS: 20_000, sampleS: 100 }],
    ['shop example, 6 flows x 500 req/s, 60 s, payments slow x10', shopDesign(), { durationS: 60, rps: 500, faults: [{ kind: 'slow', node: 'payments', factor: 10, startS: 20, endS: 40 }] }],
  ];
  for (const [label, design, options] of scenarios) {
    const m = measure(design, options);
    const millions = (x: number) => `${(x / 1e6).toFixed(2)} M`;
    console.log(
      `simulator  ${label.padEnd(58)} ${millions(m.events)} events in ${(m.wallMs / 1000).toFixed(2)} s: ${millions(m.perWallSecond)} events/s (${millions(m.perCpuSecond)} per CPU second)   (medians of ${RUNS})`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
