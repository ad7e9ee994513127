import { generateDesign } from './scripts/bench-engine.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
import { factsOf } from './src/domain/rules/analysis/facts.ts';
const d = generateDesign(1000);
const idx = Array.from({ length: 50 }, () => buildGraphIndex(d));
let x = 0;
for (let i = 0; i < 3000; i++) x += factsOf(idx[i % 50]!).n;
console.log(x);
