import { Panel, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { getBoundsOfRects, getInternalNodesBounds, XYMinimap, type Rect, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useRef } from 'react';
import type { FlowEdge, FlowNode } from './to-flow.ts';

/** In the bottom-right corner beside the zoom buttons, the one corner a fitted drawing most often leaves empty. */
export const MINIMAP_WIDTH = 168;
const WIDTH = MINIMAP_WIDTH;
const HEIGHT = 120;
/** Margin around the drawing, in minimap pixels. */
const MARGIN = 5;
const MIN_REDRAW_MS = 100;

const PALETTE = {
  light: { mask: 'rgba(240, 240, 240, 0.6)', frame: 'rgba(100, 116, 139, 0.9)', boundary: 'rgba(100, 116, 139, 0.7)' },
  dark: { mask: 'rgba(60, 60, 60, 0.6)', frame: 'rgba(203, 213, 225, 0.9)', boundary: 'rgba(148, 163, 184, 0.7)' },
};

type State = ReactFlowState<FlowNode, FlowEdge>;

interface Frame {
  /** Minimap pixels per flow unit. */
  scale: number;
  /** Flow point drawn at the minimap's top-left corner. */
  origin: { x: number; y: number };
}

/** The part of the flow the minimap shows: every element and the visible area, centred with a margin. */
function frameOf(state: State): { frame: Frame; view: Rect } {
  const [tx, ty, zoom] = state.transform;
  const view = { x: -tx / zoom, y: -ty / zoom, width: state.width / zoom, height: state.height / zoom };
  const shown = state.nodeLookup.size > 0 ? getBoundsOfRects(getInternalNodesBounds(state.nodeLookup), view) : view;
  const scale = Math.min((WIDTH - 2 * MARGIN) / Math.max(shown.width, 1), (HEIGHT - 2 * MARGIN) / Math.max(shown.height, 1));
  const origin = { x: shown.x - (WIDTH / scale - shown.width) / 2, y: shown.y - (HEIGHT / scale - shown.height) / 2 };
  return { frame: { scale, origin }, view };
}

function draw(canvas: HTMLCanvasElement, state: State, colourOf: (node: FlowNode) => string, dark: boolean) {
  const context = canvas.getContext('2d');
  if (!context) return;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== WIDTH * ratio) {
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
  }
  const { frame, view } = frameOf(state);
  const palette = dark ? PALETTE.dark : PALETTE.light;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, WIDTH, HEIGHT);
  context.setTransform(ratio * frame.scale, 0, 0, ratio * frame.scale, -frame.origin.x * ratio * frame.scale, -frame.origin.y * ratio * frame.scale);

  // One path per colour: a thousand elements cost a handful of fills.
  const byColour = new Map<string, Path2D>();
  const boundaries = new Path2D();
  for (const node of state.nodeLookup.values()) {
    if (node.hidden) continue;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? 0;
    const height = node.measured.height ?? node.height ?? 0;
    const colour = colourOf(node.internals.userNode);
    if (colour === 'transparent') {
      boundaries.rect(x, y, width, height);
      continue;
    }
    let path = byColour.get(colour);
    if (!path) byColour.set(colour, (path = new Path2D()));
    path.rect(x, y, width, height);
  }
  const pixel = 1 / frame.scale;
  context.lineWidth = pixel;
  context.strokeStyle = palette.boundary;
  context.stroke(boundaries);
  for (const [colour, path] of byColour) {
    context.fillStyle = colour;
    context.fill(path);
  }

  // Everything outside the visible area is dimmed; the visible area is outlined.
  const outside = new Path2D();
  outside.rect(frame.origin.x, frame.origin.y, WIDTH / frame.scale, HEIGHT / frame.scale);
  outside.rect(view.x, view.y, view.width, view.height);
  context.fillStyle = palette.mask;
  context.fill(outside, 'evenodd');
  context.strokeStyle = palette.frame;
  context.lineWidth = 1.5 * pixel;
  context.strokeRect(view.x, view.y, view.width, view.height);
}

export interface FlowMinimapProps {
  colourOf(node: FlowNode): string;
  dark: boolean;
}

/**
 * An overview of the whole design drawn on one canvas, with the visible area
 * outlined; drag in it to pan, scroll in it to zoom. It listens to React Flow's
 * store once, instead of once per element, so moving one component among a
 * thousand redraws a picture rather than re-checking a thousand subscriptions.
 */
export function FlowMinimap({ colourOf, dark }: FlowMinimapProps) {
  const store = useStoreApi<FlowNode, FlowEdge>();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let scheduled = 0;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    let drawnAt = -Infinity;
    // Elements that did not change keep their object, and their colour.
    const colours = new WeakMap<FlowNode, string>();
    const cachedColourOf = (node: FlowNode) => {
      let colour = colours.get(node);
      if (colour === undefined) colours.set(node, (colour = colourOf(node)));
      return colour;
    };
    const redraw = () => {
      scheduled = 0;
      drawnAt = performance.now();
      draw(element, store.getState(), cachedColourOf, dark);
    };
    // While something is dragged the picture changes every frame; ten redraws a second are plenty
    // for an overview, and the last change is always drawn.
    const schedule = () => {
      if (scheduled || waiting !== undefined) return;
      const wait = drawnAt + MIN_REDRAW_MS - performance.now();
      if (wait <= 0) scheduled = requestAnimationFrame(redraw);
      else
        waiting = setTimeout(() => {
          waiting = undefined;
          scheduled = requestAnimationFrame(redraw);
        }, wait);
    };
    redraw();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.nodes !== previous.nodes || state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) schedule();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(scheduled);
      clearTimeout(waiting);
    };
  }, [store, colourOf, dark]);

  // Panning and zooming from the minimap, with React Flow's own handler.
  useEffect(() => {
    const element = canvas.current;
    let minimap: XYMinimapInstance | undefined;
    let panZoom: State['panZoom'] = null;
    let extent: State['translateExtent'] | undefined;
    const attach = (state: State) => {
      if (!element || !state.panZoom) return;
      if (state.panZoom !== panZoom) {
        minimap?.destroy();
        panZoom = state.panZoom;
        minimap = XYMinimap({
          domNode: element,
          panZoom: state.panZoom,
          getTransform: () => store.getState().transform,
          // Flow units per minimap pixel, as the pointer moves.
          getViewScale: () => 1 / frameOf(store.getState()).frame.scale,
        });
        extent = undefined;
      }
      if (state.translateExtent !== extent) {
        extent = state.translateExtent;
        minimap?.update({ translateExtent: state.translateExtent, width: state.width, height: state.height, pannable: true, zoomable: true });
      }
    };
    attach(store.getState());
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.panZoom !== previous.panZoom || state.translateExtent !== previous.translateExtent || state.width !== previous.width) {
        extent = undefined;
        attach(state);
      }
    });
    return () => {
      unsubscribe();
      minimap?.destroy();
    };
  }, [store]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Minimap: the whole design, with the visible area outlined. Drag in it to pan, scroll in it to zoom."
        style={{ width: WIDTH, height: HEIGHT, display: 'block', cursor: 'grab' }}
      />
    </Panel>
  );
}
