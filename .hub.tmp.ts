import { createDesign, createNode, createDefaultEdge } from './src/domain/diagram/factory.ts';
import type { DesignEdge, DesignNode } from './src/domain/diagram/schema.ts';
import { analyzeDesign } from './src/domain/rules/engine.ts';
const N = 3000;
const nodes: DesignNode[] = [createNode('web-client', 'web', { x: 0, y: 0 }), createNode('api-gateway', 'gw', { x: 0, y: 0 }), createNode('service', 'hub', { x: 0, y: 0 }), createNode('relational-database', 'db', { x: 0, y: 0 })];
for (let i = 0; i < N; i++) nodes.push(createNode('service', `s${i}`, { x: 0, y: 0 }, `S${i}`));
const byId = new Map(nodes.map((n) => [n.id, n]));
const edges: DesignEdge[] = [];
const link = (a: string, b: string) => edges.push(createDefaultEdge(`e${edges.length}`, byId.get(a)!, byId.get(b)!)!);
link('web', 'gw'); link('gw', 'hub');
for (let i = 0; i < N; i++) { link('gw', `s${i}`); link('hub', `s${i}`); link(`s${i}`, 'db'); link('web', `s${i}`); }
const design = { ...createDesign({ id: 'hub', now: '2026-01-01T00:00:00.000Z' }), nodes, edges };
for (let r = 0; r < 3; r++) { const t = performance.now(); const f = analyzeDesign(design); console.log(`${edges.length} edges, ${f.length} findings, ${(performance.now() - t).toFixed(1)} ms`); }
