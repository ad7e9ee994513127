/**
 * "See it happen": for a finding about dynamics, a prepared run on the
 * learner's own design that shows the failure the finding warns about, and
 * the same run on the design after the finding's quick fix. Each scenario
 * says what breaks, when, and what to watch; the fixed design is computed,
 * never applied to the learner's work.
 */
import { getKind } from '../diagram/catalog.ts';
import type { Design, DesignEdge, SyncEdge } from '../diagram/schema.ts';
import type { Finding, QuickFix } from '../rules/types.ts';
import { flowsToSimulate } from './compile.ts';
import { distributionCode, nodeFigures } from './figures.ts';
import { DEFAULT_RATE_RPS, type FaultInput } from './options.ts';
import { distributionMean, logNormalSigma, LOG_NORMAL } from './random.ts';
import type { SimulationResult } from './report.ts';

/** Rules whose findings can be watched happening. */
export const SCENARIO_RULES: ReadonlySet<string> = new Set([
  'missing-timeout',
  'retry-amplification',
  'missing-circuit-breaker',
  'single-point-of-failure',
  'sync-fan-out',
  'deep-sync-chain',
]);

export interface Scenario {
  ruleId: string;
  /** What goes wrong, when: "Payments takes about 10 s per request from 10 s to 40 s." */
  fault: string;
  /** What to look at while it runs. */
  watch: string;
  /** The run: the same for the design and for the fixed design. */
  options: { durationS: number; sampleS: number; faults: FaultInput[]; rps?: number };
  /** When the trouble lasts, in seconds into the run. */
  window: { startS: number; endS: number };
  /** The flow (by name), component and connection (by id) the charts follow. */
  focus: { flow: string; component: string | null; connection: string | null };
  /** The design after the quick fix, or null when the finding has none (see `noFix`). */
  fixed: { label: string; design: Design; fix: QuickFix | null } | null;
  noFix: string | null;
}

export type ScenarioOutcome = { ok: true; scenario: Scenario } | { ok: false; message: string };

const START_S = 10;
const END_S = 40;
const DURATION_S = 60;
/** How long a request takes at a component made to hang. */
const HANG_MS = 10_000;

export function hasScenario(finding: Finding): boolean {
  if (finding.ruleId === 'retry-amplification') return finding.glossaryTerm === 'retry-amplification';
  return SCENARIO_RULES.has(finding.ruleId);
}

function meanServiceMs(design: Design, nodeId: string): number {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return 1;
  const f = nodeFigures(node);
  const code = distributionCode(f.distribution);
  return Math.max(0.01, distributionMean(code, f.latencyMs, code === LOG_NORMAL ? logNormalSigma(f.latencyMs, f.p99Ms) : 0));
}

function slots(design: Design, nodeId: string): number {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) return 1;
  const f = nodeFigures(node);
  return f.instances * f.concurrency;
}

