/**
 * The simulator panel's state: settings for the next run, the run in the
 * worker (its shape, the time series received so far, the final result),
 * faults injected into it, the heat drawn on the canvas, and a "See it
 * happen" scenario with its before and after figures. The worker is created
 * on the first run.
 */
import { create } from 'zustand';
import type { Design } from '../../../domain/diagram/schema.ts';
import { compileFault, flowsToSimulate } from '../../../domain/simulator/compile.ts';
import type { Series } from '../../../domain/simulator/meter.ts';
import { DEFAULT_RATE_RPS, Fault, type FaultInput, type SimulationOptionsInput } from '../../../domain/simulator/options.ts';
import type { SimulationResult } from '../../../domain/simulator/report.ts';
import { scenarioFigures, scenarioFor, type Scenario, type ScenarioFigures } from '../../../domain/simulator/scenarios.ts';
import type { Finding } from '../../../domain/rules/types.ts';
import type { FromWorker, RunShape, Speed, ToWorker } from './protocol.ts';

export interface NodeHeat {
  utilization: number;
  queue: number;
}

export interface EdgeHeat {
  rateRps: number;
  errorRate: number;
  breaker: number;
}

export interface Heat {
  nodes: ReadonlyMap<string, NodeHeat>;
  edges: ReadonlyMap<string, EdgeHeat>;
}

export interface RunView extends RunShape {
  runId: number;
  /** What this run is: the learner's own run, or one side of a scenario. */
  purpose: 'run' | 'before' | 'after';
  /** Grows as points arrive; `version` changes with it. */
  series: Series;
  version: number;
  timeS: number;
  result: Omit<SimulationResult, 'series'> | null;
}

export interface PlannedFault {
  id: number;
  fault: FaultInput;
}

export interface ScenarioView {
  findingTitle: string;
  scenario: Scenario;
  phase: 'before' | 'after';
  before: ScenarioFigures | null;
  after: ScenarioFigures | null;
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'error';

interface SimulationState {
  open: boolean;
  status: RunStatus;
  message: string | null;
  speed: Speed;
  durationS: number;
  /** Requests per second the learner set, by flow id. */
  rates: Record<string, number>;
  planned: PlannedFault[];
  live: PlannedFault[];
  run: RunView | null;
  heat: Heat | null;
  scenario: ScenarioView | null;
  setOpen(open: boolean): void;
  setSpeed(speed: Speed): void;
  setDuration(seconds: number): void;
  setRate(flowId: string, rateRps: number | null): void;
  addFault(fault: FaultInput, design: Design): string | null;
  removeFault(id: number): void;
  start(design: Design): void;
  pause(): void;
  resume(): void;
  stop(): void;
  seeItHappen(finding: Finding, design: Design): void;
  runFixed(): void;
  closeScenario(): void;
}

let worker: Worker | null = null;
let nextRunId = 1;
let nextFaultId = 1;

/** Starts the worker ahead of the first run (when the panel opens), so pressing Run does not pay for it. */
export function prepareWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
    worker.onerror = () => useSimulationStore.setState({ status: 'error', message: 'The simulation stopped unexpectedly.' });
  }
  return worker;
}

function send(message: ToWorker) {
  prepareWorker().postMessage(message);
}

function emptySeries(shape: RunShape): Series {
  return {
    timeS: [],
    flows: shape.flows.map(() => ({ throughputRps: [], errorRate: [], p50Ms: [], p95Ms: [], p99Ms: [] })),
    components: shape.components.map(() => ({ throughputRps: [], utilization: [], queue: [], inFlight: [] })),
    connections: shape.connections.map(() => ({ rateRps: [], errorRate: [], breaker: [] })),
  };
}

function append(series: Series, points: Series) {
  series.timeS.push(...points.timeS);
  points.flows.forEach((p, f) => {
    const s = series.flows[f]!;
    s.throughputRps.push(...p.throughputRps);
    s.errorRate.push(...p.errorRate);
    s.p50Ms.push(...p.p50Ms);
    s.p95Ms.push(...p.p95Ms);
    s.p99Ms.push(...p.p99Ms);
  });
  points.components.forEach((p, i) => {
    const s = series.components[i]!;
    s.throughputRps.push(...p.throughputRps);
    s.utilization.push(...p.utilization);
    s.queue.push(...p.queue);
    s.inFlight.push(...p.inFlight);
  });
  points.connections.forEach((p, e) => {
    const s = series.connections[e]!;
    s.rateRps.push(...p.rateRps);
    s.errorRate.push(...p.errorRate);
    s.breaker.push(...p.breaker);
  });
}

/** Heat from the latest point: utilisation and queue per component, rate, errors and breaker per connection. */
function heatOf(run: RunView): Heat | null {
  const last = run.series.timeS.length - 1;
  if (last < 0) return null;
  const nodes = new Map<string, NodeHeat>();
  run.components.forEach((c, i) => {
    const s = run.series.components[i]!;
    if (s.throughputRps[last]! > 0 || s.utilization[last]! > 0 || s.queue[last]! > 0) nodes.set(c.id, { utilization: s.utilization[last]!, queue: s.queue[last]! });
  });
  const edges = new Map<string, EdgeHeat>();
  run.connections.forEach((c, e) => {
    const s = run.series.connections[e]!;
    if (s.rateRps[last]! > 0 || s.errorRate[last]! > 0 || s.breaker[last]! > 0) edges.set(c.id, { rateRps: s.rateRps[last]!, errorRate: s.errorRate[last]!, breaker: s.breaker[last]! });
  });
  return { nodes, edges };
}

