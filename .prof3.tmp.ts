import { generateDesign } from './scripts/bench-engine.ts';
import { analyzeDesign } from './src/domain/rules/engine.ts';
const d = generateDesign(1000);
for (let i = 0; i < 1500; i++) analyzeDesign(d);
