/**
 * A practice problem: what to build, at what scale, the vocabulary of
 * capabilities a design needs, a declarative rubric, hints, a reference
 * solution and what an interviewer would ask. Written as YAML files under
 * problems/ (see docs/content.md) and validated with this schema.
 */
import { z } from 'zod';
import { KIND_IDS } from '../diagram/catalog.ts';
import { DATA_ACCESS, DELIVERY_GUARANTEES, GROUP_TYPES, PROTOCOLS, BACKOFFS } from '../diagram/schema.ts';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by "-"');
const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);
const question = (what: string) => text(what).regex(/\?$/, `${what} must end with a question mark`);

/** The interviewer's scripted questions for each phase of a mock interview (the deep dive uses `followUps`). */
export const InterviewScript = z.object({
  requirements: z.array(question('requirements question')).min(2),
  estimation: z.array(question('estimation question')).min(1),
  api: z.array(question('API and data model question')).min(2),
  highLevel: z.array(question('high-level design question')).min(1),
  wrapUp: z.array(question('wrap-up question')).min(1),
});
export type InterviewScript = z.infer<typeof InterviewScript>;

export const DIFFICULTIES = ['easy', 'medium', 'hard', 'expert'] as const;
export const PROBLEM_CATEGORIES = [
  { id: 'web', label: 'Web services' },
  { id: 'social', label: 'Social and feeds' },
  { id: 'messaging', label: 'Messaging and real time' },
  { id: 'media', label: 'Media and streaming' },
  { id: 'commerce', label: 'Commerce and payments' },
  { id: 'infrastructure', label: 'Infrastructure' },
  { id: 'data', label: 'Data and search' },
  { id: 'location', label: 'Location and logistics' },
] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
const CATEGORY_IDS = PROBLEM_CATEGORIES.map((c) => c.id) as unknown as readonly [string, ...string[]];

export const Capability = z.object({
  id: Id,
  label: text('capability label'),
  /** Other words learners use for it, matched against component names. */
  synonyms: z.array(text('synonym')).default([]),
  /** Kinds of component that play this part whatever they are called (a WebSocket server holds connections). */
  kinds: z.array(z.enum(KIND_IDS)).default([]),
});

export const OPERATION_KINDS = ['read', 'write'] as const;

/**
 * A key operation the brief asks for ("Follow a short link"), with its rate at
 * peak. A design serves it with a request flow: one drawn for it, or one
 * Skyline proposes from a route into the system, whose first component doing
 * one of the problem's operations does this one.
 */
export const Operation = z.object({
  id: Id,
  name: text('operation name'),
  /** The capability whose component answers this operation. */
  servedBy: Id,
  /** Where its requests come from: a client (the default), or the component doing this capability (a scheduler, a crawler). */
  from: Id.optional(),
  kind: z.enum(OPERATION_KINDS),
  /** Requests per second at peak, from the brief. */
  rateRps: z.number().positive().max(100_000_000),
  /** Other names a learner may give its flow. */
  synonyms: z.array(text('synonym')).default([]),
});

const criterionBase = {
  id: Id,
  points: z.number().int().min(1).max(40),
  /** What earns the points, shown to the learner from the start. */
  description: text('description'),
  /** Shown when the criterion is not met. */
  hint: text('hint'),
  /** What a mock interviewer asks while the criterion is not met: a question, never the answer. */
  question: question('interviewer question').optional(),
  /** Judged on this operation's request flow; missed while the design has no flow of its own for it. */
  operation: Id.optional(),
};

/** What a criterion points at: a capability's component, or any component of some kinds. */
const Target = z.union([z.object({ capability: Id }).strict(), z.object({ kind: z.union([z.enum(KIND_IDS), z.array(z.enum(KIND_IDS)).min(1)]) }).strict()]);

const Kinds = z.union([z.enum(KIND_IDS), z.array(z.enum(KIND_IDS)).min(1)]);

