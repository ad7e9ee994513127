/**
 * The write-ahead journal of the design being edited: every edit is written
 * here synchronously (localStorage), in the same task as the edit, before
 * the asynchronous save to the library (IndexedDB) even starts. A reload, a
 * closed tab or a crashed renderer can stop the page between the edit and
 * the end of that save; the next load finds the edit here and finishes the
 * save. Once the library holds the design, the entry says so (nothing to
 * recover); it is removed when the editor closes or the design is opened
 * again.
 *
 * One entry per design, keyed by its id, holding the revision of the library
 * record it was made on top of, so a journal that another tab's save has
 * overtaken is never written over that save.
 *
 * An entry is a base and a delta. The base (the whole design) is written by
 * the first edit after the design was opened, and again whenever the delta
 * grows past a quarter of it or the entry was removed; every other edit, and
 * every save, rewrites only the delta: the
 * design's own fields and the elements whose identity changed since the base
 * (design-delta.ts), so renaming one of 1,000 components writes that
 * component, not the 0.8 MB design. The delta names the base it was made on;
 * a delta that is missing, damaged or made on another base is ignored and the
 * base is read alone.
 */
import { applyDelta, diffDesign, type DesignDelta } from '../domain/diagram/design-delta.ts';
import type { Design } from '../domain/diagram/schema.ts';

export interface JournalEntry {
  /** The library revision this edit was made on top of (null: the record did not exist yet). */
  revision: number | null;
  /** The design as it is on screen, not yet validated when read back. */
  design: unknown;
}

const PREFIX = 'skyline:unsaved:';
const DELTA_PREFIX = 'skyline:unsaved-delta:';
/** The base: `{ revision, design, base }`, `base` naming it for its deltas (entries written before deltas have none). */
export const journalKey = (designId: string) => `${PREFIX}${designId}`;
/**
 * The delta: `{ version: 1, base, revision, delta }`, the design on screen as
 * a delta from the base named `base`; or `{ version: 1, base, revision, saved: true }`
 * once the library holds it.
 */
export const journalDeltaKey = (designId: string) => `${DELTA_PREFIX}${designId}`;

const DELTA_VERSION = 1;
/** The base is rewritten once the delta is longer than this share of it, so a delta stays cheap to write and read. */
const DELTA_SHARE = 0.25;

/** Where the journal lives; a Storage (localStorage) in the browser, anything with the same three methods in tests. */
export type JournalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStore(): JournalStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked (some private modes, sandboxed frames): no journal, the library save still runs.
    return null;
  }
}

export interface DesignJournal {
  /** Writes the entry; false when it could not be written (no storage, or storage full). */
  write(designId: string, entry: { revision: number | null; design: Design }): boolean;
  /**
   * The library holds the design last written, at `revision`: nothing is left
   * to recover, but the base stays, so the next edit writes a delta again
   * rather than the whole design.
   */
  markSaved(designId: string, revision: number): void;
  /** The design not yet known to be in the library, or null when there is none. */
  read(designId: string): JournalEntry | null;
  remove(designId: string): void;
}

/** The base this journal last wrote for a design: the object itself, its name and its length as JSON. */
interface WrittenBase {
  design: Design;
  name: string;
  length: number;
}

