import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { arbitraryDesignWithFlows } from '../../testing/arbitraries.ts';
import { generateDesign } from '../../testing/generate-design.ts';
import { applyFindingsDelta, diffFindings, toPlain, type PlainFinding } from './analysis-protocol.ts';
import { hydrateFinding } from './findings.ts';

const plain = (f: PlainFinding) => f;

describe('findings sent from the analysis worker', () => {
  it('arrive as the engine reported them, in order, through any sequence of designs', () => {
    fc.assert(
      fc.property(fc.array(arbitraryDesignWithFlows(), { minLength: 1, maxLength: 4 }), (designs) => {
        const answered = new Map<string, { signature: string; severity: string }>();
        let shown: PlainFinding[] = [];
        for (const design of designs) {
          const findings = analyzeDesign(design);
          shown = applyFindingsDelta(shown, structuredClone(diffFindings(answered, findings)), plain);
          expect(shown).toEqual(findings.map(toPlain));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('send only the findings a rename changed, and keep the others as the same objects', () => {
    const design = generateDesign(300);
    const answered = new Map<string, { signature: string; severity: string }>();
    const first = applyFindingsDelta([], diffFindings(answered, analyzeDesign(design)), plain);
    const renamed = { ...design, nodes: design.nodes.map((n, i) => (i === 10 ? { ...n, name: 'Renamed' } : n)) };
    const delta = diffFindings(answered, analyzeDesign(renamed));
    expect(delta.order).toBeNull();
    expect(delta.upserts.length).toBeGreaterThan(0);
    expect(delta.upserts.length).toBeLessThan(first.length / 10);
    const second = applyFindingsDelta(first, delta, plain);
    expect(second.filter((f, i) => f !== first[i]).map((f) => f.id)).toEqual(delta.upserts.map((f) => f.id));
  });

  it('keep their quick fixes: applying one does what the engine’s own fix does', () => {
    const design = generateDesign(60);
    const findings = analyzeDesign(design);
    const withFix = findings.filter((f) => f.quickFixes.length > 0).slice(0, 20);
    expect(withFix.length).toBeGreaterThan(0);
    for (const finding of withFix) {
      const hydrated = hydrateFinding(structuredClone(toPlain(finding)));
      expect(hydrated.quickFixes.map((q) => q.label)).toEqual(finding.quickFixes.map((q) => q.label));
      expect(hydrated.quickFixes[0]!.apply(design)).toEqual(finding.quickFixes[0]!.apply(design));
    }
  });
});
