/**
 * What one request writes: the records of truth (not caches, search indexes
 * or warehouses) written by the services a request reaches through calls that
 * may write, grouped by who owns the data, and whether the design coordinates
 * those writes. Read along drawn flows (`flowWrites`) and along the paths from
 * entry services (`entryWrites`, one dynamic programme over the condensed
 * graph of calls for all entries, each summary holding a bounded number of
 * writes, so the cost stays linear however many entries there are). A
 * request through a gateway or load balancer takes one of its routes, never
 * two, so there the route that writes most stands for the rest.
 *
 * A call may write unless the model says it does not: it is marked
 * `readOnly`, or its caller is a *reader* (a service whose own data access is
 * all reads and whose calls are all idempotent or read-only: a feed that reads
 * its timelines and asks other services for posts). Writes are *coordinated*
 * when a participant is declared a saga orchestrator (`saga`), publishes
 * through a transactional outbox (`outbox` on its publish edge), or writes a
 * datastore whose changes are relayed to a queue or topic (an async edge from
 * the datastore: change data capture, the outbox relay).
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { AsyncEdge, SyncEdge } from '../../diagram/schema.ts';
import { callFacts, isWriteCode, READ } from './calls.ts';
import { stronglyConnected } from './components.ts';
import { ASYNC, COMPUTE, DATA, EDGE, factsOf, kindTable, SYNC, type Facts } from './facts.ts';
import { normal, ownershipOf } from './graph.ts';
import { perIndex } from './memo.ts';
import type { FlowPath } from './requests.ts';

/** Derived copies, not records of truth: writing them is not a distributed transaction. */
const DERIVED_KINDS = kindTable(['cache', 'search-index', 'data-warehouse']);

/** How many writes with distinct owners a summary keeps. */
export const KEPT_WRITES = 4;

export interface Write {
  /** The data edge. */
  edge: number;
  store: number;
  writer: number;
  /** Who owns the data, as a number: equal for the same owner (see `ownerOf`). */
  owner: number;
  /** The owner's name, for messages. */
  ownerName: string;
}

export interface WriteSummary {
  /** Writes with distinct owners, at most KEPT_WRITES (or the threshold asked for), in the order found. */
  writes: readonly Write[];
  /** Per write: the call by which the request left the entry (or the flow's entry service) towards its writer; -1 for its own writes. */
  via: readonly number[];
  /** Writes with other owners were left out. */
  more: boolean;
  /** Some participant coordinates the writes (see the module comment). */
  coordinated: boolean;
}

interface WriteFacts {
  facts: Facts;
  /** Record writes leaving each node, as data edge numbers, in design order (compressed rows). */
  start: Int32Array;
  list: Int32Array;
  /** Per data edge: the owner number of a record write (-2 or less for a writer owning its data), -1 for any other edge. */
  ownerKey: Int32Array;
  /** The owner's name as the write along data edge k spells it, for messages. */
  ownerName(k: number): string;
  /** 1 for a node whose own writes are coordinated, or that orchestrates a saga. */
  coordinates: Uint8Array;
  /** 1 for a sync edge that may write (see the module comment). */
  writingCall: Uint8Array;
}

