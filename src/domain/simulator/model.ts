/**
 * The compiled model the engine runs: the design's components, connections
 * and flows turned into numbered typed arrays once per run, so the event
 * loop never looks at a design object or a string.
 *
 * A flow becomes a tree of *hops*. Its root is the flow's entry; every step
 * is a hop whose parent is the hop that last reached the step's source, so
 * "the gateway calls Orders; Orders reads the cache, then the database on a
 * miss" is Orders' hop with two children. Children run in *stages*: a step
 * marked `parallel` joins the stage of the step before it; stages run one
 * after another.
 */

/** The flow's entry: starts the request, does no work of its own. */
export const HOP_ROOT = 0;
/** A call the caller waits for: a sync request, a read or write, a publish. */
export const HOP_CALL = 1;
/** Work the caller starts and does not wait for: a fire-and-forget message, replication, change capture. */
export const HOP_DETACHED = 2;
/** A message a broker delivers to a consumer once one is free. */
export const HOP_CONSUME = 3;

export const BACKOFF_NONE = 0;
export const BACKOFF_FIXED = 1;
export const BACKOFF_EXPONENTIAL = 2;

/** Calls made for a `per-item` connection (the N+1 pattern): a page of this many items. */
export const PER_ITEM_CALLS = 10;

/** Concurrency treated as unlimited (clients). */
export const UNLIMITED = 1 << 30;

export interface CompiledFault {
  kind: 'slow' | 'down' | 'flaky' | 'partition';
  /** Node numbers (down, slow, flaky) or edge numbers (partition) it touches. */
  targets: number[];
  /** slow: factor; flaky: error rate; down: instances per node (0 means all). */
  amount: number;
  startMs: number;
  endMs: number;
}

export interface Model {
  // Components, in design order.
  n: number;
  nodeIds: string[];
  nodeNames: string[];
  instances: Int32Array;
  /** Requests one instance serves at once. */
  concurrency: Int32Array;
  errorRate: Float64Array;

  // Connections, in design order.
  m: number;
  edgeIds: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Infinity when no timeout is set. */
  timeoutMs: Float64Array;
  attempts: Int32Array;
  backoff: Uint8Array;
  jitter: Uint8Array;
  breaker: Uint8Array;
  callsPerRequest: Int32Array;
  parallelCalls: Uint8Array;
  /** Messages processed at once, for a connection a broker delivers over. */
  consumers: Int32Array;

  // Hops of every flow.
  hops: number;
  hopKind: Uint8Array;
  hopFlow: Int32Array;
  /** -1 for a root. */
  hopEdge: Int32Array;
  hopTarget: Int32Array;
  hopShare: Float64Array;
  /** Service time at the target for this hop: distribution code, centre (ms) and log-normal sigma. */
  hopDist: Uint8Array;
  hopCentre: Float64Array;
  hopSigma: Float64Array;
  /** For a cache read: the hit ratio; -1 otherwise. */
  hopHitRatio: Float64Array;
  /** Position among its siblings (bit in the parent's miss mask). */
  hopPosition: Int32Array;
  /** For an on-miss step: the position of the cache read it depends on; -1 otherwise. */
  hopMissOf: Int32Array;
  /** Children are childList[childStart[h] .. childStart[h + 1] - 1]. */
  childStart: Int32Array;
  childList: Int32Array;
  /** 1 where a child starts a new stage. */
  childNewStage: Uint8Array;

  // Flows.
  flowIds: string[];
  flowNames: string[];
  flowRoot: Int32Array;
  flowRate: Float64Array;

  faults: CompiledFault[];
}
