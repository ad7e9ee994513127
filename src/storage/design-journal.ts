/**
 * The write-ahead journal of the design being edited: every edit is written
 * here synchronously (localStorage), in the same task as the edit, before
 * the asynchronous save to the library (IndexedDB) even starts. A reload, a
 * closed tab or a crashed renderer can stop the page between the edit and
 * the end of that save; the next load finds the edit here and finishes the
 * save. Once the library holds the design, its entry is removed.
 *
 * One entry per design, keyed by its id, holding the revision of the library
 * record it was made on top of, so a journal that another tab's save has
 * overtaken is never written over that save.
 */
import type { Design } from '../domain/diagram/schema.ts';

export interface JournalEntry {
  /** The library revision this edit was made on top of (null: the record did not exist yet). */
  revision: number | null;
  /** The design as it is on screen, not yet validated when read back. */
  design: unknown;
}

const PREFIX = 'skyline:unsaved:';
export const journalKey = (designId: string) => `${PREFIX}${designId}`;

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
  read(designId: string): JournalEntry | null;
  remove(designId: string): void;
}

export function createJournal(store: JournalStore | null = browserStore()): DesignJournal {
  return {
    write(designId, entry) {
      if (!store) return false;
      try {
        store.setItem(journalKey(designId), JSON.stringify(entry));
        return true;
      } catch {
        // Over localStorage's quota (a design of several MB): the library save is the only copy.
        return false;
      }
    },
    read(designId) {
      if (!store) return null;
      try {
        const text = store.getItem(journalKey(designId));
        if (text === null) return null;
        const entry = JSON.parse(text) as Partial<JournalEntry> | null;
        if (typeof entry !== 'object' || entry === null || !('design' in entry)) return null;
        const revision = Number.isInteger(entry.revision) ? (entry.revision as number) : null;
        return { revision, design: entry.design };
      } catch {
        return null;
      }
    },
    remove(designId) {
      try {
        store?.removeItem(journalKey(designId));
      } catch {
        // Nothing to clean up where there is no storage.
      }
    },
  };
}
