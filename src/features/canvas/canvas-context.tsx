/**
 * What the toolbar, palette and inspector need from the canvas view: where
 * its centre is in design coordinates, and fitting the view. Provided by the
 * canvas once React Flow is ready.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import { boundsOfBoxes, designBoxes, FIT_PADDING, fitViewport, type Box } from './view-fit.ts';
import type { Position } from '../../domain/diagram/schema.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';

export const CANVAS_ELEMENT_ID = 'design-canvas';

/** Marks something drawn over the canvas (the legend) that fitting the view keeps the design clear of. */
export const CANVAS_OVERLAY = 'data-canvas-overlay';
/** Room kept between the design and the minimap, buttons or legend, in screen pixels. */
const OVERLAY_MARGIN = 8;

/** The canvas's size on screen and the parts of it covered by the minimap, the zoom buttons and the legend. */
export function canvasGeometry(): { size: { width: number; height: number }; obstacles: Box[] } | null {
  const element = document.getElementById(CANVAS_ELEMENT_ID);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  const scope = element.closest('main') ?? element;
  const obstacles = [...scope.querySelectorAll('.react-flow__minimap, .react-flow__controls, [data-canvas-overlay]')].flatMap((overlay) => {
    const r = overlay.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [];
    return [{ x: r.left - rect.left - OVERLAY_MARGIN, y: r.top - rect.top - OVERLAY_MARGIN, width: r.width + 2 * OVERLAY_MARGIN, height: r.height + 2 * OVERLAY_MARGIN }];
  });
  return { size: { width: rect.width, height: rect.height }, obstacles };
}

export interface FitOptions {
  /** Fit only these elements (a finding's), else the whole design. */
  ids?: ReadonlySet<string>;
  duration?: number;
  padding?: number;
  maxZoom?: number;
}

/** The canvas's smallest zoom (DesignCanvas). */
export const MIN_ZOOM = 0.05;

/**
 * Fit view: the whole design (or some of it) as large as it fits, and never
 * under the minimap, the zoom buttons or the legend.
 */
export function useFitDesign() {
  const { setViewport } = useReactFlow();
  return useCallback(
    ({ ids, duration = 200, padding = FIT_PADDING, maxZoom = 1.2 }: FitOptions = {}) => {
      const geometry = canvasGeometry();
      const boxes = designBoxes(useEditorStore.getState().design, ids);
      if (!geometry || boxes.length === 0 || geometry.size.width === 0) return;
      const viewport = fitViewport(boundsOfBoxes(boxes), geometry.size, { padding, minZoom: MIN_ZOOM, maxZoom, obstacles: geometry.obstacles, items: boxes });
      void setViewport(viewport, { duration });
    },
    [setViewport],
  );
}

/**
 * Moves keyboard focus to a component or connection of the canvas as soon as
 * it is drawn (a new element appears a frame or two after the store changes).
 */
export function focusCanvasElement(id: string) {
  focusWhenDrawn(() =>
    document
      .getElementById(CANVAS_ELEMENT_ID)
      ?.querySelector<HTMLElement | SVGElement>(`.react-flow__node[data-id="${CSS.escape(id)}"], .react-flow__edge[data-id="${CSS.escape(id)}"]`),
  );
}

/**
 * Focuses what `find` returns, from the next frame on, once it is drawn;
 * gives up after `frames` frames and runs `missing`.
 */
export function focusWhenDrawn(find: () => HTMLElement | SVGElement | null | undefined, frames = 30, missing?: () => void) {
  let tried = 0;
  const attempt = () => {
    const element = find();
    if (element) element.focus();
    else if (++tried < frames) requestAnimationFrame(attempt);
    else missing?.();
  };
  requestAnimationFrame(attempt);
}

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