const writeFacts = perIndex((index: GraphIndex): WriteFacts => {
  const facts = factsOf(index);
  const { n, m, source, target } = facts;
  const { access } = callFacts(index);
  const start = new Int32Array(n + 1);
  const record = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    if (facts.family[k] === DATA && isWriteCode(access[k]!) && DERIVED_KINDS[facts.kind[target[k]!]!] !== 1) {
      record[k] = 1;
      start[source[k]! + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const list = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  // Owner numbers: 0, 1, ... for declared owners (by their normalised text) and groups; -2 - i for service i as its own owner.
  const byText = new Map<string, number>();
  const named = (key: string) => {
    let id = byText.get(key);
    if (id === undefined) {
      id = byText.size;
      byText.set(key, id);
    }
    return id;
  };
  const storeName: string[] = [];
  // The owner the datastore itself states (its own or its primary's owner, else group), per datastore; -1: none, -2: not yet known.
  const storeOwner = new Int32Array(n).fill(-2);
  const ownerKey = new Int32Array(m).fill(-1);
  for (let k = 0; k < m; k++) {
    if (record[k] !== 1) continue;
    const s = source[k]!;
    list[fill[s]!++] = k;
    const store = target[k]!;
    if (storeOwner[store] === -2) {
      const ownership = ownershipOf(index, facts, store);
      if (ownership.owner !== '') {
        storeOwner[store] = named(`o:${normal(ownership.owner)}`);
        storeName[store] = ownership.owner;
      } else if (ownership.groupId !== undefined) {
        storeOwner[store] = named(`g:${ownership.groupId}`);
        storeName[store] = index.groupById.get(ownership.groupId)?.name ?? ownership.groupId;
      } else storeOwner[store] = -1;
    }
    if (storeOwner[store] !== -1) ownerKey[k] = storeOwner[store]!;
    else {
      const writer = facts.nodes[s]!;
      ownerKey[k] = writer.owner.trim() !== '' ? named(`o:${normal(writer.owner)}`) : -2 - s;
    }
  }
  const ownerName = (k: number) => {
    const store = target[k]!;
    if (storeOwner[store] !== -1) return storeName[store]!;
    const writer = facts.nodes[source[k]!]!;
    return writer.owner.trim() !== '' ? writer.owner.trim() : writer.name;
  };

  // A datastore that relays its changes to a queue or topic (change data capture, an outbox relay).
  const relays = new Uint8Array(n);
  const asyncOut = facts.out[ASYNC];
  for (let i = 0; i < n; i++) if (asyncOut.start[i] !== asyncOut.start[i + 1]) relays[i] = 1;
  const coordinates = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (facts.nodes[i]!.saga === true) coordinates[i] = 1;
    for (let j = asyncOut.start[i]!; j < asyncOut.start[i + 1]! && coordinates[i] === 0; j++) {
      if ((facts.edges[asyncOut.edge[j]!] as AsyncEdge).outbox === true) coordinates[i] = 1;
    }
    for (let q = start[i]!; q < start[i + 1]! && coordinates[i] === 0; q++) if (relays[target[list[q]!]!] === 1) coordinates[i] = 1;
  }

  // Readers: their own data access is all reads, their calls all idempotent or read-only.
  const reader = new Uint8Array(n);
  const data = facts.out[DATA];
  const sync = facts.out[SYNC];
  for (const i of facts.byRole[COMPUTE]!) {
    if (data.start[i] === data.start[i + 1]) continue;
    let reads = true;
    for (let j = data.start[i]!; j < data.start[i + 1]! && reads; j++) reads = access[data.edge[j]!] === READ;
    for (let j = sync.start[i]!; j < sync.start[i + 1]! && reads; j++) {
      const k = sync.edge[j]!;
      const edge = facts.edges[k] as SyncEdge;
      reads = edge.readOnly === true || edge.idempotent;
    }
    if (reads) reader[i] = 1;
  }
  const writingCall = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    if (facts.family[k] !== SYNC || reader[source[k]!] === 1 || (facts.edges[k] as SyncEdge).readOnly === true) continue;
    const role = facts.role[target[k]!];
    if (role === COMPUTE || role === EDGE) writingCall[k] = 1;
  }
  return { facts, start, list, ownerKey, ownerName, coordinates, writingCall };
});

/** A summary under construction. */
interface Building {
  writes: Write[];
  via: number[];
  more: boolean;
  coordinated: boolean;
}

/** Add a write reached by call `via` to a summary under construction, keeping owners distinct and at most `cap`. */
function keep(into: Building, write: Write, via: number, cap: number): void {
  if (!room(into, write.owner, cap)) return;
  into.writes.push(write);
  into.via.push(via);
}

/** Whether a write with this owner is new to the summary and fits (marking the summary `more` when it does not fit). */
function room(into: Building, owner: number, cap: number): boolean {
  for (const w of into.writes) if (w.owner === owner) return false;
  if (into.writes.length >= cap) {
    into.more = true;
    return false;
  }
  return true;
}

/** Add the record write along data edge k, made by its source, building its record only if it is kept. */
function keepAlong(into: Building, w: WriteFacts, k: number, via: number, cap: number): void {
  const owner = w.ownerKey[k]!;
  if (!room(into, owner, cap)) return;
  into.writes.push({ edge: k, store: w.facts.target[k]!, writer: w.facts.source[k]!, owner, ownerName: w.ownerName(k) });
  into.via.push(via);
}

const building = (): Building => ({ writes: [], via: [], more: false, coordinated: false });

interface EntrySummaries {
  cap: number;
  componentOf: Int32Array;
  summaries: WriteSummary[];
}

const EMPTY: WriteSummary = { writes: [], via: [], more: false, coordinated: false };

