/**
 * The Skyline design format, version 2 (version 2 added request flows).
 *
 * One schema for every place a design lives: the canvas, the rules engine, the
 * rubric scorer, storage, share links, exported files and the command-line
 * checker. Types are inferred from it. Parsing fills defaults for missing
 * optional fields and keeps unknown fields, so files written by hand or by a
 * newer minor tool still open. See docs/design-format.md.
 */
import { z } from 'zod';
import { KIND_IDS } from './catalog.ts';
import { checkConnection } from './connections.ts';
import { cleanDisplayName, onlyInvisible } from './display-name.ts';

export const DESIGN_FORMAT = 'skyline.design';
export const SCHEMA_VERSION = 2;

export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const Id = z
  .string()
  .regex(ID_PATTERN, 'must be 1 to 64 letters, digits, "_", ".", ":" or "-"');

const finite = z.number().finite();

/** A name shown on the canvas: cleaned of controls, bidi overrides and invisible ends (see display-name.ts), and not empty. */
const displayName = (max: number) =>
  z
    .string()
    .refine((s) => !onlyInvisible(s), { message: 'must contain a visible character (it has only invisible ones)', abort: true })
    .overwrite(cleanDisplayName)
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const Position = z.object({ x: finite, y: finite });
export const Size = z.object({
  width: finite.min(40, 'must be at least 40'),
  height: finite.min(40, 'must be at least 40'),
});

export const SERVICE_TIME_DISTRIBUTIONS = ['constant', 'exponential', 'log-normal'] as const;

/**
 * Figures for the simulator; every field is optional and the simulator fills
 * the rest from defaults by kind (see docs/simulator.md).
 */
export const Performance = z.looseObject({
  /** Time one request takes at this component, in milliseconds: the median (log-normal), the mean (exponential) or the fixed value (constant). */
  latencyMs: finite.nonnegative().optional(),
  /** The 99th percentile of that time, for a log-normal distribution. */
  p99Ms: finite.nonnegative().optional(),
  distribution: z.enum(SERVICE_TIME_DISTRIBUTIONS).optional(),
  /** Requests one instance works on at once (threads, connections); more wait in a queue. */
  concurrency: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000).optional(),
  /** Requests per second one instance can serve. */
  capacityRps: finite.positive().optional(),
  /** Fraction of requests that fail at this component, between 0 and 1. */
  errorRate: finite.min(0).max(1).optional(),
  /** For a cache: fraction of reads that find what they ask for, between 0 and 1. */
  hitRatio: finite.min(0).max(1).optional(),
  /** For a queue or topic: messages its consumers process at once, per consuming connection. */
  consumers: z.number().int('must be a whole number').min(1, 'must be at least 1').max(1_000_000).optional(),
  /** For a queue or topic: time a consumer takes to process one message, in milliseconds. */
  messageMs: finite.nonnegative().optional(),
  /** Fraction of time one instance is up, between 0 and 1. */
  availability: finite.min(0).max(1).optional(),
});

export const DesignNode = z.looseObject({
  id: Id,
  kind: z.enum(KIND_IDS),
  name: displayName(80),
  /** Relative to the group when groupId is set, else to the canvas origin. */
  position: Position,
  groupId: Id.optional(),
  instances: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000).default(1),
  technology: z.string().max(80).default(''),
  /** The team or boundary that owns this component. */
  owner: z.string().max(80).default(''),
  /** Capabilities this component provides, in the problem's vocabulary. */
  responsibilities: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  notes: z.string().max(4000).default(''),
  performance: Performance.optional(),
  /** This service coordinates the writes of the requests it serves as a saga: local steps with compensations. Absent means no. */
  saga: z.boolean().optional(),
});

export const PROTOCOLS = ['http', 'grpc', 'graphql', 'websocket'] as const;
export const BACKOFFS = ['none', 'fixed', 'exponential'] as const;
export const DELIVERY_GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;
export const DATA_ACCESS = ['read', 'write', 'read-write', 'replicate'] as const;
export const EDGE_FAMILIES = ['sync', 'async', 'data'] as const;

export const FAN_OUTS = ['sequential', 'parallel'] as const;

export const RetryPolicy = z.object({
  /** Total attempts including the first; 1 means no retries. */
  maxAttempts: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10'),
  backoff: z.enum(BACKOFFS),
  jitter: z.boolean(),
});

const NO_RETRY = { maxAttempts: 1, backoff: 'none', jitter: false } as const;

const edgeBase = {
  id: Id,
  source: Id,
  target: Id,
  label: z.string().max(80).default(''),
  notes: z.string().max(4000).default(''),
};

