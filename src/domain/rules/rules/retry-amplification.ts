import type { SyncEdge } from '../../diagram/schema.ts';
import { stronglyConnected } from '../analysis/components.ts';
import { callFacts, RETRIED, UNSPREAD_RETRY, type CallFacts } from '../analysis/calls.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { drawnFlows, type FlowPath, pathCalls, REQUESTS } from '../analysis/requests.ts';
import { arrowPath, formatNumber, plural } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const CHAIN_WHY =
  'Retries multiply down a call chain: if three layers each try three times, the bottom service receives up to 27 calls for one user action, exactly when it is already struggling. The retries meant to hide a blip turn it into a self-inflicted overload that keeps the dependency down.';
const CHAIN_FIX =
  'Retry at one layer only, usually the one closest to the failing dependency, and let the layers above fail fast. Cap retries with a budget (for example at most 10% extra calls) rather than a fixed count per layer.';
const BACKOFF_WHY =
  'Retries sent immediately, or all on the same schedule, arrive together: every caller that saw the failure hits the dependency again at the same instant, so it never gets room to recover. Exponential backoff spaces the attempts out and jitter spreads callers apart.';
const BACKOFF_FIX = 'Wait longer before each attempt (exponential backoff) and add a random delay (jitter).';

const thresholds = { minRetryingHops: 2 };

interface RetryChain {
  /** Edge numbers, first hop first. */
  edges: number[];
  product: number;
}

/**
 * On the paths from entries no flow covers: the most amplified chain of
 * consecutive retrying calls ending at each node, by dynamic programming over
 * the condensed graph of retrying edges on those paths (edges inside a loop
 * do not chain; the loop is reported by sync-cycle). Only chains that no
 * longer chain continues are returned.
 */
function retryChains(facts: Facts, calls: CallFacts, onPath: Uint8Array, minHops: number): RetryChain[] {
  const { n, m, source, target } = facts;
  if (calls.retried < minHops) return [];
  const retrying = calls.retrying.filter((k) => onPath[k] !== 0);
  // member: 1 for a node that a retrying edge leaves, 2 that one enters, 3 both.
  const member = new Uint8Array(n);
  for (const k of retrying) {
    member[source[k]!]! |= 1;
    member[target[k]!]! |= 2;
  }
  // A chain of two or more retrying edges passes through a node that one enters and another leaves.
  let chained = false;
  for (const k of retrying) if (member[source[k]!] === 3) chained = true;
  if (!chained) return [];
  for (let i = 0; i < n; i++) if (member[i] !== 0) member[i] = 1;
  const follow = new Uint8Array(m);
  for (const k of retrying) follow[k] = 1;
  const graph = stronglyConnected(facts, member, facts.out[SYNC], follow);
  const product = new Float64Array(n).fill(1);
  const hops = new Int32Array(n);
  const pred = new Int32Array(n).fill(-1);
  const { start, edge: list } = facts.out[SYNC];
  for (let c = graph.count - 1; c >= 0; c--) {
    for (let q = graph.first[c]!; q < graph.first[c + 1]!; q++) {
      const u = graph.members[q]!;
      for (let j = start[u]!; j < start[u + 1]!; j++) {
        const k = list[j]!;
        if (follow[k] !== 1) continue;
        const w = target[k]!;
        if (graph.componentOf[w] === c) continue;
        const candidate = product[u]! * calls.attempts[k]!;
        const length = hops[u]! + 1;
        if (candidate > product[w]! || (candidate === product[w]! && length > hops[w]!)) {
          product[w] = candidate;
          hops[w] = length;
          pred[w] = k;
        }
      }
    }
  }
  const extended = new Uint8Array(n);
  for (let w = 0; w < n; w++) if (pred[w] !== -1) extended[source[pred[w]!]!] = 1;
  const chains: RetryChain[] = [];
  for (let w = 0; w < n; w++) {
    if (hops[w]! < minHops || extended[w] === 1) continue;
    const edges: number[] = [];
    for (let k = pred[w]!; k !== -1; k = pred[source[k]!]!) edges.push(k);
    edges.reverse();
    chains.push({ edges, product: product[w]! });
  }
  return chains;
}

/**
 * In one drawn flow: chains of consecutive retrying sync steps, each step
 * following the step that brought the request to its caller. Only chains no
 * later step of the flow continues are returned.
 */
function flowRetryChains(facts: Facts, calls: CallFacts, flow: FlowPath, minHops: number): RetryChain[] {
  const { steps, via } = flow;
  const count = steps.length;
  const product = new Float64Array(count);
  const hops = new Int32Array(count);
  const extended = new Uint8Array(count);
  const retried = (s: number) => facts.family[steps[s]!] === SYNC && (calls.flags[steps[s]!]! & RETRIED) !== 0;
  for (let s = 0; s < count; s++) {
    if (!retried(s)) continue;
    const p = via[s]!;
    const chained = p !== -1 && retried(p);
    product[s] = calls.attempts[steps[s]!]! * (chained ? product[p]! : 1);
    hops[s] = chained ? hops[p]! + 1 : 1;
    if (chained) extended[p] = 1;
  }
  const chains: RetryChain[] = [];
  for (let s = 0; s < count; s++) {
    if (hops[s]! < minHops || extended[s] === 1) continue;
    const edges: number[] = [];
    for (let at = s; at !== -1 && edges.length < hops[s]!; at = via[at]!) edges.push(steps[at]!);
    chains.push({ edges: edges.reverse(), product: product[s]! });
  }
  return chains;
}