function receive(message: FromWorker) {
  const state = useSimulationStore.getState();
  const run = state.run;
  if (!run || message.runId !== run.runId) return;
  switch (message.type) {
    case 'started': {
      const { type: _type, runId: _runId, ...shape } = message;
      useSimulationStore.setState({ run: { ...run, ...shape, series: emptySeries(shape), version: run.version + 1 } });
      break;
    }
    case 'progress': {
      append(run.series, message.points);
      const next = { ...run, timeS: message.timeS, version: run.version + 1 };
      useSimulationStore.setState({ run: next, heat: heatOf(next) });
      break;
    }
    case 'done': {
      const next = { ...run, result: message.result, timeS: message.result.durationS, version: run.version + 1 };
      const scenario = state.scenario;
      let scenarioView = scenario;
      if (scenario && (run.purpose === 'before' || run.purpose === 'after')) {
        const figures = scenarioFigures({ ...message.result, series: run.series }, scenario.scenario, run.components.map((c) => c.id), run.connections.map((c) => c.id));
        scenarioView = { ...scenario, [run.purpose]: figures };
      }
      useSimulationStore.setState({ run: next, status: 'done', scenario: scenarioView, live: [] });
      break;
    }
    case 'error':
      useSimulationStore.setState({ status: 'error', message: message.message, live: [] });
      break;
  }
}

/**
 * What a run of this design will report on, known before the worker says so
 * (it confirms it when it starts), so the charts can stay in place.
 */
export function runShape(design: Design, options: SimulationOptionsInput = {}): RunShape {
  return {
    durationS: (options.durationS ?? 60) + (options.drainS ?? 0),
    flows: flowsToSimulate(design).map((f) => ({ id: f.id, name: f.name, rateRps: options.rps ?? options.rates?.[f.id] ?? f.rateRps ?? DEFAULT_RATE_RPS })),
    components: design.nodes.map((n) => ({ id: n.id, name: n.name })),
    connections: design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

/** An empty run of the design, for the charts before the first run. */
export function previewRun(design: Design): RunView {
  const shape = runShape(design);
  return { runId: 0, purpose: 'run', ...shape, series: emptySeries(shape), version: 0, timeS: 0, result: null };
}

function launch(design: Design, options: SimulationOptionsInput, speed: Speed, purpose: RunView['purpose']) {
  const runId = nextRunId++;
  const shape = runShape(design, options);
  const run: RunView = { runId, purpose, ...shape, series: emptySeries(shape), version: 0, timeS: 0, result: null };
  useSimulationStore.setState({ run, status: 'running', message: null, heat: null, live: [] });
  send({ type: 'start', runId, design, options, speed });
}

export const useSimulationStore = create<SimulationState>()((set, get) => ({
  open: false,
  status: 'idle',
  message: null,
  speed: 10,
  durationS: 60,
  rates: {},
  planned: [],
  live: [],
  run: null,
  heat: null,
  scenario: null,
  setOpen: (open) => set({ open }),
  setSpeed: (speed) => {
    set({ speed });
    if (get().run && get().status !== 'done') send({ type: 'speed', speed });
  },
  setDuration: (durationS) => set({ durationS }),
  setRate: (flowId, rateRps) =>
    set((s) => {
      const rates = { ...s.rates };
      if (rateRps === null) delete rates[flowId];
      else rates[flowId] = rateRps;
      return { rates };
    }),
  addFault: (input, design) => {
    const parsed = Fault.safeParse(input);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? 'That fault is not valid.';
    const compiled = compileFault(design, parsed.data);
    if (!compiled.ok) return compiled.message;
    const entry = { id: nextFaultId++, fault: input };
    const { status, run } = get();
    if (run && (status === 'running' || status === 'paused')) {
      send({ type: 'inject', runId: run.runId, faultId: entry.id, fault: { ...input, startS: 0, endS: undefined } });
      set((s) => ({ live: [...s.live, entry] }));
    } else {
      set((s) => ({ planned: [...s.planned, entry] }));
    }
    return null;
  },
  removeFault: (id) => {
    const { run, live } = get();
    if (run && live.some((f) => f.id === id)) {
      send({ type: 'lift', runId: run.runId, faultId: id });
      set({ live: live.filter((f) => f.id !== id) });
    } else set((s) => ({ planned: s.planned.filter((f) => f.id !== id) }));
  },
  start: (design) => {
    const { durationS, rates, planned, speed } = get();
    set({ scenario: null });
    launch(design, { durationS, rates, faults: planned.map((p) => p.fault) }, speed, 'run');
  },
  pause: () => {
    if (get().status !== 'running') return;
    send({ type: 'pause' });
    set({ status: 'paused' });
  },
  resume: () => {
    if (get().status !== 'paused') return;
    send({ type: 'resume' });
    set({ status: 'running' });
  },
  stop: () => {
    if (worker) send({ type: 'stop' });
    set({ status: 'idle', run: null, heat: null, live: [], scenario: null, message: null });
  },
  seeItHappen: (finding, design) => {
    const outcome = scenarioFor(finding, design);
    if (!outcome.ok) {
      set({ open: true, scenario: null, status: get().status === 'running' ? 'running' : 'idle', message: outcome.message });
      return;
    }
    set({ open: true, scenario: { findingTitle: finding.title, scenario: outcome.scenario, phase: 'before', before: null, after: null } });
    launch(design, outcome.scenario.options, get().speed, 'before');
  },
  runFixed: () => {
    const view = get().scenario;
    const fixed = view?.scenario.fixed;
    if (!view || !fixed) return;
    set({ scenario: { ...view, phase: 'after', after: null } });
    launch(fixed.design, view.scenario.options, get().speed, 'after');
  },
  closeScenario: () => {
    if (worker) send({ type: 'stop' });
    set({ scenario: null, status: 'idle', run: null, heat: null, message: null });
  },
}));
