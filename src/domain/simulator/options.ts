/**
 * What a simulation run is asked to do: which flows, at what rates, for how
 * long, with which seed, and which faults to inject when. Validated with zod
 * so the command line, the worker and tests share one definition.
 */
import { z } from 'zod';

const seconds = z.number().finite().nonnegative();

const window = {
  /** Seconds into the run the fault starts; 0 by default. */
  startS: seconds.default(0),
  /** Seconds into the run the fault is lifted; never by default. */
  endS: seconds.optional(),
};

export const Fault = z.discriminatedUnion('kind', [
  /** Every request at the component takes `factor` times as long. */
  z.object({ kind: z.literal('slow'), node: z.string().min(1), factor: z.number().finite().min(1).max(100_000), ...window }),
  /** `instances` of the component stop (all of them when unset): calls to it are refused when none is left. */
  z.object({ kind: z.literal('down'), node: z.string().min(1), instances: z.number().int().min(1).optional(), ...window }),
  /** A further fraction of the component's requests fail. */
  z.object({ kind: z.literal('flaky'), node: z.string().min(1), errorRate: z.number().finite().min(0).max(1), ...window }),
  /** Calls over the connection get no answer: the caller waits for its timeout, or forever. */
  z.object({ kind: z.literal('partition'), edge: z.string().min(1), ...window }),
  /** Every component in the boundary (a region, a team's services) is down. */
  z.object({ kind: z.literal('group-down'), group: z.string().min(1), ...window }),
]);

/** Traffic multiplied by `factor` between two times: a spike (factor > 1), a lull, or a stop (0). */
export const Spike = z.object({
  startS: seconds,
  endS: seconds,
  factor: z.number().finite().min(0).max(1000),
});

export const SimulationOptions = z.object({
  /** Flow ids or names to simulate; all of them when unset. */
  flows: z.array(z.string()).optional(),
  /** Requests per second for every simulated flow, over what the flows say. */
  rps: z.number().finite().positive().max(10_000_000).optional(),
  /** Requests per second by flow id, over the flow's own rate (the learner's setting). */
  rates: z.record(z.string(), z.number().finite().positive().max(10_000_000)).default({}),
  /** Seconds of traffic. */
  durationS: z.number().finite().positive().max(86_400).default(60),
  /** Seconds the run goes on after traffic stops, so queues can drain. */
  drainS: seconds.max(86_400).default(0),
  seed: z.number().int().default(1),
  faults: z.array(Fault).default([]),
  spikes: z.array(Spike).default([]),
  /** Seconds per point of the time series. */
  sampleS: z.number().finite().positive().max(3600).default(1),
  /** A run stops when it has processed this many events, so a runaway design cannot hang the caller. */
  maxEvents: z.number().int().positive().default(500_000_000),
});

export type Fault = z.infer<typeof Fault>;
export type FaultInput = z.input<typeof Fault>;
export type Spike = z.infer<typeof Spike>;
export type SimulationOptions = z.infer<typeof SimulationOptions>;
export type SimulationOptionsInput = z.input<typeof SimulationOptions>;

/** Requests per second for a flow with no rate of its own and none given. */
export const DEFAULT_RATE_RPS = 100;

/**
 * A fault written on the command line: `slow:NODE:FACTOR`, `down:NODE`,
 * `down:NODE:INSTANCES`, `flaky:NODE:RATE`, `partition:EDGE` or
 * `group-down:GROUP`, optionally followed by `@START` or `@START-END` in
 * seconds. Returns the fault, or a message naming what is wrong.
 */
export function parseFaultSpec(text: string): { ok: true; fault: Fault } | { ok: false; message: string } {
  const bad = (why: string) => ({ ok: false as const, message: `Fault "${text}": ${why}` });
  let body = text;
  let startS = 0;
  let endS: number | undefined;
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    body = text.slice(0, at);
    const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text.slice(at + 1));
    if (!match) return bad('the time after @ must be START or START-END in seconds.');
    startS = Number(match[1]);
    if (match[2] !== undefined) endS = Number(match[2]);
    if (endS !== undefined && endS <= startS) return bad('the end must come after the start.');
  }
  const parts = body.split(':');
  const kind = parts[0];
  const target = parts[1];
  if (!target) return bad('expected KIND:TARGET, e.g. slow:db:10 or down:db.');
  const number = (value: string | undefined) => (value !== undefined && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN);
  const window = { startS, ...(endS === undefined ? {} : { endS }) };
  let candidate: unknown;
  switch (kind) {
    case 'slow': {
      const factor = number(parts[2]);
      if (parts.length !== 3 || !(factor >= 1)) return bad('slow needs a factor of at least 1, e.g. slow:db:10.');
      candidate = { kind, node: target, factor, ...window };
      break;
    }
    case 'down': {
      if (parts.length > 3) return bad('down takes a component and optionally how many instances, e.g. down:db or down:orders:1.');
      const instances = parts.length === 3 ? number(parts[2]) : undefined;
      if (instances !== undefined && !(Number.isInteger(instances) && instances >= 1)) return bad('the number of instances must be a whole number of at least 1.');
      candidate = { kind, node: target, ...(instances === undefined ? {} : { instances }), ...window };
      break;
    }
    case 'flaky': {
      const rate = number(parts[2]);
      if (parts.length !== 3 || !(rate >= 0 && rate <= 1)) return bad('flaky needs an error rate between 0 and 1, e.g. flaky:db:0.2.');
      candidate = { kind, node: target, errorRate: rate, ...window };
      break;
    }
    case 'partition':
      if (parts.length !== 2) return bad('partition takes a connection id, e.g. partition:e3.');
      candidate = { kind, edge: target, ...window };
      break;
    case 'group-down':
      if (parts.length !== 2) return bad('group-down takes a boundary id, e.g. group-down:eu-west.');
      candidate = { kind, group: target, ...window };
      break;
    default:
      return bad('the kind must be slow, down, flaky, partition or group-down.');
  }
  const parsed = Fault.safeParse(candidate);
  return parsed.success ? { ok: true, fault: parsed.data } : bad(parsed.error.issues[0]?.message ?? 'not a valid fault.');
}
