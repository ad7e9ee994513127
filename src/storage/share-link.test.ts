import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDesignText } from '../domain/persistence/parse-design.ts';
import { arbitraryDesignWithFlows } from '../testing/arbitraries.ts';
import { decodeShareFragment, encodeShareFragment, shareLink, type Inflater } from './share-link.ts';

const INFLATERS: Inflater[] = ['native', 'fflate'];

const shop = (() => {
  const parsed = parseDesignText(readFileSync(new URL('../testing/fixtures/designs/v1-shop-checkout.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
})();

describe('share links', () => {
  it.each(INFLATERS)('encode then decode reproduces any design exactly (%s inflate)', async (inflater) => {
    await fc.assert(
      fc.asyncProperty(arbitraryDesignWithFlows(), async (design) => {
        const decoded = await decodeShareFragment(encodeShareFragment(design), inflater);
        expect(decoded.ok && decoded.design).toEqual(design);
      }),
      { numRuns: 150 },
    );
  });

  it('puts the design in the fragment only, in URL-safe characters', async () => {
    const link = shareLink('https://skyline.example', shop);
    const url = new URL(link);
    expect(url.pathname).toBe('/shared');
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#d1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(url.hash)).toEqual({ ok: true, design: shop });
  });

  it.each(INFLATERS)('refuses every truncation of a link as damaged (%s inflate)', async (inflater) => {
    const fragment = encodeShareFragment(shop);
    for (let cut = 3; cut < fragment.length; cut += 7) {
      const result = await decodeShareFragment(fragment.slice(0, cut), inflater);
      expect(result.ok, `cut at ${cut}`).toBe(false);
    }
  });

  it.each(INFLATERS)('refuses a link with a character changed (or, where only unused bits changed, opens the very same design), and never throws (%s inflate)', async (inflater) => {
    const fragment = encodeShareFragment(shop);
    const original = await decodeShareFragment(fragment, inflater);
    if (!original.ok) throw new Error('the untouched link must open');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    await fc.assert(
      // Every run changes one character of the payload (after "d1.") to a different one.
      fc.asyncProperty(fc.nat({ max: fragment.length - 4 }), fc.nat({ max: alphabet.length - 2 }), async (at, k) => {
        const i = at + 3;
        const char = alphabet.replace(fragment[i]!, '')[k]!;
        const result = await decodeShareFragment(fragment.slice(0, i) + char + fragment.slice(i + 1), inflater);
        if (result.ok) expect(result.design).toEqual(original.design);
        else refused++;
      }),
      { numRuns: 300 },
    );
    // Only the last character carries unused bits; any other change is refused.
    expect(refused).toBeGreaterThanOrEqual(295);
  });

  it.each(INFLATERS)('never throws on random text after the # (%s inflate)', async (inflater) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `d1.${s}`), fc.base64String().map((s) => `d1.${s}`)), async (text) => {
        const result = await decodeShareFragment(text, inflater);
        expect(result.ok).toBe(false);
        expect(result.ok || result.message.length > 20).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('explains an empty fragment and a foreign one', async () => {
    expect(await decodeShareFragment('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await decodeShareFragment('#section-2')).toMatchObject({ ok: false, reason: 'not-a-link' });
  });
});
