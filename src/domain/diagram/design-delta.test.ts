import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesignWithFlows } from '../../testing/arbitraries.ts';
import { generateDesign } from '../../testing/generate-design.ts';
import { applyDelta, diffDesign, fullDelta } from './design-delta.ts';
import type { Design } from './schema.ts';

/** A copy as the other side of a postMessage or a JSON round trip holds it: nothing shared. */
const copy = <T>(value: T): T => structuredClone(value);

/** Random edits as the editor makes them: elements replaced by new objects, removed, added, reordered. */
const arbitraryEdit = fc.record({
  replace: fc.array(fc.nat(), { maxLength: 4 }),
  remove: fc.array(fc.nat(), { maxLength: 3 }),
  add: fc.nat({ max: 3 }),
  reverse: fc.boolean(),
  list: fc.constantFrom('nodes', 'edges', 'groups', 'notes', 'flows'),
  title: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
});

let fresh = 0;
type Edit = typeof arbitraryEdit extends fc.Arbitrary<infer T> ? T : never;

function edit(design: Design, e: Edit): Design {
  const list = [...(design[e.list] as { id: string }[])];
  for (const i of e.replace as number[]) if (list.length) list[i % list.length] = { ...list[i % list.length]!, id: list[i % list.length]!.id };
  for (const i of e.remove as number[]) if (list.length) list.splice(i % list.length, 1);
  for (let k = 0; k < e.add; k++) if (list.length) list.push({ ...list[0]!, id: `added-${fresh++}` });
  if (e.reverse) list.reverse();
  return { ...design, ...(e.title ? { title: e.title } : {}), [e.list]: list } as Design;
}

describe('design deltas', () => {
  it('give back the edited design on top of a copy of the one before', () => {
    fc.assert(
      fc.property(arbitraryDesignWithFlows(), fc.array(arbitraryEdit, { minLength: 1, maxLength: 5 }), (design, edits) => {
        let mine = design;
        let theirs = applyDelta(null, copy(fullDelta(design)));
        expect(theirs).toEqual(design);
        for (const e of edits) {
          const next = edit(mine, e);
          theirs = applyDelta(theirs, copy(diffDesign(mine, next)));
          mine = next;
          expect(theirs).toEqual(mine);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('send only what changed: a rename of one component of 1,000 sends that component', () => {
    const design = generateDesign(1000);
    const renamed = { ...design, nodes: design.nodes.map((n, i) => (i === 500 ? { ...n, name: 'Renamed' } : n)) };
    const delta = diffDesign(design, renamed);
    expect(delta.lists).toEqual({ nodes: { at: [[500, renamed.nodes[500]]] } });
    expect(JSON.stringify(delta).length).toBeLessThan(2_000);
    const added = { ...design, nodes: [...design.nodes, { ...design.nodes[0]!, id: 'new' }] };
    expect(diffDesign(design, added).lists.nodes).toEqual({ ids: added.nodes.map((n) => n.id), changed: [added.nodes[1000]] });
  });

  it('does not change the design it is applied to', () => {
    const design = generateDesign(20);
    const before = copy(design);
    const renamed = { ...design, nodes: design.nodes.map((n, i) => (i === 3 ? { ...n, name: 'Renamed' } : n)) };
    applyDelta(design, diffDesign(design, renamed));
    expect(design).toEqual(before);
  });
});
