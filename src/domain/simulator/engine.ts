/**
 * The discrete-event engine. One `Simulation` runs one compiled model for
 * one seed: the same model, options and seed give the same events in the
 * same order, and so the same numbers.
 *
 * Entities live in typed-array pools with free lists:
 * - an *activation* is one request being worked on at one component (queued,
 *   in service, or waiting for the calls it makes);
 * - a *call* is one hop's call from an activation, with its attempts (retries)
 *   and, for sequential fan-out, the calls still to make after it.
 * A component serves `instances x concurrency` activations at once from one
 * FIFO queue; an activation holds its slot while it waits for its own calls,
 * as a thread does. Responses travel at once (no network time). A timed-out
 * attempt's callee keeps working; its answer is ignored (tokens tell stale
 * answers apart).
 *
 * Metrics are kept in `Meter` (meter.ts); this file is the mechanics.
 */
import { ADMIT, BACKOFF_BASE_MS, CircuitBreakers, REJECT, type BreakerChange } from './breaker.ts';
import { EventHeap } from './event-heap.ts';
import { Meter } from './meter.ts';
import { BACKOFF_EXPONENTIAL, BACKOFF_FIXED, HOP_CALL, HOP_CONSUME, HOP_DETACHED, HOP_ROOT, type CompiledFault, type Model } from './model.ts';
import { CONSTANT, EXPONENTIAL, Random } from './random.ts';
import { TimeoutQueues } from './timeouts.ts';
import { Traffic } from './traffic.ts';
import type { SimulationOptions } from './options.ts';

const EV_ARRIVAL = 0;
const EV_SERVICE_DONE = 1;
const EV_TIMEOUT = 2;
const EV_RETRY = 3;
const EV_FAULT = 4;
const EV_SAMPLE = 5;

// Activation flags.
const FAILED = 1;
const RESPONDED = 2;
const HOLDS_SLOT = 4;
const HOLDS_CONSUMER = 8;

