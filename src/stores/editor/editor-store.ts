/**
 * The editor store: one zustand store built from slices, with an undo history
 * (zundo) over the design only. Selection, clipboard and messages are not
 * undoable. Actions live next to the state they change.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { Design } from '../../domain/diagram/schema.ts';
import { createDesign } from '../../domain/diagram/factory.ts';
import { createDesignSlice, type DesignSlice } from './design-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';

export type EditorState = DesignSlice & SessionSlice;

export const HISTORY_LIMIT = 200;

export function emptyDesign(): Design {
  return createDesign({ id: `d-${Date.now().toString(36)}`, now: new Date().toISOString() });
}

export const useEditorStore = create<EditorState>()(
  temporal(
    (...a) => ({
      ...createDesignSlice(...a),
      ...createSessionSlice(...a),
    }),
    {
      partialize: (state) => ({ design: state.design }),
      equality: (past, current) => past.design === current.design,
      limit: HISTORY_LIMIT,
    },
  ),
);

export type EditorStore = typeof useEditorStore;