function scheduleProblem(edge: SyncEdge): string {
  if (edge.retry.backoff === 'none') return 'immediately, with no backoff between attempts';
  if (edge.retry.backoff === 'fixed') return 'on a fixed schedule with no jitter, so callers retry in lock-step';
  return 'with exponential backoff but no jitter, so callers retry in lock-step';
}

export const retryAmplification: RuleDefinition<typeof thresholds> = {
  id: 'retry-amplification',
  title: 'Retry amplification',
  severity: 'warning',
  glossaryTerm: 'retry-amplification',
  summary: 'Flags retries stacked on consecutive calls, and retries sent without backoff or jitter.',
  condition:
    'Two checks on sync edges with `retry.maxAttempts` > 1 (retrying edges). (1) Along ' +
    REQUESTS +
    ', never joining calls from two operations: a chain of at least `minRetryingHops` consecutive retrying calls, reported where no longer chain continues it, with the product of the attempts. In a drawn flow a step continues the step that brought the request to its caller; on the paths from entry services no flow covers, the most amplified chain ending at each node is found by dynamic programming over the condensed graph of retrying edges on those paths. The same chain is reported once. (2) A retrying edge whose backoff is `none`, or that has no jitter, wherever it is.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const name = (i: number) => facts.nodes[i]!.name;
    const calls = callFacts(index);
    const minHops = Math.max(2, t.minRetryingHops);
    // Chains within each drawn flow, then on the paths from entries no flow covers; each chain once.
    const found: { chain: RetryChain; flow: string | null }[] = [];
    for (const flow of drawnFlows(index)) for (const chain of flowRetryChains(facts, calls, flow, minHops)) found.push({ chain, flow: flow.name });
    for (const chain of retryChains(facts, calls, pathCalls(index), minHops)) found.push({ chain, flow: null });
    const seen = new Set<string>();
    for (const { chain, flow } of found) {
      const key = chain.edges.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const edges = chain.edges.map((k) => facts.edges[k] as SyncEdge);
      const nodes = [facts.source[chain.edges[0]!]!, ...chain.edges.map((k) => facts.target[k]!)];
      const lastCaller = nodes[nodes.length - 2]!;
      const last = nodes[nodes.length - 1]!;
      const inner = edges.slice(0, -1).map((e) => e.id);
      findings.push(
        makeFinding(retryAmplification, {
          message: `${flow === null ? 'Retries' : `In “${flow}”, retries`} stack up along ${arrowPath(nodes.map(name))}: ${edges.map((e) => e.retry.maxAttempts).join(' × ')} = up to ${formatNumber(chain.product)} calls reach ${name(last)} for one request.`,
          why: CHAIN_WHY,
          fix: CHAIN_FIX,
          elementIds: [...nodes.map((i) => facts.nodes[i]!.id), ...edges.map((e) => e.id)],
          quickFixes: [
            quickFix('retry-once', `Retry only at the last hop (${name(lastCaller)} → ${name(last)})`, (d) =>
              patchSyncEdges(d, inner, (e) => ({ retry: { ...e.retry, maxAttempts: 1 } })),
            ),
          ],
        }),
      );
    }
    const { flags } = calls;
    for (const k of calls.retrying) {
      if ((flags[k]! & UNSPREAD_RETRY) === 0) continue;
      const edge = facts.edges[k]!;
      if (edge.family !== 'sync') continue;
      const source = facts.nodes[facts.source[k]!]!;
      const target = facts.nodes[facts.target[k]!]!;
      findings.push(
        makeFinding(retryAmplification, {
          title: 'Retries without backoff and jitter',
          glossaryTerm: 'retry-with-backoff',
          message: `${source.name} retries ${target.name} up to ${plural(edge.retry.maxAttempts - 1, 'time')} ${scheduleProblem(edge)}.`,
          why: BACKOFF_WHY,
          fix: BACKOFF_FIX,
          elementIds: [source.id, target.id, edge.id],
          quickFixes: [
            quickFix('backoff-jitter', 'Use exponential backoff with jitter', (d) =>
              patchSyncEdges(d, [edge.id], (e) => ({ retry: { ...e.retry, backoff: 'exponential', jitter: true } })),
            ),
          ],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-retry-amplification-failing',
      title: 'Both the gateway and Orders retry three times',
      nodes: { gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'], stock: ['service', 'Stock'] },
      links: [
        ['gw', 'orders', { timeoutMs: 3000, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }],
        ['orders', 'stock', { timeoutMs: 900, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }],
      ],
    }),
    passing: sketch({
      id: 'example-retry-amplification-passing',
      title: 'Only Orders retries, with backoff and jitter',
      nodes: { gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'], stock: ['service', 'Stock'] },
      links: [
        ['gw', 'orders', { timeoutMs: 3000, idempotent: true }],
        ['orders', 'stock', { timeoutMs: 900, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }],
      ],
    }),
  },
};
