import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { coalesced } from '../../stores/editor/history.ts';
import type { CanvasActions } from './use-canvas-actions.ts';
import { PALETTE_SEARCH_ID } from './palette/Palette.tsx';
import { CONNECT_TARGET_ID } from './inspector/NodeInspector.tsx';
import { usePanelStore } from '../../stores/panel-store.ts';
import { focusWhenDrawn } from './canvas-context.tsx';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * C: connect the focused component (or the one selected) to another. Selects
 * it and puts the keyboard on the inspector's "Connect … to" list, where Enter
 * connects.
 */
function startConnecting(target: EventTarget | null, openInspector?: () => void) {
  const store = useEditorStore.getState();
  const focusedId = target instanceof Element ? target.closest('.react-flow__node')?.getAttribute('data-id') : null;
  const selected = store.selection.size === 1 ? [...store.selection][0] : undefined;
  const node = store.design.nodes.find((n) => n.id === focusedId) ?? store.design.nodes.find((n) => n.id === selected);
  if (!node) {
    store.announce('Select a component first (Tab to it, then Enter), then press C to connect it.');
    return;
  }
  if (!(store.selection.size === 1 && store.selection.has(node.id))) store.select([node.id]);
  openInspector?.();
  focusWhenDrawn(
    () => document.getElementById(CONNECT_TARGET_ID),
    10,
    () => store.announce(`${node.name} does not start connections to any component here. Connect other components to it instead.`),
  );
}

const NUDGE: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export function useKeyboardShortcuts(actions: CanvasActions, openCheatSheet: () => void, onPaletteFocus?: () => void, openInspector?: () => void) {
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
          // Focus at once when the search is on screen, so letters typed right after "/" land in it. A
          // hidden panel or tab is brought forward first (synchronously on wide screens); a phone's
          // drawer is focused once drawn.
          const shown = () => {
            const search = document.getElementById(PALETTE_SEARCH_ID);
            return search && search.getClientRects().length > 0 ? search : null;
          };
          const now = shown();
          if (now) return now.focus();
          onPaletteFocus?.();
          const opened = shown();
          if (opened) return opened.focus();
          focusWhenDrawn(shown, 10);
        });
      }
      if (event.key === 'Escape') return run(() => useEditorStore.getState().clearSelection());
      if (event.key === '!' || (event.shiftKey && event.code === 'Digit1')) return run(actions.fit);
      if (event.shiftKey && key === 'l') return run(() => void actions.autoLayout());
      if (key === 'n' && !event.shiftKey) return run(actions.addNote);
      if (key === 'f' && !event.shiftKey) {
        return run(() => {
          const panels = usePanelStore.getState();
          panels.setFocus(!panels.focus);
          useEditorStore.getState().announce(panels.focus ? 'Panels are back.' : 'Focus mode: the whole window for the drawing. Press F to bring the panels back.');
        });
      }
      if (key === 'c' && !event.shiftKey) return run(() => startConnecting(event.target, openInspector));
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
  }, [actions, openCheatSheet, onPaletteFocus, openInspector]);
}
