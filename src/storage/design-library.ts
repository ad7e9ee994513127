/**
 * The library of designs: every design a learner has made, free or for a
 * problem, plus attempts and best scores per problem. Backed by IndexedDB
 * (through `idb`); when the browser refuses storage the same interface runs
 * in memory and says so, so the work can still be edited and exported.
 *
 * Records are read defensively: each goes through the one parse -> migrate ->
 * validate path, and a record that fails is reported on its own without
 * hiding the rest of the library.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ID_PATTERN, type Design } from '../domain/diagram/schema.ts';
import { parseDesign } from '../domain/persistence/parse-design.ts';

/** What is stored per design. `design` stays `unknown` until it has been parsed. */
export interface StoredDesign {
  id: string;
  /** Bumped on every save, so a tab can tell that another one wrote since it read. */
  revision: number;
  design: unknown;
}

export interface ProblemProgress {
  problemId: string;
  best: number;
  attempts: { at: string; score: number }[];
}

interface SkylineDb extends DBSchema {
  designs: { key: string; value: StoredDesign };
  progress: { key: string; value: ProblemProgress };
  interviews: { key: string; value: { id: string; value: unknown } };
}

export interface LibraryEntry {
  design: Design;
  revision: number;
}

export interface DamagedEntry {
  id: string;
  /** The title, when it could still be read. */
  title: string | null;
  message: string;
  raw: unknown;
}

export type GetResult =
  | { status: 'loaded'; design: Design; revision: number }
  | { status: 'missing' }
  | { status: 'damaged'; message: string; raw: unknown };

export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; reason: 'conflict' | 'deleted' | 'full' | 'unavailable'; message: string };

export type RemoveOutcome = { ok: true; record: StoredDesign | null } | { ok: false; message: string };

export interface DesignLibrary {
  /** False when the browser gave no storage and designs live in this tab only. */
  readonly persistent: boolean;
  /** Why storage is unavailable, shown to the learner; null when it works. */
  readonly warning: string | null;
  list(): Promise<{ entries: LibraryEntry[]; damaged: DamagedEntry[] }>;
  get(id: string): Promise<GetResult>;
  /**
   * Writes a design. `expectedRevision` is the revision this tab last read or
   * wrote (null for a new design); when the stored one differs, another tab
   * has written since and nothing is overwritten. A design that was deleted
   * since it was read is not brought back silently ('deleted').
   */
  save(design: Design, expectedRevision: number | null): Promise<SaveOutcome>;
  /** Removes the record stored under `key` and returns what was stored, so it can be put back. */
  remove(key: string): Promise<RemoveOutcome>;
  restore(record: StoredDesign): Promise<SaveOutcome>;
  /** The most recently edited design of a problem (or of the free canvas, with null). */
  latest(problemId: string | null): Promise<string | null>;
  progress(): Promise<Map<string, ProblemProgress>>;
  /** Raises the best score when `score` beats it; with `attempt`, also records a finished attempt. */
  noteScore(problemId: string, score: number, attempt?: boolean): Promise<void>;
  /** Interview sessions and their snapshots, as plain records by key (validated by their reader). */
  records: RecordStore;
}

export interface RecordStore {
  put(key: string, value: unknown): Promise<SaveOutcome>;
  get(key: string): Promise<unknown>;
  /** Every record whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<{ key: string; value: unknown }[]>;
}

export const FULL_MESSAGE = 'Browser storage is full: your latest changes are not saved. Export the design (JSON) to keep it, then free some space.';
export const UNAVAILABLE_MESSAGE = 'This browser does not let Skyline store anything (private browsing?). Your work stays in this tab only: export it to keep it.';
const CONFLICT_MESSAGE = 'This design was changed in another tab since this one opened it, so your changes here were not saved over it.';
export const DELETED_MESSAGE = 'This design was deleted (in My designs or another tab) while it was open here, so your changes were not saved.';

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/**
 * What a failed write means for the learner. A full disk often surfaces as
 * an aborted request ("The transaction was aborted…") whose transaction
 * holds the QuotaExceededError, so the transaction is asked too.
 */
function writeFailure(error: unknown, tx: { error: DOMException | null } | undefined, what = 'Saving'): { ok: false; reason: 'full' | 'unavailable'; message: string } {
  let cause: unknown = null;
  try {
    cause = tx?.error ?? null;
  } catch {
    // A transaction that never started has no error to read.
  }
  if (isQuotaError(error) || isQuotaError(cause)) return { ok: false, reason: 'full', message: FULL_MESSAGE };
  const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { ok: false, reason: 'unavailable', message: `${what} failed (${detail.slice(0, 120)}). Your work stays in this tab: export it to keep it.` };
}

/** Opens a read-write transaction whose `done` is always handled (awaited by the caller, or it would be an unhandled rejection when the write fails). */
function writeTransaction<Name extends 'designs' | 'progress' | 'interviews'>(db: IDBPDatabase<SkylineDb>, store: Name) {
  const tx = db.transaction(store, 'readwrite');
  tx.done.catch(() => undefined);
  return tx;
}

function titleOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const title = (raw as Record<string, unknown>).title;
  return typeof title === 'string' && title.trim() ? title : null;
}

