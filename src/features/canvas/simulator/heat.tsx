/**
 * Heat on the canvas while a simulation has data: each component shows how
 * busy it is (and its queue), each connection its rate, error rate and
 * breaker state. Colour follows the level, and the figure is always written
 * too, so colour is never the only signal.
 */
import { memo } from 'react';
import { formatCount, formatRate, formatShare } from './format.ts';
import { useSimulationStore } from './simulation-store.ts';

function level(x: number, warn: number, bad: number): 'ok' | 'warn' | 'bad' {
  return x >= bad ? 'bad' : x >= warn ? 'warn' : 'ok';
}

const NODE_TONE = {
  ok: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  warn: 'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100',
  bad: 'border-red-600 bg-red-50 text-red-900 dark:border-red-500 dark:bg-red-950 dark:text-red-100',
} as const;

/** Under a component: "73% busy · 12 waiting". */
export const NodeHeat = memo(function NodeHeat({ id }: { id: string }) {
  const heat = useSimulationStore((s) => s.heat?.nodes.get(id));
  if (!heat) return null;
  const tone = NODE_TONE[level(Math.max(heat.utilization, heat.queue >= 1 ? 0.9 : 0), 0.7, 0.9)];
  return (
    <span className={`pointer-events-none absolute -bottom-2.5 left-1/2 z-10 -translate-x-1/2 whitespace-nowrap rounded-full border px-1.5 text-[10px] font-semibold leading-4 ${tone}`} data-heat="node">
      {formatShare(heat.utilization)} busy{heat.queue >= 0.5 ? ` · ${formatCount(heat.queue)} waiting` : ''}
    </span>
  );
});

const EDGE_FILL = {
  ok: 'fill-emerald-700 dark:fill-emerald-300',
  warn: 'fill-amber-700 dark:fill-amber-300',
  bad: 'fill-red-700 dark:fill-red-300',
} as const;

/** Beside a connection's label: "120/s · 2% errors · breaker open". */
export const EdgeHeat = memo(function EdgeHeat({ id, x, y }: { id: string; x: number; y: number }) {
  const heat = useSimulationStore((s) => s.heat?.edges.get(id));
  if (!heat) return null;
  const tone = heat.breaker === 2 ? 'bad' : level(heat.errorRate, 0.01, 0.1);
  const parts = [formatRate(heat.rateRps)];
  if (heat.errorRate > 0) parts.push(`${formatShare(heat.errorRate)} errors`);
  if (heat.breaker > 0) parts.push(heat.breaker === 2 ? 'breaker open' : 'breaker half-open');
  return (
    <text
      x={x}
      y={y + 14}
      textAnchor="middle"
      dominantBaseline="central"
      className={`pointer-events-none stroke-white text-[10px] font-semibold dark:stroke-slate-950 ${EDGE_FILL[tone]}`}
      style={{ paintOrder: 'stroke', strokeWidth: 3, strokeLinejoin: 'round' }}
      data-heat="edge"
    >
      {parts.join(' · ')}
    </text>
  );
});