export const SyncEdge = z.looseObject({
  ...edgeBase,
  family: z.literal('sync'),
  protocol: z.enum(PROTOCOLS).default('http'),
  /** null means no timeout is set: the caller may wait forever. */
  timeoutMs: z.number().int('must be a whole number').positive('must be a positive number of milliseconds').max(600_000, 'must be at most 600000 ms').nullable().default(null),
  retry: RetryPolicy.default(NO_RETRY),
  circuitBreaker: z.boolean().default(false),
  idempotent: z.boolean().default(false),
  /** How many calls one incoming request makes: a number, or one per item. */
  callsPerRequest: z.union([z.number().int().min(1).max(10_000), z.literal('per-item')]).default(1),
  /** When one request makes several of these calls: one after another, or all at once. */
  fanOut: z.enum(FAN_OUTS).default('sequential'),
  /** The call only reads: it changes nothing at the callee (a query). Absent means it may write. */
  readOnly: z.boolean().optional(),
});

export const AsyncEdge = z.looseObject({
  ...edgeBase,
  family: z.literal('async'),
  delivery: z.enum(DELIVERY_GUARANTEES).default('at-least-once'),
  /** For a consumer: failed messages go to a dead-letter queue. */
  deadLetterQueue: z.boolean().default(false),
  /** For a consumer: redelivery of a failed message. */
  retry: RetryPolicy.default(NO_RETRY),
  /** For a publisher: the message is stored in the same transaction as the write and relayed (a transactional outbox). Absent means no. */
  outbox: z.boolean().optional(),
});

export const DataEdge = z.looseObject({
  ...edgeBase,
  family: z.literal('data'),
  access: z.enum(DATA_ACCESS).default('read-write'),
  /** The logical database or schema used on a shared server, if any. */
  database: z.string().max(80).default(''),
});

export const DesignEdge = z.discriminatedUnion('family', [SyncEdge, AsyncEdge, DataEdge]);

export const GROUP_TYPES = ['bounded-context', 'team', 'region', 'other'] as const;

export const DesignGroup = z.looseObject({
  id: Id,
  name: displayName(80),
  type: z.enum(GROUP_TYPES).default('bounded-context'),
  position: Position,
  size: Size,
  notes: z.string().max(4000).default(''),
});

export const DesignNote = z.looseObject({
  id: Id,
  text: z.string().max(4000),
  position: Position,
  groupId: Id.optional(),
  size: Size.optional(),
});

export const STEP_CONDITIONS = ['always', 'on-miss'] as const;

/**
 * One step of a request flow: a request crossing one connection. The step's
 * connection starts at the flow's entry or at a component an earlier step
 * reached, so the steps read in the order the work happens.
 */
export const FlowStep = z.looseObject({
  edge: Id,
  /** `on-miss`: taken only when the step before it from the same component read a cache and missed. */
  when: z.enum(STEP_CONDITIONS).default('always'),
  /** Fraction of the flow's requests that take this step, between 0 and 1. */
  share: finite.gt(0, 'must be more than 0').max(1, 'must be at most 1').default(1),
  /** Made at the same time as the step before it from the same component, instead of after it. */
  parallel: z.boolean().default(false),
});

/**
 * A request flow: an operation the design serves ("Follow a short link"), as
 * the ordered connections one request crosses, including the asynchronous
 * work that continues after the response.
 */
export const Flow = z.looseObject({
  id: Id,
  name: displayName(80),
  /** The problem operation this flow serves, by its id in the problem, if any. */
  operation: z.string().max(80).optional(),
  /** Requests per second at peak; unset means the problem's figure, or the simulator's default. */
  rateRps: finite.positive('must be a positive number of requests per second').max(10_000_000).optional(),
  steps: z.array(FlowStep).min(1, 'must have at least one step').max(1_000),
  notes: z.string().max(4000).default(''),
});