let written = 0;
const baseName = () => `${Date.now().toString(36)}.${(written++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

export function createJournal(store: JournalStore | null = browserStore()): DesignJournal {
  const bases = new Map<string, WrittenBase>();

  const writeDelta = (designId: string, base: WrittenBase, entry: Record<string, unknown>) =>
    store!.setItem(journalDeltaKey(designId), JSON.stringify({ version: DELTA_VERSION, base: base.name, ...entry }));

  const writeBase = (designId: string, revision: number | null, design: Design) => {
    const name = baseName();
    const text = JSON.stringify({ revision, design, base: name });
    // The new base first: a delta left from the old one names the old base and is ignored from now on.
    store!.setItem(journalKey(designId), text);
    const base = { design, name, length: text.length };
    bases.set(designId, base);
    // An empty delta, so the next write can tell that nobody removed this base since (another tab, a takeover).
    writeDelta(designId, base, { revision, delta: diffDesign(design, design) });
  };

  /** The base this journal wrote, when the entry in storage is still on it. */
  const currentBase = (designId: string): WrittenBase | null => {
    const base = bases.get(designId);
    if (!base) return null;
    const delta = store!.getItem(journalDeltaKey(designId));
    return delta !== null && delta.includes(`"base":${JSON.stringify(base.name)}`) ? base : null;
  };

  const remove = (designId: string) => {
    bases.delete(designId);
    try {
      store?.removeItem(journalKey(designId));
      store?.removeItem(journalDeltaKey(designId));
    } catch {
      // Nothing to clean up where there is no storage.
    }
  };

  return {
    write(designId, { revision, design }) {
      if (!store) return false;
      try {
        const base = currentBase(designId);
        if (base) {
          const delta = diffDesign(base.design, design);
          const text = JSON.stringify({ version: DELTA_VERSION, base: base.name, revision, delta });
          if (text.length <= base.length * DELTA_SHARE) {
            store.setItem(journalDeltaKey(designId), text);
            return true;
          }
        }
        writeBase(designId, revision, design);
        return true;
      } catch {
        // Over localStorage's quota (a design of several MB): the library save is the only copy.
        return false;
      }
    },
    markSaved(designId, revision) {
      const base = store ? bases.get(designId) : undefined;
      try {
        if (base) writeDelta(designId, base, { revision, saved: true });
        else remove(designId);
      } catch {
        remove(designId);
      }
    },
    read(designId) {
      if (!store) return null;
      try {
        const text = store.getItem(journalKey(designId));
        if (text === null) return null;
        const entry = JSON.parse(text) as { revision?: unknown; design?: unknown; base?: unknown } | null;
        if (typeof entry !== 'object' || entry === null || !('design' in entry)) return null;
        const revision = Number.isInteger(entry.revision) ? (entry.revision as number) : null;
        const base = { revision, design: entry.design };
        if (typeof entry.base !== 'string') return base;
        try {
          return withDelta(base, entry.base, store.getItem(journalDeltaKey(designId)));
        } catch {
          // A damaged delta never costs the base.
          return base;
        }
      } catch {
        return null;
      }
    },
    remove,
  };
}

const LISTS = ['nodes', 'edges', 'groups', 'notes', 'flows'] as const;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): boolean => isRecord(value) && typeof value.id === 'string';

/** Whether `delta` is one that `applyDelta` can apply to `base` with every element found; read from storage, so anything may be there. */
function appliesTo(base: Record<string, unknown>, delta: unknown): delta is DesignDelta {
  if (!isRecord(delta) || !isRecord(delta.fields) || !isRecord(delta.lists)) return false;
  for (const name of Object.keys(delta.lists)) {
    if (!(LISTS as readonly string[]).includes(name)) return false;
  }
  for (const name of LISTS) {
    const list = delta.lists[name];
    if (list === undefined) continue;
    const before = base[name];
    if (!isRecord(list) || !Array.isArray(before) || !before.every(hasId)) return false;
    if ('at' in list) {
      if (!Array.isArray(list.at)) return false;
      const fits = (item: unknown) =>
        Array.isArray(item) && item.length === 2 && Number.isInteger(item[0]) && item[0] >= 0 && item[0] < before.length && hasId(item[1]);
      if (!list.at.every(fits)) return false;
    } else {
      const { ids, changed } = list as { ids?: unknown; changed?: unknown };
      if (!Array.isArray(ids) || !Array.isArray(changed) || !changed.every(hasId)) return false;
      const known = new Set<unknown>([...before, ...changed].map((element) => (element as { id: string }).id));
      if (!ids.every((id) => typeof id === 'string' && known.has(id))) return false;
    }
  }
  return true;
}

/**
 * The base's design with the delta stored beside it applied; null when the
 * delta says the library holds the design (nothing to recover); the base
 * alone when the delta cannot be used.
 */
function withDelta(base: JournalEntry, name: string, text: string | null): JournalEntry | null {
  if (text === null || !isRecord(base.design)) return base;
  const entry = JSON.parse(text) as unknown;
  if (!isRecord(entry) || entry.version !== DELTA_VERSION || entry.base !== name) return base;
  if (entry.saved === true) return null;
  if (!appliesTo(base.design, entry.delta)) return base;
  const revision = Number.isInteger(entry.revision) ? (entry.revision as number) : null;
  return { revision, design: applyDelta(base.design as unknown as Design, entry.delta) };
}
