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
import type { Design } from '../domain/diagram/schema.ts';
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
  | { ok: false; reason: 'conflict' | 'full' | 'unavailable'; message: string };

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
   * has written since and nothing is overwritten.
   */
  save(design: Design, expectedRevision: number | null): Promise<SaveOutcome>;
  /** Removes a design and returns what was stored, so it can be put back. */
  remove(id: string): Promise<StoredDesign | null>;
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

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

function titleOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const title = (raw as Record<string, unknown>).title;
  return typeof title === 'string' && title.trim() ? title : null;
}

function read(record: unknown): GetResult & { id?: string } {
  if (typeof record !== 'object' || record === null || !('design' in record)) {
    return { status: 'damaged', message: 'The stored record is not a design.', raw: record };
  }
  const parsed = parseDesign((record as StoredDesign).design);
  if (!parsed.ok) return { status: 'damaged', message: parsed.message, raw: (record as StoredDesign).design };
  const revision = (record as StoredDesign).revision;
  return { status: 'loaded', design: parsed.design, revision: Number.isInteger(revision) ? revision : 0 };
}

const byRecency = (a: LibraryEntry, b: LibraryEntry) => b.design.updatedAt.localeCompare(a.design.updatedAt);

/** Readable designs, newest first, and damaged records on their own: one bad record never hides the rest. */
function sortOut(records: Iterable<readonly [string, unknown]>): { entries: LibraryEntry[]; damaged: DamagedEntry[] } {
  const entries: LibraryEntry[] = [];
  const damaged: DamagedEntry[] = [];
  for (const [id, record] of records) {
    const result = read(record);
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
function latestOf(records: Iterable<unknown>, problemId: string | null): string | null {
  const candidates = [...records]
    .filter((r) => (rawDesignField(r, 'problemId') ?? null) === problemId)
    .map((r) => ({ r, at: rawDesignField(r, 'updatedAt') }))
    .sort((a, b) => String(b.at ?? '').localeCompare(String(a.at ?? '')));
  for (const { r } of candidates) {
    const result = read(r);
    if (result.status === 'loaded' && (result.design.problemId ?? null) === problemId) return result.design.id;
  }
  return null;
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
      return record === undefined ? { status: 'missing' } : read(record);
    },
    async save(design, expectedRevision) {
      try {
        const tx = db.transaction('designs', 'readwrite');
        const stored = await tx.store.get(design.id);
        if (stored !== undefined && expectedRevision !== null && stored.revision !== expectedRevision) {
          tx.abort();
          await tx.done.catch(() => undefined);
          return { ok: false, reason: 'conflict', message: CONFLICT_MESSAGE };
        }
        if (stored !== undefined && expectedRevision === null) {
          tx.abort();
          await tx.done.catch(() => undefined);
          return { ok: false, reason: 'conflict', message: `A design with id ${design.id} already exists.` };
        }
        const revision = (stored?.revision ?? 0) + 1;
        await tx.store.put({ id: design.id, revision, design });
        await tx.done;
        return { ok: true, revision };
      } catch (error) {
        if (isQuotaError(error)) return { ok: false, reason: 'full', message: FULL_MESSAGE };
        return { ok: false, reason: 'unavailable', message: `Saving failed (${error instanceof Error ? error.message : String(error)}). Your work stays in this tab: export it to keep it.` };
      }
    },
    async remove(id) {
      const tx = db.transaction('designs', 'readwrite');
      const stored = await tx.store.get(id);
      await tx.store.delete(id);
      await tx.done;
      return stored ?? null;
    },
    async restore(record) {
      try {
        await db.put('designs', record);
        return { ok: true, revision: record.revision };
      } catch (error) {
        return isQuotaError(error) ? { ok: false, reason: 'full', message: FULL_MESSAGE } : { ok: false, reason: 'unavailable', message: 'The design could not be put back.' };
      }
    },
    async latest(problemId) {
      return latestOf(await db.getAll('designs'), problemId);
    },
    async progress() {
      const all = await db.getAll('progress');
      return new Map(all.filter((p) => typeof p.problemId === 'string' && Number.isFinite(p.best) && Array.isArray(p.attempts)).map((p) => [p.problemId, p]));
    },
    async noteScore(problemId, score, attempt = false) {
      try {
        const tx = db.transaction('progress', 'readwrite');
        const next = withScore(await tx.store.get(problemId), problemId, score, attempt);
        if (next) await tx.store.put(next);
        await tx.done;
      } catch {
        // Progress is a convenience; a failed write must not disturb the editor.
      }
    },
    records: {
      async put(key, value) {
        try {
          await db.put('interviews', { id: key, value });
          return { ok: true, revision: 0 };
        } catch (error) {
          return isQuotaError(error) ? { ok: false, reason: 'full', message: FULL_MESSAGE } : { ok: false, reason: 'unavailable', message: 'Saving failed.' };
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
      return record === undefined ? { status: 'missing' } : read(record);
    },
    async save(design, expectedRevision) {
      const stored = designs.get(design.id);
      if (stored !== undefined && stored.revision !== expectedRevision) {
        return { ok: false, reason: 'conflict', message: expectedRevision === null ? `A design with id ${design.id} already exists.` : CONFLICT_MESSAGE };
      }
      const revision = (stored?.revision ?? 0) + 1;
      designs.set(design.id, { id: design.id, revision, design: structuredClone(design) });
      return { ok: true, revision };
    },
    async remove(id) {
      const stored = designs.get(id) ?? null;
      designs.delete(id);
      return stored;
    },
    async restore(record) {
      designs.set(record.id, record);
      return { ok: true, revision: record.revision };
    },
    async latest(problemId) {
      return latestOf(designs.values(), problemId);
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
