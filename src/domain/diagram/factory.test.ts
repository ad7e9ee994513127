import { describe, expect, it } from 'vitest';
import { createDefaultEdge, createNode } from './factory.ts';

const at = { x: 0, y: 0 };

describe('new connections', () => {
  it('a cache drawn onto a datastore reads through to it, and is not a replica', () => {
    const cache = createNode('cache', 'c', at);
    for (const store of ['relational-database', 'document-store', 'search-index'] as const) {
      const edge = createDefaultEdge('e1', cache, createNode(store, 'd', at));
      expect(edge).toMatchObject({ family: 'data', access: 'read', source: 'c', target: 'd' });
    }
  });

  it('another datastore drawn onto a datastore replicates to it; a service reads and writes', () => {
    const db = createNode('relational-database', 'd', at);
    expect(createDefaultEdge('e1', db, createNode('read-replica', 'r', at))).toMatchObject({ access: 'replicate' });
    expect(createDefaultEdge('e2', createNode('service', 's', at), db)).toMatchObject({ access: 'read-write' });
    expect(createDefaultEdge('e3', createNode('service', 's', at), createNode('cache', 'c', at))).toMatchObject({ access: 'read-write' });
  });
});
