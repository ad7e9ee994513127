/** Editor state that is not part of the design and is never undone. */
import type { StateCreator } from 'zustand';
import type { Clipboard } from '../../domain/diagram/edit-operations.ts';
import type { EditorState } from './editor-store.ts';

export type MessageTone = 'info' | 'success' | 'error';
export interface EditorMessage {
  id: number;
  text: string;
  tone: MessageTone;
}

export interface SessionSlice {
  selection: ReadonlySet<string>;
  clipboard: Clipboard | null;
  message: EditorMessage | null;
  select(ids: Iterable<string>): void;
  toggleSelected(id: string, selected: boolean): void;
  clearSelection(): void;
  announce(text: string, tone?: MessageTone): void;
  dismissMessage(): void;
}

let messageId = 0;
const EMPTY: ReadonlySet<string> = new Set();

export const createSessionSlice: StateCreator<EditorState, [['temporal', unknown]], [], SessionSlice> = (set, get) => ({
  selection: EMPTY,
  clipboard: null,
  message: null,
  select: (ids) => set({ selection: new Set(ids) }),
  toggleSelected: (id, selected) => {
    const current = get().selection;
    if (current.has(id) === selected) return;
    const next = new Set(current);
    if (selected) next.add(id);
    else next.delete(id);
    set({ selection: next });
  },
  clearSelection: () => {
    if (get().selection.size > 0) set({ selection: EMPTY });
  },
  announce: (text, tone = 'info') => set({ message: { id: ++messageId, text, tone } }),
  dismissMessage: () => set({ message: null }),
});
