import { generateDesign } from './scripts/bench-engine.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
import { factsOf } from './src/domain/rules/analysis/facts.ts';
const d = generateDesign(1000);
const idx = Array.from({ length: 50 }, () => buildGraphIndex(d));
function time(label: string, fn: (i: number) => number) {
  const t: number[] = []; let x = 0;
  for (let i = 0; i < 4000; i++) { const s = performance.now(); x += fn(i); t.push(performance.now() - s); }
  const y = t.slice(1000).sort((a, b) => a - b); console.log(label.padEnd(20), (y[y.length >> 1]! * 1000).toFixed(1), 'us  p10', (y[y.length / 10 | 0]! * 1000).toFixed(1), x > 0 ? '' : '.');
}
time('facts', (i) => factsOf(idx[i % 50]!).n);
time('position map', () => { const m = new Map<string, number>(); for (let i = 0; i < d.nodes.length; i++) m.set(d.nodes[i]!.id, i); return m.size; });
const pos = new Map(d.nodes.map((n, i) => [n.id, i]));
time('edge gets', () => { let c = 0; for (const e of d.edges) c += pos.get(e.target)!; return c; });
time('outgoing gets', (i) => { let c = 0; const ix = idx[i % 50]!; for (const n of d.nodes) c += ix.outgoing(n.id).length; return c; });
time('index', () => buildGraphIndex(d).nodeById.size);
