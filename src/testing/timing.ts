/**
 * Times a step of a fuzz case in CPU time as well as wall time: a hang is
 * CPU-bound, and CPU time does not grow when other processes share the
 * machine, so a one-second budget checked on it does not flake under load.
 */
export interface Timed<T> {
  result: T;
  wallMs: number;
  cpuMs: number;
}

export async function timed<T>(run: () => T | Promise<T>): Promise<Timed<T>> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

/** The slowest input seen so far, by CPU time, with its wall time. */
export class Slowest {
  cpuMs = 0;
  wallMs = 0;
  input = '';

  note(input: string, time: { cpuMs: number; wallMs: number }) {
    if (time.cpuMs <= this.cpuMs) return;
    this.cpuMs = time.cpuMs;
    this.wallMs = time.wallMs;
    this.input = input.length > 80 ? `${input.slice(0, 60)}… (${input.length} characters)` : input;
  }

  toString() {
    return `slowest ${this.cpuMs.toFixed(1)} ms CPU (${this.wallMs.toFixed(1)} ms wall) on ${JSON.stringify(this.input)}`;
  }
}
