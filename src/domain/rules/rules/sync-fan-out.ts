import type { SyncEdge } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { callFacts } from '../analysis/calls.ts';
import { COMPUTE, edgeElementIds, factsOf, NumberSet, SYNC, TARGET_ID, TELEMETRY, type Facts } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { formatNumber, listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const FAN_OUT_WHY =
  'A request that waits on many services is as slow as the slowest of them and fails if any of them fails: with five calls each slow 1% of the time, about 5% of requests are slow. It also couples the caller to every one of those services’ releases.';
const FAN_OUT_FIX =
  'Call only what the response needs, in parallel, with timeouts and fallbacks for the optional parts. Keep local copies of data that changes rarely, or let a dedicated aggregator or backend-for-frontend own the composition.';
const CHATTY_WHY =
  'One call per item turns a page of 50 items into 50 network round trips (the N+1 problem): latency grows with the data, and the callee’s load grows with every list it serves.';
const CHATTY_FIX = 'Fetch in one batched call (ask for all ids at once), or keep the data the caller needs next to it.';

const thresholds = { fanOutTargets: 5, chattyCalls: 10 };

/** The finding for a chatty call k (kept out of the scan so it allocates nothing per edge). */
function chattyFinding(facts: Facts, k: number): Finding {
  const edge = facts.edges[k] as SyncEdge;
  const perItem = edge.callsPerRequest === 'per-item';
  const source = facts.nodes[facts.source[k]!]!;
  const target = facts.nodes[facts.target[k]!]!;
  return makeFinding(syncFanOut, {
    title: 'Chatty calls',
    glossaryTerm: 'chatty-communication',
    message: perItem
      ? `${source.name} calls ${target.name} once per item: a list of N items costs N + 1 round trips.`
      : `${source.name} calls ${target.name} ${formatNumber(edge.callsPerRequest as number)} times for each request it handles.`,
    why: CHATTY_WHY,
    fix: CHATTY_FIX,
    elementIds: [source.id, target.id, edge.id],
    quickFixes: [quickFix('batch-calls', 'Batch into one call per request', (d) => patchSyncEdges(d, [edge.id], { callsPerRequest: 1 }))],
  });
}

export const syncFanOut: RuleDefinition<typeof thresholds> = {
  id: 'sync-fan-out',
  title: 'Synchronous fan-out',
  severity: 'warning',
  glossaryTerm: 'fan-out',
  summary: 'Flags a service that calls many others synchronously for each request, and calls made once per item.',
  condition:
    'Two checks. (1) A compute node with sync edges to at least `fanOutTargets` distinct targets (telemetry collectors not counted). Edge components (gateways, load balancers) are skipped: they route each request to one target. (2) Any sync edge whose `callsPerRequest` is "per-item" (N+1) or at least `chattyCalls`.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.out[SYNC];
    const seen = new NumberSet(facts.n);
    for (const i of facts.byRole[COMPUTE]!) {
      if (start[i + 1]! - start[i]! < t.fanOutTargets) continue;
      // Count the distinct targets first; list them only for a finding.
      let count = 0;
      seen.clear();
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const w = facts.target[edge[j]!]!;
        if (TELEMETRY[facts.kind[w]!] !== 1 && seen.add(w)) count++;
      }
      if (count < t.fanOutTargets) continue;
      const targets: number[] = [];
      const calls: number[] = [];
      seen.clear();
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const w = facts.target[k]!;
        if (TELEMETRY[facts.kind[w]!] === 1 || !seen.add(w)) continue;
        targets.push(w);
        calls.push(k);
      }
      const node = facts.nodes[i]!;
      findings.push(
        makeFinding(syncFanOut, {
          message: `${node.name} calls ${targets.length} components synchronously for its requests: ${listNames(targets.map((w) => facts.nodes[w]!.name), 6)}.`,
          why: FAN_OUT_WHY,
          fix: FAN_OUT_FIX,
          elementIds: edgeElementIds(facts, node.id, calls, TARGET_ID),
        }),
      );
    }
    const { callsPerRequest } = callFacts(index);
    for (let k = 0, m = facts.m; k < m; k++) {
      if (!(callsPerRequest[k]! < t.chattyCalls) && facts.family[k] === SYNC) findings.push(chattyFinding(facts, k));
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-sync-fan-out-failing',
      title: 'The home page calls five services in turn',
      nodes: {
        home: ['service', 'Home page'],
        user: ['service', 'Profile'],
        feed: ['service', 'Feed'],
        ads: ['service', 'Ads'],
        recs: ['service', 'Recommendations'],
        cart: ['service', 'Cart'],
      },
      links: [['home', 'user'], ['home', 'feed'], ['home', 'ads'], ['home', 'recs'], ['home', 'cart']],
    }),
    passing: sketch({
      id: 'example-sync-fan-out-passing',
      title: 'The home page calls four services',
      nodes: {
        home: ['service', 'Home page'],
        user: ['service', 'Profile'],
        feed: ['service', 'Feed'],
        recs: ['service', 'Recommendations'],
        cart: ['service', 'Cart'],
      },
      links: [['home', 'user'], ['home', 'feed'], ['home', 'recs'], ['home', 'cart']],
    }),
  },
};
