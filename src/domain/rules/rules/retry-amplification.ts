import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { DesignEdge, SyncEdge } from '../../diagram/schema.ts';
import { stronglyConnected } from '../analysis/components.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { makeFinding } from '../analysis/finding.ts';
import { nameOf } from '../analysis/graph.ts';
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

const retries = (edge: DesignEdge): edge is SyncEdge => edge.family === 'sync' && edge.retry.maxAttempts > 1;

interface RetryChain {
  edges: SyncEdge[];
  product: number;
}

/**
 * The most amplified chain of consecutive retrying calls ending at each node,
 * by dynamic programming over the condensed graph of retrying edges (edges
 * inside a loop do not chain; the loop is reported by sync-cycle). Only chains
 * that no longer chain continues are returned.
 */
function retryChains(index: GraphIndex, minHops: number): RetryChain[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  let retrying = 0;
  for (const edge of index.design.edges) {
    if (!retries(edge) || !index.nodeById.has(edge.source) || !index.nodeById.has(edge.target)) continue;
    retrying++;
    for (const id of [edge.source, edge.target]) {
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
  }
  if (retrying < minHops) return [];
  const graph = stronglyConnected(ids, (id) => index.outgoing(id, 'sync'), retries);
  const n = ids.length;
  const product = new Float64Array(n).fill(1);
  const hops = new Int32Array(n);
  const pred: (SyncEdge | undefined)[] = new Array<SyncEdge | undefined>(n);
  for (let c = graph.components.length - 1; c >= 0; c--) {
    for (const u of graph.components[c]!) {
      for (const edge of index.outgoing(ids[u]!, 'sync')) {
        if (!retries(edge)) continue;
        const w = graph.position.get(edge.target);
        if (w === undefined || graph.componentOf[w] === c) continue;
        const candidate = product[u]! * edge.retry.maxAttempts;
        const length = hops[u]! + 1;
        if (candidate > product[w]! || (candidate === product[w]! && length > hops[w]!)) {
          product[w] = candidate;
          hops[w] = length;
          pred[w] = edge;
        }
      }
    }
  }
  const extended = new Uint8Array(n);
  for (const edge of pred) if (edge) extended[graph.position.get(edge.source)!] = 1;
  const chains: RetryChain[] = [];
  for (let w = 0; w < n; w++) {
    if (hops[w]! < minHops || extended[w] === 1) continue;
    const edges: SyncEdge[] = [];
    for (let edge = pred[w]; edge; edge = pred[graph.position.get(edge.source)!]) edges.push(edge);
    edges.reverse();
    chains.push({ edges, product: product[w]! });
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
    'Two checks on sync edges with `retry.maxAttempts` > 1 (retrying edges). (1) A path of at least `minRetryingHops` consecutive retrying edges; for each node the most amplified such path ending there is found by dynamic programming over the condensed graph of retrying edges, and reported where no longer chain continues it, with the product of the attempts. (2) A retrying edge whose backoff is `none`, or that has no jitter.',
  thresholds,
  check({ design, index, thresholds: t }) {
    const findings: Finding[] = [];
    for (const chain of retryChains(index, Math.max(2, t.minRetryingHops))) {
      const nodes = [chain.edges[0]!.source, ...chain.edges.map((e) => e.target)];
      const last = chain.edges[chain.edges.length - 1]!;
      const inner = chain.edges.slice(0, -1).map((e) => e.id);
      const lastName = nameOf(index, last.target);
      findings.push(
        makeFinding(retryAmplification, {
          message: `Retries stack up along ${arrowPath(nodes.map((id) => nameOf(index, id)))}: ${chain.edges
            .map((e) => e.retry.maxAttempts)
            .join(' × ')} = up to ${formatNumber(chain.product)} calls reach ${lastName} for one request.`,
          why: CHAIN_WHY,
          fix: CHAIN_FIX,
          elementIds: [...nodes, ...chain.edges.map((e) => e.id)],
          quickFixes: [
            {
              id: 'retry-once',
              label: `Retry only at the last hop (${nameOf(index, last.source)} → ${lastName})`,
              apply: (d) => patchSyncEdges(d, inner, (e) => ({ retry: { ...e.retry, maxAttempts: 1 } })),
            },
          ],
        }),
      );
    }
    for (const edge of design.edges) {
      if (!retries(edge) || (edge.retry.backoff !== 'none' && edge.retry.jitter)) continue;
      const source = index.nodeById.get(edge.source);
      const target = index.nodeById.get(edge.target);
      if (!source || !target) continue;
      findings.push(
        makeFinding(retryAmplification, {
          title: 'Retries without backoff and jitter',
          glossaryTerm: 'retry-with-backoff',
          message: `${source.name} retries ${target.name} up to ${plural(edge.retry.maxAttempts - 1, "time")} ${scheduleProblem(edge)}.`,
          why: BACKOFF_WHY,
          fix: BACKOFF_FIX,
          elementIds: [source.id, target.id, edge.id],
          quickFixes: [
            {
              id: 'backoff-jitter',
              label: 'Use exponential backoff with jitter',
              apply: (d) => patchSyncEdges(d, [edge.id], (e) => ({ retry: { ...e.retry, backoff: 'exponential', jitter: true } })),
            },
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
