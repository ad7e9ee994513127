import type { SyncEdge } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { callFacts, NO_TIMEOUT, type CallFacts } from '../analysis/calls.ts';
import { factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
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

/** The finding for call k out of node i, which may outlast the budget its tightest caller (edge `tightest`) gives i. */
function report(facts: Facts, calls: CallFacts, i: number, tightest: number, budget: number, k: number): Finding {
  const attempts = calls.attempts[k]!;
  const timeoutMs = calls.timeout[k]!;
  const worst = timeoutMs * attempts;
  const edge = facts.edges[k] as SyncEdge;
  const node = facts.nodes[i]!;
  const callee = facts.nodes[facts.target[k]!]!;
  const caller = facts.nodes[facts.source[tightest]!]!;
  const spend =
    attempts > 1
      ? `may spend ${attempts} × ${formatMs(timeoutMs)} = ${formatMs(worst)} on ${callee.name}`
      : `waits up to ${formatMs(timeoutMs)} for ${callee.name}`;
  const fit = fitToBudget(budget, attempts);
  const label =
    fit.attempts === attempts
      ? `Lower the timeout to ${formatMs(fit.timeoutMs)}`
      : `Lower the timeout to ${formatMs(fit.timeoutMs)} and the attempts to ${fit.attempts}`;
  return makeFinding(timeoutBudget, {
    message: `${node.name} ${spend}, but ${caller.name} gives ${node.name} only ${formatMs(budget)}.`,
    why: WHY,
    fix: FIX,
    elementIds: [caller.id, facts.edges[tightest]!.id, node.id, edge.id, callee.id],
    key: edge.id,
    quickFixes: [
      quickFix('fit-timeout', label, (d) =>
        patchSyncEdges(d, [edge.id], (e) => ({ timeoutMs: fit.timeoutMs, retry: { ...e.retry, maxAttempts: fit.attempts } })),
      ),
    ],
  });
}

export const timeoutBudget: RuleDefinition<Record<string, never>> = {
  id: 'timeout-budget',
  title: 'Inner timeout longer than the outer one',
  severity: 'warning',
  glossaryTerm: 'deadline-propagation',
  summary: 'Flags a call that may take longer, with its retries, than its caller is willing to wait.',
  condition:
    'For a node N with at least one incoming sync edge that has a timeout, take the tightest one (smallest `timeoutMs`, the budget). Reported for each outgoing sync edge of N whose `timeoutMs × retry.maxAttempts` exceeds that budget. One finding per inner edge (its id is the finding key). The quick fix lowers the inner timeout to ⌊budget ÷ attempts⌋ (and the attempts, if even 1 ms each would not fit).',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const calls = callFacts(index);
    const { flags, timeout, attempts: tries } = calls;
    const outgoing = facts.out[SYNC];
    const incoming = facts.in[SYNC];
    for (let i = 0; i < facts.n; i++) {
      if (outgoing.start[i] === outgoing.start[i + 1] || incoming.start[i] === incoming.start[i + 1]) continue;
      let tightest = -1;
      let budget = Infinity;
      for (let j = incoming.start[i]!; j < incoming.start[i + 1]!; j++) {
        const k = incoming.edge[j]!;
        if ((flags[k]! & NO_TIMEOUT) === 0 && timeout[k]! < budget) {
          tightest = k;
          budget = timeout[k]!;
        }
      }
      if (tightest === -1) continue;
      for (let j = outgoing.start[i]!; j < outgoing.start[i + 1]!; j++) {
        const k = outgoing.edge[j]!;
        if ((flags[k]! & NO_TIMEOUT) !== 0) continue;
        if (!(timeout[k]! * tries[k]! <= budget)) findings.push(report(facts, calls, i, tightest, budget, k));
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
