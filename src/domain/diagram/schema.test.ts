import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { parseDesign, parseDesignText, serializeDesign } from '../persistence/parse-design.ts';
import { Design } from './schema.ts';

describe('design schema', () => {
  it('accepts every generated design and round-trips it through JSON unchanged', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const result = parseDesignText(serializeDesign(design));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.design).toEqual(design);
      }),
      { numRuns: 200 },
    );
  });

  it('fills defaults for optional fields left out of a hand-written file', () => {
    const result = parseDesign({
      format: 'skyline.design',
      version: 1,
      id: 'd',
      title: 'Hand written',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      nodes: [
        { id: 'api', kind: 'service', name: 'API', position: { x: 0, y: 0 } },
        { id: 'db', kind: 'relational-database', name: 'DB', position: { x: 200, y: 0 } },
      ],
      edges: [{ id: 'e1', source: 'api', target: 'db', family: 'data' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.design.nodes[0]).toMatchObject({ instances: 1, responsibilities: [], technology: '' });
    expect(result.design.edges[0]).toMatchObject({ access: 'read-write' });
    expect(result.design.groups).toEqual([]);
  });

  it('keeps unknown fields so newer minor tools do not lose data', () => {
    const design = { ...designOf({ a: 'service' }), futureField: { keep: true } };
    const result = parseDesign(JSON.parse(JSON.stringify(design)));
    expect(result.ok && (result.design as Record<string, unknown>).futureField).toEqual({ keep: true });
  });

  it('names the edge and the missing node when an edge dangles', () => {
    const design = designOf({ a: 'service', b: 'service' }, [['a', 'b']]);
    const broken = { ...design, edges: [{ ...design.edges[0]!, id: 'e7', target: 'n9' }] };
    const result = parseDesign(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('edge e7 points to node n9, which does not exist');
  });

  it('names the element and field of a bad value', () => {
    const design = designOf({ orders: 'service' });
    const broken = { ...design, nodes: [{ ...design.nodes[0]!, instances: 0 }] };
    const result = parseDesign(broken);
    expect(!result.ok && result.reason === 'invalid' && result.problems).toEqual([
      'node orders (orders): instances must be at least 1',
    ]);
  });

  it('rejects a timeout that is not a positive number', () => {
    const design = designOf({ a: 'service', b: 'service' }, [['a', 'b']]);
    const edge = { ...design.edges[0]!, timeoutMs: -5 };
    const result = parseDesign({ ...design, edges: [edge] });
    expect(!result.ok && result.message).toMatch(/edge e1: timeoutMs must be a positive number/);
  });

  it('rejects duplicate ids and nonsense connections with reasons', () => {
    const design = designOf({ db: 'relational-database', web: 'web-client' });
    const withEdge = {
      ...design,
      edges: [{ id: 'db', source: 'db', target: 'web', family: 'sync' }],
    };
    const result = parseDesign(withEdge);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') return;
    expect(result.problems.join('\n')).toMatch(/id "db" is used by both node "db" and edge db/);
    expect(result.problems.join('\n')).toMatch(/Relational database → Web client is not allowed/);
  });

  it('tells a newer file apart from a broken one', () => {
    const design = { ...designOf({ a: 'service' }), version: 99 };
    const result = parseDesign(design);
    expect(!result.ok && result.reason).toBe('version-too-new');
    expect(!result.ok && result.message).toMatch(/newer version of Skyline/);
  });

  it('says plainly when the input is not JSON or not a design', () => {
    expect(parseDesignText('{nope').ok).toBe(false);
    expect(!parseDesignText('{nope').ok && parseDesignText('{nope')).toMatchObject({ reason: 'not-json' });
    expect(parseDesign([1, 2])).toMatchObject({ ok: false, reason: 'not-a-design' });
    expect(parseDesign({ format: 'excalidraw' })).toMatchObject({ ok: false, reason: 'not-a-design' });
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseDesign(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('never throws on randomly damaged valid designs and never accepts a dangling edge', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 8 }), fc.nat(), fc.jsonValue(), (design, at, junk) => {
        const text = serializeDesign(design);
        const cut = text.slice(0, at % (text.length + 1));
        expect(() => parseDesignText(cut)).not.toThrow();
        const tampered = JSON.parse(text) as Record<string, unknown>;
        const keys = Object.keys(tampered);
        tampered[keys[at % keys.length]!] = junk;
        expect(() => parseDesign(tampered)).not.toThrow();
        const result = Design.safeParse(tampered);
        if (result.success) {
          const ids = new Set(result.data.nodes.map((n) => n.id));
          for (const e of result.data.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
