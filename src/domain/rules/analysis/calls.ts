/**
 * One pass over the synchronous calls that records, per edge number, the
 * settings several rules test (timeout, retries, idempotency, backoff, calls
 * per request), so each rule scans a typed array instead of re-reading every
 * edge object.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import { factsOf, SYNC } from './facts.ts';
import { perIndex } from './memo.ts';

/** No timeout set. */
export const NO_TIMEOUT = 1;
/** Retried: maxAttempts > 1. */
export const RETRIED = 2;
/** Retried although not idempotent. */
export const UNSAFE_RETRY = 4;
/** Retried with no backoff or without jitter. */
export const UNSPREAD_RETRY = 8;

export interface CallFacts {
  /** Bit flags above, per edge number; 0 for edges that are not sync. */
  readonly flags: Uint8Array;
  /** Calls per request per edge number: Infinity for "per-item", 0 for edges that are not sync. */
  readonly callsPerRequest: Float64Array;
  /** Number of sync edges that are retried. */
  readonly retried: number;
}

export const callFacts = perIndex((index: GraphIndex): CallFacts => {
  const facts = factsOf(index);
  const flags = new Uint8Array(facts.m);
  const callsPerRequest = new Float64Array(facts.m);
  let retried = 0;
  for (let k = 0; k < facts.m; k++) {
    if (facts.family[k] !== SYNC) continue;
    const edge = facts.edges[k]!;
    if (edge.family !== 'sync') continue;
    let f = edge.timeoutMs === null ? NO_TIMEOUT : 0;
    const retry = edge.retry;
    if (retry.maxAttempts > 1) {
      retried++;
      f |= RETRIED;
      if (!edge.idempotent) f |= UNSAFE_RETRY;
      if (retry.backoff === 'none' || !retry.jitter) f |= UNSPREAD_RETRY;
    }
    flags[k] = f;
    callsPerRequest[k] = edge.callsPerRequest === 'per-item' ? Infinity : edge.callsPerRequest;
  }
  return { flags, callsPerRequest, retried };
});
