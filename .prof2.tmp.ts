import { generateDesign } from './scripts/bench-engine.ts';
import { RULES } from './src/domain/rules/registry.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
const d = generateDesign(Number(process.argv[2] ?? 1000));
const only = process.argv[3];
const index = buildGraphIndex(d);
for (const rule of RULES) {
  if (only && rule.id !== only) continue;
  const t: number[] = [];
  for (let i = 0; i < 600; i++) { const s = performance.now(); rule.check({ design: d, index, thresholds: rule.thresholds }); t.push(performance.now() - s); }
  const l = t.slice(300).sort((a, b) => a - b);
  console.log(rule.id.padEnd(32), (l[150]! * 1000).toFixed(1), 'us');
}
