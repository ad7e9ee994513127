/**
 * Loads the current design once per page load, journals every change at
 * once (synchronously, so a reload or crash right after an edit keeps it)
 * and saves it to the library shortly after (and at once when the tab is
 * hidden), reporting the state through a SaveStatus.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Design } from '../../domain/diagram/schema.ts';
import type { DesignStorage } from '../../storage/design-storage.ts';
import { emptyDesign, useEditorStore } from '../../stores/editor/editor-store.ts';
import { clearHistory, gestureActive } from '../../stores/editor/history.ts';

export type SaveState =
  | { status: 'loading' }
  | { status: 'saved' }
  | { status: 'pending' }
  | { status: 'failed'; message: string };

/**
 * The save state, held outside React: it changes on the first edit after
 * every save and again when the save ends, and only what shows it (the
 * toolbar's indicator) re-renders, not the whole workspace around it.
 */
export interface SaveStatus {
  get(): SaveState;
  subscribe(listener: () => void): () => void;
}

function createSaveStatus(initial: SaveState): SaveStatus & { set(next: SaveState): void } {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The save state, re-rendering the caller when it changes. */
export function useSaveState(status: SaveStatus): SaveState {
  return useSyncExternalStore(status.subscribe, status.get);
}

/** Whether the design is still being loaded, re-rendering the caller only when that changes. */
export function useSaveLoading(status: SaveStatus): boolean {
  return useSyncExternalStore(status.subscribe, () => status.get().status === 'loading');
}

/** Saves land well within a second of the last edit, so a crash loses at most that. */
const SAVE_DELAY_MS = 300;
/** The storage whose design the editor store holds, so switching slots loads the other design. */
let loadedFrom: DesignStorage | null = null;

export function useAutosave(storage: DesignStorage, fresh: () => Design = emptyDesign): SaveStatus {
  const [status] = useState(() => createSaveStatus(loadedFrom === storage ? { status: 'saved' } : { status: 'loading' }));
  const setState = status.set;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;

    const save = async () => {
      timer = undefined;
      // Saving mid-drag would cost a frame per step; save once the gesture ends.
      if (gestureActive()) {
        timer = setTimeout(() => void save(), SAVE_DELAY_MS);
        return;
      }
      const design = useEditorStore.getState().design;
      storage.journal(design);
      const result = await storage.saveCurrent(design);
      if (cancelled) return;
      // A newer edit arrived while this save was in flight: its own save reports the state.
      if (result.ok && (timer !== undefined || useEditorStore.getState().design !== design)) return;
      if (!result.ok) setState({ status: 'failed', message: result.message });
      else setState(storage.warning ? { status: 'failed', message: storage.warning } : { status: 'saved' });
    };
    const flush = () => {
      if (timer !== undefined) {
        // The page may be going away: the journal is written before anything asynchronous starts.
        storage.journal(useEditorStore.getState().design);
        clearTimeout(timer);
        void save();
      }
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };

    const start = async () => {
      if (loadedFrom !== storage) {
        setState({ status: 'loading' });
        const result = await storage.loadCurrent();
        if (cancelled) return;
        const store = useEditorStore.getState();
        if (result.status === 'loaded') store.loadDesign(result.design);
        else store.loadDesign(fresh());
        if (result.status === 'damaged') {
          store.announce(`This design could not be opened (${result.message}). It is kept as it was in My designs; a new design was started here.`, 'error');
        }
        if (result.status === 'loaded' && result.recovered) store.announce(result.recovered, 'info');
        if (result.status === 'unavailable') setState({ status: 'failed', message: result.message });
        else if (storage.warning) setState({ status: 'failed', message: storage.warning });
        else setState({ status: 'saved' });
        clearHistory();
        loadedFrom = storage;
      }
      unsubscribe = useEditorStore.subscribe((s, prev) => {
        if (s.design === prev.design) return;
        // Mid-drag frames are journaled when the gesture ends (by the save) or when the page is hidden.
        if (!gestureActive()) storage.journal(s.design);
        if (status.get().status !== 'pending') setState({ status: 'pending' });
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => void save(), SAVE_DELAY_MS);
      });
    };
    void start();
    // Taking the design back saves (or replaces) what this tab shows itself; the state says so once it is done.
    let hadConflict = false;
    const unwatch = storage.watchConflict((conflict) => {
      if (hadConflict && !conflict && timer === undefined) setState(storage.warning ? { status: 'failed', message: storage.warning } : { status: 'saved' });
      hadConflict = conflict !== null;
    });
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      flush();
      unsubscribe?.();
      unwatch();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [storage, fresh, status, setState]);

  return status;
}
