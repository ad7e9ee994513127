import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { designOf } from '../testing/designs.ts';
import { createMemoryLibrary, DB_NAME, DELETED_MESSAGE, FULL_MESSAGE, openIndexedDbLibrary, type DesignLibrary } from './design-library.ts';

const design = (id: string, updatedAt = '2026-01-01T00:00:00.000Z', problemId: string | null = null) => ({
  ...designOf({ web: 'web-client', api: 'service' }, [['web', 'api']]),
  id,
  title: `Design ${id}`,
  updatedAt,
  problemId,
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe.each([
  ['IndexedDB', () => openIndexedDbLibrary()],
  ['memory', async () => createMemoryLibrary(null)],
])('the design library (%s)', (_name, open: () => Promise<DesignLibrary>) => {
  it('stores, lists newest first and reads back designs exactly', async () => {
    const library = await open();
    expect((await library.save(design('a', '2026-01-01T00:00:00.000Z'), null)).ok).toBe(true);
    expect((await library.save(design('b', '2026-02-01T00:00:00.000Z'), null)).ok).toBe(true);
    const { entries, damaged } = await library.list();
    expect(entries.map((e) => e.design.id)).toEqual(['b', 'a']);
    expect(damaged).toEqual([]);
    expect(await library.get('a')).toEqual({ status: 'loaded', design: design('a'), revision: 1 });
    expect(await library.get('zzz')).toEqual({ status: 'missing' });
  });

  it('refuses to overwrite what another tab wrote since this one read', async () => {
    const library = await open();
    await library.save(design('a'), null);
    const first = await library.save({ ...design('a'), title: 'Tab one' }, 1);
    expect(first).toEqual({ ok: true, revision: 2 });
    const second = await library.save({ ...design('a'), title: 'Tab two' }, 1);
    expect(second).toMatchObject({ ok: false, reason: 'conflict' });
    const stored = await library.get('a');
    expect(stored.status === 'loaded' && stored.design.title).toBe('Tab one');
    expect(await library.save(design('a'), null)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('does not bring back a design deleted since it was read', async () => {
    const library = await open();
    await library.save(design('a'), null);
    await library.remove('a');
    expect(await library.save({ ...design('a'), title: 'Edited elsewhere' }, 1)).toMatchObject({ ok: false, reason: 'deleted', message: DELETED_MESSAGE });
    expect(await library.get('a')).toEqual({ status: 'missing' });
    expect((await library.save(design('a'), null)).ok).toBe(true);
  });

  it('removes a design and puts it back unchanged', async () => {
    const library = await open();
    await library.save(design('a'), null);
    const removed = await library.remove('a');
    expect((await library.list()).entries).toEqual([]);
    if (!removed.ok || !removed.record) throw new Error('nothing was removed');
    await library.restore(removed.record);
    expect(await library.get('a')).toMatchObject({ status: 'loaded', design: design('a') });
  });

  it('finds the latest design of a problem and of the free canvas', async () => {
    const library = await open();
    await library.save(design('free', '2026-03-01T00:00:00.000Z'), null);
    await library.save(design('p-old', '2026-01-01T00:00:00.000Z', 'url-shortener'), null);
    await library.save(design('p-new', '2026-02-01T00:00:00.000Z', 'url-shortener'), null);
    expect(await library.latest('url-shortener')).toBe('p-new');
    expect(await library.latest(null)).toBe('free');
    expect(await library.latest('chat-app')).toBeNull();
  });

  it('passes over a newer record that cannot be read when finding the latest design', async () => {
    const library = await open();
    await library.save(design('readable', '2026-01-01T00:00:00.000Z', 'url-shortener'), null);
    // Newest by its stored time, but its nodes are not a list: not a design any more.
    await library.restore({ id: 'broken', revision: 1, design: { ...design('broken', '2026-05-01T00:00:00.000Z', 'url-shortener'), nodes: 'oops' } as never });
    expect(await library.latest('url-shortener')).toBe('readable');
  });

  it('keeps the best score and every finished attempt per problem', async () => {
    const library = await open();
    await library.noteScore('chat-app', 40);
    await library.noteScore('chat-app', 30);
    await library.noteScore('chat-app', 55, true);
    const progress = (await library.progress()).get('chat-app');
    expect(progress?.best).toBe(55);
    expect(progress?.attempts.map((a) => a.score)).toEqual([55]);
  });
});

describe('the IndexedDB library with damaged data', () => {
  it('lists a corrupted record on its own without hiding the others', async () => {
    const library = await openIndexedDbLibrary();
    await library.save(design('good'), null);
    const db = await openDB(DB_NAME);
    await db.put('designs', { id: 'bad', revision: 1, design: { format: 'skyline.design', version: 1, id: 'bad', title: 'Half written', nodes: 'oops' } });
    await db.put('designs', { id: 'worse', revision: 1, design: 42 });
    db.close();
    const { entries, damaged } = await library.list();
    expect(entries.map((e) => e.design.id)).toEqual(['good']);
    expect(damaged.map((d) => [d.id, d.title])).toEqual([['bad', 'Half written'], ['worse', null]]);
    expect(damaged[0]?.message).toMatch(/not valid/);
    expect(await library.get('bad')).toMatchObject({ status: 'damaged' });
  });

  it('reports a full disk as such, and keeps the stored version', async () => {
    const library = await openIndexedDbLibrary();
    await library.save(design('a'), null);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      expect(await library.save({ ...design('a'), title: 'Bigger' }, 1)).toMatchObject({ ok: false, reason: 'full', message: expect.stringMatching(/full/) });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const stored = await library.get('a');
    expect(stored.status === 'loaded' && stored.design.title).toBe('Design a');
  });

  it('reports a write whose transaction aborts over the quota as a full disk, with no unhandled rejection', async () => {
    const library = await openIndexedDbLibrary();
    await library.save(design('a'), null);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const put = IDBObjectStore.prototype.put;
    // As Chrome does when a commit runs over the quota: the pending request fails with
    // "The transaction was aborted…" and the transaction's error is the QuotaExceededError.
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      const request = put.apply(this, args);
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return request;
    };
    try {
      expect(await library.save({ ...design('a'), title: 'Bigger' }, 1)).toEqual({ ok: false, reason: 'full', message: FULL_MESSAGE });
      expect(await library.records.put('session:x', { a: 1 })).toEqual({ ok: false, reason: 'full', message: FULL_MESSAGE });
      expect(await library.restore({ id: 'b', revision: 1, design: design('b') })).toEqual({ ok: false, reason: 'full', message: FULL_MESSAGE });
      await library.noteScore('chat-app', 50);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      IDBObjectStore.prototype.put = put;
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    const stored = await library.get('a');
    expect(stored.status === 'loaded' && stored.design.title).toBe('Design a');
  });

  it('reads back the design this tab just wrote as it wrote it, and a record written over it from outside afresh', async () => {
    const library = await openIndexedDbLibrary();
    const written = { ...design('a'), title: 'Mine' };
    await library.save(written, null);
    const read = await library.get('a');
    expect(read.status === 'loaded' && read.design).toBe(written);
    const db = await openDB(DB_NAME);
    // Same revision, other content: not the design this tab wrote, so it is read and validated.
    await db.put('designs', { id: 'a', revision: 1, design: { ...written, updatedAt: '2026-03-01T00:00:00.000Z', nodes: 'oops' } });
    expect(await library.get('a')).toMatchObject({ status: 'damaged' });
    await db.put('designs', { id: 'a', revision: 2, design: { ...written, title: 'Theirs' } });
    db.close();
    expect(await library.get('a')).toMatchObject({ status: 'loaded', revision: 2, design: { title: 'Theirs' } });
  });

  it('acts on the key of a record whose design carries another id', async () => {
    const library = await openIndexedDbLibrary();
    await library.save({ ...design('good'), title: 'Good' }, null);
    const db = await openDB(DB_NAME);
    await db.put('designs', { id: 'k1', revision: 1, design: { ...design('good'), title: 'Mislabelled' } });
    db.close();
    const { entries } = await library.list();
    expect(entries.map((e) => [e.design.id, e.design.title]).sort()).toEqual([
      ['good', 'Good'],
      ['k1', 'Mislabelled'],
    ]);
    expect(await library.remove('k1')).toMatchObject({ ok: true, record: { id: 'k1' } });
    expect(await library.get('good')).toMatchObject({ status: 'loaded', design: { title: 'Good' } });
    expect(await library.get('k1')).toEqual({ status: 'missing' });
  });

  it('falls back to memory, with a warning, when IndexedDB cannot be opened', async () => {
    // @ts-expect-error: a browser in private mode may have no IndexedDB at all.
    globalThis.indexedDB = undefined;
    const library = await openIndexedDbLibrary();
    expect(library.persistent).toBe(false);
    expect(library.warning).toMatch(/stays in this tab/);
    expect((await library.save(design('a'), null)).ok).toBe(true);
  });
});
