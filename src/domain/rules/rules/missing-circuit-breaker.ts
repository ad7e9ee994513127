import { CIRCUIT_BREAKER, callFacts } from '../analysis/calls.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { makeFinding, MAX_ELEMENT_IDS, quickFix, unique } from '../analysis/finding.ts';
import { COMPUTE, EDGE, edgeElementIds, EXTERNAL, factsOf, NumberSet, PLATFORM, SOURCE_ID, SYNC } from '../analysis/facts.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When a dependency slows down or fails, callers without a breaker keep sending it requests and keep waiting on each one, so their own threads fill up and the failure spreads to them. A circuit breaker notices the failures, stops calling for a while and fails fast, which protects the caller and gives the dependency room to recover.';
const FIX =
  'Wrap calls to third parties and to widely shared services in a circuit breaker, and decide what the caller does while it is open (a cached answer, a default, or a clear error).';

const thresholds = { sharedCallers: 3 };

/** Unprotected calls a finding names: each with its caller, and the target, within MAX_ELEMENT_IDS. */
const NAMED_CALLS = (MAX_ELEMENT_IDS - 1) >> 1;

export const missingCircuitBreaker: RuleDefinition<typeof thresholds> = {
  id: 'missing-circuit-breaker',
  title: 'No circuit breaker on a risky dependency',
  severity: 'warning',
  glossaryTerm: 'circuit-breaker',
  summary: 'Flags calls without a circuit breaker to a third-party API or to a service many others depend on.',
  condition:
    'For a target T: if T is external (a third-party API), the sync edges into T from compute, edge or platform nodes with `circuitBreaker` false; if T is a service (compute) called over sync edges by at least `sharedCallers` distinct services, the sync edges into T from services with `circuitBreaker` false. One finding per target, naming the unprotected callers (the first 31 with their calls); its quick fix protects them all.',
  thresholds,
  check({ index, thresholds: t }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { start, edge } = facts.in[SYNC];
    const { flags } = callFacts(index);
    const report = (target: number, unprotected: number[], callerCount: number, external: boolean) => {
      const node = facts.nodes[target]!;
      const names = unique(unprotected.map((k) => facts.nodes[facts.source[k]!]!.name));
      const verb = names.length === 1 ? 'calls' : 'call';
      const message = external
        ? `${listNames(names)} ${verb} ${node.name}, a third-party API, without a circuit breaker.`
        : `${node.name} is called by ${callerCount} services, and ${listNames(names)} ${verb} it without a circuit breaker.`;
      const ids = unprotected.map((k) => facts.edges[k]!.id);
      findings.push(
        makeFinding(missingCircuitBreaker, {
          message,
          why: WHY,
          fix: FIX,
          elementIds: edgeElementIds(facts, node.id, unprotected, SOURCE_ID, NAMED_CALLS),
          quickFixes: [
            quickFix('add-breaker', ids.length === 1 ? 'Add a circuit breaker to this call' : `Add circuit breakers to these ${ids.length} calls`, (d) =>
              patchSyncEdges(d, ids, { circuitBreaker: true }),
            ),
          ],
        }),
      );
    };

    for (const i of facts.byRole[EXTERNAL]!) {
      const unprotected: number[] = [];
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const role = facts.role[facts.source[k]!];
        if ((flags[k]! & CIRCUIT_BREAKER) === 0 && (role === COMPUTE || role === EDGE || role === PLATFORM)) unprotected.push(k);
      }
      if (unprotected.length > 0) report(i, unprotected, 0, true);
    }

    const seen = new NumberSet(facts.n);
    for (const i of facts.byRole[COMPUTE]!) {
      if (start[i + 1]! - start[i]! < t.sharedCallers) continue;
      seen.clear();
      let callers = 0;
      const unprotected: number[] = [];
      for (let j = start[i]!; j < start[i + 1]!; j++) {
        const k = edge[j]!;
        const s = facts.source[k]!;
        if (facts.role[s] !== COMPUTE) continue;
        if (seen.add(s)) callers++;
        if ((flags[k]! & CIRCUIT_BREAKER) === 0) unprotected.push(k);
      }
      if (callers >= t.sharedCallers && unprotected.length > 0) report(i, unprotected, callers, false);
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-missing-circuit-breaker-failing',
      title: 'Checkout calls the payment provider unprotected',
      nodes: { checkout: ['service', 'Checkout'], pay: ['third-party-api', 'Payment provider'] },
      links: [['checkout', 'pay']],
    }),
    passing: sketch({
      id: 'example-missing-circuit-breaker-passing',
      title: 'Checkout calls the payment provider through a breaker',
      nodes: { checkout: ['service', 'Checkout'], pay: ['third-party-api', 'Payment provider'] },
      links: [['checkout', 'pay', { circuitBreaker: true }]],
    }),
  },
};
