import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { Design } from '../diagram/schema.ts';
import { parseDesignText, serializeDesign } from './parse-design.ts';

/** Whatever the importer returns must be either a refusal with a message or a valid design. */
function expectSafe(text: string) {
  const result = parseDesignText(text);
  if (result.ok) expect(Design.safeParse(result.design).success).toBe(true);
  else expect(result.message.length).toBeGreaterThan(10);
}

describe('importing a design file', () => {
  it('export then import reproduces any design exactly', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const result = parseDesignText(serializeDesign(design));
        expect(result.ok && result.design).toEqual(design);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expectSafe(new TextDecoder().decode(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid file with characters changed, cut or inserted, and refuses what it cannot read', () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'cut', 'insert', 'truncate'), char: fc.string({ minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 8 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (design, edits) => {
        let text = serializeDesign(design);
        for (const e of edits) {
          const at = e.at % Math.max(1, text.length);
          if (e.kind === 'replace') text = text.slice(0, at) + e.char + text.slice(at + e.char.length);
          if (e.kind === 'cut') text = text.slice(0, at) + text.slice(at + e.char.length);
          if (e.kind === 'insert') text = text.slice(0, at) + e.char + text.slice(at);
          if (e.kind === 'truncate') text = text.slice(0, at);
        }
        expectSafe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws when values in a valid file are swapped for random JSON', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 6 }), fc.nat(), fc.jsonValue(), (design, pick, value) => {
        const raw = JSON.parse(serializeDesign(design)) as Record<string, unknown>;
        const paths: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
        const walk = (node: unknown) => {
          if (Array.isArray(node)) {
            node.forEach((child, i) => {
              paths.push({ parent: node, key: i });
              walk(child);
            });
          } else if (node && typeof node === 'object') {
            for (const [k, child] of Object.entries(node)) {
              paths.push({ parent: node as Record<string, unknown>, key: k });
              walk(child);
            }
          }
        };
        walk(raw);
        const target = paths[pick % paths.length];
        if (target) (target.parent as Record<string | number, unknown>)[target.key] = value;
        expectSafe(JSON.stringify(raw));
      }),
      { numRuns: 400 },
    );
  });

  it('names the dangling element and a too-new version in its messages', () => {
    const design = JSON.parse(serializeDesign(fc.sample(arbitraryDesign().filter((d) => d.nodes.length > 0 && !d.nodes.some((n) => n.id === 'n9')), { numRuns: 1, seed: 1 })[0]!)) as Record<string, unknown>;
    const first = (design.nodes as { id: string }[])[0]?.id ?? 'n0';
    const dangling = { ...design, nodes: (design.nodes as unknown[]).slice(0, 1), edges: [{ id: 'e7', source: first, target: 'n9', family: 'sync' }] };
    const broken = parseDesignText(JSON.stringify(dangling));
    expect(!broken.ok && broken.message).toContain('edge e7 points to node n9, which does not exist');
    const newer = parseDesignText(JSON.stringify({ ...design, version: 99 }));
    expect(!newer.ok && newer.reason).toBe('version-too-new');
    expect(!newer.ok && newer.message).toMatch(/newer version of Skyline/);
  });
});
