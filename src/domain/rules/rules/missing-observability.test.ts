import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { missingObservability as rule } from './missing-observability.ts';

describe('missing-observability', () => {
  it('flags its failing example once for the design, and not its passing one', () => {
    const findings = checkRule(rule, rule.examples.failing);
    expect(findings.map((f) => [f.id, f.elementIds])).toEqual([['missing-observability:design', ['orders', 'stock', 'cart']]]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('waits for three services by default', () => {
    const design = sketch({ id: 'd', title: 'Two', nodes: { a: ['service', 'A'], b: ['service', 'B'] }, links: [['a', 'b']] });
    expect(checkRule(rule, design)).toEqual([]);
    expect(checkRule(rule, design, { minServices: 2 })).toHaveLength(1);
  });

  it('has a quick fix that adds tracing, logs and metrics', () => {
    const [finding] = checkRule(rule, rule.examples.failing);
    const fixed = finding!.quickFixes[0]!.apply(rule.examples.failing);
    expect(fixed.nodes.slice(-3).map((n) => n.kind)).toEqual(['tracing-collector', 'log-aggregator', 'metrics-alerting']);
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
