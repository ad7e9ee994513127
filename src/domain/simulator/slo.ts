/**
 * Does a design meet a service-level objective under a given peak load? The
 * flows that reach the given components share the load evenly (so drawing
 * more flows does not lighten it), run for long enough to see about
 * SLO_REQUESTS requests and then drain (or one operation's flow carries it all); the worst flow's p99 and error rate
 * are compared with the objective. Requests still unanswered after the drain
 * count against the p99, and a component on the way that is saturated (its
 * queue grows for as long as the peak lasts, whatever a short run measured)
 * misses the objective. Seeded, so the verdict is the same every time.
 */

/** Busy at least this share of the time, a component's queue only grows. */
const SATURATED = 0.95;
import type { Design, Flow } from '../diagram/schema.ts';
import { resolveFlow } from '../diagram/flows.ts';
import { flowsToSimulate } from './compile.ts';
import { simulate } from './simulate.ts';

export interface Slo {
  /** Requests per second at peak, shared by the flows checked. */
  rps: number;
  p99Ms: number;
  /** Highest acceptable fraction of failed requests. */
  errorRate: number;
}

export interface SloVerdict {
  met: boolean;
  /** The worst flow's figures, or null when nothing could be simulated. */
  p99Ms: number | null;
  errorRate: number | null;
  /** Why, in a sentence for the learner. */
  detail: string;
}

/** Requests a check simulates: enough for a stable p99, few enough to score while the learner draws. */
export const SLO_REQUESTS = 4_000;
const MIN_S = 0.2;
const MAX_S = 20;

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const percent = (x: number) => `${Number((x * 100).toPrecision(2))}%`;

/** The objective as words: "p99 ≤ 50 ms and errors ≤ 0.01% at 20,000 requests/s". */
export function describeSlo(slo: Slo): string {
  return `p99 ≤ ${ms(slo.p99Ms)} and errors ≤ ${percent(slo.errorRate)} at ${slo.rps.toLocaleString('en-US')} requests/s`;
}

/** Verdicts by what the simulation reads of a design: edits that change nothing it reads (names, positions, notes) cost nothing. */
const verdicts = new Map<string, SloVerdict>();
const CACHED = 64;

function simulatedPart(design: Design): string {
  return JSON.stringify([
    design.nodes.map((n) => [n.id, n.kind, n.instances, n.performance ?? null, n.groupId ?? null]),
    design.edges,
    design.flows.map((f) => [f.id, f.rateRps ?? null, f.steps]),
  ]);
}

/**
 * With `only`, the objective is for one operation: its flow alone carries the whole load, so work that merely
 * shares a component (an order placed while restaurants are searched) neither takes the load nor fails it.
 */
export function checkSlo(design: Design, reaching: ReadonlySet<string>, slo: Slo, what: string, only?: Flow): SloVerdict {
  if (only) design = { ...design, flows: [only] };
  const key = `${simulatedPart(design)}|${[...reaching].sort().join(',')}|${slo.rps}|${slo.p99Ms}|${slo.errorRate}|${what}`;
  const known = verdicts.get(key);
  if (known) return known;
  const verdict = evaluateSlo(design, reaching, slo, what);
  if (verdicts.size >= CACHED) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(key, verdict);
  return verdict;
}

function evaluateSlo(design: Design, reaching: ReadonlySet<string>, slo: Slo, what: string): SloVerdict {
  const targets = new Map(design.edges.map((e) => [e.id, e.target]));
  const flows = flowsToSimulate(design).filter((f) => f.steps.some((s) => reaching.has(targets.get(s.edge) ?? '')));
  if (flows.length === 0) {
    return { met: false, p99Ms: null, errorRate: null, detail: `No request reaches ${what} yet: connect a client to it, through your front door.` };
  }
  const rate = slo.rps / flows.length;
  const durationS = Math.min(MAX_S, Math.max(MIN_S, SLO_REQUESTS / slo.rps));
  const outcome = simulate(design, {
    flows: flows.map((f) => f.id),
    rates: Object.fromEntries(flows.map((f) => [f.id, rate])),
    durationS,
    drainS: Math.max(0.5, (5 * slo.p99Ms) / 1000),
    sampleS: durationS,
    seed: 1,
  });
  if (!outcome.ok) return { met: false, p99Ms: null, errorRate: null, detail: outcome.message };
  let p99 = 0;
  let errors = 0;
  for (const flow of outcome.result.flows) {
    // Requests never answered are later than any p99 the objective allows.
    const late = flow.requests > 0 ? flow.inFlightAtEnd / flow.requests : 0;
    p99 = Math.max(p99, late > 0.01 ? Infinity : flow.latencyMs.p99);
    errors = Math.max(errors, flow.errorRate);
  }
  // Components the requests wait for (not the work after the response).
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const onPath = new Set<string>();
  for (const flow of flows) {
    for (const step of resolveFlow(flow, edgesById, (id) => kinds.get(id))?.steps ?? []) if (!step.afterResponse) onPath.add(step.edge.target);
  }
  // Utilisation while the load lasts: the first point of the series covers exactly the traffic (sampleS = durationS).
  const busy = outcome.result.components.map((c, i) => ({ name: c.name, id: c.id, utilization: outcome.result.series.components[i]!.utilization[0] ?? c.utilization }));
  const saturated = busy.filter((c) => onPath.has(c.id) && c.utilization >= SATURATED).sort((a, b) => b.utilization - a.utilization)[0];
  const met = p99 <= slo.p99Ms && errors <= slo.errorRate && !saturated;
  const measured = saturated
    ? `${saturated.name} is ${Math.round(saturated.utilization * 100)}% busy, so its queue grows for as long as the peak lasts`
    : `p99 ${p99 === Infinity ? 'beyond the run (requests still waiting)' : ms(p99)}, errors ${percent(errors)}`;
  return {
    met,
    p99Ms: p99,
    errorRate: errors,
    detail: `${met ? 'Meets' : 'Misses'} the objective (${describeSlo(slo)}) for ${what}: ${measured}.`,
  };
}
