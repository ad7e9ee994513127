import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { buildGraphIndex, FAMILY_CODES, type GraphIndex } from './graph-index.ts';
import type { Design, EdgeFamily } from './schema.ts';

describe('graph index', () => {
  it('splits adjacency by family', () => {
    const design = designOf(
      { web: 'web-client', gw: 'api-gateway', orders: 'service', db: 'relational-database', q: 'message-queue', w: 'worker' },
      [['web', 'gw'], ['gw', 'orders'], ['orders', 'db'], ['orders', 'q'], ['q', 'w']],
    );
    const index = buildGraphIndex(design);
    expect(index.outgoing('orders', 'data').map((e) => e.target)).toEqual(['db']);
    expect(index.outgoing('orders', 'async').map((e) => e.target)).toEqual(['q']);
    expect(index.outgoing('orders', 'sync')).toEqual([]);
    expect(index.incoming('orders', 'sync').map((e) => e.source)).toEqual(['gw']);
    expect(index.outgoing('orders').length).toBe(2);
    expect(index.roleOf('db')).toBe('datastore');
    expect(index.nodesByRole.get('compute')?.map((n) => n.id)).toEqual(['orders', 'w']);
    expect(index.outgoing('missing')).toEqual([]);
  });

  it('agrees with the edge list for any design', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const index = buildGraphIndex(design);
        let outCount = 0;
        let inCount = 0;
        for (const node of design.nodes) {
          const out = index.outgoing(node.id);
          outCount += out.length;
          inCount += index.incoming(node.id).length;
          for (const e of out) {
            expect(e.source).toBe(node.id);
            expect(index.outgoing(node.id, e.family)).toContain(e);
          }
        }
        expect(outCount).toBe(design.edges.length);
        expect(inCount).toBe(design.edges.length);
      }),
    );
  });

  it('numbers nodes and edges, and its compressed rows list what outgoing and incoming list', () => {
    const rowsOf = (index: GraphIndex, direction: 'out' | 'in', i: number, family: EdgeFamily) => {
      const { start, edge } = index[direction][FAMILY_CODES[family]]!;
      const list = [];
      for (let j = start[i]!; j < start[i + 1]!; j++) list.push(index.edges[edge[j]!]);
      return list;
    };
    const check = (design: Design) => {
      const index = buildGraphIndex(design);
      const kept = design.edges.filter((e) => index.nodeNumber.has(e.source) && index.nodeNumber.has(e.target));
      expect(index.nodeCount).toBe(design.nodes.length);
      expect(index.edgeCount).toBe(kept.length);
      expect(index.edges).toEqual(kept);
      kept.forEach((e, k) => {
        expect(index.edgeSource[k]).toBe(index.nodeNumber.get(e.source));
        expect(index.edgeTarget[k]).toBe(index.nodeNumber.get(e.target));
        expect(index.edgeFamily[k]).toBe(FAMILY_CODES[e.family]);
      });
      design.nodes.forEach((node, i) => {
        if (index.nodeNumber.get(node.id) !== i) return; // a repeated id: the last node with it is indexed
        expect(index.kindOf(node.id)?.id).toBe(node.kind);
        for (const family of ['sync', 'async', 'data'] as const) {
          expect(rowsOf(index, 'out', i, family)).toEqual(index.outgoing(node.id, family));
          expect(rowsOf(index, 'in', i, family)).toEqual(index.incoming(node.id, family));
        }
      });
    };
    fc.assert(fc.property(arbitraryDesign(), check));
    const design = designOf({ a: 'service', b: 'relational-database', c: 'service' }, [['a', 'b'], ['c', 'b'], ['a', 'c']]);
    const dangling = { ...design, edges: [design.edges[0]!, { ...design.edges[1]!, source: 'gone' }, design.edges[2]!] };
    check(dangling);
    const index = buildGraphIndex(dangling);
    expect(index.edges.map((e) => e.id)).toEqual([design.edges[0]!.id, design.edges[2]!.id]);
    expect(index.incoming('b')).toEqual([design.edges[0]]);
    expect(index.edgeById.get(design.edges[1]!.id)?.source).toBe('gone');
  });
});