const nameOf = (design: Design, id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s` : `${Math.round(ms)} ms`);

/** The first flow (by name) whose steps use one of these connections, or reach one of these components. */
function flowThrough(design: Design, edgeIds: readonly string[], nodeIds: readonly string[] = []): { name: string; rateRps: number } | null {
  const edges = new Set(edgeIds);
  const nodes = new Set(nodeIds);
  const byId = new Map(design.edges.map((e) => [e.id, e]));
  for (const flow of flowsToSimulate(design)) {
    const hit = flow.steps.some((s) => {
      const edge = byId.get(s.edge);
      return edges.has(s.edge) || (edge !== undefined && nodes.has(edge.target));
    });
    if (hit) return { name: flow.name, rateRps: flow.rateRps ?? DEFAULT_RATE_RPS };
  }
  return null;
}

function fixedWith(design: Design, finding: Finding, preferred?: string): Scenario['fixed'] {
  const fix = finding.quickFixes.find((q) => q.id === preferred) ?? finding.quickFixes[0];
  return fix ? { label: fix.label, design: fix.apply(design), fix } : null;
}

const NO_FLOW = (what: string) =>
  `No request flow reaches ${what}, so a run would not show anything there. Draw a flow through it (or a client that calls into it) and try again.`;

/** The slow factor that makes a component take about HANG_MS per request. */
const hangFactor = (design: Design, nodeId: string) => Math.min(100_000, Math.max(10, Math.round(HANG_MS / meanServiceMs(design, nodeId))));

export function scenarioFor(finding: Finding, design: Design): ScenarioOutcome {
  const ids = new Set(finding.elementIds);
  const edges = design.edges.filter((e) => ids.has(e.id));
  const window = { startS: START_S, endS: END_S };
  const base = { durationS: DURATION_S, sampleS: 1 };
  switch (finding.ruleId) {
    case 'missing-timeout': {
      const edge = edges[0] as SyncEdge | undefined;
      if (!edge) break;
      const flow = flowThrough(design, [edge.id]);
      if (!flow) return { ok: false, message: NO_FLOW(nameOf(design, edge.target)) };
      const fixed = fixedWith(design, finding);
      const timeout = (fixed?.design.edges.find((e) => e.id === edge.id) as SyncEdge | undefined)?.timeoutMs ?? 2000;
      // A rate the caller can carry once each call is capped at the timeout: half its slots busy.
      const rps = Math.max(1, Math.min(flow.rateRps, Math.floor((0.5 * slots(design, edge.source)) / (timeout / 1000))));
      const caller = nameOf(design, edge.source);
      const callee = nameOf(design, edge.target);
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: `${callee} takes about ${seconds(HANG_MS)} per request from ${START_S} s to ${END_S} s, at ${rps} requests per second per flow.`,
          watch: `Without a timeout ${caller} waits with ${callee}: its slots fill, requests queue and latency climbs. With a ${seconds(timeout)} timeout those calls fail after ${seconds(timeout)} and ${caller} keeps up.`,
          options: { ...base, faults: [{ kind: 'slow', node: edge.target, factor: hangFactor(design, edge.target), ...window }], rps },
          window,
          focus: { flow: flow.name, component: edge.source, connection: edge.id },
          fixed,
          noFix: null,
        },
      };
    }
    case 'retry-amplification': {
      if (edges.length === 0) break;
      const byTarget = new Map(edges.map((e) => [e.source, e]));
      // The chain in order: start where no chain edge ends.
      const targets = new Set(edges.map((e) => e.target));
      let first = edges.find((e) => !targets.has(e.source)) ?? edges[0]!;
      const chain: DesignEdge[] = [first];
      while (byTarget.has(first.target) && chain.length < edges.length) {
        first = byTarget.get(first.target)!;
        chain.push(first);
      }
      const last = chain[chain.length - 1]!;
      const flow = flowThrough(design, [chain[0]!.id]);
      if (!flow) return { ok: false, message: NO_FLOW(nameOf(design, chain[0]!.target)) };
      const product = chain.reduce((p, e) => p * (e.family === 'sync' ? e.retry.maxAttempts : 1), 1);
      const leaf = nameOf(design, last.target);
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: `${leaf} fails every request from ${START_S} s to ${END_S} s.`,
          watch: `Calls reaching ${leaf} per second: every layer retries, so each request can send it up to ${product} calls. With retries only at the last hop, at most ${last.family === 'sync' ? last.retry.maxAttempts : 1}.`,
          options: { ...base, faults: [{ kind: 'flaky', node: last.target, errorRate: 1, ...window }] },
          window,
          focus: { flow: flow.name, component: last.target, connection: last.id },
          fixed: fixedWith(design, finding),
          noFix: null,
        },
      };
    }
    case 'missing-circuit-breaker': {
      const edge = edges[0];
      if (!edge || edge.family !== 'sync') break;
      const flow = flowThrough(design, edges.map((e) => e.id));
      if (!flow) return { ok: false, message: NO_FLOW(nameOf(design, edge.target)) };
      const target = nameOf(design, edge.target);
      const caller = nameOf(design, edge.source);
      const timed = edges.every((e) => e.family === 'sync' && e.timeoutMs !== null);
      const fault: FaultInput = timed
        ? { kind: 'slow', node: edge.target, factor: hangFactor(design, edge.target), ...window }
        : { kind: 'flaky', node: edge.target, errorRate: 1, ...window };
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: timed
            ? `${target} takes about ${seconds(HANG_MS)} per request from ${START_S} s to ${END_S} s, longer than ${caller} waits.`
            : `${target} fails every request from ${START_S} s to ${END_S} s.`,
          watch: timed
            ? `Without a breaker ${caller} waits out its timeout on every call. With one, the breaker opens within its 10 s window and calls fail at once, until a trial call finds ${target} well again.`
            : `Calls reaching ${target}: without a breaker ${caller} keeps sending them; with one, the breaker opens and ${target} gets room to recover. (These calls have no timeout, so a slow ${target} would never trip a breaker: set a timeout too.)`,
          options: { ...base, faults: [fault] },
          window,
          focus: { flow: flow.name, component: edge.source, connection: edge.id },
          fixed: fixedWith(design, finding),
          noFix: null,
        },
      };
    }
    case 'single-point-of-failure': {
      const node = design.nodes.find((n) => ids.has(n.id));
      if (!node) break;
      const flow = flowThrough(design, [], [node.id]);
      if (!flow) return { ok: false, message: NO_FLOW(node.name) };
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: `One instance of ${node.name} stops from ${START_S} s to ${END_S} s.`,
          watch: `Errors: with one instance every request through ${node.name} fails while it is down; with two, the other instance carries on.`,
          options: { ...base, faults: [{ kind: 'down', node: node.id, instances: 1, ...window }] },
          window,
          focus: { flow: flow.name, component: node.id, connection: null },
          fixed: fixedWith(design, finding, 'two-instances'),
          noFix: null,
        },
      };
    }
    case 'sync-fan-out': {
      if (finding.glossaryTerm === 'chatty-communication') {
        const edge = edges[0];
        if (!edge || edge.family !== 'sync') break;
        const flow = flowThrough(design, [edge.id]);
        if (!flow) return { ok: false, message: NO_FLOW(nameOf(design, edge.target)) };
        const target = nameOf(design, edge.target);
        return {
          ok: true,
          scenario: {
            ruleId: finding.ruleId,
            fault: `${target} is 3 times slower than usual from ${START_S} s to ${END_S} s.`,
            watch: `Latency and the calls reaching ${target}: each request pays for every one of its calls, so a slower ${target} slows the request many times over. Batched, it is one call per request.`,
            options: { ...base, faults: [{ kind: 'slow', node: edge.target, factor: 3, ...window }] },
            window,
            focus: { flow: flow.name, component: edge.target, connection: edge.id },
            fixed: fixedWith(design, finding),
            noFix: null,
          },
        };
      }
      const caller = design.nodes.find((n) => ids.has(n.id) && edges.some((e) => e.source === n.id));
      if (!caller || edges.length === 0) break;
      const flow = flowThrough(design, edges.map((e) => e.id));
      if (!flow) return { ok: false, message: NO_FLOW(caller.name) };
      // The change the finding recommends, in the flows: the caller makes these calls at once.
      const fanned = new Set(edges.map((e) => e.id));
      const parallelFlows = flowsToSimulate(design).map((f) => {
        let seen = 0;
        return { ...f, steps: f.steps.map((s) => (fanned.has(s.edge) ? { ...s, parallel: seen++ > 0 } : s)) };
      });
      const targets = [...new Set(edges.map((e) => e.target))];
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: `The ${targets.length} components ${caller.name} calls are 3 times slower than usual from ${START_S} s to ${END_S} s.`,
          watch: `${caller.name}'s latency: calling them one after another it waits for all of them in turn, so every slowdown adds up. Calling them in parallel it waits only for the slowest.`,
          options: { ...base, faults: targets.map((t) => ({ kind: 'slow' as const, node: t, factor: 3, ...window })) },
          window,
          focus: { flow: flow.name, component: caller.id, connection: edges[0]!.id },
          fixed: { label: `${caller.name} makes these calls in parallel`, design: { ...design, flows: parallelFlows }, fix: null },
          noFix: null,
        },
      };
    }
    case 'deep-sync-chain': {
      const services = design.nodes.filter((n) => ids.has(n.id) && getKind(n.kind).role === 'compute');
      const flow = flowThrough(design, edges.map((e) => e.id));
      if (!flow || services.length === 0) return { ok: false, message: NO_FLOW(services[0]?.name ?? 'this chain') };
      return {
        ok: true,
        scenario: {
          ruleId: finding.ruleId,
          fault: `Each of the ${services.length} services in the chain fails 1% of its requests, all run long.`,
          watch: `The flow's error rate: failures multiply along the chain, so about ${Math.round((1 - 0.99 ** services.length) * 1000) / 10}% of requests fail, ${services.length} times what one service alone would cause.`,
          options: { ...base, faults: services.map((s) => ({ kind: 'flaky' as const, node: s.id, errorRate: 0.01 })) },
          window: { startS: 0, endS: DURATION_S },
          focus: { flow: flow.name, component: services[services.length - 1]!.id, connection: null },
          fixed: null,
          noFix: 'This finding has no one-click fix: shortening the chain changes what the design does. The run shows the failure only.',
        },
      };
    }
  }
  return { ok: false, message: 'There is no prepared scenario for this finding.' };
}

