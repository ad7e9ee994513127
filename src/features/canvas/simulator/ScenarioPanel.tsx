/**
 * "See it happen": the prepared scenario for a finding, run on the learner's
 * design, then on the design after the fix, with the two runs' figures side
 * by side. The fix can then be applied to the design for real.
 */
import { Play, Wand2, X } from 'lucide-react';
import type { ScenarioFigures } from '../../../domain/simulator/scenarios.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { formatCount, formatMs, formatRate, formatShare } from './format.ts';
import { useSimulationStore } from './simulation-store.ts';

const BUTTON =
  'inline-flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';
const PRIMARY =
  'inline-flex items-center gap-1 rounded border border-blue-300 bg-blue-50 px-2 py-1 text-xs font-medium text-blue-900 hover:bg-blue-100 disabled:opacity-50 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100 dark:hover:bg-blue-900';

const ROWS: { label: string; value(f: ScenarioFigures): string | null }[] = [
  { label: 'p99 latency', value: (f) => formatMs(f.p99Ms) },
  { label: 'median latency', value: (f) => formatMs(f.p50Ms) },
  { label: 'errors', value: (f) => formatShare(f.errorRate) },
  { label: 'calls on the connection', value: (f) => (f.connectionRps === null ? null : formatRate(f.connectionRps)) },
  { label: 'busiest moment of the component', value: (f) => (f.peakUtilization === null ? null : `${formatShare(f.peakUtilization)} busy`) },
  { label: 'longest queue at the component', value: (f) => (f.peakQueue === null ? null : formatCount(f.peakQueue)) },
];

export function ScenarioPanel() {
  const view = useSimulationStore((s) => s.scenario);
  const status = useSimulationStore((s) => s.status);
  const runFixed = useSimulationStore((s) => s.runFixed);
  const close = useSimulationStore((s) => s.closeScenario);
  if (!view) return null;
  const { scenario, before, after, phase } = view;
  const fixed = scenario.fixed;
  const busy = status === 'running' || status === 'paused';
  const applyFix = () => {
    if (!fixed?.fix) return;
    const store = useEditorStore.getState();
    store.replaceDesign(fixed.fix.apply(store.design));
    store.announce(`${fixed.label}: done. Undo (Ctrl+Z) reverses it.`, 'success');
  };
  const { window } = scenario;
  return (
    <section aria-label="See it happen" className="space-y-2 rounded-md border border-blue-200 bg-blue-50/60 p-2.5 text-sm dark:border-blue-900 dark:bg-blue-950/40">
      <div className="flex items-start gap-2">
        <h3 className="min-w-0 flex-1 font-semibold">See it happen: {view.findingTitle}</h3>
        <button type="button" onClick={close} className={BUTTON} aria-label="Close the scenario">
          <X aria-hidden className="size-3.5" />
        </button>
      </div>
      <p>
        <strong>What breaks: </strong>
        {scenario.fault}
      </p>
      <p>
        <strong>Watch: </strong>
        {scenario.watch}
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-300" role="status">
        {phase === 'before'
          ? busy
            ? 'Running on your design…'
            : 'Ran on your design.'
          : busy
            ? `Running with the fix (${fixed?.label ?? ''})…`
            : `Ran with the fix (${fixed?.label ?? ''}).`}
      </p>
      {scenario.noFix && <p className="text-xs">{scenario.noFix}</p>}
      <div className="flex flex-wrap gap-1.5">
        {fixed && (
          <button type="button" className={PRIMARY} onClick={runFixed} disabled={busy || before === null}>
            <Play aria-hidden className="size-3.5" />
            Run it again with the fix: {fixed.label}
          </button>
        )}
        {fixed?.fix && after !== null && (
          <button type="button" className={BUTTON} onClick={applyFix}>
            <Wand2 aria-hidden className="size-3.5" />
            Apply the fix to my design
          </button>
        )}
      </div>
      {before && (
        <table className="w-full text-xs" aria-label={`From ${window.startS} s to ${window.endS} s, your design${after ? ' and with the fix' : ''}`}>
          <caption className="text-left text-xs text-slate-600 dark:text-slate-300">
            From {window.startS} s to {window.endS} s, on “{scenario.focus.flow}”
          </caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-0.5 font-medium">
                Figure
              </th>
              <th scope="col" className="py-0.5 font-medium">
                Your design
              </th>
              {fixed && (
                <th scope="col" className="py-0.5 font-medium">
                  With the fix
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const mine = row.value(before);
              if (mine === null) return null;
              return (
                <tr key={row.label} className="border-t border-blue-200 dark:border-blue-900">
                  <th scope="row" className="py-0.5 text-left font-normal">
                    {row.label}
                  </th>
                  <td className="py-0.5 tabular-nums">{mine}</td>
                  {fixed && <td className="py-0.5 tabular-nums">{after ? row.value(after) : '–'}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
