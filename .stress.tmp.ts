import fc from 'fast-check';
import { arbitraryDesign } from './src/testing/arbitraries.ts';
import { analyzeDesign } from './src/domain/rules/engine.ts';
import { getRule } from './src/domain/rules/registry.ts';
import { quickFixProblems } from './src/domain/rules/rule-harness.ts';
fc.assert(fc.property(arbitraryDesign({ maxNodes: 25 }), (design) => {
  for (const f of analyzeDesign(design)) { const p = quickFixProblems(getRule(f.ruleId)!, design, f); if (p.length) throw new Error(p.join('; ')); }
}), { numRuns: 1500, seed: Number(process.argv[2] ?? 1) });
console.log('ok');
