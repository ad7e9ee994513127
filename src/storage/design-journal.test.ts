/**
 * The journal as base plus delta: what is read back is the design last
 * written, whatever edits came in between, and a damaged or missing delta
 * costs only the edits since the base, never the base.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNodeAt, deleteElements } from '../domain/diagram/edit-operations.ts';
import type { Design } from '../domain/diagram/schema.ts';
import { arbitraryDesignWithFlows } from '../testing/arbitraries.ts';
import { generateDesign } from '../testing/generate-design.ts';
import { createJournal, journalDeltaKey, journalKey, type JournalStore } from './design-journal.ts';

const ID = 'shop';

/** localStorage as the journal sees it; `writes` records the length of every value written. */
function memoryStore(quota = Infinity): JournalStore & { items: Map<string, string>; writes: { key: string; length: number }[] } {
  const items = new Map<string, string>();
  const writes: { key: string; length: number }[] = [];
  return {
    items,
    writes,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      const used = [...items].reduce((sum, [k, v]) => sum + (k === key ? 0 : v.length), 0);
      if (used + value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
      writes.push({ key, length: value.length });
    },
    removeItem: (key) => void items.delete(key),
  };
}

/** A JSON round trip, as the design comes back from storage. */
const json = (design: Design) => JSON.parse(JSON.stringify(design)) as unknown;

/** Edits as the editor makes them: one element replaced by a new object, elements added or deleted, the title changed. */
const arbitraryEdit = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), list: fc.constantFrom('nodes', 'edges', 'groups', 'notes', 'flows'), at: fc.nat(), name: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('add' as const), x: fc.integer({ min: -500, max: 500 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('title' as const), title: fc.string({ minLength: 1, maxLength: 40 }) }),
);
type Edit = typeof arbitraryEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(design: Design, edit: Edit): Design {
  switch (edit.kind) {
    case 'rename': {
      const list = design[edit.list] as { id: string }[];
      if (list.length === 0) return design;
      const i = edit.at % list.length;
      const field = edit.list === 'notes' ? 'text' : 'name';
      return { ...design, [edit.list]: list.map((element, j) => (j === i ? { ...element, [field]: edit.name } : element)) };
    }
    case 'add':
      return addNodeAt(design, 'service', { x: edit.x, y: 0 }).design;
    case 'delete': {
      const ids = [...design.nodes, ...design.edges].map((e) => e.id);
      return ids.length === 0 ? design : deleteElements(design, new Set([ids[edit.at % ids.length]!]));
    }
    case 'title':
      return { ...design, title: edit.title };
  }
}

