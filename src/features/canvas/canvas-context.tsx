/**
 * What the toolbar, palette and inspector need from the canvas view: where
 * its centre is in design coordinates, and fitting the view. Provided by the
 * canvas once React Flow is ready.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Position } from '../../domain/diagram/schema.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';

export const CANVAS_ELEMENT_ID = 'design-canvas';

/** The centre of the visible canvas in design coordinates, nudged off any node already there. */
export function useViewCenter() {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback((): Position => {
    const element = document.getElementById(CANVAS_ELEMENT_ID);
    const rect = element?.getBoundingClientRect();
    const center = rect
      ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
      : { x: 0, y: 0 };
    const nodes = useEditorStore.getState().design.nodes.filter((n) => n.groupId === undefined);
    const overlaps = (p: Position) =>
      nodes.some((n) => Math.abs(n.position.x + NODE_WIDTH / 2 - p.x) < NODE_WIDTH && Math.abs(n.position.y + NODE_HEIGHT / 2 - p.y) < NODE_HEIGHT + 8);
    const base = { x: Math.round(center.x), y: Math.round(center.y) };
    // Try the centre, then rings of free spots around it, so new boxes never land on old ones.
    let spot = base;
    search: for (let ring = 0; ring < 8; ring++) {
      // Below first, then above, then sideways: narrow screens have more room vertically.
      const cells: [number, number][] = [];
      for (let dy = -ring; dy <= ring; dy++) {
        for (let dx = -ring; dx <= ring; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push([dx, dy]);
      }
      cells.sort((a, b) => Math.abs(a[0]) - Math.abs(b[0]) || b[1] - a[1] || b[0] - a[0]);
      for (const [dx, dy] of cells) {
        const candidate = { x: base.x + dx * (NODE_WIDTH + 32), y: base.y + dy * (NODE_HEIGHT + 40) };
        if (!overlaps(candidate)) {
          spot = candidate;
          break search;
        }
      }
    }
    return spot;
  }, [screenToFlowPosition]);
}
