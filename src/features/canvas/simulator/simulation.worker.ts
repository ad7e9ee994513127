/// <reference lib="webworker" />
/**
 * Runs simulations off the main thread. A run advances in slices of at most
 * SLICE_MS of work, at the requested speed (simulated seconds per second) or
 * as fast as it can, and posts the new time-series points after each slice
 * (at most every POST_MS), so the page never waits on it.
 */
import type { Design } from '../../../domain/diagram/schema.ts';
import { compileFault } from '../../../domain/simulator/compile.ts';
import { Fault } from '../../../domain/simulator/options.ts';
import type { Simulation } from '../../../domain/simulator/engine.ts';
import type { Series } from '../../../domain/simulator/meter.ts';
import { report } from '../../../domain/simulator/report.ts';
import { startSimulation } from '../../../domain/simulator/simulate.ts';
import type { FromWorker, Speed, ToWorker } from './protocol.ts';

const SLICE_MS = 25;
const POST_MS = 200;
const EVENTS_PER_CHECK = 20_000;

interface Run {
  runId: number;
  design: Design;
  simulation: Simulation;
  speed: Speed;
  paused: boolean;
  /** Wall-clock time the simulated clock was last moved to. */
  wallMs: number;
  /** Time-series points already posted. */
  posted: number;
  postedAt: number;
  faults: Map<number, number>;
  timer: ReturnType<typeof setTimeout> | null;
}

let run: Run | null = null;

const post = (message: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

function newPoints(series: Series, from: number): Series {
  return {
    timeS: series.timeS.slice(from),
    flows: series.flows.map((f) => ({
      throughputRps: f.throughputRps.slice(from),
      errorRate: f.errorRate.slice(from),
      p50Ms: f.p50Ms.slice(from),
      p95Ms: f.p95Ms.slice(from),
      p99Ms: f.p99Ms.slice(from),
    })),
    components: series.components.map((c) => ({
      throughputRps: c.throughputRps.slice(from),
      utilization: c.utilization.slice(from),
      queue: c.queue.slice(from),
      inFlight: c.inFlight.slice(from),
    })),
    connections: series.connections.map((c) => ({ rateRps: c.rateRps.slice(from), errorRate: c.errorRate.slice(from), breaker: c.breaker.slice(from) })),
  };
}

function flush(r: Run, force: boolean) {
  const now = performance.now();
  const series = r.simulation.meter.series;
  if (!force && now - r.postedAt < POST_MS) return;
  if (series.timeS.length > r.posted || force) {
    post({ type: 'progress', runId: r.runId, timeS: r.simulation.now / 1000, points: newPoints(series, r.posted) });
    r.posted = series.timeS.length;
  }
  r.postedAt = now;
}

function step() {
  const r = run;
  if (!r) return;
  r.timer = null;
  if (r.paused) return;
  const sim = r.simulation;
  const started = performance.now();
  const target = r.speed === Infinity ? sim.endMs : Math.min(sim.endMs, sim.now + (started - r.wallMs) * r.speed);
  r.wallMs = started;
  try {
    while (!sim.done && sim.now < target && performance.now() - started < SLICE_MS) sim.runUntil(target, EVENTS_PER_CHECK);
  } catch (error) {
    post({ type: 'error', runId: r.runId, message: error instanceof Error ? error.message : String(error) });
    run = null;
    return;
  }
  if (sim.done) {
    flush(r, true);
    const { series: _series, ...result } = report(sim);
    post({ type: 'done', runId: r.runId, result });
    run = null;
    return;
  }
  flush(r, false);
  r.timer = setTimeout(step, r.speed === Infinity ? 0 : 40);
}

function stop() {
  if (run?.timer) clearTimeout(run.timer);
  run = null;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start': {
      stop();
      const started = startSimulation(message.design, message.options);
      if (!started.ok) {
        post({ type: 'error', runId: message.runId, message: started.message });
        return;
      }
      const { simulation } = started;
      const { model } = simulation;
      post({
        type: 'started',
        runId: message.runId,
        durationS: simulation.endMs / 1000,
        flows: model.flowIds.map((id, f) => ({ id, name: model.flowNames[f]!, rateRps: model.flowRate[f]! })),
        components: model.nodeIds.map((id, i) => ({ id, name: model.nodeNames[i]! })),
        connections: model.edgeIds.map((id, e) => ({ id, source: model.nodeIds[model.edgeSource[e]!]!, target: model.nodeIds[model.edgeTarget[e]!]! })),
      });
      run = { runId: message.runId, design: message.design, simulation, speed: message.speed, paused: false, wallMs: performance.now(), posted: 0, postedAt: 0, faults: new Map(), timer: null };
      step();
      break;
    }
    case 'pause':
      if (run) {
        run.paused = true;
        if (run.timer) clearTimeout(run.timer);
        run.timer = null;
        flush(run, true);
      }
      break;
    case 'resume':
      if (run && run.paused) {
        run.paused = false;
        run.wallMs = performance.now();
        step();
      }
      break;
    case 'speed':
      if (run) {
        run.speed = message.speed;
        run.wallMs = performance.now();
      }
      break;
    case 'inject': {
      if (!run || run.runId !== message.runId) return;
      const parsed = Fault.safeParse(message.fault);
      const compiled = parsed.success ? compileFault(run.design, parsed.data) : null;
      if (!compiled?.ok) {
        post({ type: 'error', runId: run.runId, message: compiled?.message ?? 'That fault is not valid.' });
        return;
      }
      run.faults.set(message.faultId, run.simulation.injectFault({ ...compiled.fault, endMs: Infinity }));
      break;
    }
    case 'lift': {
      if (!run || run.runId !== message.runId) return;
      const index = run.faults.get(message.faultId);
      if (index !== undefined) run.simulation.liftFault(index);
      break;
    }
    case 'stop':
      stop();
      break;
  }
};