/**
 * Reads the record stored under `key`. Every operation on a design acts on
 * its key, so a record whose design carries another id (damaged by hand or
 * by an old bug) is read as the design of its key: deleting or renaming it
 * never touches the design whose id it carried.
 */
function read(record: unknown, key: string): GetResult {
  if (typeof record !== 'object' || record === null || !('design' in record)) {
    return { status: 'damaged', message: 'The stored record is not a design.', raw: record };
  }
  const parsed = parseDesign((record as StoredDesign).design);
  if (!parsed.ok) return { status: 'damaged', message: parsed.message, raw: (record as StoredDesign).design };
  if (parsed.design.id !== key && !ID_PATTERN.test(key)) {
    return { status: 'damaged', message: `The record is stored under a key that is not a design id.`, raw: (record as StoredDesign).design };
  }
  const revision = (record as StoredDesign).revision;
  const design = parsed.design.id === key ? parsed.design : { ...parsed.design, id: key };
  return { status: 'loaded', design, revision: Number.isInteger(revision) ? revision : 0 };
}

const byRecency = (a: LibraryEntry, b: LibraryEntry) => b.design.updatedAt.localeCompare(a.design.updatedAt);

/** Readable designs, newest first, and damaged records on their own: one bad record never hides the rest. */
function sortOut(records: Iterable<readonly [string, unknown]>): { entries: LibraryEntry[]; damaged: DamagedEntry[] } {
  const entries: LibraryEntry[] = [];
  const damaged: DamagedEntry[] = [];
  for (const [id, record] of records) {
    const result = read(record, id);
    if (result.status === 'loaded') entries.push({ design: result.design, revision: result.revision });
    else if (result.status === 'damaged') damaged.push({ id, title: titleOf(result.raw), message: result.message, raw: result.raw });
  }
  return { entries: entries.sort(byRecency), damaged };
}

/** A field of a stored design read without validating the rest: enough to pick a candidate. */
function rawDesignField(record: unknown, field: 'updatedAt' | 'problemId'): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  const design = (record as { design?: unknown }).design;
  return typeof design === 'object' && design !== null ? (design as Record<string, unknown>)[field] : undefined;
}

/**
 * The newest readable design of a problem (or of the free canvas): candidates are
 * ordered by their stored time, and only they are validated, newest first, until
 * one reads, instead of validating the whole library.
 */
function latestOf(records: Iterable<readonly [string, unknown]>, problemId: string | null): string | null {
  const candidates = [...records]
    .filter(([, r]) => (rawDesignField(r, 'problemId') ?? null) === problemId)
    .map(([key, r]) => ({ key, r, at: rawDesignField(r, 'updatedAt') }))
    .sort((a, b) => String(b.at ?? '').localeCompare(String(a.at ?? '')));
  for (const { key, r } of candidates) {
    const result = read(r, key);
    if (result.status === 'loaded' && (result.design.problemId ?? null) === problemId) return result.design.id;
  }
  return null;
}

/** Why `design` must not be written over what is stored, or null when it may. */
function refuseOverwrite(stored: StoredDesign | undefined, id: string, expectedRevision: number | null): SaveOutcome | null {
  if (stored === undefined) return expectedRevision === null ? null : { ok: false, reason: 'deleted', message: DELETED_MESSAGE };
  if (expectedRevision === null) return { ok: false, reason: 'conflict', message: `A design with id ${id} already exists.` };
  return stored.revision === expectedRevision ? null : { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE };
}

function withScore(current: ProblemProgress | undefined, problemId: string, score: number, attempt: boolean): ProblemProgress | null {
  const base = current ?? { problemId, best: 0, attempts: [] };
  if (!attempt && score <= base.best) return null;
  return {
    problemId,
    best: Math.max(base.best, score),
    attempts: attempt ? [...base.attempts, { at: new Date().toISOString(), score }].slice(-200) : base.attempts,
  };
}

