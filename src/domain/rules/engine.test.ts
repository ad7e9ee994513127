import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedFamilies } from '../diagram/connections.ts';
import { changeEdgeFamily } from '../diagram/factory.ts';
import { proposeFlows } from '../diagram/flows.ts';
import { buildGraphIndex } from '../diagram/graph-index.ts';
import { Design } from '../diagram/schema.ts';
import { arbitraryDesign, arbitraryDesignWithFlows } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { analyzeDesign, compareFindings } from './engine.ts';
import { getRule } from './registry.ts';
import { quickFixProblems } from './rule-harness.ts';
import type { Finding } from './types.ts';

const summary = (findings: readonly Finding[]) =>
  findings.map((f) => ({ ...f, quickFixes: f.quickFixes.map((q) => `${q.id}|${q.label}`) }));

/** Node ids named by sync-cycle findings, one set per cycle. */
const cycles = (design: Design, findings: readonly Finding[]) => {
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  return findings.filter((f) => f.ruleId === 'sync-cycle').map((f) => new Set(f.elementIds.filter((id) => nodeIds.has(id))));
};

describe('analyzeDesign', () => {
  it('never throws, names only existing elements, gives unique ids and sorts its findings', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const findings = analyzeDesign(design);
        const ids = new Set([...design.nodes, ...design.edges, ...design.groups].map((e) => e.id));
        for (const finding of findings) {
          for (const id of finding.elementIds) expect(ids.has(id)).toBe(true);
          expect(finding.elementIds.length).toBeGreaterThan(0);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(getRule(finding.ruleId)).toBeDefined();
        }
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
        expect([...findings].sort(compareFindings)).toEqual(findings);
      }),
    );
  });

  it('reads drawn flows without breaking: findings name existing elements, quick fixes work, and a flow finds no timeout overrun that the paths alone would not', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryDesignWithFlows({ maxNodes: 15 }), arbitraryDesign({ maxNodes: 15 }).map((d) => ({ ...d, flows: proposeFlows(d).slice(0, 5) }))), (drawn) => {
        expect(Design.safeParse(drawn).success).toBe(true);
        const ids = new Set([...drawn.nodes, ...drawn.edges, ...drawn.groups].map((e) => e.id));
        const findings = analyzeDesign(drawn);
        for (const finding of findings) {
          for (const id of finding.elementIds) expect(ids.has(id)).toBe(true);
          expect(quickFixProblems(getRule(finding.ruleId)!, drawn, finding)).toEqual([]);
        }
        // A flow's calls are calls some path makes, and a path's budget is the tightest of all callers'.
        const byPaths = new Set(analyzeDesign({ ...drawn, flows: [] }).filter((f) => f.ruleId === 'timeout-budget').map((f) => f.id));
        for (const f of findings) if (f.ruleId === 'timeout-budget') expect(byPaths.has(f.id)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('is deterministic: same design, same findings in the same order', () => {
    fc.assert(
      fc.property(arbitraryDesign(), (design) => {
        const first = summary(analyzeDesign(design));
        expect(summary(analyzeDesign(structuredClone(design)))).toEqual(first);
        expect(summary(analyzeDesign(design, { index: buildGraphIndex(design) }))).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });

  it('never adds a missing-timeout finding when a timeout is set on an edge', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.nat(), fc.integer({ min: 1, max: 600_000 }), (design, pick, timeoutMs) => {
        const sync = design.edges.filter((e) => e.family === 'sync');
        fc.pre(sync.length > 0);
        const chosen = sync[pick % sync.length]!;
        const changed = { ...design, edges: design.edges.map((e) => (e === chosen ? { ...e, timeoutMs } : e)) };
        const before = new Set(analyzeDesign(design).filter((f) => f.ruleId === 'missing-timeout').map((f) => f.id));
        for (const finding of analyzeDesign(changed).filter((f) => f.ruleId === 'missing-timeout')) {
          expect(before.has(finding.id)).toBe(true);
          expect(finding.elementIds).not.toContain(chosen.id);
        }
      }),
    );
  });

  it('never creates a sync cycle when a call is made asynchronous', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.nat(), (design, pick) => {
        const byId = new Map(design.nodes.map((n) => [n.id, n]));
        const candidates = design.edges.filter((e) => {
          const source = byId.get(e.source);
          const target = byId.get(e.target);
          return e.family === 'sync' && source && target && allowedFamilies(source.kind, target.kind).includes('async');
        });
        fc.pre(candidates.length > 0);
        const chosen = candidates[pick % candidates.length]!;
        const changed = {
          ...design,
          edges: design.edges.map((e) => (e === chosen ? changeEdgeFamily(e, 'async', byId.get(e.source)!, byId.get(e.target)!) : e)),
        };
        expect(Design.safeParse(changed).success).toBe(true);
        const before = cycles(design, analyzeDesign(design));
        for (const after of cycles(changed, analyzeDesign(changed))) {
          expect(before.some((cycle) => [...after].every((id) => cycle.has(id)))).toBe(true);
        }
      }),
    );
  });

  it('has quick fixes that return a new valid design, leave the input alone and remove their finding', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 15 }), (design) => {
        for (const finding of analyzeDesign(design)) {
          expect(quickFixProblems(getRule(finding.ruleId)!, design, finding)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follows the configuration: rules off, severities changed, thresholds tuned', () => {
    const design = designOf(
      { web: 'web-client', a: 'service', b: 'service', c: 'service', d: 'service', e: 'service' },
      [['web', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']],
    );
    const ruleIds = (findings: Finding[]) => [...new Set(findings.map((f) => f.ruleId))];
    expect(ruleIds(analyzeDesign(design))).toContain('deep-sync-chain');
    expect(ruleIds(analyzeDesign(design, { config: { 'deep-sync-chain': { enabled: false } } }))).not.toContain('deep-sync-chain');
    expect(ruleIds(analyzeDesign(design, { config: { 'deep-sync-chain': { thresholds: { maxHops: 4 } } } }))).not.toContain('deep-sync-chain');
    const raised = analyzeDesign(design, { config: { 'deep-sync-chain': { severity: 'error' } } });
    expect(raised[0]?.ruleId).toBe('deep-sync-chain');
    expect(raised[0]?.severity).toBe('error');
  });

  it('ignores a prebuilt index of another design', () => {
    const a = designOf({ web: 'web-client', db: 'relational-database' }, [['web', 'db']]);
    const b = designOf({ web: 'web-client', api: 'service', db: 'relational-database' }, [['web', 'api'], ['api', 'db']]);
    expect(analyzeDesign(a, { index: buildGraphIndex(b) }).map((f) => f.ruleId)).toContain('exposed-datastore');
  });
});
