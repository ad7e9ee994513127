import type { SyncEdge } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { makeFinding } from '../analysis/finding.ts';
import { formatMs } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A caller that has given up is no longer waiting for the answer, but the work below it carries on: the inner call keeps its threads, connections and retries busy for a response nobody will read. Under load that wasted work is what tips a slow system into an outage.';
const FIX =
  'Make inner timeouts fit inside outer ones: an inner call’s timeout multiplied by its attempts must be less than the time its caller is given. Better still, pass the remaining deadline along with each request and stop work when it runs out.';

/** The largest attempts and timeout with timeout × attempts ≤ budget, keeping as many attempts as fit. */
function fitToBudget(budget: number, attempts: number): { timeoutMs: number; attempts: number } {
  const kept = Math.max(1, Math.min(attempts, budget));
  return { timeoutMs: Math.max(1, Math.floor(budget / kept)), attempts: kept };
}

export const timeoutBudget: RuleDefinition<Record<string, never>> = {
  id: 'timeout-budget',
  title: 'Inner timeout longer than the outer one',
  severity: 'warning',
  glossaryTerm: 'deadline-propagation',
  summary: 'Flags a call that may take longer, with its retries, than its caller is willing to wait.',
  condition:
    'For a node N with at least one incoming sync edge that has a timeout, take the tightest one (smallest `timeoutMs`, the budget). Reported for each outgoing sync edge of N whose `timeoutMs × retry.maxAttempts` exceeds that budget. The quick fix lowers the inner timeout to ⌊budget ÷ attempts⌋ (and the attempts, if even 1 ms each would not fit).',
  thresholds: {},
  check({ design, index }) {
    const findings: Finding[] = [];
    for (const node of design.nodes) {
      const outgoing = index.outgoing(node.id, 'sync');
      if (outgoing.length === 0) continue;
      let tightest: SyncEdge | undefined;
      for (const edge of index.incoming(node.id, 'sync')) {
        if (edge.family === 'sync' && edge.timeoutMs !== null && (tightest?.timeoutMs == null || edge.timeoutMs < tightest.timeoutMs)) {
          tightest = edge;
        }
      }
      if (tightest?.timeoutMs == null) continue;
      const budget = tightest.timeoutMs;
      const caller = index.nodeById.get(tightest.source);
      for (const edge of outgoing) {
        if (edge.family !== 'sync' || edge.timeoutMs === null) continue;
        const attempts = edge.retry.maxAttempts;
        const worst = edge.timeoutMs * attempts;
        if (worst <= budget) continue;
        const callee = index.nodeById.get(edge.target);
        if (!caller || !callee) continue;
        const spend =
          attempts > 1
            ? `may spend ${attempts} × ${formatMs(edge.timeoutMs)} = ${formatMs(worst)} on ${callee.name}`
            : `waits up to ${formatMs(edge.timeoutMs)} for ${callee.name}`;
        const fit = fitToBudget(budget, attempts);
        const label =
          fit.attempts === attempts
            ? `Lower the timeout to ${formatMs(fit.timeoutMs)}`
            : `Lower the timeout to ${formatMs(fit.timeoutMs)} and the attempts to ${fit.attempts}`;
        findings.push(
          makeFinding(timeoutBudget, {
            message: `${node.name} ${spend}, but ${caller.name} gives ${node.name} only ${formatMs(budget)}.`,
            why: WHY,
            fix: FIX,
            elementIds: [caller.id, tightest.id, node.id, edge.id, callee.id],
            quickFixes: [
              {
                id: 'fit-timeout',
                label,
                apply: (d) =>
                  patchSyncEdges(d, [edge.id], (e) => ({
                    timeoutMs: fit.timeoutMs,
                    retry: { ...e.retry, maxAttempts: fit.attempts },
                  })),
              },
            ],
          }),
        );
      }
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-timeout-budget-failing',
      title: 'Checkout waits longer for Payments than the gateway waits for Checkout',
      nodes: { gw: ['api-gateway', 'API gateway'], checkout: ['service', 'Checkout'], payments: ['service', 'Payments'] },
      links: [['gw', 'checkout', { timeoutMs: 3000 }], ['checkout', 'payments', { timeoutMs: 5000 }]],
    }),
    passing: sketch({
      id: 'example-timeout-budget-passing',
      title: 'Checkout’s call to Payments fits inside the gateway’s timeout',
      nodes: { gw: ['api-gateway', 'API gateway'], checkout: ['service', 'Checkout'], payments: ['service', 'Payments'] },
      links: [['gw', 'checkout', { timeoutMs: 3000 }], ['checkout', 'payments', { timeoutMs: 2500 }]],
    }),
  },
};
