/**
 * Benchmark of the rules engine: `tsx scripts/bench-engine.ts [sizes...]`.
 *
 * Runs analyzeDesign (index build included) on designs from three generators
 * at 100, 1,000, 5,000 and 10,000 components: this file's own (cells of
 * services with their data, three connections per component), the canvas
 * tests' (src/testing/generate-design.ts: random local connections) and a
 * company's architecture (src/testing/generate-company.ts: gateways, tiers of
 * services, deep chains, cycles, shared stores, request flows). For each it
 * prints the median and p90 time, the size of the output (findings, element
 * ids, bytes of ids and messages) and the log-log slope of time between
 * 1,000 and 10,000 components. It prints figures and never fails on time; the
 * budgets are 5 ms at 1,000 and 30 ms at 5,000 components, slope 1.2.
 */
import { pathToFileURL } from 'node:url';
import type { KindId } from '../src/domain/diagram/catalog.ts';
import { allowedFamilies } from '../src/domain/diagram/connections.ts';
import { createDesign, createEdge, createNode } from '../src/domain/diagram/factory.ts';
import { Design, type DesignEdge, type DesignNode } from '../src/domain/diagram/schema.ts';
import { analyzeDesign } from '../src/domain/rules/engine.ts';
import type { Finding } from '../src/domain/rules/types.ts';
import { generateCompanyDesign } from '../src/testing/generate-company.ts';
import { generateDesign as generateCanvasDesign } from '../src/testing/generate-design.ts';

/** mulberry32: a small seeded generator, so every run benchmarks the same designs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A design is built from "cells": one team's slice of a larger system, with
 * its services, their own databases, replicas and caches, a queue with a
 * worker and a dead-letter queue. Cells call services in later cells (so the
 * call graph is layered, as in real systems), gateways route clients into the
 * first services, and a few deliberate slips (missing timeouts, single
 * instances, retries without jitter) give the engine something to find.
 */
const CELL: readonly KindId[] = [
  'service', 'service', 'service', 'service', 'service', 'worker',
  'relational-database', 'relational-database', 'document-store', 'read-replica',
  'cache', 'cache', 'message-queue', 'dead-letter-queue', 'event-stream',
  'service', 'serverless-function', 'search-index', 'worker', 'object-storage',
];
const QUICK_KINDS: ReadonlySet<string> = new Set(['third-party-api', 'tracing-collector', 'log-aggregator', 'metrics-alerting', 'identity-provider']);
const SHARED: readonly KindId[] = [
  'web-client', 'mobile-client', 'cdn', 'api-gateway', 'load-balancer', 'third-party-api', 'third-party-api',
  'tracing-collector', 'log-aggregator', 'metrics-alerting', 'identity-provider', 'service-registry',
];

