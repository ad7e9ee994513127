/** Turns a term's compact example into a full design that opens on the canvas. */
import { createDefaultEdge, createDesign, createNode } from '../diagram/factory.ts';
import type { Design, DesignEdge } from '../diagram/schema.ts';
import type { ExampleDesign } from './term.ts';

export type ExampleResult = { ok: true; design: Design } | { ok: false; problem: string };

export function exampleToDesign(example: ExampleDesign, id: string, now: string): ExampleResult {
  const entries = Object.entries(example.nodes);
  const columns = Math.max(1, Math.ceil(Math.sqrt(entries.length)));
  const nodes = entries.map(([nodeId, spec], i) => {
    const [kind, name] = typeof spec === 'string' ? [spec, undefined] : spec;
    return createNode(kind, nodeId, { x: (i % columns) * 240, y: Math.floor(i / columns) * 160 }, name);
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DesignEdge[] = [];
  for (const [i, [s, t]] of example.links.entries()) {
    const source = byId.get(s);
    const target = byId.get(t);
    if (!source || !target) return { ok: false, problem: `link ${s} -> ${t} names a node that is not in the example` };
    const edge = createDefaultEdge(`e${i + 1}`, source, target);
    if (!edge) return { ok: false, problem: `link ${s} -> ${t} is not a connection Skyline allows` };
    edges.push(edge);
  }
  return { ok: true, design: { ...createDesign({ id, title: example.title, now }), nodes, edges } };
}
