/**
 * Undo and redo over the editor store's design, with two refinements on top
 * of zundo: a drag is one step however many frames it lasts, and quick edits
 * to the same field (typing a timeout) coalesce into one step.
 */
import type { Design } from '../../domain/diagram/schema.ts';
import { useEditorStore } from './editor-store.ts';

const COALESCE_MS = 1000;
let lastCoalesce: { key: string; at: number } | null = null;
let dragStart: Design | null = null;

export function history() {
  return useEditorStore.temporal;
}

/** Run a change so that it merges with the previous change of the same key made within a second. */
export function coalesced(key: string, change: () => void) {
  const now = Date.now();
  const merge = lastCoalesce !== null && lastCoalesce.key === key && now - lastCoalesce.at < COALESCE_MS;
  lastCoalesce = { key, at: now };
  if (!merge) {
    change();
    return;
  }
  const temporal = history().getState();
  temporal.pause();
  try {
    change();
  } finally {
    temporal.resume();
  }
}

export function breakCoalescing() {
  lastCoalesce = null;
}

/** True while a drag or resize is under way. */
export function gestureActive(): boolean {
  return dragStart !== null;
}

export function beginGesture() {
  if (dragStart !== null) return;
  dragStart = useEditorStore.getState().design;
  history().getState().pause();
}

export function endGesture() {
  if (dragStart === null) return;
  const before = dragStart;
  dragStart = null;
  const temporal = history();
  temporal.getState().resume();
  if (useEditorStore.getState().design !== before) {
    const past = [...temporal.getState().pastStates, { design: before }];
    temporal.setState({ pastStates: past.slice(-200), futureStates: [] });
  }
  breakCoalescing();
}

export function undo() {
  endGesture();
  breakCoalescing();
  history().getState().undo();
  useEditorStore.getState().markStructural();
}

export function redo() {
  endGesture();
  breakCoalescing();
  history().getState().redo();
  useEditorStore.getState().markStructural();
}

export function clearHistory() {
  breakCoalescing();
  history().getState().clear();
}
