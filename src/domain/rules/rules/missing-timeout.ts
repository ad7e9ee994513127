import type { GraphIndex } from '../../diagram/graph-index.ts';
import type { SyncEdge } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { makeFinding } from '../analysis/finding.ts';
import { formatMs } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A call without a timeout waits as long as the callee takes, and a callee that hangs holds the caller’s thread, connection and memory with it. A few hung calls fill the caller’s pool, the caller stops answering its own callers, and one slow dependency becomes an outage up the whole chain.';
const FIX =
  'Give every call a timeout a little above the callee’s normal slow response (its p99), and below what the caller itself is allowed to take.';

const thresholds = { defaultTimeoutMs: 2000 };

/** The tightest timeout any caller gives the source of `edge`, or null if none is set. */
export function callerBudget(index: GraphIndex, nodeId: string): number | null {
  let budget: number | null = null;
  for (const incoming of index.incoming(nodeId, 'sync')) {
    if (incoming.family === 'sync' && incoming.timeoutMs !== null && (budget === null || incoming.timeoutMs < budget)) {
      budget = incoming.timeoutMs;
    }
  }
  return budget;
}

/** A timeout for `edge` that fits its caller's budget with all attempts, capped at `fallback`. */
export function suggestedTimeout(index: GraphIndex, edge: SyncEdge, fallback: number): number {
  const budget = callerBudget(index, edge.source);
  const cap = Math.max(1, Math.round(fallback));
  if (budget === null) return Math.min(cap, 600_000);
  return Math.max(1, Math.min(cap, Math.floor(budget / edge.retry.maxAttempts)));
}

export const missingTimeout: RuleDefinition<typeof thresholds> = {
  id: 'missing-timeout',
  title: 'Call without a timeout',
  severity: 'warning',
  glossaryTerm: 'timeout',
  summary: 'Flags a synchronous call between your own components that has no timeout.',
  condition:
    'A sync edge with `timeoutMs` null whose source is a compute, edge or platform node. Calls that start at a client or a third party are skipped: their timeouts live in code you do not draw (the browser, the app, the provider), and what a missing timeout costs you is your own servers’ threads. The quick fix sets `defaultTimeoutMs`, or less when the caller’s own tightest incoming timeout divided by this call’s attempts is smaller.',
  thresholds,
  check({ design, index, thresholds: t }) {
    const findings: Finding[] = [];
    for (const edge of design.edges) {
      if (edge.family !== 'sync' || edge.timeoutMs !== null) continue;
      const role = index.roleOf(edge.source);
      if (role !== 'compute' && role !== 'edge' && role !== 'platform') continue;
      const target = index.nodeById.get(edge.target);
      const source = index.nodeById.get(edge.source);
      if (!source || !target) continue;
      const timeout = suggestedTimeout(index, edge, t.defaultTimeoutMs);
      findings.push(
        makeFinding(missingTimeout, {
          message: `${source.name} calls ${target.name} with no timeout: if ${target.name} hangs, ${source.name} waits with it.`,
          why: WHY,
          fix: FIX,
          elementIds: [source.id, target.id, edge.id],
          quickFixes: [
            {
              id: 'set-timeout',
              label: `Set a ${formatMs(timeout)} timeout`,
              apply: (d) => patchSyncEdges(d, [edge.id], { timeoutMs: timeout }),
            },
          ],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-missing-timeout-failing',
      title: 'The gateway waits on Orders forever',
      nodes: { web: ['web-client', 'Web app'], gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'] },
      links: [['web', 'gw'], ['gw', 'orders', { timeoutMs: null }]],
    }),
    passing: sketch({
      id: 'example-missing-timeout-passing',
      title: 'The gateway gives Orders 2 seconds',
      nodes: { web: ['web-client', 'Web app'], gw: ['api-gateway', 'API gateway'], orders: ['service', 'Orders'] },
      links: [['web', 'gw', { timeoutMs: null }], ['gw', 'orders', { timeoutMs: 2000 }]],
    }),
  },
};
