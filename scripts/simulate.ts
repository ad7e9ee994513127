/**
 * Command-line simulator: run a design's request flows and print what happens.
 *
 *   tsx scripts/simulate.ts <design.json> [--flow NAME] [--rps N] [--duration S]
 *       [--seed N] [--fault slow:NODE:FACTOR] [--fault down:NODE] [--json]
 *
 * Prints per flow requests, throughput, error rate and latency, and per
 * component utilisation and peak queue (or the same as JSON with --json).
 * Exits 0 after a run, 2 for a missing or invalid file, bad arguments, or
 * options that name something the design does not have.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDesignText } from '../src/domain/persistence/parse-design.ts';
import { parseFaultSpec, type Fault } from '../src/domain/simulator/options.ts';
import type { SimulationResult } from '../src/domain/simulator/report.ts';
import { simulate } from '../src/domain/simulator/simulate.ts';
import { readInput } from './read-input.ts';

export const USAGE = `Usage: tsx scripts/simulate.ts <design.json> [options]

Simulates the design's request flows (or the flows Skyline proposes when it
draws none) and prints per flow requests, throughput, error rate and latency,
and per component utilisation and peak queue.

  --flow NAME         simulate only this flow (id or name); may be repeated
  --rps N             requests per second for every simulated flow
  --duration S        seconds of traffic (default 60)
  --seed N            random seed (default 1); the same seed gives the same numbers
  --fault SPEC        inject a fault; may be repeated:
                        slow:NODE:FACTOR   every request at NODE takes FACTOR times as long
                        down:NODE          NODE refuses every call (down:NODE:N for N instances)
                        flaky:NODE:RATE    a further RATE (0-1) of NODE's requests fail
                        partition:EDGE     calls over EDGE get no answer
                        group-down:GROUP   every component in the boundary is down
                      add @START or @START-END (seconds) to time it, e.g. slow:db:10@20-40
  --json              print the result as JSON
  -h, --help          show this help

NODE is a component's id or name. Exit codes: 0 after a run, 2 for a missing or
invalid file, or bad arguments.`;

export interface SimulateIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

interface Options {
  file: string;
  flows: string[];
  rps?: number;
  durationS: number;
  seed: number;
  faults: Fault[];
  json: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; help: true } | { ok: false; help: false; problem: string };

function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  const options: Omit<Options, 'file'> = { flows: [], durationS: 60, seed: 1, faults: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (['--flow', '--rps', '--duration', '--seed', '--fault'].includes(name)) {
      const value = name === arg ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { ok: false, help: false, problem: `${name} needs a value.` };
      const number = Number(value);
      switch (name) {
        case '--flow':
          options.flows.push(value);
          break;
        case '--rps':
          if (!(number > 0) || !Number.isFinite(number)) return { ok: false, help: false, problem: `--rps must be a positive number, not "${value}".` };
          options.rps = number;
          break;
        case '--duration':
          if (!(number > 0) || number > 86_400) return { ok: false, help: false, problem: `--duration must be a number of seconds above 0 and at most 86400, not "${value}".` };
          options.durationS = number;
          break;
        case '--seed':
          if (!Number.isInteger(number)) return { ok: false, help: false, problem: `--seed must be a whole number, not "${value}".` };
          options.seed = number;
          break;
        case '--fault': {
          const fault = parseFaultSpec(value);
          if (!fault.ok) return { ok: false, help: false, problem: fault.message };
          options.faults.push(fault.fault);
          break;
        }
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { ok: false, help: false, problem: `Unknown option ${arg}.` };
    files.push(arg);
  }
  if (files.length === 0) return { ok: false, help: false, problem: 'Give the design file to simulate.' };
  if (files.length > 1) return { ok: false, help: false, problem: `Give one design file, not ${files.length}.` };
  return { ok: true, options: { file: files[0]!, ...options } };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The JSON the command prints: the figures named in docs/simulator.md. */
export function resultJson(result: SimulationResult) {
  return {
    flows: result.flows.map((f) => ({
      name: f.name,
      requests: f.requests,
      throughputRps: round(f.throughputRps, 3),
      errorRate: round(f.errorRate, 6),
      latencyMs: { mean: round(f.latencyMs.mean, 3), p50: round(f.latencyMs.p50, 3), p95: round(f.latencyMs.p95, 3), p99: round(f.latencyMs.p99, 3) },
    })),
    components: result.components.map((c) => ({ id: c.id, utilization: round(c.utilization, 4), peakQueue: c.peakQueue })),
  };
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const rate = (x: number) => `${x >= 100 ? grouped.format(x) : x.toFixed(1)}/s`;
const ms = (x: number) => (x >= 100 ? grouped.format(x) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const percent = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 3 : 1)}%`;

function table(rows: string[][], rightAligned: (i: number) => boolean): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

function formatText(result: SimulationResult, title: string, options: Options): string {
  const faults = options.faults.length > 0 ? `; faults: ${options.faults.length}` : '';
  const lines = [`Skyline simulation: ${title} (${options.file}), ${result.durationS} s, seed ${options.seed}${faults}`, ''];
  lines.push(
    ...table(
      [
        ['Flow', 'requests', 'throughput', 'errors', 'mean ms', 'p50', 'p95', 'p99'],
        ...result.flows.map((f) => [
          f.name,
          grouped.format(f.requests),
          rate(f.throughputRps),
          percent(f.errorRate),
          ms(f.latencyMs.mean),
          ms(f.latencyMs.p50),
          ms(f.latencyMs.p95),
          ms(f.latencyMs.p99),
        ]),
      ],
      (i) => i > 0,
    ),
  );
  lines.push('');
  const busy = result.components.filter((c) => c.arrivals > 0);
  lines.push(
    ...table(
      [['Component', 'utilisation', 'peak queue'], ...busy.map((c) => [c.name, percent(c.utilization), grouped.format(c.peakQueue)])],
      (i) => i > 0,
    ),
  );
  const idle = result.components.length - busy.length;
  if (idle > 0) lines.push(`(${idle} component${idle === 1 ? '' : 's'} on no simulated flow not listed)`);
  for (const change of result.breakerEvents) lines.push(`circuit breaker on ${change.connection}: ${change.state} at ${change.timeS.toFixed(2)} s`);
  lines.push('', `${grouped.format(result.events)} events${result.truncated ? ' (stopped at the event limit)' : ''}`);
  return lines.join('\n');
}

/** Runs the simulator; returns the exit code. */
export function run(argv: string[], io: SimulateIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.out(USAGE);
      return 0;
    }
    io.err(`${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  const options = parsed.options;
  const text = readInput(io, options.file);
  if (text === null) return 2;
  const design = parseDesignText(text);
  if (!design.ok) {
    io.err(`${options.file}: ${design.message}`);
    return 2;
  }
  const outcome = simulate(design.design, {
    durationS: options.durationS,
    seed: options.seed,
    faults: options.faults,
    ...(options.flows.length > 0 ? { flows: options.flows } : {}),
    ...(options.rps === undefined ? {} : { rps: options.rps }),
  });
  if (!outcome.ok) {
    io.err(`${options.file}: ${outcome.message}`);
    return 2;
  }
  io.out(options.json ? JSON.stringify(resultJson(outcome.result), null, 2) : formatText(outcome.result, design.design.title, options));
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = run(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
