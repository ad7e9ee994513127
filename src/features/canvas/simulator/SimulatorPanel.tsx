/**
 * The simulator panel under the canvas: run, pause and speed, the run's
 * settings (duration, each flow's rate, planned faults), faults injected
 * while it runs, charts, the figures at the end, and "See it happen"
 * scenarios. The simulation itself runs in a Web Worker.
 */
import { ChevronDown, ChevronUp, Pause, Play, Square } from 'lucide-react';
import { memo, useDeferredValue, useEffect, useId, useMemo } from 'react';
import { flowsToSimulate } from '../../../domain/simulator/compile.ts';
import { DEFAULT_RATE_RPS } from '../../../domain/simulator/options.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { FaultForm } from './FaultForm.tsx';
import { formatMs, formatRate, formatShare } from './format.ts';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { SimulatorCharts } from './SimulatorCharts.tsx';
import { loadChartLibrary } from './time-chart.tsx';
import { prepareWorker, previewRun, useSimulationStore, type RunView } from './simulation-store.ts';

const BUTTON =
  'inline-flex shrink-0 items-center gap-1 rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
const INPUT = 'w-20 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900';

const SPEEDS: { value: string; speed: number; label: string }[] = [
  { value: '1', speed: 1, label: '1× (real time)' },
  { value: '10', speed: 10, label: '10×' },
  { value: '100', speed: 100, label: '100×' },
  { value: 'max', speed: Infinity, label: 'As fast as possible' },
];

