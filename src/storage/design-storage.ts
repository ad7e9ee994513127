/**
 * Where the current design lives between visits. The editor talks to this
 * interface only; today it is backed by localStorage, and a library of many
 * designs (IndexedDB) can implement the same contract.
 */
import type { Design } from '../domain/diagram/schema.ts';
import { parseDesignText, serializeDesign, type ParseFailure } from '../domain/persistence/parse-design.ts';

export type LoadResult =
  | { status: 'empty' }
  | { status: 'loaded'; design: Design }
  | { status: 'damaged'; failure: ParseFailure; keptAs: string | null }
  | { status: 'unavailable'; message: string };

export type SaveResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable'; message: string };

export interface DesignStorage {
  /** Which design slot this is, e.g. the free canvas or one problem's attempt. */
  readonly slot: string;
  loadCurrent(): Promise<LoadResult>;
  saveCurrent(design: Design): Promise<SaveResult>;
}

const CURRENT_KEY = 'skyline:current-design';

/** The storage key of a slot: the free canvas, or `problem:<id>` for a problem's working design. */
export function slotKey(slot: string): string {
  return slot === 'canvas' ? CURRENT_KEY : `skyline:design:${slot}`;
}

function storageOrNull(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = 'skyline:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export function createLocalDesignStorage(slot = 'canvas'): DesignStorage {
  const key = slotKey(slot);
  return {
    slot,
    async loadCurrent() {
      const storage = storageOrNull();
      if (!storage) return { status: 'unavailable', message: 'This browser does not let Skyline store anything (private browsing?). Your work stays in this tab only.' };
      const text = storage.getItem(key);
      if (text === null) return { status: 'empty' };
      const result = parseDesignText(text);
      if (result.ok) return { status: 'loaded', design: result.design };
      // Keep the damaged copy so nothing is lost, then start fresh.
      const keptAs = `skyline:damaged-design:${new Date().toISOString()}`;
      try {
        storage.setItem(keptAs, text);
        return { status: 'damaged', failure: result, keptAs };
      } catch {
        return { status: 'damaged', failure: result, keptAs: null };
      }
    },
    async saveCurrent(design) {
      const storage = storageOrNull();
      if (!storage) return { ok: false, reason: 'unavailable', message: 'Storage is unavailable: your work stays in this tab only.' };
      try {
        storage.setItem(key, serializeDesign(design));
        return { ok: true };
      } catch (error) {
        if (isQuotaError(error)) return { ok: false, reason: 'full', message: 'Browser storage is full: the latest changes are not saved. Free some space or export your work.' };
        return { ok: false, reason: 'unavailable', message: 'Saving failed: your work stays in this tab only.' };
      }
    },
  };
}
