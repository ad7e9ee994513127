/**
 * The editor's save path: journal at once, save to the library after, and
 * what a reload, another tab or a deletion does to the work in between.
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { addNodeAt } from '../domain/diagram/edit-operations.ts';
import type { Design } from '../domain/diagram/schema.ts';
import { designOf } from '../testing/designs.ts';
import { createJournal, journalKey, type JournalStore } from './design-journal.ts';
import { openIndexedDbLibrary } from './design-library.ts';
import { createLibraryDesignStorage } from './design-storage.ts';

const ID = 'shop';
const base = (): Design => ({ ...designOf({ web: 'web-client', api: 'service' }, [['web', 'api']]), id: ID, title: 'Shop' });

/** localStorage as the journal sees it, surviving "reloads" like the real one. */
function memoryStore(): JournalStore & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  };
}

let store: ReturnType<typeof memoryStore>;

/** A page load: a fresh library connection over the same IndexedDB, and the same localStorage. */
async function openPage() {
  const library = await openIndexedDbLibrary();
  return { library, storage: createLibraryDesignStorage(library, ID, createJournal(store)) };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = memoryStore();
  const { library } = await openPage();
  await library.save(base(), null);
});

/** An edit as the canvas makes one: a component added. */
const edit = (design: Design, i: number): Design => ({ ...addNodeAt(design, 'service', { x: 100 * i, y: 300 }).design, updatedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` });

describe('the editor save path', () => {
  it('keeps every edit through a reload at any point: before its save starts, while earlier saves are done, or after', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (savedAfter) => {
        globalThis.indexedDB = new IDBFactory();
        store = memoryStore();
        await (await openPage()).library.save(base(), null);
        const first = await openPage();
        const loaded = await first.storage.loadCurrent();
        if (loaded.status !== 'loaded') throw new Error('not loaded');
        let design = loaded.design;
        for (let i = 0; i < savedAfter.length; i++) {
          design = edit(design, i);
          // As the editor does: the journal in the same task as the edit, the library save later (or never, if the page goes first).
          first.storage.journal(design);
          if (savedAfter[i]) expect(await first.storage.saveCurrent(design)).toEqual({ ok: true });
        }
        const reloaded = await openPage();
        const after = await reloaded.storage.loadCurrent();
        expect(after).toEqual({ status: 'loaded', design });
        expect(await reloaded.library.get(ID)).toMatchObject({ status: 'loaded', design });
        expect(store.keys()).toEqual([]);
      }),
      { numRuns: 60, seed: 4 },
    );
  });

  it('writes the journal synchronously, before any asynchronous work', async () => {
    const { storage } = await openPage();
    const loaded = await storage.loadCurrent();
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    const next = edit(loaded.design, 1);
    storage.journal(next);
    expect(createJournal(store).read(ID)).toEqual({ revision: 1, design: JSON.parse(JSON.stringify(next)) });
    await storage.saveCurrent(next);
    // Saved: nothing left to recover; the base stays for the next edit's delta until the editor closes.
    expect(createJournal(store).read(ID)).toBeNull();
    expect(store.getItem(journalKey(ID))).not.toBeNull();
    storage.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.keys()).toEqual([]);
  });

  it('keeps a journal that another tab’s save overtook as a design of its own', async () => {
    // Two tabs on one design, as where Web Locks are missing.
    const mine = await openPage();
    const theirs = await openPage();
    const loaded = await mine.storage.loadCurrent();
    await theirs.storage.loadCurrent();
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    const myEdit = { ...edit(loaded.design, 1), title: 'Mine' };
    mine.storage.journal(myEdit);
    // The other tab's save lands first; then this page goes away before its own save.
    const theirEdit = { ...loaded.design, title: 'Theirs' };
    expect(await theirs.storage.saveCurrent(theirEdit)).toEqual({ ok: true });

    const reloaded = await openPage();
    const after = await reloaded.storage.loadCurrent();
    expect(after).toMatchObject({ status: 'loaded', design: theirEdit, recovered: expect.stringMatching(/saved as a separate design, “Mine \(recovered\)”/) });
    const { entries } = await reloaded.library.list();
    expect(entries.map((e) => e.design.title).sort()).toEqual(['Mine (recovered)', 'Theirs']);
    expect(entries.find((e) => e.design.title === 'Mine (recovered)')?.design.nodes).toEqual(myEdit.nodes);
  });

  it('takes a design back from the newest stored revision, and keeps this tab’s changes as a copy', async () => {
    const a = await openPage();
    const b = await openPage();
    const fromA = await a.storage.loadCurrent();
    const fromB = await b.storage.loadCurrent();
    if (fromA.status !== 'loaded' || fromB.status !== 'loaded') throw new Error('not loaded');
    const aEdit = edit(fromA.design, 1);
    expect(await a.storage.saveCurrent(aEdit)).toEqual({ ok: true });
    const bEdit = edit(edit(fromB.design, 2), 3);
    b.storage.journal(bEdit);
    expect(await b.storage.saveCurrent(bEdit)).toMatchObject({ ok: false, reason: 'conflict' });

    const taken = await b.storage.takeOver(bEdit);
    expect(taken.design).toEqual(aEdit);
    expect(taken.copy?.nodes).toEqual(bEdit.nodes);
    expect(await b.library.get(ID)).toMatchObject({ status: 'loaded', design: aEdit });
    expect(await b.library.get(taken.copy!.id)).toMatchObject({ status: 'loaded', design: taken.copy });
    // From here on, tab B saves on top of A's revision.
    const next = edit(taken.design, 4);
    expect(await b.storage.saveCurrent(next)).toEqual({ ok: true });
    expect(await a.storage.saveCurrent(edit(aEdit, 5))).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('takes a design back with this tab’s work when nobody saved since', async () => {
    const b = await openPage();
    const loaded = await b.storage.loadCurrent();
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    const bEdit = edit(loaded.design, 1);
    const taken = await b.storage.takeOver(bEdit);
    expect(taken).toEqual({ design: bEdit, copy: null, message: null });
    expect(await b.library.get(ID)).toMatchObject({ status: 'loaded', design: bEdit });
  });

  it('does not bring a deleted design back silently, and puts it back when asked', async () => {
    const { library, storage } = await openPage();
    const loaded = await storage.loadCurrent();
    if (loaded.status !== 'loaded') throw new Error('not loaded');
    const conflicts: (string | null)[] = [];
    storage.watchConflict((c) => conflicts.push(c?.kind ?? null));
    await library.remove(ID);
    const next = edit(loaded.design, 1);
    storage.journal(next);
    expect(await storage.saveCurrent(next)).toMatchObject({ ok: false, reason: 'deleted' });
    expect(await library.get(ID)).toEqual({ status: 'missing' });
    expect(conflicts).toEqual([null, 'deleted']);
    const taken = await storage.takeOver(next);
    expect(taken.message).toMatch(/back in My designs/);
    expect(await library.get(ID)).toMatchObject({ status: 'loaded', design: next });
    expect(conflicts.at(-1)).toBeNull();
  });
});
