/** How the simulator panel writes its figures. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatRate(rps: number): string {
  return `${rps >= 100 ? grouped.format(rps) : rps >= 10 ? rps.toFixed(0) : rps.toFixed(1)}/s`;
}

export function formatShare(x: number): string {
  if (x === 0) return '0%';
  if (x < 0.001) return '<0.1%';
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
}

export function formatCount(x: number): string {
  return x >= 100 ? grouped.format(x) : x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

export const BREAKER_NAMES = ['closed', 'half-open', 'open'] as const;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** For chart axes: 12k, 1.5M. */
export function formatCompact(x: number): string {
  return compact.format(x);
}
