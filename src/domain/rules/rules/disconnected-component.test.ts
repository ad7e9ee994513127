import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { disconnectedComponent as rule } from './disconnected-component.ts';

describe('disconnected-component', () => {
  it('flags its failing example (an unused datastore) as a warning, and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.severity, f.message])).toEqual([['warning', 'Nothing reads or writes Search.']]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('reports a lone service as info, a database only replicated from as unused, and skips platform components', () => {
    const design = sketch({
      id: 'd',
      title: 'Loose ends',
      nodes: {
        lone: ['service', 'Legacy'],
        config: ['config-service', 'Config'],
        db: ['relational-database', 'Old DB'],
        replica: ['read-replica', 'Old DB replica'],
      },
      links: [['db', 'replica']],
    });
    expect(checkRule(rule, design).map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'Nothing reads or writes Old DB.'],
      ['info', 'Legacy is not connected to anything.'],
    ]);
    expect(allQuickFixProblems(rule, design)).toEqual([]);
  });

  it('has quick fixes that remove a lone component', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
