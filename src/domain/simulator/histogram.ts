/**
 * A log-bucketed latency histogram: fixed memory, constant time to add, and
 * percentiles interpolated within a bucket (0.5% wide by default).
 * Values below `min` share the first bucket; the exact minimum and maximum
 * seen are kept so percentiles never leave the observed range.
 */
export class Histogram {
  readonly counts: Uint32Array;
  count = 0;
  sum = 0;
  minSeen = Infinity;
  maxSeen = -Infinity;
  private readonly logMin: number;
  private readonly invLogStep: number;
  private readonly logStep: number;

  constructor(
    private readonly min = 0.001,
    max = 1e8,
    step = 0.005,
  ) {
    this.logMin = Math.log(min);
    this.logStep = Math.log(1 + step);
    this.invLogStep = 1 / this.logStep;
    this.counts = new Uint32Array(Math.ceil((Math.log(max) - this.logMin) * this.invLogStep) + 2);
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.minSeen) this.minSeen = value;
    if (value > this.maxSeen) this.maxSeen = value;
    let bucket = 0;
    if (value >= this.min) {
      bucket = 1 + Math.floor((Math.log(value) - this.logMin) * this.invLogStep);
      if (bucket >= this.counts.length) bucket = this.counts.length - 1;
    }
    this.counts[bucket]!++;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /** The q-quantile (0 < q <= 1), interpolated within its bucket on a log scale, clamped to what was seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.min(this.count, Math.max(1, q * this.count));
    let seen = 0;
    const counts = this.counts;
    for (let b = 0; b < counts.length; b++) {
      const c = counts[b]!;
      if (c > 0 && seen + c >= rank) {
        const within = (rank - seen) / c;
        const value = b === 0 ? this.min * within : Math.exp(this.logMin + (b - 1 + within) * this.logStep);
        return Math.min(this.maxSeen, Math.max(this.minSeen, value));
      }
      seen += c;
    }
    return this.maxSeen;
  }

  /** Fraction of values at or above a threshold, interpolating within the bucket that holds it. */
  fractionAtLeast(threshold: number): number {
    if (this.count === 0) return 0;
    if (threshold <= this.minSeen) return 1;
    if (threshold > this.maxSeen) return 0;
    let bucket = 0;
    let within = threshold / this.min;
    if (threshold >= this.min) {
      const position = (Math.log(threshold) - this.logMin) * this.invLogStep;
      bucket = 1 + Math.floor(position);
      within = position - Math.floor(position);
    }
    let above = this.counts[bucket]! * (1 - within);
    for (let b = bucket + 1; b < this.counts.length; b++) above += this.counts[b]!;
    return above / this.count;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.minSeen = Infinity;
    this.maxSeen = -Infinity;
  }
}
