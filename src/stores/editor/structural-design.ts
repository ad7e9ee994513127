import { useMemo } from 'react';
import type { Design } from '../../domain/diagram/schema.ts';
import { useEditorStore } from './editor-store.ts';

/**
 * The design as of its last structural change. Moves and resizes do not
 * change it, so what is derived from it (names, scores) is not recomputed on
 * every step of a drag.
 */
export function useStructuralDesign(): Design {
  const structure = useEditorStore((s) => s.structure);
  // Read when the structure changes; positions changing in between do not matter here.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => useEditorStore.getState().design, [structure]);
}
