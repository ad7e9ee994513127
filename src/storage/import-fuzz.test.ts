/**
 * Fuzzing the importer: design files with deep nesting, huge strings,
 * invisible names, numbers JSON cannot round-trip, and garbage. Whatever
 * comes in, parsing never throws and never takes a second, refusals say why
 * in a short message, and every design it accepts can be saved, exported,
 * shared and read back as the very same design.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Design } from '../domain/diagram/schema.ts';
import { parseDesignText, serializeDesign } from '../domain/persistence/parse-design.ts';
import { hostileDesignText, invisibleName, nestedArrays, nestedObjects } from '../testing/hostile-inputs.ts';
import { arbitraryDesignWithFlows } from '../testing/arbitraries.ts';
import { Slowest, timed } from '../testing/timing.ts';
import { openIndexedDbLibrary, type DesignLibrary } from './design-library.ts';
import { decodeShareFragment, encodeShareFragment } from './share-link.ts';

const RUNS = 3000;
const slowest = new Slowest();
let accepted = 0;
let refused = 0;

async function parseTimed(text: string) {
  const time = await timed(() => parseDesignText(text));
  slowest.note(text, time);
  expect(time.cpuMs, 'no input may take a second').toBeLessThan(1000);
  return time.result;
}

let library: DesignLibrary;
async function freshLibrary() {
  globalThis.indexedDB = new IDBFactory();
  library = await openIndexedDbLibrary();
}

/** Accepted designs must survive every way out of the app and back in, unchanged. */
async function expectRoundTrips(design: Design) {
  expect(Design.safeParse(design).success).toBe(true);
  const exported = parseDesignText(serializeDesign(design));
  expect(exported.ok && exported.design).toEqual(design);
  const fragment = encodeShareFragment(design);
  expect(await decodeShareFragment(fragment)).toEqual({ ok: true, design });
  const saved = await library.save(design, null);
  expect(saved.ok).toBe(true);
  expect(await library.get(design.id)).toEqual({ status: 'loaded', design, revision: 1 });
  await library.remove(design.id);
}

describe('importer fuzz', () => {
  afterAll(() => {
    console.log(`importer fuzz: ${RUNS} cases, ${accepted} accepted, ${refused} refused; ${slowest}`);
  });

  it(`never throws or hangs on ${RUNS} hostile files, and every accepted design round-trips`, async () => {
    await freshLibrary();
    await fc.assert(
      fc.asyncProperty(hostileDesignText, async (text) => {
        const result = await parseTimed(text);
        if (!result.ok) {
          refused++;
          expect(result.message.length).toBeGreaterThan(10);
          expect(result.message.length, 'refusals stay short').toBeLessThan(400);
          return;
        }
        accepted++;
        await expectRoundTrips(result.design);
      }),
      { numRuns: RUNS, seed: 20260513, endOnFailure: true },
    );
    expect(accepted).toBeGreaterThan(RUNS / 5);
    expect(refused).toBeGreaterThan(RUNS / 5);
  }, 240_000);

  it('refuses a version nested 5,000 or 1,000,000 deep at once, in a short message', async () => {
    for (const depth of [5_000, 1_000_000]) {
      const text = `{"format":"skyline.design","version":${nestedArrays(depth, '2')}}`;
      const result = await parseTimed(text);
      expect(result).toMatchObject({ ok: false, reason: 'too-large' });
      expect(!result.ok && result.message.length).toBeLessThan(200);
    }
  });

  it('refuses unknown fields nested past the limit, and keeps shallower ones through every round trip', async () => {
    await freshLibrary();
    const [design] = fc.sample(arbitraryDesignWithFlows({ maxNodes: 4 }), { numRuns: 1, seed: 7 });
    const raw = JSON.parse(serializeDesign(design!)) as Record<string, unknown>;
    for (const depth of [3_000, 5_000]) {
      const deep = JSON.stringify(raw).replace(/^\{/, `{"extra":${nestedObjects(depth)},`);
      expect(parseDesignText(deep)).toMatchObject({ ok: false, reason: 'too-large', message: expect.stringMatching(/nested too deeply/) });
    }
    const kept = parseDesignText(JSON.stringify(raw).replace(/^\{/, `{"extra":${nestedObjects(20)},`));
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.design).toHaveProperty('extra.a.a.a');
    await expectRoundTrips(kept.design);
  });

  it('refuses a design of more than 5 MB, and says so without repeating it', async () => {
    const [design] = fc.sample(arbitraryDesignWithFlows({ maxNodes: 2 }), { numRuns: 1, seed: 3 });
    const text = JSON.stringify({ ...design, extra: 'x'.repeat(6_000_000) });
    const result = await parseTimed(text);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!result.ok && result.message.length).toBeLessThan(200);
  });

  it('cleans names of controls and bidi overrides, and refuses names with nothing visible', () => {
    const [design] = fc.sample(arbitraryDesignWithFlows({ maxNodes: 3 }).filter((d) => d.nodes.length > 0), { numRuns: 1, seed: 11 });
    const withName = (name: string) => parseDesignText(JSON.stringify({ ...design, nodes: design!.nodes.map((n, i) => (i === 0 ? { ...n, name } : n)) }));
    fc.assert(
      fc.property(invisibleName.filter((s) => s.replace(/[\ud800-\udfff]/g, '').length === s.length), (name) => {
        const result = withName(name);
        if (name.trim() === '') expect(!result.ok && result.message).toMatch(/name must not be empty/);
        else expect(!result.ok && result.message).toMatch(/name must contain a visible character/);
      }),
      { numRuns: 300, seed: 5 },
    );
    const cleaned = withName('\u202eOrders\u0000\u200b');
    expect(cleaned.ok && cleaned.design.nodes[0]!.name).toBe('Orders');
    const surrogates = withName('\ud800Orders');
    expect(surrogates.ok && surrogates.design.nodes[0]!.name).toBe('\ufffdOrders');
  });
});
