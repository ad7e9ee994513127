/**
 * What the engine measures, as it runs: per flow the requests, outcomes and
 * latency histogram; per component arrivals, departures and the time
 * integrals of busy slots, requests present and requests waiting (kept up to
 * date lazily: `touch` adds value x elapsed time before each change); per
 * connection attempts sent, failed, timed out and refused by a breaker. At
 * every sample it closes one point of the time series.
 */
import { Histogram } from './histogram.ts';
import type { Model } from './model.ts';

/** What the meter reads from the engine. */
export interface EngineState {
  readonly now: number;
  readonly busy: Int32Array;
  readonly queueLength: Int32Array;
  readonly breakerState: Uint8Array;
}

export interface Series {
  /** Sample times, seconds into the run. */
  timeS: number[];
  flows: {
    throughputRps: number[];
    errorRate: number[];
    p50Ms: number[];
    p95Ms: number[];
    p99Ms: number[];
  }[];
  components: {
    /** Answers per second. */
    throughputRps: number[];
    utilization: number[];
    /** Mean requests waiting (queued, or messages not yet delivered). */
    queue: number[];
    /** Mean requests present (waiting or being worked on). */
    inFlight: number[];
  }[];
  connections: {
    rateRps: number[];
    errorRate: number[];
    /** 0 closed, 1 half-open, 2 open. */
    breaker: number[];
  }[];
}

export class Meter {
  // Flows.
  readonly requests: Float64Array;
  readonly completed: Float64Array;
  readonly failed: Float64Array;
  readonly inFlight: Float64Array;
  readonly inFlightArea: Float64Array;
  private readonly flowTouched: Float64Array;
  readonly latency: Histogram[];
  private readonly window: Histogram[];
  private readonly windowDone: Float64Array;
  private readonly windowFailed: Float64Array;

  // Components.
  readonly arrivals: Float64Array;
  readonly departures: Float64Array;
  readonly errors: Float64Array;
  readonly refusals: Float64Array;
  readonly timeInNode: Float64Array;
  /** Requests that started work, those that had to queue first, and their total time in the queue. */
  readonly started: Float64Array;
  readonly queued: Float64Array;
  readonly waitTime: Float64Array;
  readonly present: Float64Array;
  readonly busyArea: Float64Array;
  readonly presentArea: Float64Array;
  readonly waitingArea: Float64Array;
  readonly peakWaiting: Float64Array;
  /** Messages waiting in each broker, all its connections together. */
  readonly brokerBacklog: Float64Array;
  private readonly touched: Float64Array;

  // Connections.
  readonly sentCalls: Float64Array;
  readonly failedCalls: Float64Array;
  readonly timeouts: Float64Array;
  readonly rejections: Float64Array;

