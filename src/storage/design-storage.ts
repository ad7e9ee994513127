/**
 * The editor's view of where its design lives: load it once, journal every
 * edit at once and save it to the library shortly after, and hear when
 * another tab takes it over or it is deleted. Backed by one entry of the
 * design library and the write-ahead journal; the editor talks to this
 * interface only.
 */
import type { Design } from '../domain/diagram/schema.ts';
import { parseDesign } from '../domain/persistence/parse-design.ts';
import { createJournal, type DesignJournal } from './design-journal.ts';
import type { DesignLibrary } from './design-library.ts';
import { newDesignId } from './library.ts';

export type LoadResult =
  | { status: 'empty' }
  | { status: 'loaded'; design: Design; recovered?: string }
  | { status: 'damaged'; message: string }
  | { status: 'unavailable'; message: string };

export type SaveResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable' | 'conflict' | 'deleted'; message: string };

/** Another tab has this design open, wrote to it since this tab read it, or deleted it. */
export interface Conflict {
  kind: 'open-elsewhere' | 'taken-over' | 'changed-elsewhere' | 'deleted';
  message: string;
}

/** What taking the design back did: the design to show now, and where this tab's own changes went if they could not stay. */
export interface TakeOverResult {
  design: Design;
  /** This tab's changes, saved as a design of their own because another tab saved newer work. */
  copy: Design | null;
  message: string | null;
}

export interface DesignStorage {
  /** Which design this is. */
  readonly slot: string;
  /** Set when storage is unavailable and work stays in this tab only. */
  readonly warning: string | null;
  loadCurrent(): Promise<LoadResult>;
  /**
   * Writes `design` to the journal, synchronously: call it in the same task as
   * the edit, so a reload or crash right after it keeps the edit.
   */
  journal(design: Design): void;
  saveCurrent(design: Design): Promise<SaveResult>;
  /** Calls `listener` whenever the conflict state changes; returns an unsubscribe function. */
  watchConflict(listener: (conflict: Conflict | null) => void): () => void;
  /**
   * Make this tab the one that edits the design. It starts from the newest
   * stored revision: when another tab saved since this one read, that work is
   * kept and this tab's unsaved changes are saved as a separate design. A
   * deleted design is put back with what this tab shows.
   */
  takeOver(current: Design): Promise<TakeOverResult>;
  /** Let go of the design (the editor is closing). */
  release(): void;
}

const OPEN_ELSEWHERE = 'This design is open in another tab. Changes made here are not saved, so they cannot overwrite the other tab’s work.';
const TAKEN_OVER = 'This design is now being edited in another tab. Changes made here are no longer saved.';

/** The same design without the fields that change on every save, to tell whether this tab changed anything. */
const sameContent = (a: Design, b: Design) => JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

/**
 * One library entry as the editor's storage. Web Locks tell a second tab at
 * once that the design is open elsewhere; the library's revision check stops
 * an overwrite even where locks are missing.
 */
