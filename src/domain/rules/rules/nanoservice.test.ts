import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { nanoservice as rule } from './nanoservice.ts';

describe('nanoservice', () => {
  it('flags its failing example as info and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.severity, f.elementIds])).toEqual([['info', ['format', 'catalog', 'e3']]]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('leaves functions, gateway-facing services and services with data alone', () => {
    const design = sketch({
      id: 'd',
      title: 'Not nano',
      nodes: {
        gw: ['api-gateway', 'Gateway'],
        a: ['service', 'A'],
        fn: ['serverless-function', 'Resize'],
        edgeFacing: ['service', 'Status'],
        b: ['service', 'B'],
        db: ['document-store', 'B data'],
      },
      links: [['gw', 'a'], ['gw', 'edgeFacing'], ['a', 'fn'], ['a', 'b'], ['b', 'db']],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
