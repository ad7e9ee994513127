import type { Design } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';

/**
 * Applies an edit to the design as it is now (positions included) as one
 * undoable, saved change; false when the edit changed nothing.
 */
export function applyToDesign(edit: (design: Design) => Design): boolean {
  const store = useEditorStore.getState();
  const next = edit(store.design);
  if (next === store.design) return false;
  store.replaceDesign(next);
  return true;
}