export function createLibraryDesignStorage(library: DesignLibrary, designId: string, journal: DesignJournal = createJournal()): DesignStorage {
  let revision: number | null = null;
  /** The design as the library holds it at `revision` (as loaded or last saved by this tab). */
  let synced: Design | null = null;
  /** The last design written to the journal and not yet known to be in the library. */
  let journaled: Design | null = null;
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
  const useJournal = library.persistent;

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

  const afterSave = (design: Design, saved: number) => {
    revision = saved;
    synced = design;
    if (journaled === design) {
      // The base stays while the editor is open, so the next edit writes only a delta.
      if (released) journal.remove(designId);
      else journal.markSaved(designId, saved);
      journaled = null;
    }
  };

  /** Saves `design` as a new design of its own; resolves to the copy, or null when that failed too. */
  const saveCopy = async (design: Design, suffix: string): Promise<Design | null> => {
    const now = new Date().toISOString();
    const copy: Design = { ...design, id: newDesignId(), title: `${design.title.slice(0, 120 - suffix.length - 1)} ${suffix}`, createdAt: now, updatedAt: now };
    return (await library.save(copy, null)).ok ? copy : null;
  };

  /**
   * An edit the journal kept from before the last reload: saved now when it
   * was made on the stored revision, else (another tab saved since) kept as
   * a design of its own so neither is lost.
   */
  const recoverJournal = async (stored: Design, storedRevision: number): Promise<{ design: Design; recovered?: string }> => {
    const entry = journal.read(designId);
    if (!entry) {
      // Nothing to recover; a base left from the last time it was open goes.
      journal.remove(designId);
      return { design: stored };
    }
    const parsed = parseDesign(entry.design);
    if (!parsed.ok || parsed.design.id !== designId || sameContent(parsed.design, stored)) {
      journal.remove(designId);
      return { design: stored };
    }
    if (entry.revision === storedRevision) {
      const saved = await library.save(parsed.design, storedRevision);
      if (saved.ok) {
        journal.remove(designId);
        revision = saved.revision;
        synced = parsed.design;
      }
      // When the library cannot take it yet, the journal keeps it and the editor shows it.
      return { design: parsed.design };
    }
    const copy = await saveCopy(parsed.design, '(recovered)');
    if (copy) journal.remove(designId);
    return {
      design: stored,
      recovered: copy
        ? `Changes made to this design just before the page closed were saved as a separate design, “${copy.title}”, because another tab saved this one since.`
        : 'Changes made to this design just before the page closed could not be saved.',
    };
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
      synced = result.design;
      const holdsLock = await claim(false);
      if (!holdsLock && !released) {
        setConflict({ kind: 'open-elsewhere', message: OPEN_ELSEWHERE });
        return { status: 'loaded', design: result.design };
      }
      const recovered = useJournal ? await recoverJournal(result.design, result.revision) : { design: result.design };
      return { status: 'loaded', ...recovered };
    },
    journal(design) {
      if (!useJournal || conflict || design === synced || design === journaled) return;
      if (journal.write(designId, { revision, design })) journaled = design;
    },
    async saveCurrent(design) {
      if (conflict) return { ok: false, reason: conflict.kind === 'deleted' ? 'deleted' : 'conflict', message: conflict.message };
      const result = await library.save(design, revision);
      if (result.ok) {
        afterSave(design, result.revision);
        return { ok: true };
      }
      if (result.reason === 'conflict') setConflict({ kind: 'changed-elsewhere', message: result.message });
      if (result.reason === 'deleted') setConflict({ kind: 'deleted', message: result.message });
      return result;
    },
    watchConflict(listener) {
      listeners.add(listener);
      listener(conflict);
      return () => listeners.delete(listener);
    },
    async takeOver(current) {
      releaseLock?.();
      await claim(true);
      const stored = await library.get(designId);
      let shown = current;
      let copy: Design | null = null;
      let message: string | null = null;
      if (stored.status === 'damaged') {
        // Never written over: this tab's work goes to a design of its own.
        copy = await saveCopy(current, '(from another tab)');
        return { design: current, copy, message: copy ? `The stored design cannot be read, so this tab’s version was saved as “${copy.title}”.` : stored.message };
      }
      if (stored.status === 'missing') {
        const saved = await library.save(current, null);
        if (saved.ok) afterSave(current, saved.revision);
        message = saved.ok ? 'The design is back in My designs, as this tab shows it.' : saved.message;
      } else if (stored.revision === revision) {
        // Nobody saved since this tab read: its work goes in.
        const saved = await library.save(current, revision);
        if (saved.ok) afterSave(current, saved.revision);
        else message = saved.message;
      } else {
        // Another tab saved since this one read: its work stays, and this tab's own changes become a design of their own.
        const changed = synced === null || !sameContent(current, synced);
        if (changed) {
          copy = await saveCopy(current, '(from another tab)');
          message = copy
            ? `This tab now shows the newest saved version. Its own changes were saved as a separate design, “${copy.title}”.`
            : 'This tab now shows the newest saved version; its own changes could not be saved as a copy.';
        }
        // The journal keeps this tab's changes until they are safe somewhere (the next load saves them as a copy).
        if (!changed || copy) {
          journal.remove(designId);
          journaled = null;
        }
        shown = stored.design;
        revision = stored.revision;
        synced = stored.design;
      }
      setConflict(null);
      return { design: shown, copy, message };
    },
    release() {
      // Deferred, so an editor that unmounts and mounts again at once (React's strict mode) keeps its lock.
      clearTimeout(pendingRelease);
      pendingRelease = setTimeout(() => {
        released = true;
        // The library holds everything journaled: the entry is not needed any more.
        if (journaled === null && !conflict) journal.remove(designId);
        releaseLock?.();
        claimed = null;
      }, 0);
    },
  };
}
