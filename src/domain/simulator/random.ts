/**
 * Seeded random numbers for the simulator: xoshiro128** (Blackman and Vigna),
 * seeded through splitmix32, with the draws the model needs. The state lives
 * in an Int32Array so the hot loop never boxes a number; the same seed gives
 * the same sequence in every JavaScript engine.
 */

/** z such that P(Z <= z) = 0.99 for a standard normal Z. */
export const Z99 = 2.3263478740408408;

const TWO_POW_32 = 4294967296;

export class Random {
  private readonly s = new Int32Array(4);
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    // splitmix32 spreads any seed over the four words; an all-zero state is impossible.
    let x = seed | 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.s[i] = z ^ (z >>> 16);
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** A uniform number in [0, 1), 32 bits of it. */
  next(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]!;
    const s3 = s[3]!;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = (n3 << 11) | (n3 >>> 21);
    return (result >>> 0) / TWO_POW_32;
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A standard normal draw (Marsaglia's polar method, keeping the second value). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let q: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/** Service-time distribution codes used in the compiled model. */
export const CONSTANT = 0;
export const EXPONENTIAL = 1;
export const LOG_NORMAL = 2;

/**
 * The log-normal's sigma for a median and a 99th percentile: ln X is normal
 * with mean ln(median), and ln(p99) lies Z99 sigmas above it.
 */
export function logNormalSigma(medianMs: number, p99Ms: number): number {
  if (!(medianMs > 0) || !(p99Ms > medianMs)) return 0;
  return Math.log(p99Ms / medianMs) / Z99;
}

/** The mean of a distribution given as (code, centre, sigma). */
export function distributionMean(code: number, centre: number, sigma: number): number {
  return code === LOG_NORMAL ? centre * Math.exp((sigma * sigma) / 2) : centre;
}
