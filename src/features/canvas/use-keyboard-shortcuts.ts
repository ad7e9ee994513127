import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { coalesced } from '../../stores/editor/history.ts';
import type { CanvasActions } from './use-canvas-actions.ts';
import { PALETTE_SEARCH_ID } from './palette/Palette.tsx';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function useKeyboardShortcuts(actions: CanvasActions, openCheatSheet: () => void, onPaletteFocus?: () => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const run = (fn: () => void) => {
        event.preventDefault();
        fn();
      };
      if (mod && key === 'z' && !event.shiftKey) return run(actions.undo);
      if ((mod && key === 'z' && event.shiftKey) || (mod && key === 'y')) return run(actions.redo);
      if (mod && key === 'c') return run(actions.copy);
      if (mod && key === 'v') return run(actions.paste);
      if (mod && key === 'd') return run(actions.duplicate);
      if (mod && key === 'a') return run(actions.selectAll);
      if (mod && key === 'g') return run(actions.group);
      if (mod || event.altKey) return;
      if (event.key === 'Delete' || event.key === 'Backspace') return run(actions.deleteSelection);
      if (event.key === '?') return run(openCheatSheet);
      if (event.key === '/') {
        return run(() => {
          onPaletteFocus?.();
          requestAnimationFrame(() => document.getElementById(PALETTE_SEARCH_ID)?.focus());
        });
      }
      if (event.key === 'Escape') return run(() => useEditorStore.getState().clearSelection());
      if (event.key === '!' || (event.shiftKey && event.code === 'Digit1')) return run(actions.fit);
      if (event.shiftKey && key === 'l') return run(() => void actions.autoLayout());
      if (key === 'n' && !event.shiftKey) return run(actions.addNote);
      if (event.key === '+' || event.key === '=') return run(actions.zoomIn);
      if (event.key === '-') return run(actions.zoomOut);
      const nudge = NUDGE[event.key];
      // React Flow moves a focused node itself; this covers a selection made by clicking or from the inspector.
      if (nudge && !(event.target instanceof HTMLElement && event.target.closest('.react-flow__node'))) {
        const store = useEditorStore.getState();
        if (store.selection.size === 0) return;
        const step = event.shiftKey ? 64 : 16;
        const moves = new Map<string, { x: number; y: number }>();
        const { nodes, notes, groups } = store.design;
        for (const el of [...nodes, ...notes, ...groups]) {
          if (store.selection.has(el.id)) moves.set(el.id, { x: el.position.x + nudge[0] * step, y: el.position.y + nudge[1] * step });
        }
        if (moves.size === 0) return;
        return run(() => coalesced('nudge', () => store.moveElements(moves)));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, openCheatSheet, onPaletteFocus]);
}
