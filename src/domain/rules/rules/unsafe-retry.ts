import { patchSyncEdges } from '../analysis/edits.ts';
import { callFacts, UNSAFE_RETRY } from '../analysis/calls.ts';
import { factsOf } from '../analysis/facts.ts';
import { makeFinding, quickFix } from '../analysis/finding.ts';
import { sketch } from '../sketch.ts';
import type { Finding, RuleDefinition } from '../types.ts';

const WHY =
  'A timeout does not tell the caller whether the callee did the work: the request may have succeeded and only the answer got lost. Retrying an operation that is not idempotent can then charge a card twice, send two emails or create a duplicate order.';
const FIX =
  'Make the operation idempotent (the caller sends an idempotency key and the callee remembers keys it has processed, or the operation sets a state instead of adding to it), then mark the call idempotent. Otherwise do not retry it automatically.';

export const unsafeRetry: RuleDefinition<Record<string, never>> = {
  id: 'unsafe-retry',
  title: 'Retrying a call that is not idempotent',
  severity: 'error',
  glossaryTerm: 'idempotency',
  summary: 'Flags a synchronous call that is retried although repeating it is not safe.',
  condition: 'A sync edge with `retry.maxAttempts` > 1 and `idempotent` false.',
  thresholds: {},
  check({ index }) {
    const facts = factsOf(index);
    const findings: Finding[] = [];
    const { flags, retrying } = callFacts(index);
    for (const k of retrying) {
      if ((flags[k]! & UNSAFE_RETRY) === 0) continue;
      const edge = facts.edges[k]!;
      if (edge.family !== 'sync') continue;
      const source = facts.nodes[facts.source[k]!]!;
      const target = facts.nodes[facts.target[k]!]!;
      findings.push(
        makeFinding(unsafeRetry, {
          message: `${source.name} retries its call to ${target.name} (up to ${edge.retry.maxAttempts} attempts), but the call is not idempotent: a retry after a lost reply repeats the work.`,
          why: WHY,
          fix: FIX,
          elementIds: [source.id, target.id, edge.id],
          quickFixes: [
            quickFix('mark-idempotent', 'Mark the call idempotent (it takes an idempotency key)', (d) =>
              patchSyncEdges(d, [edge.id], { idempotent: true }),
            ),
            quickFix('stop-retrying', 'Stop retrying this call', (d) =>
              patchSyncEdges(d, [edge.id], (e) => ({ retry: { ...e.retry, maxAttempts: 1 } })),
            ),
          ],
        }),
      );
    }
    return findings;
  },
  examples: {
    failing: sketch({
      id: 'example-unsafe-retry-failing',
      title: 'Checkout retries the charge',
      nodes: { checkout: ['service', 'Checkout'], pay: ['third-party-api', 'Payment provider'] },
      links: [['checkout', 'pay', { circuitBreaker: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }]],
    }),
    passing: sketch({
      id: 'example-unsafe-retry-passing',
      title: 'Checkout retries the charge with an idempotency key',
      nodes: { checkout: ['service', 'Checkout'], pay: ['third-party-api', 'Payment provider'] },
      links: [
        ['checkout', 'pay', { circuitBreaker: true, idempotent: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } }],
      ],
    }),
  },
};