describe('the design journal', () => {
  it('reads back the design last written, after any sequence of edits, rewritten bases and reloads', () => {
    fc.assert(
      fc.property(
        arbitraryDesignWithFlows(),
        fc.array(fc.tuple(arbitraryEdit, fc.constantFrom('edit', 'save', 'reload')), { minLength: 1, maxLength: 30 }),
        (start, edits) => {
          const store = memoryStore();
          let journal = createJournal(store);
          let design = start;
          let revision = 1;
          for (const [edit, then] of edits) {
            design = applyEdit(design, edit);
            expect(journal.write(ID, { revision, design })).toBe(true);
            expect(journal.read(ID)).toEqual({ revision, design: json(design) });
            if (then === 'save') {
              // The library holds it: nothing to recover until the next edit.
              journal.markSaved(ID, ++revision);
              expect(journal.read(ID)).toBeNull();
            }
            if (then === 'reload') {
              // A new page over the same storage, which saves and removes the entry as the editor does.
              journal = createJournal(store);
              expect(journal.read(ID)).toEqual({ revision, design: json(design) });
              journal.remove(ID);
              revision++;
              expect(journal.read(ID)).toBeNull();
              expect([...store.items.keys()]).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('writes a small delta per keystroke in a large design, and the whole design once, saves between keys included', () => {
    const store = memoryStore();
    const journal = createJournal(store);
    let design = generateDesign(1000);
    const name = design.nodes[500]!.name;
    let revision = 3;
    for (let i = 1; i <= 10; i++) {
      design = { ...design, nodes: design.nodes.map((n, j) => (j === 500 ? { ...n, name: name + 'abcdefghij'.slice(0, i) } : n)) };
      journal.write(ID, { revision, design });
      if (i % 3 === 0) journal.markSaved(ID, ++revision);
    }
    const bases = store.writes.filter((w) => w.key === journalKey(ID));
    const deltas = store.writes.filter((w) => w.key === journalDeltaKey(ID));
    expect(bases).toHaveLength(1);
    expect(bases[0]!.length).toBeGreaterThan(500_000);
    expect(deltas.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...deltas.map((w) => w.length))).toBeLessThan(2_000);
    expect(journal.read(ID)).toEqual({ revision, design: json(design) });
  });

  it('writes the whole design again when its entry was removed behind its back (another tab, a takeover)', () => {
    const store = memoryStore();
    const journal = createJournal(store);
    const design = generateDesign(20);
    journal.write(ID, { revision: 1, design });
    createJournal(store).remove(ID);
    const renamed = { ...design, title: 'Renamed' };
    journal.write(ID, { revision: 1, design: renamed });
    expect(journal.read(ID)).toEqual({ revision: 1, design: json(renamed) });
    expect(store.writes.filter((w) => w.key === journalKey(ID))).toHaveLength(2);
  });

  it('rewrites the base once the delta outgrows a quarter of it', () => {
    const store = memoryStore();
    const journal = createJournal(store);
    let design = generateDesign(40);
    // Every component and connection changed once, one per edit: the delta would end as large as the design.
    for (let i = 0; i < design.nodes.length; i++) {
      design = { ...design, nodes: design.nodes.map((n, j) => (j === i ? { ...n, name: `Renamed ${i}` } : n)) };
      journal.write(ID, { revision: 1, design });
    }
    for (let i = 0; i < design.edges.length; i++) {
      design = { ...design, edges: design.edges.map((e, j) => (j === i ? { ...e, label: `Call ${i}` } : e)) };
      journal.write(ID, { revision: 1, design });
    }
    const bases = store.writes.filter((w) => w.key === journalKey(ID)).length;
    expect(bases).toBeGreaterThan(1);
    expect(bases).toBeLessThan(10);
    for (const w of store.writes.filter((w) => w.key === journalDeltaKey(ID))) expect(w.length).toBeLessThanOrEqual(store.items.get(journalKey(ID))!.length);
    expect(journal.read(ID)).toEqual({ revision: 1, design: json(design) });
  });

  it('falls back to the base when the delta is missing, damaged or made on another base, and never throws', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ version: 1, base: 'X', revision: 2, delta: v })),
      fc.jsonValue().map((v) => JSON.stringify({ version: 1, base: 'X', revision: 2, delta: { fields: {}, lists: { nodes: v } } })),
      fc.tuple(fc.integer(), fc.jsonValue()).map(([i, v]) => JSON.stringify({ version: 1, base: 'X', revision: 2, delta: { fields: {}, lists: { nodes: { at: [[i, v]] } } } })),
      fc.array(fc.string()).map((ids) => JSON.stringify({ version: 1, base: 'X', revision: 2, delta: { fields: {}, lists: { edges: { ids, changed: [] } } } })),
    );
    const design = generateDesign(20);
    fc.assert(
      fc.property(hostile, (text) => {
        const store = memoryStore();
        const journal = createJournal(store);
        journal.write(ID, { revision: 1, design });
        const named = text.replace('"base":"X"', `"base":${JSON.stringify((JSON.parse(store.items.get(journalKey(ID))!) as { base: string }).base)}`);
        store.items.set(journalDeltaKey(ID), named);
        const read = journal.read(ID);
        expect(read).not.toBeNull();
        // Either the base, or a delta that was well formed enough to apply; never an element missing.
        if (read!.revision === 1) expect(read).toEqual({ revision: 1, design: json(design) });
        else for (const list of ['nodes', 'edges', 'groups', 'notes', 'flows'] as const) expect((read!.design as Design)[list].every((e) => e !== undefined)).toBe(true);
      }),
      { numRuns: 400, seed: 5 },
    );

    const store = memoryStore();
    const journal = createJournal(store);
    journal.write(ID, { revision: 1, design });
    const edited = { ...design, title: 'Edited' };
    journal.write(ID, { revision: 1, design: edited });
    expect(journal.read(ID)?.design).toEqual(json(edited));
    // The delta of another base (a page that wrote its own base since) is not applied to this one.
    const other = createJournal(memoryStore());
    other.write(ID, { revision: 1, design });
    store.items.set(journalKey(ID), JSON.stringify({ revision: 1, design, base: 'another' }));
    expect(journal.read(ID)).toEqual({ revision: 1, design: json(design) });
    store.items.delete(journalDeltaKey(ID));
    expect(journal.read(ID)).toEqual({ revision: 1, design: json(design) });
    store.items.set(journalKey(ID), '{"revision":1,');
    expect(journal.read(ID)).toBeNull();
  });

  it('reads an entry written before deltas existed', () => {
    const store = memoryStore();
    const design = generateDesign(5);
    store.items.set(journalKey(ID), JSON.stringify({ revision: 4, design }));
    store.items.set(journalDeltaKey(ID), JSON.stringify({ version: 1, base: 'x', revision: 5, delta: { fields: {}, lists: {} } }));
    expect(createJournal(store).read(ID)).toEqual({ revision: 4, design: json(design) });
  });

  it('reports a base too large for the storage as not written, and keeps writing deltas on the base it has', () => {
    const design = generateDesign(50);
    const store = memoryStore(JSON.stringify(design).length * 1.3);
    const journal = createJournal(store);
    expect(journal.write(ID, { revision: 1, design })).toBe(true);
    const big = { ...design, notes: [{ id: 'n-big', text: 'x'.repeat(JSON.stringify(design).length), position: { x: 0, y: 0 }, size: { width: 10, height: 10 } }] } as unknown as Design;
    expect(journal.write(ID, { revision: 1, design: big })).toBe(false);
    const renamed = { ...design, title: 'Renamed' };
    expect(journal.write(ID, { revision: 1, design: renamed })).toBe(true);
    expect(journal.read(ID)?.design).toEqual(json(renamed));
    expect(createJournal(null).write(ID, { revision: 1, design })).toBe(false);
  });
});
