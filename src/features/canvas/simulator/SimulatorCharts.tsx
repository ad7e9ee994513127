/**
 * Time-series charts of the current run: one flow (throughput, latency
 * percentiles, error rate) and one component (utilisation, queue and
 * requests present, and the state of the circuit breakers on its calls).
 * The learner picks which; a component selected on the canvas is followed.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { BREAKER_NAMES, formatCompact, formatCount, formatMs, formatRate, formatShare } from './format.ts';
import { useSimulationStore, type RunView } from './simulation-store.ts';
import { TimeChart, type ChartLine } from './time-chart.tsx';

const BLUE = '#2563eb';
const AMBER = '#d97706';
const RED = '#dc2626';
const TEAL = '#0d9488';
const VIOLET = '#7c3aed';

const SELECT = 'min-w-0 max-w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-700 dark:bg-slate-900';

function Picker({ label, value, options, onChange }: { label: string; value: string; options: readonly { id: string; name: string }[]; onChange(id: string): void }) {
  const id = useId();
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <label htmlFor={id} className="shrink-0 text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={SELECT}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FlowCharts({ run, flowId }: { run: RunView; flowId: string }) {
  const f = run.flows.findIndex((x) => x.id === flowId);
  const s = run.series.flows[f];
  const throughput = useMemo<ChartLine[]>(() => (s ? [{ label: 'answers', values: s.throughputRps, colour: BLUE }] : []), [s]);
  const latency = useMemo<ChartLine[]>(
    () => (s ? [{ label: 'p50', values: s.p50Ms, colour: TEAL }, { label: 'p95', values: s.p95Ms, colour: AMBER }, { label: 'p99', values: s.p99Ms, colour: RED }] : []),
    [s],
  );
  const errors = useMemo<ChartLine[]>(() => (s ? [{ label: 'errors', values: s.errorRate, colour: RED }] : []), [s]);
  if (!s) return null;
  return (
    <>
      <TimeChart title="Throughput" x={run.series.timeS} lines={throughput} format={formatRate} axisFormat={(v) => `${formatCompact(v)}/s`} version={run.version} />
      <TimeChart title="Latency" x={run.series.timeS} lines={latency} format={formatMs} version={run.version} minMax={10} />
      <TimeChart title="Error rate" x={run.series.timeS} lines={errors} format={formatShare} version={run.version} minMax={0.01} />
    </>
  );
}

function ComponentCharts({ run, componentId }: { run: RunView; componentId: string }) {
  const i = run.components.findIndex((x) => x.id === componentId);
  const s = run.series.components[i];
  const breakers = useMemo(
    () => run.connections.flatMap((c, e) => (c.source === componentId && run.series.connections[e]!.breaker.some((b) => b > 0) ? [{ c, e }] : [])),
    // The breaker lines appear once a breaker has left "closed"; re-checked as points arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, componentId, run.version],
  );
  const names = useMemo(() => new Map(run.components.map((c) => [c.id, c.name])), [run.components]);
  const utilization = useMemo<ChartLine[]>(() => (s ? [{ label: 'busy', values: s.utilization, colour: VIOLET }] : []), [s]);
  const queue = useMemo<ChartLine[]>(() => (s ? [{ label: 'waiting', values: s.queue, colour: AMBER }, { label: 'present', values: s.inFlight, colour: BLUE }] : []), [s]);
  const breakerLines = useMemo<ChartLine[]>(
    () => breakers.map(({ c, e }, k) => ({ label: `to ${names.get(c.target) ?? c.target}`, values: run.series.connections[e]!.breaker, colour: [RED, AMBER, TEAL][k % 3]!, steps: true })),
    [breakers, names, run.series.connections],
  );
  if (!s) return null;
  return (
    <>
      <TimeChart title="Utilisation" x={run.series.timeS} lines={utilization} format={formatShare} version={run.version} />
      <TimeChart title="Requests" x={run.series.timeS} lines={queue} format={formatCount} axisFormat={formatCompact} version={run.version} />
      {breakerLines.length > 0 && (
        <TimeChart title="Circuit breaker" x={run.series.timeS} lines={breakerLines} format={(v) => BREAKER_NAMES[Math.round(v)] ?? ''} version={run.version} minMax={2} />
      )}
    </>
  );
}

export const SimulatorCharts = memo(function SimulatorCharts({ run }: { run: RunView }) {
  const [flowId, setFlowId] = useState<string>('');
  const [componentId, setComponentId] = useState<string>('');
  const scenario = useSimulationStore((s) => s.scenario);
  const selected = useEditorStore((s) => (s.selection.size === 1 ? [...s.selection][0]! : null));
  const working = useMemo(() => run.components.filter((c, i) => run.series.components[i]!.throughputRps.some((x) => x > 0) || c.id === componentId), [run, componentId, run.version]); // eslint-disable-line react-hooks/exhaustive-deps

  // Follow the scenario's focus, and a component selected on the canvas.
  useEffect(() => {
    if (!scenario) return;
    const flow = run.flows.find((f) => f.name === scenario.scenario.focus.flow);
    if (flow) setFlowId(flow.id);
    if (scenario.scenario.focus.component) setComponentId(scenario.scenario.focus.component);
  }, [scenario, run.flows]);
  useEffect(() => {
    if (selected && run.components.some((c) => c.id === selected)) setComponentId(selected);
  }, [selected, run.components]);

  const flow = run.flows.some((f) => f.id === flowId) ? flowId : (run.flows[0]?.id ?? '');
  const component = run.components.some((c) => c.id === componentId) ? componentId : (working[0]?.id ?? run.components[0]?.id ?? '');
  if (run.flows.length === 0) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-label="Flow charts" className="min-w-0 space-y-2">
        <Picker label="Flow" value={flow} options={run.flows} onChange={setFlowId} />
        <FlowCharts run={run} flowId={flow} />
      </section>
      <section aria-label="Component charts" className="min-w-0 space-y-2">
        <Picker label="Component" value={component} options={working.length > 0 ? working : run.components} onChange={setComponentId} />
        <ComponentCharts run={run} componentId={component} />
      </section>
    </div>
  );
});