export function createIndexedDbLibrary(db: IDBPDatabase<SkylineDb>): DesignLibrary {
  /**
   * The design this tab wrote last, as it wrote it. Read back at the same
   * revision and time it is that design (any write bumps the revision), so
   * it is not validated again: a copy saved from a share link and opened at
   * once (1,000 components) was validated three times on the way.
   */
  let written: { id: string; revision: number; design: Design } | null = null;
  const library: DesignLibrary = {
    persistent: true,
    warning: null,
    async list() {
      const tx = db.transaction('designs');
      const keys = await tx.store.getAllKeys();
      const records = await tx.store.getAll();
      return sortOut(records.map((record, i) => [String(keys[i]), record]));
    },
    async get(id) {
      const record = await db.get('designs', id);
      if (record === undefined) return { status: 'missing' };
      const mine = written;
      if (mine && mine.id === id && record.revision === mine.revision && (record.design as Design | null)?.updatedAt === mine.design.updatedAt) {
        return { status: 'loaded', design: mine.design, revision: mine.revision };
      }
      return read(record, id);
    },
    async save(design, expectedRevision) {
      let tx;
      try {
        if (written?.id === design.id) written = null;
        tx = writeTransaction(db, 'designs');
        const stored = await tx.store.get(design.id);
        const refusal = refuseOverwrite(stored, design.id, expectedRevision);
        if (refusal) {
          tx.abort();
          return refusal;
        }
        const revision = (stored?.revision ?? 0) + 1;
        await tx.store.put({ id: design.id, revision, design });
        await tx.done;
        written = { id: design.id, revision, design };
        return { ok: true, revision };
      } catch (error) {
        return writeFailure(error, tx);
      }
    },
    async remove(key) {
      let tx;
      try {
        if (written?.id === key) written = null;
        tx = writeTransaction(db, 'designs');
        const stored = await tx.store.get(key);
        await tx.store.delete(key);
        await tx.done;
        return { ok: true, record: stored ?? null };
      } catch (error) {
        return { ok: false, message: writeFailure(error, tx, 'Deleting').message };
      }
    },
    async restore(record) {
      let tx;
      try {
        if (written?.id === record.id) written = null;
        tx = writeTransaction(db, 'designs');
        await tx.store.put(record);
        await tx.done;
        return { ok: true, revision: record.revision };
      } catch (error) {
        return writeFailure(error, tx, 'Putting the design back');
      }
    },
    async latest(problemId) {
      const tx = db.transaction('designs');
      const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return latestOf(records.map((record, i) => [String(keys[i]), record] as const), problemId);
    },
    async progress() {
      const all = await db.getAll('progress');
      return new Map(all.filter((p) => typeof p.problemId === 'string' && Number.isFinite(p.best) && Array.isArray(p.attempts)).map((p) => [p.problemId, p]));
    },
    async noteScore(problemId, score, attempt = false) {
      try {
        const tx = writeTransaction(db, 'progress');
        const next = withScore(await tx.store.get(problemId), problemId, score, attempt);
        if (next) await tx.store.put(next);
        await tx.done;
      } catch {
        // Progress is a convenience; a failed write must not disturb the editor.
      }
    },
    records: {
      async put(key, value) {
        let tx;
        try {
          tx = writeTransaction(db, 'interviews');
          await tx.store.put({ id: key, value });
          await tx.done;
          return { ok: true, revision: 0 };
        } catch (error) {
          return writeFailure(error, tx);
        }
      },
      async get(key) {
        return (await db.get('interviews', key))?.value;
      },
      async list(prefix) {
        const rows = await db.getAll('interviews', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
        return rows.map((r) => ({ key: r.id, value: r.value }));
      },
    },
  };
  return library;
}

/** The same contract in memory, for a browser that refuses storage (and for tests). */
export function createMemoryLibrary(warning: string | null = UNAVAILABLE_MESSAGE): DesignLibrary {
  const designs = new Map<string, StoredDesign>();
  const progress = new Map<string, ProblemProgress>();
  const records = new Map<string, unknown>();
  const library: DesignLibrary = {
    persistent: false,
    warning,
    async list() {
      return sortOut(designs);
    },
    async get(id) {
      const record = designs.get(id);
      return record === undefined ? { status: 'missing' } : read(record, id);
    },
    async save(design, expectedRevision) {
      const stored = designs.get(design.id);
      const refusal = refuseOverwrite(stored, design.id, expectedRevision);
      if (refusal) return refusal;
      const revision = (stored?.revision ?? 0) + 1;
      designs.set(design.id, { id: design.id, revision, design: structuredClone(design) });
      return { ok: true, revision };
    },
    async remove(key) {
      const stored = designs.get(key) ?? null;
      designs.delete(key);
      return { ok: true, record: stored };
    },
    async restore(record) {
      designs.set(record.id, record);
      return { ok: true, revision: record.revision };
    },
    async latest(problemId) {
      return latestOf(designs, problemId);
    },
    async progress() {
      return new Map(progress);
    },
    async noteScore(problemId, score, attempt = false) {
      const next = withScore(progress.get(problemId), problemId, score, attempt);
      if (next) progress.set(problemId, next);
    },
    records: {
      async put(key, value) {
        records.set(key, structuredClone(value));
        return { ok: true, revision: 0 };
      },
      async get(key) {
        return records.get(key);
      },
      async list(prefix) {
        return [...records.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => ({ key, value }));
      },
    },
  };
  return library;
}

export const DB_NAME = 'skyline';
const DB_VERSION = 1;

export async function openIndexedDbLibrary(): Promise<DesignLibrary> {
  try {
    if (!globalThis.indexedDB) return createMemoryLibrary();
    const db = await openDB<SkylineDb>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('designs', { keyPath: 'id' });
        database.createObjectStore('progress', { keyPath: 'problemId' });
        database.createObjectStore('interviews', { keyPath: 'id' });
      },
    });
    return createIndexedDbLibrary(db);
  } catch {
    return createMemoryLibrary();
  }
}
