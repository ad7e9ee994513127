/**
 * Fuzzing the share-link decoder: links to valid and hostile designs, links
 * with bytes changed, random text, and compression bombs. Decoding never
 * throws and never takes a second, bombs are refused within 100 ms, and
 * every design a link opens can be saved, exported and shared again as the
 * very same design.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesignText, serializeDesign } from '../domain/persistence/parse-design.ts';
import { arbitraryDesignWithFlows } from '../testing/arbitraries.ts';
import { fragmentOf, hostileDesignText, nestedArrays, zlibBomb } from '../testing/hostile-inputs.ts';
import { Slowest, timed } from '../testing/timing.ts';
import { openIndexedDbLibrary, type DesignLibrary } from './design-library.ts';
import { decodeShareFragment, encodeShareFragment, MAX_FRAGMENT_LENGTH, type Inflater } from './share-link.ts';

const RUNS = 3000;
const slowest = new Slowest();
const counts = { opened: 0, refused: 0 };

async function decodeTimed(fragment: string, inflater: Inflater = 'native') {
  const time = await timed(() => decodeShareFragment(fragment, inflater));
  slowest.note(fragment, time);
  expect(time.cpuMs, 'no link may take a second').toBeLessThan(1000);
  return { result: time.result, ms: time.wallMs, cpuMs: time.cpuMs };
}

/** A fragment carrying `text` compressed, as the app would make it. */
const carrying = (text: string) => fragmentOf(zlibSync(new TextEncoder().encode(text), { level: 6 }));

/** Fragments: links to valid designs and to hostile texts, damaged links, and garbage. */
const hostileFragment = fc.oneof(
  { weight: 4, arbitrary: arbitraryDesignWithFlows({ maxNodes: 10 }).map(encodeShareFragment) },
  { weight: 5, arbitrary: hostileDesignText.map(carrying) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(arbitraryDesignWithFlows({ maxNodes: 6 }), fc.nat(), fc.constantFrom('flip', 'cut', 'insert'), fc.constantFrom(...'ABCxyz019-_'.split('')))
      .map(([design, at, kind, char]) => {
        const fragment = encodeShareFragment(design);
        const i = 3 + (at % (fragment.length - 3));
        if (kind === 'cut') return fragment.slice(0, i);
        if (kind === 'insert') return fragment.slice(0, i) + char + fragment.slice(i);
        return fragment.slice(0, i) + (fragment[i] === char ? 'Q' : char) + fragment.slice(i + 1);
      }),
  },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.string().map((s) => `d1.${s}`), fc.base64String().map((s) => `#d1.${s}`), fc.string({ unit: 'binary' })) },
);

let library: DesignLibrary;
let bombs: { name: string; fragment: string }[] = [];

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  library = await openIndexedDbLibrary();
  bombs = [
    { name: '40 MB of "["', fragment: fragmentOf(zlibBomb(40)) },
    { name: '500 MB of "["', fragment: fragmentOf(zlibBomb(500)) },
    { name: '500 MB of zeros', fragment: fragmentOf(zlibBomb(500, 0)) },
    { name: '5 MB deep "["', fragment: carrying(nestedArrays(2_500_000)) },
    { name: 'a design with a 6 MB string', fragment: carrying(JSON.stringify({ ...fc.sample(arbitraryDesignWithFlows(), { numRuns: 1, seed: 2 })[0], x: 'a'.repeat(6_000_000) })) },
  ];
});

describe('share-link decoder fuzz', () => {
  afterAll(() => {
    console.log(`share-link fuzz: ${RUNS} cases, ${counts.opened} opened, ${counts.refused} refused; ${slowest}`);
  });

  it(`never throws or hangs on ${RUNS} hostile links, and every design a link opens round-trips`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileFragment, fc.constantFrom<Inflater>('native', 'fflate'), async (fragment, inflater) => {
        const { result } = await decodeTimed(fragment, inflater);
        if (!result.ok) {
          counts.refused++;
          expect(result.message.length).toBeGreaterThan(20);
          expect(result.message.length, 'refusals stay short').toBeLessThan(400);
          return;
        }
        counts.opened++;
        const { design } = result;
        expect(await decodeShareFragment(encodeShareFragment(design), inflater)).toEqual({ ok: true, design });
        const exported = parseDesignText(serializeDesign(design));
        expect(exported.ok && exported.design).toEqual(design);
        expect((await library.save(design, null)).ok).toBe(true);
        expect(await library.get(design.id)).toEqual({ status: 'loaded', design, revision: 1 });
        await library.remove(design.id);
      }),
      { numRuns: RUNS, seed: 20260514, endOnFailure: true },
    );
    expect(counts.opened).toBeGreaterThan(RUNS / 5);
    expect(counts.refused).toBeGreaterThan(RUNS / 5);
  }, 240_000);

  it.each<Inflater>(['native', 'fflate'])('refuses every compression bomb quickly (natively within 100 ms), with a message that says why (%s inflate)', async (inflater) => {
    // Warm up the decoder as a page would have by the time it reads a link.
    await decodeShareFragment(encodeShareFragment(fc.sample(arbitraryDesignWithFlows(), { numRuns: 1, seed: 1 })[0]!), inflater);
    const times: string[] = [];
    for (const bomb of bombs) {
      const runs = [];
      for (let run = 0; run < 3; run++) runs.push(await decodeTimed(bomb.fragment, inflater));
      const { result } = runs[0]!;
      const best = Math.min(...runs.map((r) => r.cpuMs));
      times.push(`${bomb.name} (${bomb.fragment.length} characters): ${best.toFixed(1)} ms CPU, ${Math.min(...runs.map((r) => r.ms)).toFixed(1)} ms wall`);
      expect(result.ok, bomb.name).toBe(false);
      expect(!result.ok && result.reason, bomb.name).toBe('too-large');
      expect(!result.ok && result.message, bomb.name).toMatch(/more than a design can hold|too large|nested too deeply/);
      // The browser inflates natively; the JavaScript fallback is slower until warm, and only has to stay under the second.
      expect(best, bomb.name).toBeLessThan(inflater === 'native' ? 100 : 1000);
    }
    console.log(`bombs refused, ${inflater} inflate (best of 3): ${times.join('; ')}`);
  });

  it('refuses a fragment longer than any design needs before decoding it', async () => {
    const huge = `d1.${'A'.repeat(MAX_FRAGMENT_LENGTH)}`;
    const { result, ms } = await decodeTimed(huge);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(ms).toBeLessThan(100);
  });
});
