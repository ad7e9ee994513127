import { generateDesign } from './scripts/bench-engine.ts';
import { runRules } from './src/domain/rules/engine.ts';
import { RULES } from './src/domain/rules/registry.ts';
import { buildGraphIndex } from './src/domain/diagram/graph-index.ts';
const d = generateDesign(1000);
const index = buildGraphIndex(d);
for (let i = 0; i < 3000; i++) runRules(RULES, d, { index });
