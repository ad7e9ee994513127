import { generateDesign } from './scripts/bench-engine.ts';
import { RULES } from './src/domain/rules/registry.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
const d = generateDesign(Number(process.argv[3] ?? 1000));
const index = buildGraphIndex(d);
const id = process.argv[2]!;
const r = RULES.find((x) => x.id === id)!;
const t: number[] = [];
for (let i = 0; i < 20000; i++) { const s = performance.now(); r.check({ design: d, index, thresholds: r.thresholds }); t.push(performance.now() - s); }
const y = t.slice(5000).sort((a, b) => a - b);
console.log(id, 'median', (y[y.length >> 1]! * 1000).toFixed(1), 'us  p10', (y[Math.floor(y.length / 10)]! * 1000).toFixed(1));
