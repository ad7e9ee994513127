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
