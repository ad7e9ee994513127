import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { buildGraphIndex } from './graph-index.ts';

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
});
