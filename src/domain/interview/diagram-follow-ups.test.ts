import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Design } from '../diagram/schema.ts';
import type { Criterion } from '../rubric/problem.ts';
import { scoreDesign } from '../rubric/scorer.ts';
import { analyzeDesign } from '../rules/engine.ts';
import { sketch } from '../rules/sketch.ts';
import { criterionQuestion, diagramFollowUps, FAILURE_PROBE_TERM } from './diagram-follow-ups.ts';
import { checkoutDesign, shopProblem } from './interview-test-fixtures.ts';

function followUpsOf(design: Design) {
  const findings = analyzeDesign(design);
  return diagramFollowUps({ problem: shopProblem, design, findings, score: scoreDesign(shopProblem, design, findings) });
}

describe('follow-ups from the diagram', () => {
  it('asks about what was drawn (warnings), then missing rubric items, then single instances', () => {
    expect(followUpsOf(checkoutDesign).map((f) => [f.id, f.text])).toEqual([
      ['finding:missing-observability:design', 'A request fails somewhere between your 3 services. How would you find out where, and how fast?'],
      ['finding:missing-timeout:checkout+e3+payment', 'Checkout calls Payment synchronously with no timeout. What happens when Payment slows down?'],
      ['finding:single-point-of-failure:db', 'Payments DB runs as a single instance. What happens to user requests when it fails?'],
      ['finding:single-point-of-failure:payment', 'Payment runs as a single instance. What happens to user requests when it fails?'],
      ['missing:has-search', 'How does your design handle Product search?'],
      ['missing:payments-redundant', 'What happens to Payments when one instance fails?'],
      ['failure:events', 'Your Order events has one instance. What happens when it fails?'],
    ]);
  });

  it('links each follow-up to a glossary term or to its criterion, never revealing the hint', () => {
    const byId = new Map(followUpsOf(checkoutDesign).map((f) => [f.id, f]));
    expect(byId.get('missing:has-search')?.link).toEqual({ type: 'criterion', criterionId: 'has-search' });
    expect(byId.get('finding:missing-timeout:checkout+e3+payment')?.link).toEqual({ type: 'term', termId: 'timeout' });
    expect(byId.get('failure:events')?.link).toEqual({ type: 'term', termId: FAILURE_PROBE_TERM });
    expect(existsSync(new URL(`../../../glossary/terms/${FAILURE_PROBE_TERM}.md`, import.meta.url))).toBe(true);
    const hints = shopProblem.rubric.map((c) => c.hint);
    for (const f of byId.values()) for (const hint of hints) expect(f.text).not.toContain(hint);
  });

  it('puts errors first and uses a criterion’s own question when it has one', () => {
    const design = sketch({
      id: 'd',
      title: 'd',
      nodes: { checkout: ['service', 'Checkout'], payment: ['service', 'Payments'] },
      links: [['payment', 'checkout']],
    });
    const withCycle = sketch({
      id: 'd',
      title: 'd',
      nodes: { checkout: ['service', 'Checkout'], payment: ['service', 'Payments'] },
      links: [['checkout', 'payment'], ['payment', 'checkout']],
    });
    expect(followUpsOf(design).find((f) => f.id === 'missing:checkout-pays')?.text).toBe('How does a shopper’s payment get taken during checkout?');
    const first = followUpsOf(withCycle)[0]!;
    expect(first.id).toMatch(/^finding:sync-cycle:/);
    expect(first.priority).toBe(0);
  });

  it('probes single-instance datastores, brokers and compute that something depends on', () => {
    const design = sketch({
      id: 'd',
      title: 'd',
      nodes: {
        jobs: ['worker', 'Jobs', { instances: 1 }],
        queue: ['message-queue', 'Job queue'],
        cache: ['cache', 'Cache'],
        fn: ['serverless-function', 'Resizer'],
        lone: ['relational-database', 'Unused DB'],
      },
      links: [['jobs', 'queue'], ['queue', 'fn'], ['jobs', 'cache']],
    });
    expect(followUpsOf(design).filter((f) => f.source === 'failure').map((f) => f.id)).toEqual(['failure:queue', 'failure:cache']);
  });

  it('writes a question for every kind of criterion, ending with a question mark', () => {
    const label = (id: string) => id.toUpperCase();
    const base = { points: 5, description: 'd', hint: 'h' };
    const criteria: Criterion[] = [
      { ...base, id: 'a', type: 'capability', capability: 'x' },
      ...(['sync', 'async', 'not-sync', 'any'] as const).map((via) => ({ ...base, id: via, type: 'reaches' as const, from: 'x', to: 'y', via })),
      { ...base, id: 'b', type: 'component', kind: 'cache', position: 'in-front-of', capability: 'x' },
      { ...base, id: 'c', type: 'component', kind: 'cache', position: 'behind', capability: 'x' },
      { ...base, id: 'd', type: 'instances', capability: 'x', min: 2 },
      { ...base, id: 'e', type: 'replicated', capability: 'x' },
      { ...base, id: 'f', type: 'single-owner', capability: 'x' },
      { ...base, id: 'g', type: 'single-owner' },
      { ...base, id: 'h', type: 'entry-through', kind: 'api-gateway' },
    ];
    for (const c of criteria) {
      const text = criterionQuestion(c, label);
      expect(text, c.id).toMatch(/\?$/);
      if ('capability' in c && c.capability) expect(text).toContain('X');
      expect(text).not.toContain('cache');
    }
    expect(criterionQuestion({ ...base, id: 'n', type: 'no-finding', severity: 'error' }, label)).toBeNull();
  });
});
