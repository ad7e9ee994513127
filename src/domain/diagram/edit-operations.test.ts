import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { designOf } from '../../testing/designs.ts';
import { absolutePosition, addNodeAt, copySelection, deleteElements, freshName, groupElements, pasteClipboard, ungroup } from './edit-operations.ts';
import { Design } from './schema.ts';

const valid = (d: unknown) => Design.safeParse(d).success;

describe('edit operations', () => {
  it('adds a node centred on the point with a unique readable name', () => {
    const start = designOf({ a: 'service' });
    const renamed = { ...start, nodes: [{ ...start.nodes[0]!, name: 'Service' }] };
    const { design, id } = addNodeAt(renamed, 'service', { x: 500, y: 300 });
    const node = design.nodes.find((n) => n.id === id)!;
    expect(node.name).toBe('Service 2');
    expect(node.position).toEqual({ x: 500 - 92, y: 300 - 30 });
    expect(valid(design)).toBe(true);
  });

  it('counts names up instead of stacking suffixes', () => {
    const d = designOf({ a: 'service', b: 'service' });
    const named = { ...d, nodes: [{ ...d.nodes[0]!, name: 'Orders' }, { ...d.nodes[1]!, name: 'Orders 2' }] };
    expect(freshName(named, 'Orders 2')).toBe('Orders 3');
    expect(freshName(named, 'Billing')).toBe('Billing');
  });

  it('copy then paste adds fresh, valid copies with the connections between them, and never mutates', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 12 }), fc.array(fc.nat(), { maxLength: 6 }), (design, picks) => {
        const frozen = JSON.stringify(design);
        const ids = new Set(picks.flatMap((p) => (design.nodes.length ? [design.nodes[p % design.nodes.length]!.id] : [])));
        const clip = copySelection(design, ids);
        if (!clip) return;
        const { design: pasted, ids: newIds } = pasteClipboard(design, clip, { x: 40, y: 40 });
        expect(valid(pasted)).toBe(true);
        expect(pasted.nodes.length).toBe(design.nodes.length + clip.nodes.length);
        expect(pasted.edges.length).toBe(design.edges.length + clip.edges.length);
        expect(new Set(newIds).size).toBe(newIds.length);
        expect(JSON.stringify(design)).toBe(frozen);
      }),
    );
  });

  it('deleting any elements leaves a valid design with no dangling edges', () => {
    fc.assert(
      fc.property(arbitraryDesign(), fc.array(fc.nat(), { maxLength: 8 }), (design, picks) => {
        const all = [...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id), ...design.groups.map((g) => g.id)];
        const ids = new Set(picks.flatMap((p) => (all.length ? [all[p % all.length]!] : [])));
        const next = deleteElements(design, ids);
        expect(valid(next)).toBe(true);
        for (const id of ids) {
          expect(next.nodes.some((n) => n.id === id) || next.groups.some((g) => g.id === id)).toBe(false);
        }
      }),
    );
  });

  it('grouping and ungrouping keep every component where it was on the canvas', () => {
    fc.assert(
      fc.property(arbitraryDesign({ maxNodes: 10 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (design, picks) => {
        if (design.nodes.length === 0) return;
        const ids = new Set(picks.map((p) => design.nodes[p % design.nodes.length]!.id));
        const before = new Map(design.nodes.map((n) => [n.id, absolutePosition(design, n)]));
        const grouped = groupElements(design, ids, 'Ordering');
        expect(grouped).not.toBeNull();
        if (!grouped) return;
        expect(valid(grouped.design)).toBe(true);
        for (const n of grouped.design.nodes) expect(absolutePosition(grouped.design, n)).toEqual(before.get(n.id));
        expect(grouped.design.nodes.filter((n) => n.groupId === grouped.id).length).toBe(ids.size);
        const back = ungroup(grouped.design, grouped.id);
        for (const n of back.nodes) expect(absolutePosition(back, n)).toEqual(before.get(n.id));
      }),
    );
  });
});