  readonly series: Series;
  private lastSampleMs = 0;
  private readonly lastBusy: Float64Array;
  private readonly lastPresent: Float64Array;
  private readonly lastDepartures: Float64Array;
  private readonly lastWaiting: Float64Array;
  private readonly lastSent: Float64Array;
  private readonly lastFailed: Float64Array;
  private readonly lastRejected: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly engine: EngineState,
  ) {
    const F = model.flowIds.length;
    const { n, m } = model;
    this.requests = new Float64Array(F);
    this.completed = new Float64Array(F);
    this.failed = new Float64Array(F);
    this.inFlight = new Float64Array(F);
    this.inFlightArea = new Float64Array(F);
    this.flowTouched = new Float64Array(F);
    this.latency = Array.from({ length: F }, () => new Histogram());
    this.window = Array.from({ length: F }, () => new Histogram(0.001, 1e8, 0.02));
    this.windowDone = new Float64Array(F);
    this.windowFailed = new Float64Array(F);
    this.arrivals = new Float64Array(n);
    this.departures = new Float64Array(n);
    this.errors = new Float64Array(n);
    this.refusals = new Float64Array(n);
    this.timeInNode = new Float64Array(n);
    this.started = new Float64Array(n);
    this.queued = new Float64Array(n);
    this.waitTime = new Float64Array(n);
    this.present = new Float64Array(n);
    this.busyArea = new Float64Array(n);
    this.presentArea = new Float64Array(n);
    this.waitingArea = new Float64Array(n);
    this.peakWaiting = new Float64Array(n);
    this.brokerBacklog = new Float64Array(n);
    this.touched = new Float64Array(n);
    this.sentCalls = new Float64Array(m);
    this.failedCalls = new Float64Array(m);
    this.timeouts = new Float64Array(m);
    this.rejections = new Float64Array(m);
    this.lastBusy = new Float64Array(n);
    this.lastPresent = new Float64Array(n);
    this.lastDepartures = new Float64Array(n);
    this.lastWaiting = new Float64Array(n);
    this.lastSent = new Float64Array(m);
    this.lastFailed = new Float64Array(m);
    this.lastRejected = new Float64Array(m);
    this.series = {
      timeS: [],
      flows: Array.from({ length: F }, () => ({ throughputRps: [], errorRate: [], p50Ms: [], p95Ms: [], p99Ms: [] })),
      components: Array.from({ length: n }, () => ({ throughputRps: [], utilization: [], queue: [], inFlight: [] })),
      connections: Array.from({ length: m }, () => ({ rateRps: [], errorRate: [], breaker: [] })),
    };
  }

  /** Adds component i's integrals up to now; call before anything it integrates changes. */
  touch(i: number): void {
    const now = this.engine.now;
    const dt = now - this.touched[i]!;
    if (dt > 0) {
      this.busyArea[i]! += this.engine.busy[i]! * dt;
      this.presentArea[i]! += this.present[i]! * dt;
      this.waitingArea[i]! += (this.engine.queueLength[i]! + this.brokerBacklog[i]!) * dt;
      this.touched[i] = now;
    }
  }

  private touchFlow(f: number): void {
    const now = this.engine.now;
    this.inFlightArea[f]! += this.inFlight[f]! * (now - this.flowTouched[f]!);
    this.flowTouched[f] = now;
  }

  requestStarted(f: number): void {
    this.touchFlow(f);
    this.requests[f]!++;
    this.inFlight[f]!++;
  }

  requestDone(f: number, latencyMs: number, failed: boolean): void {
    this.touchFlow(f);
    this.inFlight[f]!--;
    this.completed[f]!++;
    this.windowDone[f]!++;
    if (failed) {
      this.failed[f]!++;
      this.windowFailed[f]!++;
    }
    this.latency[f]!.add(latencyMs);
    this.window[f]!.add(latencyMs);
  }

  arrived(i: number): void {
    this.touch(i);
    this.arrivals[i]!++;
    this.present[i]!++;
  }

  /** After a request joined component i's queue. */
  waiting(i: number): void {
    this.queued[i]!++;
    this.peak(i);
  }

  /** A request starts work at component i after waiting `waitMs`. */
  startedWork(i: number, waitMs: number): void {
    this.started[i]!++;
    this.waitTime[i]! += waitMs;
  }

  private peak(i: number): void {
    const w = this.engine.queueLength[i]! + this.brokerBacklog[i]!;
    if (w > this.peakWaiting[i]!) this.peakWaiting[i] = w;
  }

  /** After a broker's backlog changed by `delta` (touch first). */
  backlogChanged(broker: number, delta: number): void {
    this.brokerBacklog[broker]! += delta;
    if (delta > 0) this.peak(broker);
  }

  departed(i: number, timeMs: number, failed: boolean): void {
    this.touch(i);
    this.present[i]!--;
    this.departures[i]!++;
    this.timeInNode[i]! += timeMs;
    if (failed) this.errors[i]!++;
  }

  /** A call refused by a component that is down (edge -1 when the caller counts the failure itself). */
  refused(i: number, e: number): void {
    this.refusals[i]!++;
    if (e >= 0) this.failedCalls[e]!++;
  }

  sent(e: number): void {
    this.sentCalls[e]!++;
  }

  callFailed(e: number): void {
    this.failedCalls[e]!++;
  }

  timeout(e: number): void {
    this.timeouts[e]!++;
  }

  rejected(e: number): void {
    this.rejections[e]!++;
  }

  /** Closes one point of the time series at `now`. */
  sample(now: number): void {
    const dt = (now - this.lastSampleMs) / 1000;
    if (dt <= 0) return;
    const s = this.series;
    const model = this.model;
    s.timeS.push(now / 1000);
    for (let f = 0; f < s.flows.length; f++) {
      const point = s.flows[f]!;
      const done = this.windowDone[f]!;
      const w = this.window[f]!;
      point.throughputRps.push(done / dt);
      point.errorRate.push(done > 0 ? this.windowFailed[f]! / done : 0);
      point.p50Ms.push(w.quantile(0.5));
      point.p95Ms.push(w.quantile(0.95));
      point.p99Ms.push(w.quantile(0.99));
      w.reset();
      this.windowDone[f] = 0;
      this.windowFailed[f] = 0;
    }
    for (let i = 0; i < model.n; i++) {
      this.touch(i);
      const capacity = model.instances[i]! * model.concurrency[i]!;
      const point = s.components[i]!;
      point.throughputRps.push((this.departures[i]! - this.lastDepartures[i]!) / dt);
      this.lastDepartures[i] = this.departures[i]!;
      point.utilization.push(Math.min(1, (this.busyArea[i]! - this.lastBusy[i]!) / (capacity * dt * 1000)));
      point.queue.push((this.waitingArea[i]! - this.lastWaiting[i]!) / (dt * 1000));
      point.inFlight.push((this.presentArea[i]! - this.lastPresent[i]!) / (dt * 1000));
      this.lastBusy[i] = this.busyArea[i]!;
      this.lastWaiting[i] = this.waitingArea[i]!;
      this.lastPresent[i] = this.presentArea[i]!;
    }
    for (let e = 0; e < model.m; e++) {
      const point = s.connections[e]!;
      const sent = this.sentCalls[e]! - this.lastSent[e]!;
      const rejected = this.rejections[e]! - this.lastRejected[e]!;
      const failed = this.failedCalls[e]! - this.lastFailed[e]!;
      point.rateRps.push(sent / dt);
      point.errorRate.push(sent + rejected > 0 ? Math.min(1, (failed + rejected) / (sent + rejected)) : 0);
      point.breaker.push(this.engine.breakerState[e]!);
      this.lastSent[e] = this.sentCalls[e]!;
      this.lastFailed[e] = this.failedCalls[e]!;
      this.lastRejected[e] = this.rejections[e]!;
    }
    this.lastSampleMs = now;
  }

  /** Brings every integral up to now (end of a run). */
  settle(): void {
    for (let i = 0; i < this.model.n; i++) this.touch(i);
    for (let f = 0; f < this.inFlight.length; f++) this.touchFlow(f);
  }
}