export const Criterion = z.discriminatedUnion('type', [
  z.object({ ...criterionBase, type: z.literal('capability'), capability: Id }),
  /** The operation has a request flow of its own, answered by its serving capability. */
  z.object({ ...criterionBase, type: z.literal('serves'), operation: Id }),
  /** On the operation's flow, `first` is used before `then` (a cache read before the database). */
  z.object({ ...criterionBase, type: z.literal('before'), operation: Id, first: Target, then: Target }),
  /** The capabilities are done by different components (`component`), or each consumes from queues of its own (`queue`). */
  z.object({ ...criterionBase, type: z.literal('separate'), capabilities: z.array(Id).min(2), by: z.enum(['component', 'queue']).default('component') }),
  /** A path of that nature leads from one capability's components to the other's; with `writes`, it ends by writing into them. */
  z.object({ ...criterionBase, type: z.literal('reaches'), from: Id, to: Id, via: z.enum(['sync', 'async', 'not-sync', 'any']), writes: z.boolean().optional() }),
  z.object({ ...criterionBase, type: z.literal('component'), kind: Kinds, position: z.enum(['in-front-of', 'behind']), capability: Id }),
  z.object({ ...criterionBase, type: z.literal('instances'), capability: Id, min: z.number().int().min(2).max(1000) }),
  z.object({ ...criterionBase, type: z.literal('replicated'), capability: Id }),
  z.object({ ...criterionBase, type: z.literal('no-finding'), rule: z.string().optional(), severity: z.enum(['error', 'warning']).optional() }),
  z.object({ ...criterionBase, type: z.literal('single-owner'), capability: Id.optional() }),
  z.object({ ...criterionBase, type: z.literal('entry-through'), kind: Kinds }),
  /** A service-level objective under the brief's peak load: the flows reaching the capability, simulated at `rps` requests/s between them. */
  z.object({
    ...criterionBase,
    type: z.literal('slo'),
    capability: Id,
    rps: z.number().positive().max(10_000_000),
    p99Ms: z.number().positive().max(600_000),
    errorRate: z.number().min(0).max(1),
  }),
]);
export type Criterion = z.infer<typeof Criterion>;

const NodePatch = z
  .object({
    instances: z.number().int().min(1).optional(),
    owner: z.string().optional(),
    group: z.string().optional(),
    responsibilities: z.array(z.string()).optional(),
    technology: z.string().optional(),
    saga: z.boolean().optional(),
  })
  .strict();
const EdgePatch = z
  .object({
    label: z.string().optional(),
    protocol: z.enum(PROTOCOLS).optional(),
    timeoutMs: z.number().int().positive().nullable().optional(),
    retry: z.object({ maxAttempts: z.number().int().min(1).max(10), backoff: z.enum(BACKOFFS), jitter: z.boolean() }).optional(),
    circuitBreaker: z.boolean().optional(),
    idempotent: z.boolean().optional(),
    callsPerRequest: z.union([z.number().int().min(1), z.literal('per-item')]).optional(),
    readOnly: z.boolean().optional(),
    outbox: z.boolean().optional(),
    delivery: z.enum(DELIVERY_GUARANTEES).optional(),
    deadLetterQueue: z.boolean().optional(),
    access: z.enum(DATA_ACCESS).optional(),
    database: z.string().optional(),
  })
  .strict();

/** A reference design written compactly (nodes by id, then links), as the rule examples are. */
export const ReferenceSketch = z.object({
  nodes: z.record(z.string(), z.union([z.enum(KIND_IDS), z.tuple([z.enum(KIND_IDS), z.string()]), z.tuple([z.enum(KIND_IDS), z.string(), NodePatch])])),
  links: z.array(z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), EdgePatch])])).default([]),
  /** Group id -> its name, or its name and type (a bounded context unless it says `region`, `team` or `other`). */
  groups: z.record(z.string(), z.union([z.string(), z.object({ name: z.string(), type: z.enum(GROUP_TYPES) }).strict()])).optional(),
});

export const Problem = z.object({
  id: Id,
  title: text('title'),
  difficulty: z.enum(DIFFICULTIES),
  category: z.enum(CATEGORY_IDS),
  /** Position in the learning path, from foundations to expert. */
  order: z.number().int().min(1),
  tags: z.array(Id).default([]),
  summary: text('summary').max(200),
  statement: text('statement'),
  functional: z.array(text('functional requirement')).min(2),
  scale: z.object({
    users: text('users'),
    requestsPerSecond: text('requests per second'),
    readWriteRatio: text('read:write ratio'),
    storage: text('storage'),
    latency: text('latency'),
    availability: text('availability'),
  }),
  nonFunctional: z.array(text('non-functional requirement')).default([]),
  capabilities: z.array(Capability).min(2),
  operations: z.array(Operation).default([]),
  rubric: z.array(Criterion).min(4),
  hints: z.array(text('hint')).min(3, 'give at least three hints, from a nudge to something specific'),
  reference: z.object({ explanation: text('reference explanation'), design: ReferenceSketch }),
  tradeOffs: z.array(text('trade-off')).min(2),
  followUps: z.array(text('follow-up question')).min(3),
  interview: InterviewScript.optional(),
  relatedTerms: z.array(Id).min(1),
});
export type Problem = z.infer<typeof Problem>;
export type Capability = z.infer<typeof Capability>;
export type Operation = z.infer<typeof Operation>;
export type CriterionTarget = z.infer<typeof Target>;
