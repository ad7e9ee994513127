/**
 * Circuit breaker settings. The design format says only whether a call has a
 * breaker, so every breaker works the same way, as common libraries do by
 * default (Resilience4j, Polly): a rolling window of attempts in one-second
 * buckets; when at least `minCalls` attempts in the window and at least
 * `failureRatio` of them failed, the breaker opens and calls fail at once
 * without reaching the callee. After `openMs` it lets one trial call through
 * (half-open): success closes it, failure opens it again.
 */
export const BREAKER = {
  windowMs: 10_000,
  buckets: 10,
  minCalls: 20,
  failureRatio: 0.5,
  openMs: 5_000,
} as const;

export const CLOSED = 0;
export const HALF_OPEN = 1;
export const OPEN = 2;

export const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
export type BreakerState = (typeof BREAKER_STATES)[number];

/** Base delay between attempts for a `fixed` backoff, and the first delay of an `exponential` one. */
export const BACKOFF_BASE_MS = 100;

/** What a breaker says to an attempt. */
export const ADMIT = 0;
export const PROBE = 1;
export const REJECT = 2;

export interface BreakerChange {
  timeMs: number;
  edge: number;
  state: number;
}

/** Every connection's breaker, in typed arrays indexed by connection number. */
export class CircuitBreakers {
  readonly state: Uint8Array;
  readonly changes: BreakerChange[] = [];
  private readonly openUntil: Float64Array;
  private readonly probing: Uint8Array;
  /** The newest one-second bucket written, per connection (-1: none). */
  private readonly bucketNow: Float64Array;
  private readonly bucketCalls: Int32Array;
  private readonly bucketFails: Int32Array;

  constructor(connections: number) {
    this.state = new Uint8Array(connections);
    this.openUntil = new Float64Array(connections);
    this.probing = new Uint8Array(connections);
    this.bucketNow = new Float64Array(connections).fill(-1);
    this.bucketCalls = new Int32Array(connections * BREAKER.buckets);
    this.bucketFails = new Int32Array(connections * BREAKER.buckets);
  }

  /** Whether an attempt over connection e may go now: ADMIT, PROBE (the one trial call of a half-open breaker) or REJECT. */
  admit(e: number, now: number): number {
    let state = this.state[e]!;
    if (state === OPEN && now >= this.openUntil[e]!) {
      state = HALF_OPEN;
      this.set(e, HALF_OPEN, now);
    }
    if (state === CLOSED) return ADMIT;
    if (state === OPEN || this.probing[e] === 1) return REJECT;
    this.probing[e] = 1;
    return PROBE;
  }

  /** The outcome of an attempt that reached the callee (or timed out); `probe` when it was the trial call. */
  record(e: number, probe: boolean, ok: boolean, now: number): void {
    if (probe) {
      this.probing[e] = 0;
      if (ok) this.set(e, CLOSED, now);
      else this.open(e, now);
      return;
    }
    if (this.state[e] !== CLOSED) return;
    const B = BREAKER.buckets;
    const bucket = Math.floor(now / (BREAKER.windowMs / B));
    const last = this.bucketNow[e]!;
    if (bucket !== last) {
      // Clear the buckets that rolled out of the window since the last outcome.
      if (last < 0 || bucket - last >= B) {
        this.bucketCalls.fill(0, e * B, e * B + B);
        this.bucketFails.fill(0, e * B, e * B + B);
      } else {
        for (let b = last + 1; b <= bucket; b++) {
          this.bucketCalls[e * B + (b % B)] = 0;
          this.bucketFails[e * B + (b % B)] = 0;
        }
      }
      this.bucketNow[e] = bucket;
    }
    const slot = e * B + (bucket % B);
    this.bucketCalls[slot]!++;
    if (ok) return;
    this.bucketFails[slot]!++;
    let calls = 0;
    let fails = 0;
    for (let s = e * B; s < e * B + B; s++) {
      calls += this.bucketCalls[s]!;
      fails += this.bucketFails[s]!;
    }
    if (calls >= BREAKER.minCalls && fails >= BREAKER.failureRatio * calls) this.open(e, now);
  }

  private open(e: number, now: number): void {
    this.openUntil[e] = now + BREAKER.openMs;
    this.set(e, OPEN, now);
  }

  private set(e: number, state: number, now: number): void {
    if (this.state[e] === state) return;
    this.state[e] = state;
    if (state !== HALF_OPEN) {
      const B = BREAKER.buckets;
      this.bucketCalls.fill(0, e * B, e * B + B);
      this.bucketFails.fill(0, e * B, e * B + B);
      this.bucketNow[e] = -1;
    }
    this.changes.push({ timeMs: now, edge: e, state });
  }
}
