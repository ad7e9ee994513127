/**
 * Where a connection meets its components. A component has four connection
 * points, one centred on each side; a line leaves the side of its source that
 * faces the target and enters the target's opposite side.
 *
 * React Flow is told where the points are (so it never measures them) and
 * always reports a line's ends on the source's right point and the target's
 * left one. The edge view turns those back into the components' positions and
 * picks the facing sides itself: React Flow's edge list then stays the same
 * while a component is dragged, instead of being re-indexed whenever a line
 * swings round to another side.
 */
import { Position as FlowPosition, type NodeHandle } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../domain/diagram/edit-operations.ts';

export type Side = 't' | 'r' | 'b' | 'l';

/** The connection points' size in pixels (`size-2.5` in ComponentNode). */
export const HANDLE_SIZE = 10;
const HALF = HANDLE_SIZE / 2;

export const COMPONENT_HANDLES: NodeHandle[] = (
  [
    ['t', FlowPosition.Top, NODE_WIDTH / 2 - HALF, -HALF],
    ['r', FlowPosition.Right, NODE_WIDTH - HALF, NODE_HEIGHT / 2 - HALF],
    ['b', FlowPosition.Bottom, NODE_WIDTH / 2 - HALF, NODE_HEIGHT - HALF],
    ['l', FlowPosition.Left, -HALF, NODE_HEIGHT / 2 - HALF],
  ] as const
).map(([id, position, x, y]) => ({ id, type: 'source', position, x, y, width: HANDLE_SIZE, height: HANDLE_SIZE }));

const POSITION: Record<Side, FlowPosition> = { t: FlowPosition.Top, r: FlowPosition.Right, b: FlowPosition.Bottom, l: FlowPosition.Left };
const OPPOSITE: Record<Side, Side> = { t: 'b', b: 't', l: 'r', r: 'l' };

/** Where a line ends on each side, relative to the component's top-left corner: the outer middle of the point, as React Flow draws it. */
const END: Record<Side, { x: number; y: number }> = {
  t: { x: NODE_WIDTH / 2, y: -HALF },
  r: { x: NODE_WIDTH + HALF, y: NODE_HEIGHT / 2 },
  b: { x: NODE_WIDTH / 2, y: NODE_HEIGHT + HALF },
  l: { x: -HALF, y: NODE_HEIGHT / 2 },
};

/** The handles React Flow's edges are attached to. */
export const REPORTED = { source: 'r', target: 'l' } as const satisfies Record<string, Side>;

/** The side of the source box that faces the target (given both top-left corners). */
export function facingSide(source: { x: number; y: number }, target: { x: number; y: number }): Side {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dx) * (NODE_HEIGHT / NODE_WIDTH) >= Math.abs(dy)) return dx >= 0 ? 'r' : 'l';
  return dy >= 0 ? 'b' : 't';
}

export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  sourcePosition: FlowPosition;
  targetX: number;
  targetY: number;
  targetPosition: FlowPosition;
}

/** The ends of a line on facing sides, from the ends React Flow reports on the REPORTED points. */
export function facingEnds(reportedSourceX: number, reportedSourceY: number, reportedTargetX: number, reportedTargetY: number): EdgeEnds {
  const source = { x: reportedSourceX - END[REPORTED.source].x, y: reportedSourceY - END[REPORTED.source].y };
  const target = { x: reportedTargetX - END[REPORTED.target].x, y: reportedTargetY - END[REPORTED.target].y };
  return endsBetween(source, target);
}

/** The ends of a line between two components, given both top-left corners. */
export function endsBetween(source: { x: number; y: number }, target: { x: number; y: number }): EdgeEnds {
  const from = facingSide(source, target);
  const to = OPPOSITE[from];
  return {
    sourceX: source.x + END[from].x,
    sourceY: source.y + END[from].y,
    sourcePosition: POSITION[from],
    targetX: target.x + END[to].x,
    targetY: target.y + END[to].y,
    targetPosition: POSITION[to],
  };
}

/** React Flow's bezier control points (getBezierPath, curvature 0.25). */
const controlOffset = (distance: number) => (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance));
function control(side: FlowPosition, x1: number, y1: number, x2: number, y2: number): [number, number] {
  switch (side) {
    case FlowPosition.Left:
      return [x1 - controlOffset(x1 - x2), y1];
    case FlowPosition.Right:
      return [x1 + controlOffset(x2 - x1), y1];
    case FlowPosition.Top:
      return [x1, y1 - controlOffset(y1 - y2)];
    default:
      return [x1, y1 + controlOffset(y2 - y1)];
  }
}

/** The point at `t` (0 to 1) along the line React Flow draws between the ends. */
export function bezierPoint(ends: EdgeEnds, t: number): { x: number; y: number } {
  const [c1x, c1y] = control(ends.sourcePosition, ends.sourceX, ends.sourceY, ends.targetX, ends.targetY);
  const [c2x, c2y] = control(ends.targetPosition, ends.targetX, ends.targetY, ends.sourceX, ends.sourceY);
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * ends.sourceX + b * c1x + c * c2x + d * ends.targetX, y: a * ends.sourceY + b * c1y + c * c2y + d * ends.targetY };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line's label: its size, and how much room above it a finding badge takes (0 without one). */
export interface LabelSize {
  width: number;
  height: number;
  above: number;
}

/** Connection labels are 11 px text: about 6 px a character, plus the halo around them; a finding badge sits 16 px above. */
export function labelSizeOf(text: string, badged: boolean): LabelSize {
  return { width: text.length * 6 + 12, height: 16, above: badged ? 24 : 0 };
}

/** Badges on a box (findings, instances) stick out of its corners by this much. */
const BOX_BADGE_MARGIN = 8;

/** A component's box with the badges on its corners, given its top-left corner. */
export function componentBox(x: number, y: number): Box {
  return { x: x - BOX_BADGE_MARGIN, y: y - BOX_BADGE_MARGIN, width: NODE_WIDTH + 2 * BOX_BADGE_MARGIN, height: NODE_HEIGHT + BOX_BADGE_MARGIN };
}

/** Spots along a line where its label may go, the middle first, then ever further from it. */
const LABEL_SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74];

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The label's box (with the badge above it) centred on a point. */
export function labelBox(at: { x: number; y: number }, size: LabelSize): Box {
  return { x: at.x - size.width / 2, y: at.y - size.height / 2 - size.above, width: size.width, height: size.height + size.above };
}

/**
 * Where a line's label goes: the middle of the line, unless a box is there
 * (the label would be hidden under it, or cover it), then the spot along the
 * line nearest the middle that is clear of every box. With none clear, the
 * spot where the label meets the least of them.
 */
export function labelSpot(ends: EdgeEnds, size: LabelSize, boxes: readonly Box[]): { x: number; y: number; clear: boolean } {
  let best = { x: 0, y: 0, covered: Infinity };
  for (const t of LABEL_SPOTS) {
    const at = bezierPoint(ends, t);
    const box = labelBox(at, size);
    let covered = 0;
    for (const b of boxes) {
      if (!meets(box, b)) continue;
      covered += (Math.min(box.x + box.width, b.x + b.width) - Math.max(box.x, b.x)) * (Math.min(box.y + box.height, b.y + b.height) - Math.max(box.y, b.y));
    }
    if (covered === 0) return { ...at, clear: true };
    if (covered < best.covered) best = { ...at, covered };
  }
  return { x: best.x, y: best.y, clear: false };
}
