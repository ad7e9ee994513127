import { generateDesign } from './scripts/bench-engine.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
import { factsOf } from './src/domain/rules/analysis/facts.ts';
import { runRules } from './src/domain/rules/engine.ts';
import { RULES } from './src/domain/rules/registry.ts';
const d = generateDesign(Number(process.argv[2] ?? 1000));
const a: number[] = [], b: number[] = [], c: number[] = [];
for (let i = 0; i < 600; i++) {
  const t0 = performance.now(); const index = buildGraphIndex(d); const t1 = performance.now(); factsOf(index); const t2 = performance.now(); runRules(RULES, d, { index }); const t3 = performance.now();
  if (i >= 200) { a.push(t1 - t0); b.push(t2 - t1); c.push(t3 - t2); }
}
const med = (x: number[]) => { x.sort((p, q) => p - q); return `${x[x.length >> 1]!.toFixed(3)} (p10 ${x[Math.floor(x.length / 10)]!.toFixed(3)})`; };
console.log('index', med(a), 'facts', med(b), 'rules', med(c));
