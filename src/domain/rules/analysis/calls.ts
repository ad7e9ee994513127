/**
 * One pass over the edges that records, per edge number, the settings several
 * rules test: for synchronous calls the timeout, retries, idempotency,
 * backoff, circuit breaker and calls per request; for data edges the access.
 * Each rule then scans typed arrays instead of re-reading edge objects, and
 * every edge object is read once per analysis.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DataEdge, SyncEdge } from '../../diagram/schema.ts';
import { DATA, factsOf, SYNC } from './facts.ts';
import { perIndex } from './memo.ts';

/** No timeout set. */
export const NO_TIMEOUT = 1;
/** Retried: maxAttempts > 1. */
export const RETRIED = 2;
/** Retried although not idempotent. */
export const UNSAFE_RETRY = 4;
/** Retried with no backoff or without jitter. */
export const UNSPREAD_RETRY = 8;
/** Protected by a circuit breaker. */
export const CIRCUIT_BREAKER = 16;

/** Data access codes; 0 for edges that are not data edges. */
export const READ = 1;
export const WRITE = 2;
export const READ_WRITE = 3;
export const REPLICATE = 4;
/** An access value this version of Skyline does not know: neither a write nor replication. */
export const OTHER_ACCESS = 5;

/** A write: `write` or `read-write`. */
export const isWriteCode = (access: number): boolean => access === WRITE || access === READ_WRITE;

export interface CallFacts {
  /** Bit flags above, per edge number; 0 for edges that are not sync. */
  readonly flags: Uint8Array;
  /** Calls per request per edge number: Infinity for "per-item", 0 for edges that are not sync. */
  readonly callsPerRequest: Float64Array;
  /** Timeout (ms) per edge number; 0 for edges that are not sync or have none (see NO_TIMEOUT). */
  readonly timeout: Float64Array;
  /** `retry.maxAttempts` per edge number; 0 for edges that are not sync. */
  readonly attempts: Float64Array;
  /** Number of sync edges that are retried. */
  readonly retried: number;
  /** The sync edges with no timeout (NO_TIMEOUT), ascending. */
  readonly untimed: readonly number[];
  /** The sync edges that are retried (RETRIED), ascending. */
  readonly retrying: readonly number[];
  /** Access code (READ ... OTHER_ACCESS) per edge number; 0 for edges that are not data edges. */
  readonly access: Uint8Array;
}

export const callFacts = perIndex((index: GraphIndex): CallFacts => {
  const facts = factsOf(index);
  const m = facts.m;
  // One buffer for every column: one allocation instead of five.
  const buffer = new ArrayBuffer(26 * m);
  const callsPerRequest = new Float64Array(buffer, 0, m);
  const timeout = new Float64Array(buffer, 8 * m, m);
  const attempts = new Float64Array(buffer, 16 * m, m);
  const flags = new Uint8Array(buffer, 24 * m, m);
  const access = new Uint8Array(buffer, 25 * m, m);
  const { family, edges } = facts;
  const untimed: number[] = [];
  const retrying: number[] = [];
  for (let k = 0; k < m; k++) {
    const code = family[k];
    if (code === SYNC) {
      const edge = edges[k] as SyncEdge;
      let f = edge.circuitBreaker ? CIRCUIT_BREAKER : 0;
      if (edge.timeoutMs === null) {
        f |= NO_TIMEOUT;
        untimed.push(k);
      } else {
        timeout[k] = edge.timeoutMs;
      }
      const retry = edge.retry;
      const tries = retry.maxAttempts;
      attempts[k] = tries;
      if (tries > 1) {
        retrying.push(k);
        f |= RETRIED;
        if (!edge.idempotent) f |= UNSAFE_RETRY;
        if (retry.backoff === 'none' || !retry.jitter) f |= UNSPREAD_RETRY;
      }
      flags[k] = f;
      const calls = edge.callsPerRequest;
      callsPerRequest[k] = calls === 'per-item' ? Infinity : calls;
    } else if (code === DATA) {
      const edge = edges[k]!;
      if (edge.family !== 'data') continue;
      const a = (edge as DataEdge).access;
      access[k] = a === 'read' ? READ : a === 'write' ? WRITE : a === 'read-write' ? READ_WRITE : a === 'replicate' ? REPLICATE : OTHER_ACCESS;
    }
  }
  return { flags, callsPerRequest, timeout, attempts, retried: retrying.length, untimed, retrying, access };
});
