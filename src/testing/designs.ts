/** Small hand-made designs for tests. */
import type { KindId } from '../domain/diagram/catalog.ts';
import { createDefaultEdge, createDesign, createNode } from '../domain/diagram/factory.ts';
import type { Design, DesignEdge } from '../domain/diagram/schema.ts';

/**
 * Build a design from a compact description:
 * designOf({ web: 'web-client', api: 'service', db: 'relational-database' }, [['web', 'api'], ['api', 'db']])
 */
export function designOf(nodes: Record<string, KindId>, links: readonly (readonly [string, string])[] = []): Design {
  const design = createDesign({ id: 'test', title: 'Test design', now: '2026-01-01T00:00:00.000Z' });
  const list = Object.entries(nodes).map(([id, kind], i) => createNode(kind, id, { x: i * 200, y: 0 }, id));
  const byId = new Map(list.map((n) => [n.id, n]));
  const edges: DesignEdge[] = links.map(([s, t], i) => {
    const source = byId.get(s);
    const target = byId.get(t);
    if (!source || !target) throw new Error(`unknown node in link ${s} -> ${t}`);
    const edge = createDefaultEdge(`e${i + 1}`, source, target);
    if (!edge) throw new Error(`connection ${s} -> ${t} is refused`);
    return edge;
  });
  return { ...design, nodes: list, edges };
}
