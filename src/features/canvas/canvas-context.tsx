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
    const nodes = useEditorStore.getState().design.nodes;
    const occupied = (p: Position) =>
      nodes.some((n) => n.groupId === undefined && Math.abs(n.position.x + NODE_WIDTH / 2 - p.x) < 24 && Math.abs(n.position.y + NODE_HEIGHT / 2 - p.y) < 24);
    let spot = { x: Math.round(center.x), y: Math.round(center.y) };
    for (let i = 0; i < 50 && occupied(spot); i++) spot = { x: spot.x + 32, y: spot.y + 32 };
    return spot;
  }, [screenToFlowPosition]);
}
