import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../domain/diagram/schema.ts';
import { arbitraryDesign } from '../../../testing/arbitraries.ts';
import { designOf } from '../../../testing/designs.ts';
import { toFlowEdges, toFlowNodes } from './to-flow.ts';

const NONE: ReadonlySet<string> = new Set();
const ends = (design: Design) => new Map(design.nodes.map((n) => [n.id, n]));

function drawn(design: Design, selection = NONE) {
  const nodes = toFlowNodes(design, selection, 'f');
  const edges = toFlowEdges(design, selection, ends(design), 'f');
  return { nodes, edges };
}

describe('React Flow elements', () => {
  it('are the very same arrays after an edit that moves nothing (names, figures, labels)', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 12 }), fc.string({ maxLength: 20 }), (design, suffix) => {
        const before = drawn(design);
        const edited: Design = {
          ...design,
          nodes: design.nodes.map((n) => ({ ...n, name: `${n.name}${suffix}`, instances: n.instances + 1 })),
          edges: design.edges.map((e) => ({ ...e, label: `${e.label ?? ''}${suffix}` })),
        };
        expect(toFlowNodes(edited, NONE, 'f', before.nodes)).toBe(before.nodes);
        expect(toFlowEdges(edited, NONE, ends(edited), 'f', before.edges)).toBe(before.edges);
      }),
    );
  });

  it('change where placement changes: a move, a selection, a new kind, a removed connection', () => {
    const design = designOf({ web: 'web-client', api: 'service', db: 'relational-database' }, [
      ['web', 'api'],
      ['api', 'db'],
    ]);
    const before = drawn(design);
    const moved = { ...design, nodes: design.nodes.map((n) => (n.id === 'api' ? { ...n, position: { x: 5, y: 7 } } : n)) };
    const after = toFlowNodes(moved, NONE, 'f', before.nodes);
    expect(after).not.toBe(before.nodes);
    // Only the moved box is a new element.
    expect(after.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)).toEqual(['api']);

    expect(toFlowNodes(design, new Set(['db']), 'f', before.nodes)).not.toBe(before.nodes);
    const recast = { ...design, nodes: design.nodes.map((n) => (n.id === 'db' ? { ...n, kind: 'document-store' as const } : n)) };
    expect(toFlowNodes(recast, NONE, 'f', before.nodes)).not.toBe(before.nodes);
    const fewer = { ...design, edges: design.edges.slice(1) };
    expect(toFlowEdges(fewer, NONE, ends(fewer), 'f', before.edges).map((e) => e.id)).toEqual(['e2']);
  });

  it('are labelled by an element of their own drawing, distinct between two drawings of one design', () => {
    const design = designOf({ web: 'web-client', api: 'service' }, [['web', 'api']]);
    const [one, other] = [toFlowNodes(design, NONE, 'a'), toFlowNodes(design, NONE, 'b')];
    const labels = [...one, ...other].map((n) => n.domAttributes?.['aria-labelledby']);
    expect(new Set(labels).size).toBe(4);
    expect(toFlowEdges(design, NONE, ends(design), 'a')[0]?.domAttributes?.['aria-labelledby']).not.toBe(
      toFlowEdges(design, NONE, ends(design), 'b')[0]?.domAttributes?.['aria-labelledby'],
    );
  });
});
