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

/** Where a line's label is drawn (the middle of its bezier: halfway between its ends), given both components' top-left corners. */
export function labelPoint(source: { x: number; y: number }, target: { x: number; y: number }): { x: number; y: number } {
  const from = facingSide(source, target);
  const to = OPPOSITE[from];
  return { x: (source.x + END[from].x + target.x + END[to].x) / 2, y: (source.y + END[from].y + target.y + END[to].y) / 2 };
}
