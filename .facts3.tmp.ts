import { generateDesign } from './scripts/bench-engine.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
import { COMPONENT_KINDS } from './src/domain/diagram/catalog.ts';
import type { DesignEdge } from './src/domain/diagram/schema.ts';
const d = generateDesign(1000);
const idx = Array.from({ length: 50 }, () => buildGraphIndex(d));
const kindCodes = new Map(COMPONENT_KINDS.map((k, i) => [k.id as string, i]));
const T = [0, 0, 0, 0];
for (let r = 0; r < 4000; r++) {
  const index = idx[r % 50]!;
  const t0 = performance.now();
  const nodes = index.design.nodes; const n = nodes.length;
  const position = new Map<string, number>(); const kind = new Uint8Array(n); const first = new Uint8Array(n);
  const byRole: number[][] = [[], [], [], [], [], [], [], []];
  for (let i = 0; i < n; i++) { const node = nodes[i]!; const size = position.size; position.set(node.id, i); if (position.size !== size) first[i] = 1; const code = kindCodes.get(node.kind) ?? 255; kind[i] = code; byRole[code % 8]!.push(i); }
  const t1 = performance.now();
  const capacity = index.design.edges.length; const edges: DesignEdge[] = []; const source = new Int32Array(capacity); const target = new Int32Array(capacity); const family = new Uint8Array(capacity);
  let m = 0;
  for (let i = 0; i < n; i++) { if (first[i] === 0) continue; for (const edge of index.outgoing(nodes[i]!.id)) { const t = position.get(edge.target); if (t === undefined) continue; edges.push(edge); source[m] = i; target[m] = t; family[m] = edge.family === 'sync' ? 0 : edge.family === 'async' ? 1 : 2; m++; } }
  const t2 = performance.now();
  const width = n + 1; const starts = new Int32Array(3 * width);
  for (let k = 0; k < m; k++) starts[family[k]! * width + source[k]! + 1]!++;
  let offset = 0; for (let f = 0; f < 3; f++) { const base = f * width; starts[base] = offset; for (let i = 0; i < n; i++) starts[base + i + 1]! += starts[base + i]!; offset = starts[base + n]!; }
  const fill = starts.slice(); const lists = new Int32Array(m); for (let k = 0; k < m; k++) lists[fill[family[k]! * width + source[k]!]!++] = k;
  const t3 = performance.now();
  if (r > 1000) { T[0]! += t1 - t0; T[1]! += t2 - t1; T[2]! += t3 - t2; }
}
console.log(T.map((x) => (x / 3000 * 1000).toFixed(1) + 'us').join(' '));
