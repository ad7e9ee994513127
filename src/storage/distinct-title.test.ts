import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctTitle } from './distinct-title.ts';

describe('distinctTitle', () => {
  it('keeps a title nobody has, and numbers the ones taken', () => {
    expect(distinctTitle('Shop', new Set(['Orders']))).toBe('Shop');
    expect(distinctTitle('Shop', new Set(['Shop']))).toBe('Shop (imported)');
    expect(distinctTitle('Shop', new Set(['Shop', 'Shop (imported)']))).toBe('Shop (imported 2)');
  });

  it('always returns a title of at most 120 characters that is not taken', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), fc.array(fc.string({ maxLength: 120 }), { maxLength: 20 }), fc.nat({ max: 5 }), (title, others, copies) => {
        const taken = new Set([...others, title]);
        for (let i = 0; i < copies; i++) taken.add(distinctTitle(title, taken));
        const result = distinctTitle(title, taken);
        expect(taken.has(result)).toBe(false);
        expect(result.length).toBeLessThanOrEqual(120);
      }),
    );
  });
});
