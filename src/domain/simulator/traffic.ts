/**
 * Poisson arrivals per flow, with rate changes (spikes, lulls, a stop) over
 * time. Each flow draws unit-rate exponential gaps and spends them against
 * its rate, segment by segment, which is exact for a piecewise-constant rate
 * (the memoryless property lets a gap cross a boundary).
 */
import type { Spike } from './options.ts';

export class Traffic {
  /** Segment starts (ms), ascending, the first at 0. */
  private readonly starts: Float64Array;
  /** Rate multiplier in each segment. */
  private readonly factors: Float64Array;

  constructor(
    private readonly rates: Float64Array,
    spikes: readonly Spike[],
    private readonly endMs: number,
  ) {
    const bounds = new Set<number>([0]);
    for (const s of spikes) {
      bounds.add(s.startS * 1000);
      bounds.add(s.endS * 1000);
    }
    const starts = [...bounds].filter((t) => t < endMs).sort((a, b) => a - b);
    this.starts = Float64Array.from(starts);
    this.factors = Float64Array.from(
      starts.map((t) => spikes.reduce((f, s) => (s.startS * 1000 <= t && t < s.endS * 1000 ? f * s.factor : f), 1)),
    );
  }

  /** The time of the flow's next arrival after `now`, spending a unit exponential `gap`; Infinity after the end. */
  next(flow: number, now: number, gap: number): number {
    const base = this.rates[flow]! / 1000;
    const starts = this.starts;
    let seg = 0;
    if (starts.length > 1) while (seg + 1 < starts.length && starts[seg + 1]! <= now) seg++;
    let t = now;
    let left = gap;
    for (;;) {
      const rate = base * this.factors[seg]!;
      const segEnd = seg + 1 < starts.length ? starts[seg + 1]! : this.endMs;
      if (rate > 0) {
        const at = t + left / rate;
        if (at < segEnd) return at;
        left -= (segEnd - t) * rate;
      }
      if (seg + 1 >= starts.length) return Infinity;
      seg++;
      t = segEnd;
    }
  }
}
