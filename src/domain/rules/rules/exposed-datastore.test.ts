import { describe, expect, it } from 'vitest';
import { allQuickFixProblems, checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { exposedDatastore as rule } from './exposed-datastore.ts';

describe('exposed-datastore', () => {
  it('flags its failing example as an error and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.severity, f.message])).toEqual([
      ['error', 'Mobile app reads and writes Users DB directly: the datastore is open to anyone who can reach the app.'],
    ]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('accepts direct uploads to object storage when a service issues presigned URLs, and warns when none does', () => {
    const nodes = { app: ['mobile-client', 'App'], media: ['service', 'Media'], bucket: ['object-storage', 'Photos'] } as const;
    const presigned = sketch({ id: 'd', title: 'Presigned', nodes, links: [['app', 'media'], ['media', 'bucket'], ['app', 'bucket', { access: 'write' }]] });
    expect(checkRule(rule, presigned)).toEqual([]);
    const open = sketch({ id: 'd', title: 'Open bucket', nodes, links: [['app', 'bucket', { access: 'write' }]] });
    expect(checkRule(rule, open).map((f) => f.severity)).toEqual(['warning']);
  });

  it('has a quick fix that puts a service in front', () => {
    expect(allQuickFixProblems(rule, rule.examples.failing)).toEqual([]);
  });
});
