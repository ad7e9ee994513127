import { FAMILY_STROKE } from './edge-visuals.ts';

const LINES = [
  { label: 'Synchronous request', dash: FAMILY_STROKE.sync.dash, color: FAMILY_STROKE.sync.colour, note: 'solid' },
  { label: 'Asynchronous message', dash: FAMILY_STROKE.async.dash, color: FAMILY_STROKE.async.colour, note: 'dashed' },
  { label: 'Data access', dash: FAMILY_STROKE.data.dash, color: FAMILY_STROKE.data.colour, note: 'dotted' },
];

export function Legend() {
  return (
    <section
      aria-label="Legend"
      className="pointer-events-auto w-60 rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
    >
      <h2 className="mb-2 font-semibold">Legend</h2>
      <ul className="space-y-1.5">
        {LINES.map((line) => (
          <li key={line.label} className="flex items-center gap-2">
            <svg width="40" height="10" aria-hidden>
              <line x1="2" y1="5" x2="32" y2="5" style={{ stroke: line.color }} strokeWidth="2" strokeDasharray={line.dash} strokeLinecap="round" />
              <path d="M32 1 L39 5 L32 9 Z" style={{ fill: line.color }} />
            </svg>
            <span>
              {line.label} <span className="text-slate-500 dark:text-slate-400">({line.note})</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-slate-500 dark:text-slate-400">Words on a line: protocol, timeout, tries, breaker. ×N on a box: instances.</p>
    </section>
  );
}
