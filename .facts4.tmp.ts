import { generateDesign } from './scripts/bench-engine.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
import type { DesignEdge } from './src/domain/diagram/schema.ts';
const d = generateDesign(1000);
const idx = Array.from({ length: 50 }, () => buildGraphIndex(d));
const nodes = d.nodes; const n = nodes.length;
const position = new Map<string, number>(); nodes.forEach((x, i) => position.set(x.id, i));
function time(label: string, fn: (r: number) => number) {
  const t: number[] = []; let x = 0;
  for (let i = 0; i < 4000; i++) { const s = performance.now(); x += fn(i); t.push(performance.now() - s); }
  const y = t.slice(1000).sort((a, b) => a - b); console.log(label.padEnd(28), (y[y.length >> 1]! * 1000).toFixed(1), 'us', x > 0 ? '' : '.');
}
time('outgoing only', (r) => { const index = idx[r % 50]!; let c = 1; for (let i = 0; i < n; i++) c += index.outgoing(nodes[i]!.id).length; return c; });
time('outgoing+forof', (r) => { const index = idx[r % 50]!; let c = 1; for (let i = 0; i < n; i++) for (const e of index.outgoing(nodes[i]!.id)) c += e === undefined ? 0 : 1; return c; });
time('+ pos.get', (r) => { const index = idx[r % 50]!; let c = 1; for (let i = 0; i < n; i++) for (const e of index.outgoing(nodes[i]!.id)) c += position.get(e.target)!; return c; });
time('+ family', (r) => { const index = idx[r % 50]!; let c = 1; for (let i = 0; i < n; i++) for (const e of index.outgoing(nodes[i]!.id)) c += e.family === 'sync' ? 1 : 2; return c; });
time('+ push', (r) => { const index = idx[r % 50]!; const edges: DesignEdge[] = []; for (let i = 0; i < n; i++) for (const e of index.outgoing(nodes[i]!.id)) edges.push(e); return edges.length; });
time('design.edges target get', () => { let c = 1; for (const e of d.edges) c += position.get(e.target)!; return c; });
time('design.edges src+tgt get', () => { let c = 1; for (const e of d.edges) c += position.get(e.target)! + position.get(e.source)!; return c; });
