import type { DesignEdge, DesignNode } from '../../diagram/schema.ts';
import { patchSyncEdges } from '../analysis/edits.ts';
import { makeFinding } from '../analysis/finding.ts';
import { nameOf } from '../analysis/graph.ts';
import { listNames } from '../analysis/text.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'When a dependency slows down or fails, callers without a breaker keep sending it requests and keep waiting on each one, so their own threads fill up and the failure spreads to them. A circuit breaker notices the failures, stops calling for a while and fails fast, which protects the caller and gives the dependency room to recover.';
const FIX =
  'Wrap calls to third parties and to widely shared services in a circuit breaker, and decide what the caller does while it is open (a cached answer, a default, or a clear error).';

const thresholds = { sharedCallers: 3 };

const SERVER_ROLES = new Set(['compute', 'edge', 'platform']);

export const missingCircuitBreaker: RuleDefinition<typeof thresholds> = {
  id: 'missing-circuit-breaker',
  title: 'No circuit breaker on a risky dependency',
  severity: 'warning',
  glossaryTerm: 'circuit-breaker',
  summary: 'Flags calls without a circuit breaker to a third-party API or to a service many others depend on.',
  condition:
    'For a target T: if T is external (a third-party API), the sync edges into T from compute, edge or platform nodes with `circuitBreaker` false; if T is a service (compute) called over sync edges by at least `sharedCallers` distinct services, the sync edges into T from services with `circuitBreaker` false. One finding per target, naming the unprotected callers.',
  thresholds,
  check({ index, thresholds: t }) {
    const findings: Finding[] = [];
    const report = (target: DesignNode, unprotected: DesignEdge[], callerCount: number, external: boolean) => {
      const names = [...new Set(unprotected.map((e) => nameOf(index, e.source)))];
      const verb = names.length === 1 ? 'calls' : 'call';
      const message = external
        ? `${listNames(names)} ${verb} ${target.name}, a third-party API, without a circuit breaker.`
        : `${target.name} is called by ${callerCount} services, and ${listNames(names)} ${verb} it without a circuit breaker.`;
      const ids = unprotected.map((e) => e.id);
      findings.push(
        makeFinding(missingCircuitBreaker, {
          message,
          why: WHY,
          fix: FIX,
          elementIds: [target.id, ...unprotected.flatMap((e) => [e.source, e.id])],
          quickFixes: [
            {
              id: 'add-breaker',
              label: ids.length === 1 ? 'Add a circuit breaker to this call' : `Add circuit breakers to these ${ids.length} calls`,
              apply: (d) => patchSyncEdges(d, ids, { circuitBreaker: true }),
            },
          ],
        }),
      );
    };

    for (const target of index.nodesByRole.get('external') ?? []) {
      const unprotected: DesignEdge[] = [];
      for (const edge of index.incoming(target.id, 'sync')) {
        if (edge.family === 'sync' && !edge.circuitBreaker && SERVER_ROLES.has(index.roleOf(edge.source) ?? '')) unprotected.push(edge);
      }
      if (unprotected.length > 0) report(target, unprotected, 0, true);
    }

    for (const target of index.nodesByRole.get('compute') ?? []) {
      const incoming = index.incoming(target.id, 'sync');
      if (incoming.length < t.sharedCallers) continue;
      const callers = new Set<string>();
      for (const edge of incoming) if (index.roleOf(edge.source) === 'compute') callers.add(edge.source);
      if (callers.size < t.sharedCallers) continue;
      const unprotected = incoming.filter((e) => e.family === 'sync' && !e.circuitBreaker && index.roleOf(e.source) === 'compute');
      if (unprotected.length > 0) report(target, unprotected, callers.size, false);
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
