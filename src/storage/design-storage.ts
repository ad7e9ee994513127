/**
 * The editor's view of where its design lives: load it once, save it after
 * edits, and hear when another tab takes it over. Backed by one entry of the
 * design library; the editor talks to this interface only.
 */
import type { Design } from '../domain/diagram/schema.ts';
import type { DesignLibrary } from './design-library.ts';

export type LoadResult =
  | { status: 'empty' }
  | { status: 'loaded'; design: Design }
  | { status: 'damaged'; message: string }
  | { status: 'unavailable'; message: string };

export type SaveResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable' | 'conflict'; message: string };

/** Another tab has this design open, or wrote to it since this tab read it. */
export interface Conflict {
  kind: 'open-elsewhere' | 'taken-over' | 'changed-elsewhere';
  message: string;
}

export interface DesignStorage {
  /** Which design this is. */
  readonly slot: string;
  /** Set when storage is unavailable and work stays in this tab only. */
  readonly warning: string | null;
  loadCurrent(): Promise<LoadResult>;
  saveCurrent(design: Design): Promise<SaveResult>;
  /** Calls `listener` whenever the conflict state changes; returns an unsubscribe function. */
  watchConflict(listener: (conflict: Conflict | null) => void): () => void;
  /** Make this tab the one that edits the design, overwriting what another tab wrote. */
  takeOver(): Promise<void>;
  /** Let go of the design (the editor is closing). */
  release(): void;
}

const OPEN_ELSEWHERE = 'This design is open in another tab. Changes made here are not saved, so they cannot overwrite the other tab’s work.';
const TAKEN_OVER = 'This design is now being edited in another tab. Changes made here are no longer saved.';

/**
 * One library entry as the editor's storage. Web Locks tell a second tab at
 * once that the design is open elsewhere; the library's revision check stops
 * an overwrite even where locks are missing.
 */
export function createLibraryDesignStorage(library: DesignLibrary, designId: string): DesignStorage {
  let revision: number | null = null;
  let conflict: Conflict | null = null;
  let releaseLock: (() => void) | null = null;
  let claimed: Promise<boolean> | null = null;
  let pendingRelease: ReturnType<typeof setTimeout> | undefined;
  let released = false;
  const listeners = new Set<(conflict: Conflict | null) => void>();
  const setConflict = (next: Conflict | null) => {
    conflict = next;
    for (const listener of listeners) listener(next);
  };

  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const lockName = `skyline:design:${designId}`;
  /** Resolves true when this tab holds the design's lock (or locks are not supported). */
  const claim = (steal: boolean): Promise<boolean> => {
    if (!locks) return Promise.resolve(true);
    if (claimed && !steal) return claimed;
    claimed = new Promise((resolve) => {
      const held = new Promise<void>((release) => (releaseLock = release));
      const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
      locks
        .request(lockName, options, async (lock) => {
          resolve(lock !== null);
          if (lock) await held;
        })
        .catch(() => {
          // Another tab stole the lock: stop saving here.
          if (!released) setConflict({ kind: 'taken-over', message: TAKEN_OVER });
        });
    });
    return claimed;
  };

  return {
    slot: `design:${designId}`,
    warning: library.warning,
    async loadCurrent() {
      clearTimeout(pendingRelease);
      released = false;
      const result = await library.get(designId);
      if (result.status === 'missing') return { status: 'empty' };
      if (result.status === 'damaged') return { status: 'damaged', message: result.message };
      revision = result.revision;
      if (!(await claim(false)) && !released) setConflict({ kind: 'open-elsewhere', message: OPEN_ELSEWHERE });
      return { status: 'loaded', design: result.design };
    },
    async saveCurrent(design) {
      if (conflict) return { ok: false, reason: 'conflict', message: conflict.message };
      const result = await library.save(design, revision);
      if (result.ok) {
        revision = result.revision;
        return { ok: true };
      }
      if (result.reason === 'conflict') setConflict({ kind: 'changed-elsewhere', message: result.message });
      return result;
    },
    watchConflict(listener) {
      listeners.add(listener);
      listener(conflict);
      return () => listeners.delete(listener);
    },
    async takeOver() {
      releaseLock?.();
      await claim(true);
      const current = await library.get(designId);
      revision = current.status === 'loaded' ? current.revision : null;
      setConflict(null);
    },
    release() {
      // Deferred, so an editor that unmounts and mounts again at once (React's strict mode) keeps its lock.
      clearTimeout(pendingRelease);
      pendingRelease = setTimeout(() => {
        released = true;
        releaseLock?.();
        claimed = null;
      }, 0);
    },
  };
}
