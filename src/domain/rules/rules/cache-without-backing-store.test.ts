import { describe, expect, it } from 'vitest';
import { checkRule } from '../rule-harness.ts';
import { sketch } from '../sketch.ts';
import { cacheWithoutBackingStore as rule } from './cache-without-backing-store.ts';

describe('cache-without-backing-store', () => {
  it('flags its failing example as info and not its passing one', () => {
    expect(checkRule(rule, rule.examples.failing).map((f) => [f.severity, f.elementIds])).toEqual([['info', ['cache', 'profiles', 'e2']]]);
    expect(checkRule(rule, rule.examples.passing)).toEqual([]);
  });

  it('accepts a cache in front of another service’s answers', () => {
    const design = sketch({
      id: 'd',
      title: 'Caching a call',
      nodes: { rates: ['service', 'Rates'], fx: ['third-party-api', 'FX provider'], cache: ['cache', 'Rate cache'] },
      links: [['rates', 'cache'], ['rates', 'fx', { circuitBreaker: true }]],
    });
    expect(checkRule(rule, design)).toEqual([]);
  });
});
