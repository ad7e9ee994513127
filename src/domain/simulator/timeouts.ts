/**
 * Pending timeouts, one FIFO per connection. A connection's timeout is a
 * constant, so its deadlines arrive in the order the attempts were sent, and
 * the event heap needs to hold only each connection's earliest one. Most
 * attempts are answered before their deadline; their entries go stale and
 * are dropped in bulk when the connection's next deadline comes up, instead
 * of each costing a push and a pop on the heap.
 */
export class TimeoutQueues {
  private readonly call: Int32Array[];
  private readonly token: Float64Array[];
  private readonly deadline: Float64Array[];
  private readonly head: Int32Array;
  private readonly size: Int32Array;
  /** 1 while a heap event for the connection's earliest deadline exists. */
  readonly armed: Uint8Array;

  constructor(connections: number) {
    this.call = Array.from({ length: connections }, () => new Int32Array(0));
    this.token = Array.from({ length: connections }, () => new Float64Array(0));
    this.deadline = Array.from({ length: connections }, () => new Float64Array(0));
    this.head = new Int32Array(connections);
    this.size = new Int32Array(connections);
    this.armed = new Uint8Array(connections);
  }

  isEmpty(e: number): boolean {
    return this.size[e] === 0;
  }

  /** Adds a deadline; returns true when the connection needs a heap event for it (nothing else armed). */
  add(e: number, call: number, token: number, deadline: number): boolean {
    let capacity = this.call[e]!.length;
    if (this.size[e] === capacity) {
      this.grow(e);
      capacity = this.call[e]!.length;
    }
    const slot = (this.head[e]! + this.size[e]!) % capacity;
    this.call[e]![slot] = call;
    this.token[e]![slot] = token;
    this.deadline[e]![slot] = deadline;
    this.size[e]!++;
    if (this.armed[e] === 1) return false;
    this.armed[e] = 1;
    return true;
  }

  headCall(e: number): number {
    return this.call[e]![this.head[e]!]!;
  }

  headToken(e: number): number {
    return this.token[e]![this.head[e]!]!;
  }

  headDeadline(e: number): number {
    return this.deadline[e]![this.head[e]!]!;
  }

  dropHead(e: number): void {
    this.head[e] = (this.head[e]! + 1) % this.call[e]!.length;
    this.size[e]!--;
  }

  private grow(e: number): void {
    const old = this.call[e]!.length;
    const capacity = Math.max(64, old * 2);
    const call = new Int32Array(capacity);
    const token = new Float64Array(capacity);
    const deadline = new Float64Array(capacity);
    for (let k = 0; k < this.size[e]!; k++) {
      const from = (this.head[e]! + k) % old;
      call[k] = this.call[e]![from]!;
      token[k] = this.token[e]![from]!;
      deadline[k] = this.deadline[e]![from]!;
    }
    this.call[e] = call;
    this.token[e] = token;
    this.deadline[e] = deadline;
    this.head[e] = 0;
  }
}