function grownInt32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
function grownFloat64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
function grownUint8(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

export class Simulation {
  readonly model: Model;
  readonly meter: Meter;
  now = 0;
  events = 0;
  readonly endMs: number;
  readonly trafficEndMs: number;
  /** Set when the run hit maxEvents before its end. */
  truncated = false;

  private readonly heap = new EventHeap(4096);
  private readonly timeouts: TimeoutQueues;
  /** Faults that have started and not ended. */
  private readonly activeFaults = new Set<number>();
  private readonly rng: Random;
  private readonly traffic: Traffic;
  private readonly maxEvents: number;
  private readonly sampleMs: number;
  private token = 0;

  // Activations.
  private actCap = 1024;
  private actFree = -1;
  private actUsed = 0;
  private actHop = new Int32Array(this.actCap);
  private actCall = new Int32Array(this.actCap);
  private actToken = new Float64Array(this.actCap);
  private actNext = new Int32Array(this.actCap);
  private actChild = new Int32Array(this.actCap);
  private actPending = new Int32Array(this.actCap);
  private actFlags = new Uint8Array(this.actCap);
  private actMiss = new Int32Array(this.actCap);
  private actStart = new Float64Array(this.actCap);
  private actAttempt = new Int32Array(this.actCap);

  // Calls.
  private callCap = 1024;
  private callFree = -1;
  private callUsed = 0;
  private callAct = new Int32Array(this.callCap);
  private callHop = new Int32Array(this.callCap);
  private callAttempt = new Int32Array(this.callCap);
  private callRemaining = new Int32Array(this.callCap);
  private callToken = new Float64Array(this.callCap);
  private callProbe = new Uint8Array(this.callCap);

  // Components.
  readonly busy: Int32Array;
  readonly upCapacity: Int32Array;
  private readonly queueHead: Int32Array;
  private readonly queueTail: Int32Array;
  readonly queueLength: Int32Array;
  private readonly slow: Float64Array;
  private readonly flaky: Float64Array;
  private readonly downInstances: Int32Array;

  // Connections.
  private readonly backlogHead: Int32Array;
  private readonly backlogTail: Int32Array;
  readonly backlog: Int32Array;
  private readonly consumersBusy: Int32Array;
  private readonly partitioned: Int32Array;
  private readonly breakers: CircuitBreakers;
  /** 0 closed, 1 half-open, 2 open, per connection. */
  readonly breakerState: Uint8Array;

  constructor(model: Model, options: Pick<SimulationOptions, 'durationS' | 'drainS' | 'seed' | 'spikes' | 'sampleS' | 'maxEvents'>) {
    this.model = model;
    this.rng = new Random(options.seed);
    this.trafficEndMs = options.durationS * 1000;
    this.endMs = this.trafficEndMs + options.drainS * 1000;
    this.sampleMs = options.sampleS * 1000;
    this.maxEvents = options.maxEvents;
    this.traffic = new Traffic(model.flowRate, options.spikes, this.trafficEndMs);
    const { n, m } = model;
    this.busy = new Int32Array(n);
    this.upCapacity = new Int32Array(n);
    for (let i = 0; i < n; i++) this.upCapacity[i] = capacityOf(model.instances[i]!, model.concurrency[i]!);
    this.queueHead = new Int32Array(n).fill(-1);
    this.queueTail = new Int32Array(n).fill(-1);
    this.queueLength = new Int32Array(n);
    this.slow = new Float64Array(n).fill(1);
    this.flaky = new Float64Array(n);
    this.downInstances = new Int32Array(n);
    this.backlogHead = new Int32Array(m).fill(-1);
    this.backlogTail = new Int32Array(m).fill(-1);
    this.backlog = new Int32Array(m);
    this.consumersBusy = new Int32Array(m);
    this.partitioned = new Int32Array(m);
    this.breakers = new CircuitBreakers(m);
    this.breakerState = this.breakers.state;
    this.timeouts = new TimeoutQueues(m);
    this.meter = new Meter(model, this);

    for (let f = 0; f < model.flowRate.length; f++) {
      const t = this.traffic.next(f, 0, this.rng.exponential(1));
      if (t < this.trafficEndMs) this.heap.push(t, f * 8 + EV_ARRIVAL);
    }
    model.faults.forEach((fault, i) => {
      if (fault.startMs < this.endMs) this.heap.push(fault.startMs, (2 * i) * 8 + EV_FAULT);
      if (fault.endMs < this.endMs) this.heap.push(fault.endMs, (2 * i + 1) * 8 + EV_FAULT);
    });
    if (this.sampleMs <= this.endMs) this.heap.push(this.sampleMs, EV_SAMPLE);
  }

  /** Every breaker state change, in time order. */
  get breakerChanges(): readonly BreakerChange[] {
    return this.breakers.changes;
  }

  get done(): boolean {
    return this.now >= this.endMs || this.truncated;
  }

  /**
   * Runs every event up to `untilMs` (capped at the end of the run), or only
   * `budget` of them (the clock then stays at the last one, so a caller can
   * slice a run); returns the events processed.
   */
  runUntil(untilMs: number, budget = Infinity): number {
    const until = Math.min(untilMs, this.endMs);
    const heap = this.heap;
    const before = this.events;
    const stop = before + budget;
    while (heap.size > 0 && heap.peekTime() <= until) {
      if (this.events >= this.maxEvents) {
        this.truncated = true;
        break;
      }
      if (this.events >= stop) return this.events - before;
      heap.pop();
      this.events++;
      this.now = heap.topTime;
      const payload = heap.topPayload;
      const id = payload >> 3;
      switch (payload & 7) {
        case EV_ARRIVAL:
          this.arrival(id);
          break;
        case EV_SERVICE_DONE:
          this.serviceDone(id);
          break;
        case EV_TIMEOUT:
          this.expire(id);
          break;
        case EV_RETRY:
          // Nothing else touches a call waiting out its backoff, so a retry is never stale.
          this.sendAttempt(id);
          break;
        case EV_FAULT:
          this.fault(id >> 1, (id & 1) === 0);
          break;
        case EV_SAMPLE:
          this.meter.sample(this.now);
          if (this.now + this.sampleMs <= this.endMs + 1e-9) this.heap.push(this.now + this.sampleMs, EV_SAMPLE);
          break;
      }
    }
    if (!this.truncated) this.now = Math.max(this.now, until);
    return this.events - before;
  }

  /** Runs to the end. */
  run(): void {
    this.runUntil(this.endMs);
  }

  /** Starts a fault now; it lasts until `liftFault` (or its own end, if it has one). Returns its number. */
  injectFault(fault: CompiledFault): number {
    const index = this.model.faults.length;
    this.model.faults.push({ ...fault, startMs: this.now, endMs: Math.max(this.now, fault.endMs) });
    this.fault(index, true);
    if (fault.endMs < this.endMs) this.heap.push(Math.max(this.now, fault.endMs), (2 * index + 1) * 8 + EV_FAULT);
    return index;
  }

  /** Ends a fault now (a scheduled or injected one that has started and not yet ended). */
  liftFault(index: number): void {
    if (!this.activeFaults.has(index)) return;
    this.fault(index, false);
  }

  // ---- pools ----

  private newActivation(hop: number, call: number, token: number): number {
    let a = this.actFree;
    if (a >= 0) this.actFree = this.actNext[a]!;
    else {
      if (this.actUsed === this.actCap) this.growActivations();
      a = this.actUsed++;
    }
    this.actHop[a] = hop;
    this.actCall[a] = call;
    this.actToken[a] = token;
    this.actNext[a] = -1;
    this.actPending[a] = 0;
    this.actFlags[a] = 0;
    this.actMiss[a] = 0;
    this.actAttempt[a] = 1;
    this.actStart[a] = this.now;
    return a;
  }

  private freeActivation(a: number): void {
    this.actHop[a] = -1;
    this.actNext[a] = this.actFree;
    this.actFree = a;
  }

  private growActivations(): void {
    const size = this.actCap * 2;
    this.actHop = grownInt32(this.actHop, size);
    this.actCall = grownInt32(this.actCall, size);
    this.actToken = grownFloat64(this.actToken, size);
    this.actNext = grownInt32(this.actNext, size);
    this.actChild = grownInt32(this.actChild, size);
    this.actPending = grownInt32(this.actPending, size);
    this.actFlags = grownUint8(this.actFlags, size);
    this.actMiss = grownInt32(this.actMiss, size);
    this.actStart = grownFloat64(this.actStart, size);
    this.actAttempt = grownInt32(this.actAttempt, size);
    this.actCap = size;
  }

  private newCall(act: number, hop: number, remaining: number): number {
    let c = this.callFree;
    if (c >= 0) this.callFree = this.callAct[c]!;
    else {
      if (this.callUsed === this.callCap) this.growCalls();
      c = this.callUsed++;
    }
    this.callAct[c] = act;
    this.callHop[c] = hop;
    this.callAttempt[c] = 1;
    this.callRemaining[c] = remaining;
    this.callToken[c] = -1;
    this.callProbe[c] = 0;
    return c;
  }

  private freeCall(c: number): void {
    this.callToken[c] = -1;
    this.callAct[c] = this.callFree;
    this.callFree = c;
  }

  private growCalls(): void {
    const size = this.callCap * 2;
    this.callAct = grownInt32(this.callAct, size);
    this.callHop = grownInt32(this.callHop, size);
    this.callAttempt = grownInt32(this.callAttempt, size);
    this.callRemaining = grownInt32(this.callRemaining, size);
    this.callToken = grownFloat64(this.callToken, size);
    this.callProbe = grownUint8(this.callProbe, size);
    this.callCap = size;
  }

  // ---- traffic ----

  private arrival(f: number): void {
    const next = this.traffic.next(f, this.now, this.rng.exponential(1));
    if (next < this.trafficEndMs) this.heap.push(next, f * 8 + EV_ARRIVAL);
    const a = this.newActivation(this.model.flowRoot[f]!, -1, 0);
    this.meter.requestStarted(f);
    this.actChild[a] = this.model.childStart[this.model.flowRoot[f]!]!;
    this.advance(a);
  }

  // ---- components ----

  /** An activation reaches its component: served at once if a slot is free, queued otherwise. */
  private arrive(a: number): void {
    const i = this.model.hopTarget[this.actHop[a]!]!;
    this.meter.arrived(i);
    if (this.busy[i]! < this.upCapacity[i]!) this.startService(a, i);
    else {
      this.meter.touch(i);
      const tail = this.queueTail[i]!;
      if (tail < 0) this.queueHead[i] = a;
      else this.actNext[tail] = a;
      this.queueTail[i] = a;
      this.queueLength[i]!++;
      this.meter.waiting(i);
    }
  }

  private startService(a: number, i: number): void {
    this.meter.touch(i);
    this.meter.startedWork(i, this.now - this.actStart[a]!);
    this.busy[i]!++;
    this.actFlags[a]! |= HOLDS_SLOT;
    const h = this.actHop[a]!;
    const m = this.model;
    const dist = m.hopDist[h]!;
    const centre = m.hopCentre[h]!;
    let t: number;
    if (dist === CONSTANT) t = centre;
    else if (dist === EXPONENTIAL) t = this.rng.exponential(centre);
    else t = centre * Math.exp(m.hopSigma[h]! * this.rng.normal());
    this.heap.push(this.now + t * this.slow[i]!, a * 8 + EV_SERVICE_DONE);
  }

  /** The next queued activation at component i starts, while slots are free. */
  private serveQueue(i: number): void {
    while (this.queueLength[i]! > 0 && this.busy[i]! < this.upCapacity[i]!) {
      const a = this.queueHead[i]!;
      this.meter.touch(i);
      this.queueHead[i] = this.actNext[a]!;
      if (this.queueHead[i]! < 0) this.queueTail[i] = -1;
      this.queueLength[i]!--;
      this.startService(a, i);
    }
  }

  private serviceDone(a: number): void {
    const h = this.actHop[a]!;
    const i = this.model.hopTarget[h]!;
    const errorRate = this.model.errorRate[i]! + this.flaky[i]!;
    if (errorRate > 0 && this.rng.next() < errorRate) {
      this.actFlags[a]! |= FAILED;
      this.respond(a);
      this.freeActivation(a);
      return;
    }
    this.actChild[a] = this.model.childStart[h]!;
    this.advance(a);
  }

  /**
   * Launches the activation's next stages while none of its calls is
   * outstanding, and answers when none is left. A guard count keeps calls
   * that end at once (refused, breaker open) from re-entering this loop.
   */
  private advance(a: number): void {
    const m = this.model;
    const end = m.childStart[this.actHop[a]! + 1]!;
    for (;;) {
      if ((this.actFlags[a]! & RESPONDED) !== 0) {
        if (this.actPending[a] === 0) this.freeActivation(a);
        return;
      }
      if (this.actPending[a]! > 0) return;
      let pos = this.actChild[a]!;
      if (pos >= end) {
        this.respond(a);
        this.freeActivation(a);
        return;
      }
      this.actPending[a]!++;
      do {
        this.launch(a, m.childList[pos]!);
        pos++;
      } while (pos < end && m.childNewStage[pos] === 0);
      this.actChild[a] = pos;
      this.actPending[a]!--;
    }
  }

  /** Starts one child hop of an activation, if its share and its cache condition say so. */
  private launch(a: number, h: number): void {
    const m = this.model;
    const hit = m.hopHitRatio[h]!;
    const taken = m.hopShare[h]! >= 1 || this.rng.next() < m.hopShare[h]!;
    if (hit >= 0 && (!taken || this.rng.next() >= hit)) this.actMiss[a]! |= 1 << m.hopPosition[h]!;
    if (!taken) return;
    const missOf = m.hopMissOf[h]!;
    if (missOf >= 0 && (this.actMiss[a]! & (1 << missOf)) === 0) return;
    const kind = m.hopKind[h]!;
    const e = m.hopEdge[h]!;
    if (kind === HOP_CALL) {
      const n = m.callsPerRequest[e]!;
      if (n > 1 && m.parallelCalls[e] === 1) {
        for (let k = 0; k < n; k++) {
          this.actPending[a]!++;
          this.sendAttempt(this.newCall(a, h, 0));
        }
      } else {
        this.actPending[a]!++;
        this.sendAttempt(this.newCall(a, h, n - 1));
      }
    } else if (kind === HOP_DETACHED) {
      const target = m.hopTarget[h]!;
      this.meter.sent(e);
      if (this.upCapacity[target] === 0 || this.partitioned[e]! > 0) {
        this.meter.refused(target, e);
        return;
      }
      this.arrive(this.newActivation(h, -1, 0));
    } else if (kind === HOP_CONSUME) {
      this.enqueueMessage(this.newActivation(h, -1, 0), e);
    }
  }

  /** The activation answers: its slot frees, and the call waiting for it hears the outcome. */
  private respond(a: number): void {
    this.actFlags[a]! |= RESPONDED;
    const m = this.model;
    const h = this.actHop[a]!;
    const i = m.hopTarget[h]!;
    const failed = (this.actFlags[a]! & FAILED) !== 0;
    const kind = m.hopKind[h]!;
    if (kind === HOP_ROOT) {
      this.meter.requestDone(m.hopFlow[h]!, this.now - this.actStart[a]!, failed);
      return;
    }
    this.meter.departed(i, this.now - this.actStart[a]!, failed);
    if ((this.actFlags[a]! & HOLDS_SLOT) !== 0) {
      this.meter.touch(i);
      this.actFlags[a]! &= ~HOLDS_SLOT;
      this.busy[i]!--;
      this.serveQueue(i);
    }
    if ((this.actFlags[a]! & HOLDS_CONSUMER) !== 0) {
      const e = m.hopEdge[h]!;
      this.actFlags[a]! &= ~HOLDS_CONSUMER;
      this.consumersBusy[e]!--;
      if (failed) {
        this.meter.callFailed(e);
        if (this.actAttempt[a]! < m.attempts[e]!) {
          const again = this.newActivation(h, -1, 0);
          this.actAttempt[again] = this.actAttempt[a]! + 1;
          this.enqueueMessage(again, e);
        }
      }
      this.deliver(e);
      return;
    }
    const c = this.actCall[a]!;
    if (c >= 0 && this.callToken[c] === this.actToken[a]) this.attemptDone(c, !failed, true);
  }

  /** One of the activation's calls finished. */
  private childDone(a: number, ok: boolean): void {
    this.actPending[a]!--;
    if (!ok && (this.actFlags[a]! & RESPONDED) === 0) {
      this.actFlags[a]! |= FAILED;
      this.respond(a);
    }
    if (this.actPending[a]! > 0) return;
    if ((this.actFlags[a]! & RESPONDED) !== 0) this.freeActivation(a);
    else this.advance(a);
  }

  // ---- calls ----

  private sendAttempt(c: number): void {
    const m = this.model;
    const h = this.callHop[c]!;
    const e = m.hopEdge[h]!;
    if (m.breaker[e] === 1) {
      const admitted = this.breakers.admit(e, this.now);
      if (admitted === REJECT) {
        this.meter.rejected(e);
        this.attemptDone(c, false, false);
        return;
      }
      this.callProbe[c] = admitted === ADMIT ? 0 : 1;
    }
    this.meter.sent(e);
    const token = ++this.token;
    this.callToken[c] = token;
    const timeout = m.timeoutMs[e]!;
    if (this.partitioned[e]! > 0) {
      if (timeout !== Infinity) this.armTimeout(e, c, token, this.now + timeout);
      return;
    }
    const target = m.hopTarget[h]!;
    if (this.upCapacity[target] === 0) {
      this.meter.refused(target, -1);
      this.attemptDone(c, false, true);
      return;
    }
    this.arrive(this.newActivation(h, c, token));
    if (timeout !== Infinity) this.armTimeout(e, c, token, this.now + timeout);
  }

  /** An attempt ended: retry after backoff, move to the next sequential call, or finish. */
  private attemptDone(c: number, ok: boolean, reachedCallee: boolean): void {
    const m = this.model;
    const e = m.hopEdge[this.callHop[c]!]!;
    this.callToken[c] = -1;
    if (m.breaker[e] === 1 && reachedCallee) {
      this.breakers.record(e, this.callProbe[c] === 1, ok, this.now);
      this.callProbe[c] = 0;
    }
    if (ok) {
      if (this.callRemaining[c]! > 0) {
        this.callRemaining[c]!--;
        this.callAttempt[c] = 1;
        this.sendAttempt(c);
      } else this.finishCall(c, true);
      return;
    }
    if (reachedCallee) this.meter.callFailed(e);
    const attempt = this.callAttempt[c]!;
    if (attempt >= m.attempts[e]!) {
      this.finishCall(c, false);
      return;
    }
    this.callAttempt[c] = attempt + 1;
    const mode = m.backoff[e]!;
    let delay = mode === BACKOFF_FIXED ? BACKOFF_BASE_MS : mode === BACKOFF_EXPONENTIAL ? BACKOFF_BASE_MS * 2 ** (attempt - 1) : 0;
    if (delay > 0 && m.jitter[e] === 1) delay *= this.rng.next();
    if (delay <= 0) {
      this.sendAttempt(c);
      return;
    }
    // A fresh token, so answers to the failed attempt are ignored.
    this.callToken[c] = ++this.token;
    this.heap.push(this.now + delay, c * 8 + EV_RETRY);
  }

  private armTimeout(e: number, c: number, token: number, deadline: number): void {
    if (this.timeouts.add(e, c, token, deadline)) this.heap.push(deadline, e * 8 + EV_TIMEOUT);
  }

  /**
   * Connection e's earliest deadline came up: attempts still waiting at their
   * deadline time out; entries whose attempt has ended are dropped.
   */
  private expire(e: number): void {
    const queue = this.timeouts;
    queue.armed[e] = 0;
    while (!queue.isEmpty(e)) {
      const c = queue.headCall(e);
      const token = queue.headToken(e);
      if (this.callToken[c] !== token) {
        queue.dropHead(e);
        continue;
      }
      if (queue.headDeadline(e) > this.now) break;
      queue.dropHead(e);
      this.meter.timeout(e);
      this.attemptDone(c, false, true);
    }
    if (!queue.isEmpty(e) && queue.armed[e] === 0) {
      queue.armed[e] = 1;
      this.heap.push(queue.headDeadline(e), e * 8 + EV_TIMEOUT);
    }
  }

  private finishCall(c: number, ok: boolean): void {
    const a = this.callAct[c]!;
    this.freeCall(c);
    this.childDone(a, ok);
  }

  // ---- brokers ----

  private enqueueMessage(a: number, e: number): void {
    const broker = this.model.edgeSource[e]!;
    this.meter.touch(broker);
    const tail = this.backlogTail[e]!;
    if (tail < 0) this.backlogHead[e] = a;
    else this.actNext[tail] = a;
    this.backlogTail[e] = a;
    this.backlog[e]!++;
    this.meter.backlogChanged(broker, 1);
    this.deliver(e);
  }

  /** Hands waiting messages to free consumers while the consumer is up. */
  private deliver(e: number): void {
    const m = this.model;
    const consumer = m.edgeTarget[e]!;
    const broker = m.edgeSource[e]!;
    while (this.backlog[e]! > 0 && this.consumersBusy[e]! < m.consumers[e]! && this.upCapacity[consumer]! > 0) {
      const a = this.backlogHead[e]!;
      this.meter.touch(broker);
      this.backlogHead[e] = this.actNext[a]!;
      if (this.backlogHead[e]! < 0) this.backlogTail[e] = -1;
      this.actNext[a] = -1;
      this.backlog[e]!--;
      this.meter.backlogChanged(broker, -1);
      this.consumersBusy[e]!++;
      this.meter.sent(e);
      this.actFlags[a]! |= HOLDS_CONSUMER;
      this.actStart[a] = this.now;
      this.arrive(a);
    }
  }

  // ---- faults ----

  private fault(index: number, starting: boolean): void {
    // Each fault starts once and ends once, whichever of its end event and liftFault comes first.
    if (starting === this.activeFaults.has(index)) return;
    if (starting) this.activeFaults.add(index);
    else this.activeFaults.delete(index);
    const fault = this.model.faults[index]!;
    const m = this.model;
    for (const x of fault.targets) {
      if (fault.kind === 'partition') {
        this.partitioned[x]! += starting ? 1 : -1;
        continue;
      }
      if (fault.kind === 'slow') {
        this.slow[x] = starting ? this.slow[x]! * fault.amount : this.slow[x]! / fault.amount;
        continue;
      }
      if (fault.kind === 'flaky') {
        this.flaky[x] = Math.max(0, this.flaky[x]! + (starting ? fault.amount : -fault.amount));
        continue;
      }
      const count = fault.amount === 0 ? m.instances[x]! : Math.min(fault.amount, m.instances[x]!);
      this.downInstances[x]! += starting ? count : -count;
      this.meter.touch(x);
      this.upCapacity[x] = capacityOf(Math.max(0, m.instances[x]! - this.downInstances[x]!), m.concurrency[x]!);
      if (this.upCapacity[x] === 0) this.failQueue(x);
      else this.serveQueue(x);
      if (!starting) for (let e = 0; e < m.m; e++) if (m.edgeTarget[e] === x && this.backlog[e]! > 0) this.deliver(e);
    }
  }

  /** A component that went down drops the requests waiting in its queue: their callers see errors. */
  private failQueue(i: number): void {
    while (this.queueLength[i]! > 0) {
      const a = this.queueHead[i]!;
      this.meter.touch(i);
      this.queueHead[i] = this.actNext[a]!;
      if (this.queueHead[i]! < 0) this.queueTail[i] = -1;
      this.queueLength[i]!--;
      this.actFlags[a]! |= FAILED;
      this.respond(a);
      this.freeActivation(a);
    }
  }
}

function capacityOf(instances: number, concurrency: number): number {
  return Math.min(2 ** 30, instances * concurrency);
}
