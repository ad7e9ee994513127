/**
 * Where the view goes while a flow is stepped through, and where the step's
 * tag goes. Pure: drawing coordinates in, a viewport or a spot out.
 *
 * Names and connection labels are drawn from 60% zoom up (DesignCanvas), so
 * a step is shown at that zoom or more: the whole flow when it fits so, else
 * the step's two components, followed from step to step.
 */
import { boundsOfBoxes, fitViewport, type Box, type Viewport } from '../view-fit.ts';

export const READABLE_ZOOM = 0.6;
const MARGIN = 16;

interface Screen {
  size: { width: number; height: number };
  obstacles: readonly Box[];
}

const fitPair = (pair: readonly Box[], screen: Screen) =>
  fitViewport(boundsOfBoxes(pair), screen.size, { padding: 64, minZoom: 0.05, maxZoom: 1, obstacles: screen.obstacles, items: pair });

/** The view when a walk starts: the whole flow if it reads at that size, else its first step. */
export function viewForStart(flow: readonly Box[], pair: readonly Box[], screen: Screen): Viewport {
  const whole = fitViewport(boundsOfBoxes(flow), screen.size, { padding: 48, minZoom: 0.05, maxZoom: 1.2, obstacles: screen.obstacles, items: flow });
  return whole.zoom >= READABLE_ZOOM ? whole : fitPair(pair, screen);
}

/**
 * The view for a step: null (stay) when both its components are on screen
 * and readable; else centred on them at the zoom the learner chose, when it
 * is readable and they fit; else the two fitted (up to 100%).
 */
export function viewForStep(pair: readonly Box[], viewport: Viewport, screen: Screen): Viewport | null {
  const b = boundsOfBoxes(pair);
  const { x, y, zoom } = viewport;
  const { width, height } = screen.size;
  const left = b.x * zoom + x;
  const top = b.y * zoom + y;
  const onScreen = left >= MARGIN && top >= MARGIN && left + b.width * zoom <= width - MARGIN && top + b.height * zoom <= height - MARGIN;
  if (zoom >= READABLE_ZOOM && onScreen) return null;
  const fits = b.width * zoom <= width - 2 * MARGIN && b.height * zoom <= height - 2 * MARGIN;
  if (zoom >= READABLE_ZOOM && fits) return { x: width / 2 - (b.x + b.width / 2) * zoom, y: height / 2 - (b.y + b.height / 2) * zoom, zoom };
  return fitPair(pair, screen);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where the step's tag goes (its top-left corner, on screen): above the
 * middle of the connection, else below, right or left of it, whichever
 * first covers neither of the step's components.
 */
export function tagSpot(middle: { x: number; y: number }, tag: { width: number; height: number }, avoid: readonly Box[]): { x: number; y: number } {
  const gap = 12;
  const candidates = [
    { x: middle.x - tag.width / 2, y: middle.y - gap - tag.height },
    { x: middle.x - tag.width / 2, y: middle.y + gap },
    { x: middle.x + gap, y: middle.y - tag.height / 2 },
    { x: middle.x - gap - tag.width, y: middle.y - tag.height / 2 },
  ];
  return candidates.find((c) => !avoid.some((box) => overlaps({ ...c, ...tag }, box))) ?? candidates[0]!;
}
