/**
 * Deterministic generated designs for benchmarks: a grid of components with a
 * realistic mix of kinds and about three connections per component.
 */
import type { KindId } from '../domain/diagram/catalog.ts';
import { allowedFamilies } from '../domain/diagram/connections.ts';
import { createDesign, createEdge, createNode } from '../domain/diagram/factory.ts';
import type { Design, DesignEdge } from '../domain/diagram/schema.ts';

const MIX: KindId[] = [
  'service', 'service', 'service', 'service', 'service', 'service',
  'relational-database', 'cache', 'message-queue', 'worker', 'api-gateway', 'document-store',
];

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDesign(nodeCount: number, edgesPerNode = 3, seed = 42): Design {
  const next = random(seed);
  const columns = Math.ceil(Math.sqrt(nodeCount));
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    createNode(MIX[i % MIX.length]!, `n${i}`, { x: (i % columns) * 240, y: Math.floor(i / columns) * 140 }, `${MIX[i % MIX.length]} ${i}`),
  );
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  const target = nodeCount * edgesPerNode;
  let attempts = 0;
  while (edges.length < target && attempts < target * 20) {
    attempts++;
    const a = nodes[Math.floor(next() * nodeCount)]!;
    // Mostly local connections, as in a real architecture drawn on a grid.
    const offset = Math.floor((next() - 0.5) * columns * 3);
    const b = nodes[(a.id === 'n0' ? 1 : Number(a.id.slice(1)) + offset + nodeCount) % nodeCount]!;
    if (a.id === b.id) continue;
    const families = allowedFamilies(a.kind, b.kind);
    const family = families[0];
    const key = `${a.id}>${b.id}`;
    if (!family || seen.has(key)) continue;
    seen.add(key);
    edges.push(createEdge(family, `e${edges.length}`, a, b));
  }
  return { ...createDesign({ id: `generated-${nodeCount}`, title: `Generated ${nodeCount}`, now: '2026-01-01T00:00:00.000Z' }), nodes, edges };
}