/** The figures a scenario compares, during its window. */
export interface ScenarioFigures {
  /** The watched flow's p99, one-second values averaged over the window. */
  p99Ms: number;
  /** Its median, the same way. */
  p50Ms: number;
  errorRate: number;
  /** Mean calls per second over the watched connection. */
  connectionRps: number | null;
  /** Highest utilisation and queue of the watched component. */
  peakUtilization: number | null;
  peakQueue: number | null;
}

export function scenarioFigures(result: SimulationResult, scenario: Scenario, componentIds: readonly string[], connectionIds: readonly string[]): ScenarioFigures | null {
  const f = result.flows.findIndex((x) => x.name === scenario.focus.flow);
  if (f < 0) return null;
  const { series } = result;
  const inWindow = series.timeS.flatMap((t, k) => (t > scenario.window.startS && t <= scenario.window.endS ? [k] : []));
  const flow = series.flows[f]!;
  let done = 0;
  let failed = 0;
  for (const k of inWindow) {
    done += flow.throughputRps[k]!;
    failed += flow.throughputRps[k]! * flow.errorRate[k]!;
  }
  const c = scenario.focus.component === null ? -1 : componentIds.indexOf(scenario.focus.component);
  const e = scenario.focus.connection === null ? -1 : connectionIds.indexOf(scenario.focus.connection);
  const mean = (xs: number[]) => (inWindow.length > 0 ? inWindow.reduce((sum, k) => sum + xs[k]!, 0) / inWindow.length : 0);
  const peak = (xs: number[]) => inWindow.reduce((m, k) => Math.max(m, xs[k]!), 0);
  return {
    p99Ms: mean(flow.p99Ms),
    p50Ms: mean(flow.p50Ms),
    errorRate: done > 0 ? failed / done : 0,
    connectionRps: e >= 0 ? mean(series.connections[e]!.rateRps) : null,
    peakUtilization: c >= 0 ? peak(series.components[c]!.utilization) : null,
    peakQueue: c >= 0 ? peak(series.components[c]!.queue) : null,
  };
}
