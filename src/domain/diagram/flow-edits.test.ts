import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesignWithFlows } from '../../testing/arbitraries.ts';
import { parseDesignText } from '../persistence/parse-design.ts';
import { deleteElements } from './edit-operations.ts';
import { addFlow, addStep, freshFlowId, keepFlow, nextStepCandidates, removeFlow, removeLastStep, sameSteps, updateFlow, updateStep } from './flow-edits.ts';
import { describeFlow, describeStep, flowNames } from './flow-words.ts';
import { proposeFlows, pruneFlows, resolveFlow, resolveFlows } from './flows.ts';
import { Design, type Design as DesignType } from './schema.ts';

function fixture(): DesignType {
  const text = readFileSync(new URL('../../testing/fixtures/designs/v2-url-shortener-flows.json', import.meta.url), 'utf8');
  const parsed = parseDesignText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

const valid = (design: DesignType) => {
  const result = Design.safeParse(design);
  return result.success ? null : result.error.issues.map((i) => i.message).join('; ');
};

describe('flows in words', () => {
  it('read a flow as the request goes, naming each component once and the work after the response apart', () => {
    const design = fixture();
    const [follow, create] = resolveFlows(design);
    const names = flowNames(design);
    expect(describeFlow(follow!, names)).toBe(
      'Browser → Load balancer → Redirect service → reads Link cache → on a miss reads Links DB (10% of requests) → publishes to Click events; after the response: Click counter consumes',
    );
    expect(describeFlow(create!, names)).toBe('Browser → Load balancer → Shortener → writes Links DB');
    // A long flow is cut after as many steps as asked, saying how many are left out.
    expect(describeFlow(follow!, names, 2)).toBe('Browser → Load balancer → Redirect service → … and 4 more steps');
    expect(describeFlow(follow!, names, 5)).toBe('Browser → Load balancer → Redirect service → reads Link cache → on a miss reads Links DB (10% of requests) → publishes to Click events → … and 1 more step');
  });

  it('say each step as a sentence that stands alone', () => {
    const design = fixture();
    const [follow] = resolveFlows(design);
    const names = flowNames(design);
    expect(follow!.steps.map((s) => describeStep(s, names))).toEqual([
      'Browser calls Load balancer',
      'Load balancer calls Redirect service',
      'Redirect service reads Link cache',
      'On a miss, Redirect service reads Links DB (10% of requests)',
      'Redirect service publishes to Click events',
      'Click counter consumes from Click events',
    ]);
  });

  it('name the component making a step when it is not where the request is', () => {
    const design = fixture();
    // Proposed depth first: the redirect service's own steps, then the stream's consumer.
    const flow = { id: 'x', name: 'x', steps: ['e1', 'e3', 'e7', 'e5', 'e8'].map((edge) => ({ edge, when: 'always' as const, share: 1, parallel: true })), notes: '' };
    const resolved = resolveFlow(flow, new Map(design.edges.map((e) => [e.id, e])), (id) => design.nodes.find((n) => n.id === id)?.kind)!;
    expect(describeFlow(resolved, flowNames(design))).toBe(
      'Browser → at the same time Load balancer → at the same time Redirect service → at the same time publishes to Click events → at the same time reads Link cache; after the response: at the same time Click counter consumes',
    );
    const back = { ...flow, steps: [...flow.steps.slice(0, 3), flow.steps[4]!, { edge: 'e9', when: 'always' as const, share: 1, parallel: false }] };
    const resolvedBack = resolveFlow(back, new Map(design.edges.map((e) => [e.id, e])), (id) => design.nodes.find((n) => n.id === id)?.kind)!;
    expect(describeFlow(resolvedBack, flowNames(design))).toMatch(/; after the response: at the same time Click counter consumes; during the request: Redirect service calls Shortener$/);
  });
});

describe('editing flows', () => {
  it('creates a flow from its first connection and offers only connections that start where it has been', () => {
    const design = { ...fixture(), flows: [] };
    // An empty flow may start anywhere; connections from components nothing reaches come first.
    expect(nextStepCandidates(design, []).map((e) => e.id)[0]).toBe('e1');
    const made = addFlow(design, { name: 'Make a link', firstEdge: 'e1', operation: 'create' })!;
    expect(made.id).toBe('f1');
    expect(made.design.flows).toEqual([{ id: 'f1', name: 'Make a link', operation: 'create', steps: [{ edge: 'e1', when: 'always', share: 1, parallel: false }], notes: '' }]);
    const flow = made.design.flows[0]!;
    expect(nextStepCandidates(made.design, flow.steps).map((e) => e.id)).toEqual(['e2', 'e3']);
    let next = addStep(made.design, 'f1', 'e2');
    expect(nextStepCandidates(next, next.flows[0]!.steps).map((e) => e.id)).toEqual(['e4', 'e3']);
    // A connection from a component the flow has not reached is refused: the same design comes back.
    expect(addStep(next, 'f1', 'e5')).toBe(next);
    next = addStep(next, 'f1', 'e4');
    expect(next.flows[0]!.steps.map((s) => s.edge)).toEqual(['e1', 'e2', 'e4']);
    expect(valid(next)).toBeNull();
    next = removeLastStep(next, 'f1');
    expect(next.flows[0]!.steps.map((s) => s.edge)).toEqual(['e1', 'e2']);
    // A flow keeps its first step: removing it would leave an invalid flow; delete the flow instead.
    const one = removeLastStep(removeLastStep(next, 'f1'), 'f1');
    expect(one.flows[0]!.steps).toHaveLength(1);
    expect(removeLastStep(one, 'f1')).toBe(one);
    expect(removeFlow(one, 'f1').flows).toEqual([]);
  });

  it('refuses a flow with no name or an unknown first connection', () => {
    const design = fixture();
    expect(addFlow(design, { name: '  ', firstEdge: 'e1' })).toBeNull();
    expect(addFlow(design, { name: 'x', firstEdge: 'nope' })).toBeNull();
    expect(freshFlowId({ flows: [{ id: 'f3' }, { id: 'f4' }] as DesignType['flows'] })).toBe('f5');
  });

  it('renames, binds, unbinds and sets the rate, and returns the same design when nothing changes', () => {
    const design = fixture();
    const bound = updateFlow(design, 'create', { operation: 'create', rateRps: 60, name: 'Shorten' });
    expect(bound.flows[1]).toMatchObject({ name: 'Shorten', operation: 'create', rateRps: 60 });
    expect(updateFlow(bound, 'create', { operation: 'create', rateRps: 60 })).toBe(bound);
    const unbound = updateFlow(bound, 'create', { operation: null, rateRps: null });
    expect('operation' in unbound.flows[1]! || 'rateRps' in unbound.flows[1]!).toBe(false);
    expect(updateFlow(bound, 'create', { rateRps: -1 })).toBe(bound);
    expect(updateFlow(bound, 'create', { name: '   ' })).toBe(bound);
    expect(valid(unbound)).toBeNull();
  });

  it('marks a step on a miss, in parallel or for a share of requests, and refuses a share outside (0, 1]', () => {
    const design = fixture();
    const marked = updateStep(design, 'create', 2, { when: 'on-miss', parallel: true, share: 0.25 });
    expect(marked.flows[1]!.steps[2]).toEqual({ edge: 'e4', when: 'on-miss', share: 0.25, parallel: true });
    expect(updateStep(marked, 'create', 2, { share: 0 })).toBe(marked);
    expect(updateStep(marked, 'create', 2, { share: 1.5 })).toBe(marked);
    expect(updateStep(marked, 'create', 9, { when: 'always' })).toBe(marked);
    expect(updateStep(marked, 'create', 2, { when: 'on-miss' })).toBe(marked);
  });

  it('keeps a proposed flow under a new id, bound to an operation', () => {
    const design = { ...fixture(), flows: [] };
    const proposed = proposeFlows(design);
    const redirect = proposed.find((f) => f.name === 'Browser → Redirect service')!;
    const kept = keepFlow(design, redirect, { name: 'Follow a short link', operation: 'follow' })!;
    expect(kept.design.flows[0]).toMatchObject({ id: 'f1', name: 'Follow a short link', operation: 'follow' });
    expect(sameSteps(kept.design.flows[0]!, redirect)).toBe(true);
    expect(valid(kept.design)).toBeNull();
    // A proposal made before a connection went away keeps the steps that still fit.
    const without = deleteElements(design, new Set(['e3']));
    expect(keepFlow(without, redirect)!.design.flows[0]!.steps.map((s) => s.edge)).toEqual(['e1']);
  });

  it('keep every design valid whatever is edited, in whatever order (property)', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('step' as const), flow: fc.nat(), pick: fc.nat() }),
      fc.record({ kind: fc.constant('pop' as const), flow: fc.nat() }),
      fc.record({ kind: fc.constant('mark' as const), flow: fc.nat(), index: fc.nat(), share: fc.double({ min: -1, max: 2, noNaN: true }), parallel: fc.boolean() }),
      fc.record({ kind: fc.constant('keep' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete-edge' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(arbitraryDesignWithFlows({ maxNodes: 12 }), fc.array(edit, { maxLength: 12 }), (start, edits) => {
        let design = start;
        for (const e of edits) {
          const flowId = (n: number) => design.flows[n % Math.max(1, design.flows.length)]?.id ?? '';
          if (e.kind === 'add') {
            const candidates = nextStepCandidates(design, []);
            const first = candidates[e.pick % Math.max(1, candidates.length)];
            if (first) design = addFlow(design, { name: 'Flow', firstEdge: first.id })?.design ?? design;
          } else if (e.kind === 'step') {
            const id = flowId(e.flow);
            const flow = design.flows.find((f) => f.id === id);
            const candidates = flow ? nextStepCandidates(design, flow.steps) : [];
            const edge = candidates[e.pick % Math.max(1, candidates.length)];
            if (edge) {
              const next = addStep(design, id, edge.id);
              expect(next.flows.find((f) => f.id === id)!.steps.at(-1)!.edge).toBe(edge.id);
              design = next;
            }
          } else if (e.kind === 'pop') design = removeLastStep(design, flowId(e.flow));
          else if (e.kind === 'mark') design = updateStep(design, flowId(e.flow), e.index % 4, { share: e.share, parallel: e.parallel, when: 'on-miss' });
          else if (e.kind === 'keep') {
            const proposed = proposeFlows(design);
            const chosen = proposed[e.pick % Math.max(1, proposed.length)];
            if (chosen) design = keepFlow(design, chosen)?.design ?? design;
          } else {
            const edge = design.edges[e.pick % Math.max(1, design.edges.length)];
            if (edge) design = pruneFlows(deleteElements(design, new Set([edge.id])));
          }
          expect(valid(design)).toBeNull();
          const names = flowNames(design);
          for (const flow of resolveFlows(design)) {
            expect(flow.steps).toHaveLength(flow.flow.steps.length);
            for (const s of flow.steps) expect(describeStep(s, names)).not.toBe('');
            expect(describeFlow(flow, names).startsWith(names.name(flow.entry))).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
