/**
 * Fitting a drawing into the canvas around what is drawn over it (the
 * minimap, the zoom buttons, the legend): the largest zoom at which the whole
 * drawing fits in the canvas without any of it under one of those. Pure, so
 * auto-layout can ask how readable a candidate layout would be.
 */
import { absolutePosition, NODE_HEIGHT, NODE_WIDTH, NOTE_SIZE } from '../../domain/diagram/edit-operations.ts';
import type { Design } from '../../domain/diagram/schema.ts';

/** The room Fit view leaves around a design, in screen pixels: enough for the badges on the boxes' corners. */
export const FIT_PADDING = 16;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Room left around the drawing, in screen pixels. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** Screen rectangles, relative to the canvas, that the drawing must stay clear of. */
  obstacles: readonly Box[];
  /**
   * The boxes the drawing is made of (drawing coordinates): only these must
   * stay clear, so a drawing with an empty corner can keep the minimap there.
   * Without them, the whole of `bounds` must.
   */
  items?: readonly Box[];
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

interface Placement {
  viewport: Viewport;
  /** Where the drawing lands on screen. */
  screen: Box;
}

function placeIn(area: Box, bounds: Box, options: FitOptions): Placement | null {
  const width = area.width - 2 * options.padding;
  const height = area.height - 2 * options.padding;
  if (width <= 0 || height <= 0) return null;
  const zoom = Math.min(options.maxZoom, width / Math.max(bounds.width, 1), height / Math.max(bounds.height, 1));
  if (zoom < options.minZoom) return null;
  const screen = {
    x: area.x + (area.width - bounds.width * zoom) / 2,
    y: area.y + (area.height - bounds.height * zoom) / 2,
    width: bounds.width * zoom,
    height: bounds.height * zoom,
  };
  return { viewport: { x: screen.x - bounds.x * zoom, y: screen.y - bounds.y * zoom, zoom }, screen };
}

/** The parts of `area` to the left of, right of, above and below `obstacle`. */
function around(area: Box, obstacle: Box): Box[] {
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  return [
    { x: area.x, y: area.y, width: obstacle.x - area.x, height: area.height },
    { x: obstacle.x + obstacle.width, y: area.y, width: right - obstacle.x - obstacle.width, height: area.height },
    { x: area.x, y: area.y, width: area.width, height: obstacle.y - area.y },
    { x: area.x, y: obstacle.y + obstacle.height, width: area.width, height: bottom - obstacle.y - obstacle.height },
  ].filter((box) => box.width > 0 && box.height > 0);
}

/**
 * The viewport that shows all of `bounds` (drawing coordinates) in a canvas of
 * `size` with the largest zoom, keeping the drawing clear of every obstacle:
 * centred when that is clear, else in the largest free part beside, above or
 * below the obstacles. With nothing clear at `minZoom`, the plain centred fit.
 */
export function fitViewport(bounds: Box, size: { width: number; height: number }, options: FitOptions): Viewport {
  const canvas = { x: 0, y: 0, width: size.width, height: size.height };
  let best: Placement | null = null;
  const visit = (area: Box, depth: number) => {
    const placed = placeIn(area, bounds, options);
    if (!placed || (best && placed.viewport.zoom <= best.viewport.zoom)) return;
    const { zoom, x, y } = placed.viewport;
    const drawn = options.items ? options.items.map((b) => ({ x: b.x * zoom + x, y: b.y * zoom + y, width: b.width * zoom, height: b.height * zoom })) : [placed.screen];
    const hit = options.obstacles.find((o) => drawn.some((d) => overlaps(o, d)));
    if (!hit) {
      best = placed;
      return;
    }
    if (depth < 3) for (const part of around(area, hit)) visit(part, depth + 1);
  };
  visit(canvas, 0);
  const found = best as Placement | null;
  if (found) return found.viewport;
  // Too large to show whole even at the smallest zoom: its middle, at that zoom.
  const zoom = Math.max(options.minZoom, Math.min(options.maxZoom, size.width / Math.max(bounds.width, 1), size.height / Math.max(bounds.height, 1)));
  return { x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom, y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom, zoom };
}

/** The boxes of a design's elements in drawing coordinates (all of them, or those in `only`). */
export function designBoxes(design: Design, only?: ReadonlySet<string>): Box[] {
  const boxes: Box[] = [];
  const wanted = (id: string) => !only || only.has(id);
  for (const group of design.groups) if (wanted(group.id)) boxes.push({ ...group.position, ...group.size });
  for (const node of design.nodes) if (wanted(node.id)) boxes.push({ ...absolutePosition(design, node), width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const note of design.notes) if (wanted(note.id)) boxes.push({ ...absolutePosition(design, note), ...(note.size ?? NOTE_SIZE) });
  return boxes;
}

export function boundsOfBoxes(boxes: readonly Box[]): Box {
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
