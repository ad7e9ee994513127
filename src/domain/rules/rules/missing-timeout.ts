import type { SyncEdge } from '../../diagram/schema.ts';
import { callFacts, NO_TIMEOUT, type CallFacts } from '../analysis/calls.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { COMPUTE, EDGE, factsOf, PLATFORM, SYNC, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { formatMs } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A call without a timeout waits as long as the callee takes, and a callee that hangs holds the caller’s thread, connection and memory with it. A few hung calls fill the caller’s pool, the caller stops answering its own callers, and one slow dependency becomes an outage up the whole chain.';
const FIX =
  'Give every call a timeout a little above the callee’s normal slow response (its p99), and below what the caller itself is allowed to take.';

const thresholds = { defaultTimeoutMs: 2000 };

/** The tightest timeout any caller gives node i, or null if none is set. */
function callerBudget(facts: Facts, calls: CallFacts, i: number): number | null {
  let budget: number | null = null;
  const { start, edge } = facts.in[SYNC];
  for (let j = start[i]!; j < start[i + 1]!; j++) {
    const k = edge[j]!;
    if ((calls.flags[k]! & NO_TIMEOUT) !== 0) continue;
    const timeout = calls.timeout[k]!;
    if (budget === null || timeout < budget) budget = timeout;
  }
  return budget;
}

/** A timeout for a call made `attempts` times that fits its caller's budget, capped at `fallback`. */
function suggestedTimeout(budget: number | null, attempts: number, fallback: number): number {
  const cap = Math.min(600_000, Math.max(1, Math.round(fallback)));
  if (budget === null) return cap;
  return Math.max(1, Math.min(cap, Math.floor(budget / attempts)));
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
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const calls = callFacts(index);
    // A caller's untimed calls share its budget: look it up once per caller (-2: not yet, -1: none).
    const budgets = calls.untimed.length > 0 ? new Float64Array(facts.n).fill(-2) : null;
    // Most suggested timeouts are the default: word each one once.
    const labels = new Map<number, string>();
    for (const k of calls.untimed) {
      const s = facts.source[k]!;
      const role = facts.role[s];
      if (role !== COMPUTE && role !== EDGE && role !== PLATFORM) continue;
      const edge = facts.edges[k] as SyncEdge;
      const source = facts.nodes[s]!;
      const target = facts.nodes[facts.target[k]!]!;
      if (budgets![s] === -2) budgets![s] = callerBudget(facts, calls, s) ?? -1;
      const budget = budgets![s]!;
      const timeout = suggestedTimeout(budget === -1 ? null : budget, calls.attempts[k]!, t.defaultTimeoutMs);
      let label = labels.get(timeout);
      if (label === undefined) labels.set(timeout, (label = `Set a ${formatMs(timeout)} timeout`));
      findings.push(
        makeFinding(missingTimeout, {
          message: `${source.name} calls ${target.name} with no timeout: if ${target.name} hangs, ${source.name} waits with it.`,
          why: WHY,
          fix: FIX,
          elementIds: [source.id, target.id, edge.id],
          quickFixes: [quickFix('set-timeout', label, (d) => patchSyncEdges(d, [edge.id], { timeoutMs: timeout }))],
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