function summarise(index: GraphIndex, cap: number): EntrySummaries {
  const w = writeFacts(index);
  const facts = w.facts;
  const member = new Uint8Array(facts.n);
  for (let i = 0; i < facts.n; i++) if (facts.role[i] === COMPUTE || facts.role[i] === EDGE) member[i] = 1;
  const graph = stronglyConnected(facts, member, facts.out[SYNC], w.writingCall);
  const { count, first, members, componentOf } = graph;
  const summaries = new Array<WriteSummary>(count);
  const { start, edge } = facts.out[SYNC];
  const take = (into: Building, below: WriteSummary, k: number) => {
    if (below.coordinated) into.coordinated = true;
    if (below.more) into.more = true;
    for (const write of below.writes) keep(into, write, k, cap);
  };
  // Components come after every component they reach: each summary is built from finished ones.
  for (let c = 0; c < count; c++) {
    const into = building();
    let routes = true;
    for (let q = first[c]!; q < first[c + 1]!; q++) {
      const u = members[q]!;
      if (facts.role[u] !== EDGE) routes = false;
      if (w.coordinates[u] === 1) into.coordinated = true;
      for (let r = w.start[u]!; r < w.start[u + 1]!; r++) keepAlong(into, w, w.list[r]!, -1, cap);
    }
    // A request through a gateway or load balancer takes one of its routes: the one that writes most.
    let route: WriteSummary | undefined;
    let routeCall = -1;
    for (let q = first[c]!; q < first[c + 1]!; q++) {
      const u = members[q]!;
      for (let j = start[u]!; j < start[u + 1]!; j++) {
        const k = edge[j]!;
        if (w.writingCall[k] !== 1) continue;
        const d = componentOf[facts.target[k]!]!;
        if (d === -1 || d === c) continue;
        const below = summaries[d]!;
        if (below === EMPTY) continue;
        if (!routes) take(into, below, k);
        else if (!route || below.writes.length > route.writes.length) {
          route = below;
          routeCall = k;
        }
      }
    }
    if (route) take(into, route, routeCall);
    summaries[c] = into.writes.length === 0 && !into.more && !into.coordinated ? EMPTY : into;
  }
  return { cap, componentOf, summaries };
}

const entrySummaries = perIndex(() => new Map<number, EntrySummaries>());

/**
 * What a request entering at service `entry` writes, along every path of
 * calls that may write (the entry's own writes first). `cap` writes with
 * distinct owners are kept, at least KEPT_WRITES.
 */
export function entryWrites(index: GraphIndex, entry: number, cap = KEPT_WRITES): WriteSummary {
  const cache = entrySummaries(index);
  const size = Math.max(KEPT_WRITES, cap);
  let s = cache.get(size);
  if (!s) {
    s = summarise(index, size);
    cache.set(size, s);
  }
  const c = s.componentOf[entry]!;
  return c === -1 ? EMPTY : s.summaries[c]!;
}

/**
 * What one request of a drawn flow writes before its response: the write
 * steps of services the request reached through steps that may write.
 */
export function flowWrites(index: GraphIndex, flow: FlowPath, cap = KEPT_WRITES): WriteSummary {
  const w = writeFacts(index);
  const facts = w.facts;
  const { steps, via, after } = flow;
  const size = Math.max(KEPT_WRITES, cap);
  // Per step: 1 when the request may write where this step arrives.
  const writing = new Uint8Array(steps.length);
  /** Per step: the call by which the request left the flow's entry service towards it. */
  const leaves = new Int32Array(steps.length).fill(-1);
  const into = building();
  if (flow.service !== -1 && w.coordinates[flow.service] === 1) into.coordinated = true;
  for (let s = 0; s < steps.length; s++) {
    if (after[s] === 1) continue;
    const k = steps[s]!;
    const p = via[s]!;
    if (p !== -1 && (facts.family[steps[p]!] !== SYNC || writing[p] === 0)) continue;
    const from = facts.source[k]!;
    if (facts.family[k] === SYNC) {
      writing[s] = w.writingCall[k]!;
      leaves[s] = from === flow.service ? k : p === -1 ? -1 : leaves[p]!;
    } else if (w.ownerKey[k] !== -1 && facts.role[from] === COMPUTE) {
      if (w.coordinates[from] === 1) into.coordinated = true;
      keepAlong(into, w, k, from === flow.service || p === -1 ? -1 : leaves[p]!, size);
    }
  }
  return into;
}

/** Distinct datastores among a summary's writes. */
export function storesOf(summary: WriteSummary): number[] {
  const stores: number[] = [];
  for (const w of summary.writes) if (!stores.includes(w.store)) stores.push(w.store);
  return stores;
}
