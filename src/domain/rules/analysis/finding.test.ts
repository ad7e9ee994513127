import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFinding, MAX_ELEMENT_IDS, sortedKey } from './finding.ts';

describe('sortedKey', () => {
  it('sorts as the built-in sort does and joins with "+", short lists and long ones alike', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), (ids) => {
        expect(sortedKey(ids)).toBe([...ids].sort().join('+'));
      }),
    );
  });
});

describe('makeFinding', () => {
  it('names at most MAX_ELEMENT_IDS elements, the first ones, without repeats', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `n${i % 150}`);
    const finding = makeFinding({ id: 'r', title: 'T', severity: 'info', glossaryTerm: 'g' }, { message: 'm', why: 'w', fix: 'f', elementIds: ids });
    expect(finding.elementIds).toEqual(ids.slice(0, MAX_ELEMENT_IDS));
  });
});
