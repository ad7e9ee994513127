/**
 * The simulator's future event list: a binary min-heap on time, kept in two
 * typed arrays (time, and a packed payload: what happens, to which entity)
 * that double when full. Nothing is allocated per event. Equal times pop in
 * an order fixed by the sequence of pushes, so a run is the same for the
 * same seed.
 */
export class EventHeap {
  size = 0;
  private time: Float64Array;
  private payload: Int32Array;
  /** The event `pop` last took out. */
  topTime = 0;
  topPayload = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.payload = new Int32Array(capacity);
  }

  /** The earliest time in the heap; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.time[0]! : Infinity;
  }

  push(t: number, payload: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time;
    const pay = this.payload;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent]!;
      if (pt <= t) break;
      time[i] = pt;
      pay[i] = pay[parent]!;
      i = parent;
    }
    time[i] = t;
    pay[i] = payload;
  }

  /** Removes the earliest event into topTime and topPayload. The heap must not be empty. */
  pop(): void {
    const time = this.time;
    const pay = this.payload;
    this.topTime = time[0]!;
    this.topPayload = pay[0]!;
    const n = --this.size;
    if (n === 0) return;
    const t = time[n]!;
    const p = pay[n]!;
    let i = 0;
    const half = n >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let ct = time[child]!;
      const right = child + 1;
      if (right < n && time[right]! < ct) {
        child = right;
        ct = time[right]!;
      }
      if (t <= ct) break;
      time[i] = ct;
      pay[i] = pay[child]!;
      i = child;
    }
    time[i] = t;
    pay[i] = p;
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const time = new Float64Array(capacity);
    time.set(this.time);
    const payload = new Int32Array(capacity);
    payload.set(this.payload);
    this.time = time;
    this.payload = payload;
  }
}
