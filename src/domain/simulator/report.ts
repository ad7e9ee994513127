/**
 * The numbers a run reports, built from the engine's meter: what the command
 * line prints, the worker sends to the canvas, and the tests check.
 */
import { BREAKER_STATES, type BreakerState } from './breaker.ts';
import type { Simulation } from './engine.ts';
import type { Series } from './meter.ts';

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface FlowResult {
  id: string;
  name: string;
  rateRps: number;
  /** Requests that arrived. */
  requests: number;
  /** Requests answered, successfully or not. */
  completed: number;
  failed: number;
  /** Requests still waiting for an answer when the run ended. */
  inFlightAtEnd: number;
  /** Answers per second over the run. */
  throughputRps: number;
  /** Failed answers over all answers. */
  errorRate: number;
  /** Time from arrival to answer, failures included. */
  latencyMs: LatencySummary;
  /** Requests in flight, averaged over time. */
  meanInFlight: number;
}

export interface ComponentResult {
  id: string;
  name: string;
  /** Busy slots over all slots (instances x concurrency), averaged over time. */
  utilization: number;
  peakQueue: number;
  meanQueue: number;
  meanInFlight: number;
  arrivals: number;
  completed: number;
  errors: number;
  /** Calls refused because the component was down. */
  refused: number;
  throughputRps: number;
  /** Mean time from arrival to answer (queue, work and the calls it waits for). */
  meanTimeMs: number;
  /** Share of requests that had to wait for a free slot, and their mean wait over all requests. */
  waitedShare: number;
  meanWaitMs: number;
}

export interface ConnectionResult {
  id: string;
  /** Attempts sent over the connection (retries included). */
  calls: number;
  failures: number;
  timeouts: number;
  /** Calls a circuit breaker failed at once without sending. */
  rejected: number;
}

export interface BreakerEvent {
  timeS: number;
  connection: string;
  state: BreakerState;
}

export interface SimulationResult {
  /** Simulated seconds. */
  durationS: number;
  events: number;
  /** True when the run stopped at its event limit before its end. */
  truncated: boolean;
  flows: FlowResult[];
  components: ComponentResult[];
  connections: ConnectionResult[];
  breakerEvents: BreakerEvent[];
  series: Series;
}

export function report(sim: Simulation): SimulationResult {
  const { model, meter } = sim;
  meter.settle();
  const t = sim.now;
  const seconds = t / 1000;
  const flows: FlowResult[] = model.flowIds.map((id, f) => {
    const h = meter.latency[f]!;
    const completed = meter.completed[f]!;
    return {
      id,
      name: model.flowNames[f]!,
      rateRps: model.flowRate[f]!,
      requests: meter.requests[f]!,
      completed,
      failed: meter.failed[f]!,
      inFlightAtEnd: meter.inFlight[f]!,
      throughputRps: seconds > 0 ? completed / seconds : 0,
      errorRate: completed > 0 ? meter.failed[f]! / completed : 0,
      latencyMs: { mean: h.mean(), p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99), max: h.count > 0 ? h.maxSeen : 0 },
      meanInFlight: t > 0 ? meter.inFlightArea[f]! / t : 0,
    };
  });
  const components: ComponentResult[] = model.nodeIds.map((id, i) => {
    const capacity = model.instances[i]! * model.concurrency[i]!;
    const completed = meter.departures[i]!;
    return {
      id,
      name: model.nodeNames[i]!,
      utilization: t > 0 ? Math.min(1, meter.busyArea[i]! / (capacity * t)) : 0,
      peakQueue: meter.peakWaiting[i]!,
      meanQueue: t > 0 ? meter.waitingArea[i]! / t : 0,
      meanInFlight: t > 0 ? meter.presentArea[i]! / t : 0,
      arrivals: meter.arrivals[i]!,
      completed,
      errors: meter.errors[i]!,
      refused: meter.refusals[i]!,
      throughputRps: seconds > 0 ? completed / seconds : 0,
      meanTimeMs: completed > 0 ? meter.timeInNode[i]! / completed : 0,
      waitedShare: meter.started[i]! > 0 ? meter.queued[i]! / meter.started[i]! : 0,
      meanWaitMs: meter.started[i]! > 0 ? meter.waitTime[i]! / meter.started[i]! : 0,
    };
  });
  const connections: ConnectionResult[] = model.edgeIds.map((id, e) => ({
    id,
    calls: meter.sentCalls[e]!,
    failures: meter.failedCalls[e]!,
    timeouts: meter.timeouts[e]!,
    rejected: meter.rejections[e]!,
  }));
  return {
    durationS: seconds,
    events: sim.events,
    truncated: sim.truncated,
    flows,
    components,
    connections,
    breakerEvents: sim.breakerChanges.map((c) => ({ timeS: c.timeMs / 1000, connection: model.edgeIds[c.edge]!, state: BREAKER_STATES[c.state]! })),
    series: meter.series,
  };
}
