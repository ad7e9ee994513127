import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDesignText } from '../domain/persistence/parse-design.ts';
import { arbitraryDesign } from '../testing/arbitraries.ts';
import { decodeShareFragment, encodeShareFragment, shareLink } from './share-link.ts';

const shop = (() => {
  const parsed = parseDesignText(readFileSync(new URL('../testing/fixtures/designs/v1-shop-checkout.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
})();

describe('share links', () => {
  it('encode then decode reproduces any design exactly', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const decoded = decodeShareFragment(encodeShareFragment(design));
        expect(decoded.ok && decoded.design).toEqual(design);
      }),
      { numRuns: 150 },
    );
  });

  it('puts the design in the fragment only, in URL-safe characters', () => {
    const link = shareLink('https://skyline.example', shop);
    const url = new URL(link);
    expect(url.pathname).toBe('/shared');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#d1\.[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(url.hash)).toEqual({ ok: true, design: shop });
  });

  it('refuses every truncation of a link as damaged', () => {
    const fragment = encodeShareFragment(shop);
    for (let cut = 3; cut < fragment.length; cut += 7) {
      const result = decodeShareFragment(fragment.slice(0, cut));
      expect(result.ok, `cut at ${cut}`).toBe(false);
    }
  });

  it('refuses a link with a character changed (or, where only unused bits changed, opens the very same design), and never throws', () => {
    const fragment = encodeShareFragment(shop);
    const original = decodeShareFragment(fragment);
    if (!original.ok) throw new Error('the untouched link must open');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    fc.assert(
      // Every run changes one character of the payload (after "d1.") to a different one.
      fc.property(fc.nat({ max: fragment.length - 4 }), fc.nat({ max: alphabet.length - 2 }), (at, k) => {
        const i = at + 3;
        const char = alphabet.replace(fragment[i]!, '')[k]!;
        const result = decodeShareFragment(fragment.slice(0, i) + char + fragment.slice(i + 1));
        if (result.ok) expect(result.design).toEqual(original.design);
        else refused++;
      }),
      { numRuns: 300 },
    );
    // Only the last character carries unused bits; any other change is refused.
    expect(refused).toBeGreaterThanOrEqual(295);
  });

  it('never throws on random text after the #', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `d1.${s}`), fc.base64String().map((s) => `d1.${s}`)), (text) => {
        const result = decodeShareFragment(text);
        expect(result.ok).toBe(false);
        expect(result.ok || result.message.length > 20).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('explains an empty fragment and a foreign one', () => {
    expect(decodeShareFragment('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeShareFragment('#section-2')).toMatchObject({ ok: false, reason: 'not-a-link' });
  });
});