const DesignShape = z.looseObject({
  format: z.literal(DESIGN_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  id: Id,
  title: displayName(120),
  problemId: z.string().max(80).nullable().default(null),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  nodes: z.array(DesignNode).max(20_000),
  edges: z.array(DesignEdge).max(60_000),
  groups: z.array(DesignGroup).max(2_000).default([]),
  notes: z.array(DesignNote).max(2_000).default([]),
  flows: z.array(Flow).max(200).default([]),
});

/** Rules that span elements: unique ids, edges that resolve, sensible connections. */
export const Design = DesignShape.superRefine((design, ctx) => {
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, path: (string | number)[]) => {
    const previous = seen.get(id);
    if (previous) {
      ctx.addIssue({ code: 'custom', path, message: `id "${id}" is used by both ${previous} and ${what}` });
    } else {
      seen.set(id, what);
    }
  };
  design.groups.forEach((g, i) => claim(g.id, `group "${g.name}"`, ['groups', i, 'id']));
  design.nodes.forEach((n, i) => claim(n.id, `node "${n.name}"`, ['nodes', i, 'id']));
  design.notes.forEach((n, i) => claim(n.id, 'a note', ['notes', i, 'id']));
  design.edges.forEach((e, i) => claim(e.id, `edge ${e.id}`, ['edges', i, 'id']));
  const flowIds = new Set<string>();
  design.flows.forEach((f, i) => {
    if (flowIds.has(f.id)) ctx.addIssue({ code: 'custom', path: ['flows', i, 'id'], message: `flow id "${f.id}" is used twice` });
    flowIds.add(f.id);
  });

  const groupIds = new Set(design.groups.map((g) => g.id));
  const nodesById = new Map(design.nodes.map((n) => [n.id, n]));
  design.nodes.forEach((n, i) => {
    if (n.groupId !== undefined && !groupIds.has(n.groupId)) {
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'groupId'], message: `node ${n.id} is in group ${n.groupId}, which does not exist` });
    }
  });
  design.notes.forEach((n, i) => {
    if (n.groupId !== undefined && !groupIds.has(n.groupId)) {
      ctx.addIssue({ code: 'custom', path: ['notes', i, 'groupId'], message: `note ${n.id} is in group ${n.groupId}, which does not exist` });
    }
  });
  design.edges.forEach((e, i) => {
    const source = nodesById.get(e.source);
    const target = nodesById.get(e.target);
    if (!source) {
      ctx.addIssue({ code: 'custom', path: ['edges', i, 'source'], message: `edge ${e.id} starts at node ${e.source}, which does not exist` });
    }
    if (!target) {
      ctx.addIssue({ code: 'custom', path: ['edges', i, 'target'], message: `edge ${e.id} points to node ${e.target}, which does not exist` });
    }
    if (source && target) {
      const verdict = checkConnection(source.kind, target.kind, e.family, source.id === target.id);
      if (!verdict.ok) {
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: `edge ${e.id}: ${verdict.reason}` });
      }
    }
  });
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  design.flows.forEach((flow, i) => {
    const problem = flowProblem(flow, edgesById);
    if (problem) ctx.addIssue({ code: 'custom', path: ['flows', i, 'steps', problem.step], message: `flow "${flow.name}": ${problem.message}` });
  });
});

/**
 * Why a flow's steps do not form a path a request can take, or null: every
 * step names an existing connection that starts where the flow has already
 * been (its entry, or a component an earlier step reached).
 */
export function flowProblem(
  flow: { steps: readonly { edge: string }[] },
  edgesById: ReadonlyMap<string, { source: string; target: string }>,
): { step: number; message: string } | null {
  const reached = new Set<string>();
  for (let s = 0; s < flow.steps.length; s++) {
    const edge = edgesById.get(flow.steps[s]!.edge);
    if (!edge) return { step: s, message: `step ${s + 1} uses connection ${flow.steps[s]!.edge}, which does not exist` };
    if (s === 0) reached.add(edge.source);
    else if (!reached.has(edge.source)) {
      return { step: s, message: `step ${s + 1} starts at ${edge.source}, which no earlier step reaches` };
    }
    reached.add(edge.target);
  }
  return null;
}

export type Position = z.infer<typeof Position>;
export type Size = z.infer<typeof Size>;
export type DesignNode = z.infer<typeof DesignNode>;
export type SyncEdge = z.infer<typeof SyncEdge>;
export type AsyncEdge = z.infer<typeof AsyncEdge>;
export type DataEdge = z.infer<typeof DataEdge>;
export type DesignEdge = z.infer<typeof DesignEdge>;
export type EdgeFamily = DesignEdge['family'];
export type RetryPolicy = z.infer<typeof RetryPolicy>;
export type DesignGroup = z.infer<typeof DesignGroup>;
export type DesignNote = z.infer<typeof DesignNote>;
export type FlowStep = z.infer<typeof FlowStep>;
export type Flow = z.infer<typeof Flow>;
export type StepCondition = (typeof STEP_CONDITIONS)[number];
export type FanOut = (typeof FAN_OUTS)[number];
export type Design = z.infer<typeof Design>;
/** A design as it may be written: optional fields may be left out. */
export type DesignInput = z.input<typeof Design>;
export type Protocol = (typeof PROTOCOLS)[number];
export type DataAccess = (typeof DATA_ACCESS)[number];
export type DeliveryGuarantee = (typeof DELIVERY_GUARANTEES)[number];
export type GroupType = (typeof GROUP_TYPES)[number];
export type Performance = z.infer<typeof Performance>;
export type ServiceTimeDistribution = (typeof SERVICE_TIME_DISTRIBUTIONS)[number];
