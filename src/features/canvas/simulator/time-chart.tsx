/**
 * A small time-series chart drawn by uPlot, which is loaded (with its CSS)
 * the first time a chart is shown. The chart itself is a picture for sighted
 * users; its caption says the latest values in words, so nothing depends on
 * the lines or their colours.
 */
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { prefersDark, useSettingsStore } from '../../../stores/settings-store.ts';

let loading: Promise<typeof uPlot> | null = null;

/** uPlot and its stylesheet, fetched once. */
export function loadChartLibrary(): Promise<typeof uPlot> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => module.default);
  return loading;
}

export interface ChartLine {
  label: string;
  values: readonly number[];
  colour: string;
  /** Drawn as steps (a state), not a line. */
  steps?: boolean;
}

interface TimeChartProps {
  title: string;
  /** Seconds into the run. */
  x: readonly number[];
  lines: readonly ChartLine[];
  /** Formats a value for the caption. */
  format(value: number): string;
  /** Formats a value for the axis (short); `format` when unset. */
  axisFormat?(value: number): string;
  /** Changes whenever the data grows. */
  version: number;
  /** The y axis starts at 0 and reaches at least this. */
  minMax?: number;
  height?: number;
}

const STEPPED: { paths?: uPlot.Series.PathBuilder } = {};

/** Whether the page is dark now, following the setting and, for "system", the OS as it changes. */
function useDark(): boolean {
  const theme = useSettingsStore((s) => s.theme);
  const [systemDark, setSystemDark] = useState(prefersDark);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setSystemDark(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return theme === 'system' ? systemDark : theme === 'dark';
}

export function TimeChart({ title, x, lines, format, axisFormat, version, minMax = 1, height = 110 }: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const [library, setLibrary] = useState<typeof uPlot | null>(null);
  const dark = useDark();
  const shape = lines.map((l) => `${l.label}:${l.colour}:${l.steps ? 1 : 0}`).join('|');
  const latest = useRef({ x, lines, format: axisFormat ?? format, minMax });
  latest.current = { x, lines, format: axisFormat ?? format, minMax };

  useEffect(() => {
    let live = true;
    void loadChartLibrary().then((lib) => live && setLibrary(() => lib));
    return () => {
      live = false;
    };
  }, []);

  // (Re)create the chart when the library arrives, the lines change, or the theme does.
  useEffect(() => {
    const element = box.current;
    if (!library || !element) return;
    const text = dark ? '#cbd5e1' : '#475569';
    const grid = dark ? 'rgba(148,163,184,0.18)' : 'rgba(100,116,139,0.18)';
    STEPPED.paths ??= library.paths.stepped?.({ align: 1 });
    const { lines: current, format: fmt } = latest.current;
    const options: uPlot.Options = {
      width: Math.max(160, element.clientWidth),
      height,
      legend: { show: false },
      cursor: { show: false },
      padding: [8, 8, 0, 0],
      scales: {
        x: { time: false },
        y: { range: (_u, _min, max) => [0, Math.max(latest.current.minMax, max * 1.1)] },
      },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, size: 28, font: '11px system-ui', values: (_u, splits) => splits.map((v) => `${v} s`) },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, size: 56, font: '11px system-ui', values: (_u, splits) => splits.map((v) => fmt(v)) },
      ],
      series: [{}, ...current.map((l) => ({ label: l.label, stroke: l.colour, width: 1.5, ...(l.steps && STEPPED.paths ? { paths: STEPPED.paths } : {}) }))],
    };
    let resize: ResizeObserver | null = null;
    // Each chart is built in a task of its own, so a panel of charts appearing never makes one long task.
    const timer = setTimeout(() => {
      const { x: xs, lines: ls } = latest.current;
      chart.current = new library(options, [xs as number[], ...ls.map((l) => l.values as number[])] as uPlot.AlignedData, element);
      let width = element.clientWidth;
      resize = new ResizeObserver(() => {
        if (element.clientWidth === width) return;
        width = element.clientWidth;
        chart.current?.setSize({ width: Math.max(160, width), height });
      });
      resize.observe(element);
    }, 0);
    return () => {
      clearTimeout(timer);
      resize?.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [library, shape, dark, height]);

  // New points are drawn in a task of this chart's own, not together with every other chart's.
  useEffect(() => {
    const timer = setTimeout(() => {
      const { x: xs, lines: ls } = latest.current;
      chart.current?.setData([xs as number[], ...ls.map((l) => l.values as number[])] as uPlot.AlignedData);
    }, 0);
    return () => clearTimeout(timer);
  }, [version, x, lines]);

  const last = x.length - 1;
  return (
    <figure className="min-w-0">
      <figcaption className="flex flex-wrap items-center gap-x-3 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-semibold text-slate-800 dark:text-slate-100">
          {title}
          {last >= 0 && <span className="sr-only"> at {x[last]!.toFixed(0)} s:</span>}
        </span>
        {lines.map((l) => (
          <span key={l.label} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-0.5 w-3" style={{ background: l.colour }} />
            {l.label} {last >= 0 ? format(l.values[last] ?? 0) : '–'}
          </span>
        ))}
      </figcaption>
      <div ref={box} aria-hidden className="mt-1 w-full" style={{ height }} />
    </figure>
  );
}