export function generateDesign(nodeCount: number, seed = 42): Design {
  const rand = random(seed);
  const nodes: DesignNode[] = [];
  const add = (kind: KindId, cell: number): DesignNode => {
    const i = nodes.length;
    const node: DesignNode = {
      ...createNode(kind, `n${i}`, { x: (i % 40) * 220, y: Math.floor(i / 40) * 160 }, `${kind} ${i}`),
      instances: rand() < 0.97 ? 2 : 1,
      owner: cell < 0 ? 'platform' : `team-${cell}`,
    };
    nodes.push(node);
    return node;
  };
  const shared = SHARED.map((kind) => add(kind, -1));
  const [web, mobile, cdn, gateway, balancer, stripe, maps, tracing, logs, metrics] = shared as DesignNode[];
  const telemetry = [tracing, logs, metrics];
  const cells: DesignNode[][] = [];
  for (let c = 0; nodes.length < nodeCount; c++) {
    const cell: DesignNode[] = [];
    for (const kind of CELL) if (nodes.length < nodeCount) cell.push(add(kind, c));
    cells.push(cell);
  }

  const edges: DesignEdge[] = [];
  const pairs = new Set<string>();
  const link = (source: DesignNode | undefined, target: DesignNode | undefined): DesignEdge | undefined => {
    if (!source || !target || source.id === target.id || edges.length >= nodeCount * 3) return undefined;
    const key = `${source.id}>${target.id}`;
    const family = allowedFamilies(source.kind, target.kind)[0];
    if (!family || pairs.has(key)) return undefined;
    pairs.add(key);
    let edge = createEdge(family, `e${edges.length}`, source, target);
    if (edge.family === 'sync') {
      // Calls only go to later nodes, and deeper callees get shorter timeouts, so budgets nest.
      const leaf = target.kind === 'third-party-api' || target.kind === 'serverless-function';
      const retrying = leaf && rand() < 0.5;
      const depth = Math.max(Number(source.id.slice(1)) + 1, Number(target.id.slice(1)));
      const quick = QUICK_KINDS.has(target.kind);
      const timeout = quick ? 500 : 20_000 - Math.floor((depth * 15_000) / nodeCount);
      edge = {
        ...edge,
        timeoutMs: rand() < 0.99 ? (retrying && !quick ? Math.floor(timeout / 2) : timeout) : null,
        retry: retrying ? { maxAttempts: 2, backoff: 'exponential', jitter: rand() < 0.97 } : edge.retry,
        idempotent: true,
        circuitBreaker: true,
      };
    } else if (edge.family === 'async') {
      edge = { ...edge, deadLetterQueue: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } };
    }
    edges.push(edge);
    return edge;
  };

  link(web, cdn);
  link(web, gateway);
  link(mobile, gateway);
  link(mobile, balancer);
  link(balancer, cells[0]?.[1]);
  cells.forEach((cell, c) => {
    const [s0, s1, s2, s3, s4, worker, db0, db1, doc, replica, cache0, cache1, queue, dlq, stream, s5, fn, search, worker2, bucket] = cell;
    if (c % 4 === 0) link(gateway, s0);
    // Each service owns its data: a database, sometimes a cache in front of it.
    link(s0, db0);
    link(s0, cache0);
    link(s1, db1);
    link(s1, cache1);
    link(s2, doc);
    link(s3, db0);
    link(db0, replica);
    link(s4, search);
    link(s5, bucket);
    // Calls inside the cell, layered.
    link(s0, s1);
    link(s0, s2);
    link(s1, s3);
    link(s2, s4);
    link(s4, fn);
    // Events: publish, consume with retries, dead letters.
    link(s1, queue);
    link(queue, worker);
    link(queue, dlq);
    link(worker, db1);
    link(s2, stream);
    link(stream, worker2);
    link(stream, s5);
    link(worker2, search);
    link(cdn, bucket);
    // Calls into the next cells and out to third parties.
    const next = cells[c + 1];
    const later = cells[c + 2 + Math.floor(rand() * 3)];
    const nextFunction = next?.find((n) => n.kind === 'serverless-function');
    if (nextFunction) link(s5, nextFunction);
    if (later) link(s4, later.find((n) => n.kind === 'serverless-function'));
    if (nextFunction) link(s3, nextFunction);
    link(s2, c % 3 === 0 ? stripe : maps);
    // Telemetry from every compute node.
    for (const node of cell) {
      if (node.kind === 'service' || node.kind === 'worker' || node.kind === 'serverless-function') {
        for (const sink of telemetry) link(node, sink);
      }
    }
  });
  // Top up to three edges per node with reads of the cells' caches and search indexes.
  for (let guard = 0; edges.length < nodeCount * 3 && guard < nodeCount * 50; guard++) {
    const cell = cells[Math.floor(rand() * cells.length)] ?? [];
    const reader = cell[Math.floor(rand() * 6)];
    const store = cell.filter((n) => n.kind === 'read-replica' || n.kind === 'search-index')[Math.floor(rand() * 2)];
    const edge = link(reader, store);
    if (edge?.family === 'data') edges[edges.length - 1] = { ...edge, access: 'read' };
  }
  return { ...createDesign({ id: `bench-${nodeCount}`, title: `Benchmark ${nodeCount}`, now: '2026-01-01T00:00:00.000Z' }), nodes, edges };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Milliseconds of CPU this process has used (user and system, every thread). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Warm up (at least 3 runs and `warmMs`), then time at least `minRuns` runs
 * and keep going until `minMs` have passed, up to `maxRuns`. Each run is
 * timed twice: wall-clock time, and the CPU time the process used, which
 * other programs on a busy machine disturb far less.
 */