const Settings = memo(function Settings() {
  const design = useStructuralDesign();
  const flows = useMemo(() => flowsToSimulate(design), [design]);
  const durationS = useSimulationStore((s) => s.durationS);
  const rates = useSimulationStore((s) => s.rates);
  const setDuration = useSimulationStore((s) => s.setDuration);
  const setRate = useSimulationStore((s) => s.setRate);
  const durationId = useId();
  if (flows.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">Nothing to simulate yet: connect a client to a component, or draw a request flow.</p>;
  }
  return (
    <section aria-label="Run settings" className="space-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={durationId} className="text-xs font-medium text-slate-600 dark:text-slate-300">
          Duration (s)
        </label>
        <input
          id={durationId}
          type="number"
          min={1}
          max={3600}
          value={durationS}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v) && v >= 1 && v <= 3600) setDuration(v);
          }}
          className={INPUT}
        />
      </div>
      <table className="text-xs">
        <caption className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Flows</caption>
        <tbody>
          {flows.map((flow) => (
            <tr key={flow.id}>
              <th scope="row" className="max-w-[16rem] truncate py-0.5 pr-2 text-left font-normal" title={flow.name}>
                {flow.name}
              </th>
              <td className="py-0.5">
                <input
                  type="number"
                  min={0.1}
                  step="any"
                  aria-label={`Requests per second for ${flow.name}`}
                  placeholder={String(flow.rateRps ?? DEFAULT_RATE_RPS)}
                  value={rates[flow.id] ?? ''}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    setRate(flow.id, e.target.value === '' || !(v > 0) ? null : v);
                  }}
                  className={INPUT}
                />
                <span className="ml-1 text-slate-500">/s</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

const Summary = memo(function Summary({ run }: { run: RunView }) {
  const result = run.result;
  if (!result) return null;
  const busy = [...result.components].filter((c) => c.arrivals > 0).sort((a, b) => b.utilization - a.utilization).slice(0, 8);
  return (
    <section aria-label="Results" className="grid gap-4 text-xs md:grid-cols-2">
      <table className="w-full">
        <caption className="text-left font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Flows over {result.durationS} s</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="font-medium">Flow</th>
            <th scope="col" className="font-medium">Throughput</th>
            <th scope="col" className="font-medium">Errors</th>
            <th scope="col" className="font-medium">p50</th>
            <th scope="col" className="font-medium">p99</th>
          </tr>
        </thead>
        <tbody>
          {result.flows.map((f) => (
            <tr key={f.id} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="max-w-[12rem] truncate py-0.5 text-left font-normal" title={f.name}>
                {f.name}
              </th>
              <td className="tabular-nums">{formatRate(f.throughputRps)}</td>
              <td className="tabular-nums">{formatShare(f.errorRate)}</td>
              <td className="tabular-nums">{formatMs(f.latencyMs.p50)}</td>
              <td className="tabular-nums">{formatMs(f.latencyMs.p99)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full">
        <caption className="text-left font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Busiest components</caption>
        <thead>
          <tr className="text-left">
            <th scope="col" className="font-medium">Component</th>
            <th scope="col" className="font-medium">Utilisation</th>
            <th scope="col" className="font-medium">Peak queue</th>
          </tr>
        </thead>
        <tbody>
          {busy.map((c) => (
            <tr key={c.id} className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="max-w-[12rem] truncate py-0.5 text-left font-normal" title={c.name}>
                {c.name}
              </th>
              <td className="tabular-nums">{formatShare(c.utilization)}</td>
              <td className="tabular-nums">{c.peakQueue.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

function statusText(status: string, run: RunView | null): string {
  if (!run) return status === 'error' ? 'Stopped' : '';
  const at = `${Math.floor(run.timeS)} s of ${run.durationS} s`;
  if (status === 'running') return `Running: ${at}`;
  if (status === 'paused') return `Paused at ${at}`;
  if (status === 'done') return `Done: ${run.durationS} s simulated`;
  return '';
}

export function SimulatorPanel() {
  const open = useSimulationStore((s) => s.open);
  const status = useSimulationStore((s) => s.status);
  const run = useSimulationStore((s) => s.run);
  const speed = useSimulationStore((s) => s.speed);
  const message = useSimulationStore((s) => s.message);
  const scenario = useSimulationStore((s) => s.scenario);
  const actions = useSimulationStore.getState();
  const bodyId = useId();
  const speedId = useId();
  const active = status === 'running' || status === 'paused';
  // Charts and figures follow the run in the background (a transition), so a burst of points never blocks the page.
  const shown = useDeferredValue(run);
  // Before the first run the charts stand ready (empty), so a run only adds points to them.
  const design = useStructuralDesign();
  const preview = useMemo(() => (open && !run ? previewRun(design) : null), [open, run, design]);
  const charted = shown ?? preview;
  useEffect(() => {
    // Fetch the chart library and start the worker as soon as the panel opens, not when Run is pressed.
    if (!open) return;
    void loadChartLibrary();
    prepareWorker();
  }, [open]);
  // Settings and faults swap in and out with the run's state in the background too.
  const settled = useDeferredValue(active);
  const start = () => {
    actions.setOpen(true);
    actions.start(useEditorStore.getState().design);
  };
  return (
    <section aria-label="Simulator" className="flex max-h-full flex-col border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex min-h-10 shrink-0 flex-wrap items-center gap-x-2 gap-y-1 px-3 py-1">
        <button
          type="button"
          onClick={() => actions.setOpen(!open)}
          aria-expanded={open}
          aria-controls={bodyId}
          className="inline-flex items-center gap-1.5 rounded px-1 py-0.5 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronUp aria-hidden className="size-4" />}
          Simulator
        </button>
        {status === 'running' ? (
          <button type="button" className={BUTTON} onClick={actions.pause}>
            <Pause aria-hidden className="size-3.5" />
            Pause
          </button>
        ) : status === 'paused' ? (
          <button type="button" className={BUTTON} onClick={actions.resume}>
            <Play aria-hidden className="size-3.5" />
            Resume
          </button>
        ) : (
          <button type="button" className={BUTTON} onClick={start}>
            <Play aria-hidden className="size-3.5" />
            Run simulation
          </button>
        )}
        <label htmlFor={speedId} className="sr-only">
          Speed
        </label>
        <select
          id={speedId}
          value={SPEEDS.find((s) => s.speed === speed)?.value ?? '10'}
          onChange={(e) => actions.setSpeed(SPEEDS.find((s) => s.value === e.target.value)?.speed ?? 10)}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
        >
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <span role="status" className="min-w-0 flex-1 truncate text-xs text-slate-600 dark:text-slate-300">
          {statusText(status, run)}
        </span>
        {(run || scenario) && (
          <button type="button" className={BUTTON} onClick={actions.stop} aria-label="Stop and clear the simulation">
            <Square aria-hidden className="size-3.5" />
            Clear
          </button>
        )}
      </div>
      {open && (
        <div id={bodyId} className="min-h-0 flex-1 space-y-3 overflow-y-auto border-t border-slate-200 p-3 dark:border-slate-800">
          {message && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {message}
            </p>
          )}
          <ScenarioPanel />
          {charted && charted.flows.length > 0 && <SimulatorCharts run={charted} />}
          {shown && <Summary run={shown} />}
          {!settled && !scenario && <Settings />}
          {!scenario && <FaultForm live={active} />}
        </div>
      )}
    </section>
  );
}
