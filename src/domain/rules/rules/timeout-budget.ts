import type { SyncEdge } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { callFacts, NO_TIMEOUT, type CallFacts } from '../analysis/calls.ts';
import { factsOf, SYNC, type Facts } from '../analysis/facts.ts';
import { drawnFlows, pathCalls, REQUESTS } from '../analysis/requests.ts';
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

/** A call that may outlast its caller's budget: inner call k out of node i, the caller's call `outer` into i, and the flow, if any. */
interface Overrun {
  k: number;
  outer: number;
  budget: number;
  flow: string | null;
}

/** The finding for an overrun: call k may outlast the budget `outer` gives its caller. */
function report(facts: Facts, calls: CallFacts, { k, outer, budget, flow }: Overrun): Finding {
  const attempts = calls.attempts[k]!;
  const timeoutMs = calls.timeout[k]!;
  const worst = timeoutMs * attempts;
  const edge = facts.edges[k] as SyncEdge;
  const node = facts.nodes[facts.source[k]!]!;
  const callee = facts.nodes[facts.target[k]!]!;
  const caller = facts.nodes[facts.source[outer]!]!;
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
    message: `${flow === null ? '' : `In “${flow}”, `}${node.name} ${spend}, but ${caller.name} gives ${node.name} only ${formatMs(budget)}.`,
    why: WHY,
    fix: FIX,
    elementIds: [caller.id, facts.edges[outer]!.id, node.id, edge.id, callee.id],
    key: edge.id,
    quickFixes: [
      quickFix('fit-timeout', label, (d) =>
        patchSyncEdges(d, [edge.id], (e) => ({ timeoutMs: fit.timeoutMs, retry: { ...e.retry, maxAttempts: fit.attempts } })),
      ),
    ],
  });
}

const timed = (calls: CallFacts, k: number) => (calls.flags[k]! & NO_TIMEOUT) === 0;

export const timeoutBudget: RuleDefinition<Record<string, never>> = {
  id: 'timeout-budget',
  title: 'Inner timeout longer than the outer one',
  severity: 'warning',
  glossaryTerm: 'deadline-propagation',
  summary: 'Flags a call that may take longer, with its retries, than its caller is willing to wait.',
  condition:
    `Along ${REQUESTS}, ` +
    'never pairing calls from two operations. In a drawn flow: a sync step out of node N whose `timeoutMs × retry.maxAttempts` exceeds the timeout of the flow’s own sync step that brought the request to N. On the paths from entry services no flow covers: for a node N, the tightest timeout among the sync edges into N that such a request may take (the budget), against each sync edge out of N it may take. One finding per inner edge (its id is the finding key), for the tightest budget found. The quick fix lowers the inner timeout to ⌊budget ÷ attempts⌋ (and the attempts, if even 1 ms each would not fit).',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const calls = callFacts(index);
    const { timeout, attempts } = calls;
    const overruns = new Map<number, Overrun>();
    const consider = (k: number, outer: number, flow: string | null) => {
      const budget = timeout[outer]!;
      if (!(timeout[k]! * attempts[k]! > budget)) return;
      const known = overruns.get(k);
      if (!known || budget < known.budget) overruns.set(k, { k, outer, budget, flow });
    };

    // Drawn flows: each step against the step that brought the request to its caller.
    for (const flow of drawnFlows(index)) {
      const { steps, via } = flow;
      for (let s = 0; s < steps.length; s++) {
        const k = steps[s]!;
        const p = via[s]!;
        if (p === -1 || facts.family[k] !== SYNC || !timed(calls, k)) continue;
        const outer = steps[p]!;
        if (facts.family[outer] === SYNC && timed(calls, outer)) consider(k, outer, flow.name);
      }
    }

    // Paths from entries no flow covers: the tightest call in against every call out.
    const onPath = pathCalls(index);
    const outgoing = facts.out[SYNC];
    const incoming = facts.in[SYNC];
    for (let i = 0; i < facts.n; i++) {
      if (outgoing.start[i] === outgoing.start[i + 1] || incoming.start[i] === incoming.start[i + 1]) continue;
      let tightest = -1;
      for (let j = incoming.start[i]!; j < incoming.start[i + 1]!; j++) {
        const k = incoming.edge[j]!;
        if (onPath[k] !== 0 && timed(calls, k) && (tightest === -1 || timeout[k]! < timeout[tightest]!)) tightest = k;
      }
      if (tightest === -1) continue;
      for (let j = outgoing.start[i]!; j < outgoing.start[i + 1]!; j++) {
        const k = outgoing.edge[j]!;
        if (onPath[k] !== 0 && timed(calls, k)) consider(k, tightest, null);
      }
    }
    return [...overruns.values()].map((overrun) => report(facts, calls, overrun));
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