function time(run: () => void, { minRuns = 7, maxRuns = 51, warmMs = 300, minMs = 1000 } = {}): { wall: number[]; cpu: number[] } {
  const start = performance.now();
  for (let i = 0; i < 3 || performance.now() - start < warmMs; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  const begin = performance.now();
  while (wall.length < minRuns || (wall.length < maxRuns && performance.now() - begin < minMs)) {
    const c0 = cpuMs();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { wall, cpu };
}

/** The generators the engine is measured on. */
export const GENERATORS: readonly { name: string; what: string; generate: (size: number) => Design }[] = [
  { name: 'bench', what: 'cells of services with their data, layered calls (this file)', generate: (n) => generateDesign(n) },
  { name: 'canvas', what: 'random local connections, 3 per component (src/testing/generate-design.ts)', generate: (n) => generateCanvasDesign(n) },
  { name: 'company', what: 'gateways, tiers of services, deep chains, cycles, shared stores, flows (src/testing/generate-company.ts)', generate: (n) => generateCompanyDesign(n) },
];

export const SIZES = [100, 1000, 5000, 10_000] as const;

/** What the findings amount to: how many, the element ids they name, and their text and ids in bytes. */
export function outputSize(findings: readonly Finding[]): { findings: number; elementIds: number; bytes: number } {
  let elementIds = 0;
  let bytes = 0;
  for (const f of findings) {
    elementIds += f.elementIds.length;
    bytes += f.id.length + f.message.length;
    for (const id of f.elementIds) bytes += id.length;
  }
  return { findings: findings.length, elementIds, bytes };
}

export interface EngineFigure {
  generator: string;
  size: number;
  edges: number;
  /** Median CPU time per run. */
  medianMs: number;
  /** Median wall-clock time per run. */
  wallMs: number;
  p90Ms: number;
  runs: number;
  findings: number;
  elementIds: number;
  bytes: number;
}

export function measure(generator: (typeof GENERATORS)[number], size: number): EngineFigure {
  const design = generator.generate(size);
  const valid = Design.safeParse(design);
  if (!valid.success) throw new Error(`${generator.name} design of ${size} components is invalid: ${valid.error.issues[0]?.message ?? ''}`);
  const out = outputSize(analyzeDesign(design));
  const { wall, cpu } = time(() => analyzeDesign(design));
  const sorted = [...cpu].sort((a, b) => a - b);
  return {
    generator: generator.name,
    size,
    edges: design.edges.length,
    medianMs: median(cpu),
    wallMs: median(wall),
    p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
    runs: cpu.length,
    ...out,
  };
}

/** Log-log slope of time against size between two sizes: 1 is linear, 2 quadratic. */
export const slope = (a: EngineFigure, b: EngineFigure): number => Math.log(b.medianMs / a.medianMs) / Math.log(b.size / a.size);

const pad = (text: string | number, width: number) => String(text).padStart(width);

export function bench(sizes: readonly number[] = SIZES): string[] {
  const lines: string[] = [];
  lines.push('engine  generator  components  connections  median ms (CPU)  p90 (CPU)  median (wall)  runs  findings  element ids   output KB');
  for (const generator of GENERATORS) {
    const figures: EngineFigure[] = [];
    for (const size of sizes) {
      const f = measure(generator, size);
      figures.push(f);
      lines.push(
        `engine  ${generator.name.padEnd(9)}  ${pad(size, 10)}  ${pad(f.edges, 11)}  ${pad(f.medianMs.toFixed(2), 15)}  ${pad(f.p90Ms.toFixed(2), 9)}  ${pad(f.wallMs.toFixed(2), 13)}  ${pad(f.runs, 4)}  ${pad(f.findings, 8)}  ${pad(f.elementIds, 11)}  ${pad((f.bytes / 1024).toFixed(1), 10)}`,
      );
    }
    const at = (n: number) => figures.find((f) => f.size === n);
    const [k1, k10] = [at(1000), at(10_000)];
    if (k1 && k10) lines.push(`engine  ${generator.name.padEnd(9)}  log-log slope of CPU time 1,000 -> 10,000: ${slope(k1, k10).toFixed(2)} (1 is linear; budget 1.2)`);
  }
  lines.push('engine  budgets: median <= 5 ms at 1,000 components and <= 30 ms at 5,000 on every generator; CPU time is the process\'s user + system time, which other programs on a busy machine disturb less than the wall clock');
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const line of bench(sizes.length > 0 ? sizes : SIZES)) console.log(line);
}
