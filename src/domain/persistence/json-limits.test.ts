import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormed } from '../diagram/display-name.ts';
import { boundRawDesign, checkJsonTextDepth, jsonBytesWithin, MAX_DEPTH } from './json-limits.ts';

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

/** JSON values with nesting up to a few levels past the limit, strings full of brackets, quotes and backslashes. */
const deepJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', '\u00e9') }),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 2 }),
  ),
})).value;

const nest = (value: unknown, levels: number) => {
  let out = value;
  for (let i = 0; i < levels; i++) out = i % 2 ? [out] : { k: out };
  return out;
};

describe('bounds on a design before it is read', () => {
  it('measures the depth of JSON text exactly, whatever its strings hold', () => {
    fc.assert(
      fc.property(deepJson, fc.integer({ min: 0, max: MAX_DEPTH + 3 }), (inner, levels) => {
        const value = nest(inner, levels);
        expect(checkJsonTextDepth(JSON.stringify(value)).ok).toBe(depthOf(value) <= MAX_DEPTH);
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it('measures the depth of values the same way, and refuses the deep ones', () => {
    fc.assert(
      fc.property(deepJson, fc.integer({ min: 0, max: MAX_DEPTH + 3 }), (inner, levels) => {
        const value = nest(inner, levels);
        expect(boundRawDesign(value).ok).toBe(depthOf(value) <= MAX_DEPTH);
      }),
      { numRuns: 1000, seed: 2 },
    );
  });

  it('gives back what a JSON round trip would, without changing its input, and counts its size from above', () => {
    const awkward = fc.oneof(fc.constantFrom(-0, NaN, Infinity, undefined, '\ud800', 'a\udc00b', '\u{1f600}'), fc.string({ unit: 'binary' }), fc.double());
    const anything = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, awkward, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__'), fc.constant('\ud801')), tie('value'), { maxKeys: 3 })),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), anything), (value) => {
        const before = structuredClone(value);
        const bounded = boundRawDesign(value);
        expect(value).toEqual(before);
        if (!bounded.ok) throw new Error(bounded.message);
        const viaJson: unknown = JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)).replace(/"__proto__":/g, '"__dropped__":'));
        const dropProto = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(dropProto) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '__dropped__').map(([k, x]) => [wellFormed(k), dropProto(x)])) : v;
        expect(bounded.value).toEqual(dropProto(viaJson));
        const bytes = jsonBytesWithin(bounded.value);
        expect(bytes).not.toBeNull();
        expect(bytes!).toBeGreaterThanOrEqual(new TextEncoder().encode(JSON.stringify(bounded.value)).length);
      }),
      { numRuns: 600, seed: 3 },
    );
  }, 30_000);

  it('refuses values JSON cannot carry and cycles, without recursing', () => {
    expect(boundRawDesign({ at: new Map() })).toMatchObject({ ok: false, message: expect.stringMatching(/a Map/) });
    expect(boundRawDesign({ f: () => 1 })).toMatchObject({ ok: false });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(boundRawDesign(cycle)).toMatchObject({ ok: false, message: expect.stringMatching(/nested too deeply/) });
  });
});
