import fc from 'fast-check';
import { Position as FlowPosition } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../domain/diagram/edit-operations.ts';
import { COMPONENT_HANDLES, facingEnds, REPORTED } from './edge-geometry.ts';

/** Where React Flow puts a line's end on a handle (its getHandlePosition): the handle box's outer middle. */
function reactFlowEnd(origin: { x: number; y: number }, handleId: string) {
  const h = COMPONENT_HANDLES.find((c) => c.id === handleId)!;
  const x = origin.x + h.x;
  const y = origin.y + h.y;
  const w = h.width ?? 0;
  const hh = h.height ?? 0;
  switch (h.position) {
    case FlowPosition.Top:
      return { x: x + w / 2, y };
    case FlowPosition.Right:
      return { x: x + w, y: y + hh / 2 };
    case FlowPosition.Bottom:
      return { x: x + w / 2, y: y + hh };
    default:
      return { x, y: y + hh / 2 };
  }
}

function ends(source: { x: number; y: number }, target: { x: number; y: number }) {
  const s = reactFlowEnd(source, REPORTED.source);
  const t = reactFlowEnd(target, REPORTED.target);
  return facingEnds(s.x, s.y, t.x, t.y);
}

const SIDE_OF = { [FlowPosition.Top]: 't', [FlowPosition.Right]: 'r', [FlowPosition.Bottom]: 'b', [FlowPosition.Left]: 'l' } as const;
const point = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) });

describe('where a line meets its components', () => {
  it('a component has one connection point centred on each side', () => {
    const origin = { x: 0, y: 0 };
    expect(reactFlowEnd(origin, 't')).toEqual({ x: NODE_WIDTH / 2, y: -5 });
    expect(reactFlowEnd(origin, 'r')).toEqual({ x: NODE_WIDTH + 5, y: NODE_HEIGHT / 2 });
    expect(reactFlowEnd(origin, 'b')).toEqual({ x: NODE_WIDTH / 2, y: NODE_HEIGHT + 5 });
    expect(reactFlowEnd(origin, 'l')).toEqual({ x: -5, y: NODE_HEIGHT / 2 });
  });

  it('a line leaves the side facing its target and enters the opposite side', () => {
    const at = { x: 0, y: 0 };
    expect(ends(at, { x: 400, y: 20 })).toMatchObject({ sourcePosition: FlowPosition.Right, targetPosition: FlowPosition.Left });
    expect(ends(at, { x: -400, y: -20 })).toMatchObject({ sourcePosition: FlowPosition.Left, targetPosition: FlowPosition.Right });
    expect(ends(at, { x: 30, y: 300 })).toMatchObject({ sourcePosition: FlowPosition.Bottom, targetPosition: FlowPosition.Top });
    expect(ends(at, { x: -30, y: -300 })).toMatchObject({ sourcePosition: FlowPosition.Top, targetPosition: FlowPosition.Bottom });
  });

  it('both ends sit exactly on connection points of the two components, on opposite sides', () => {
    fc.assert(
      fc.property(point, point, (source, target) => {
        const e = ends(source, target);
        const from = SIDE_OF[e.sourcePosition];
        const to = SIDE_OF[e.targetPosition];
        expect(e.sourceX).toBeCloseTo(reactFlowEnd(source, from).x, 9);
        expect(e.sourceY).toBeCloseTo(reactFlowEnd(source, from).y, 9);
        expect(e.targetX).toBeCloseTo(reactFlowEnd(target, to).x, 9);
        expect(e.targetY).toBeCloseTo(reactFlowEnd(target, to).y, 9);
        expect({ t: 'b', b: 't', l: 'r', r: 'l' }[from]).toBe(to);
      }),
    );
  });

  it('no other pair of facing points is much closer than the chosen one', () => {
    fc.assert(
      fc.property(point, point, (source, target) => {
        const e = ends(source, target);
        const chosen = Math.hypot(e.targetX - e.sourceX, e.targetY - e.sourceY);
        const pairs = [['r', 'l'], ['l', 'r'], ['t', 'b'], ['b', 't']] as const;
        const best = Math.min(
          ...pairs.map(([a, b]) => {
            const p = reactFlowEnd(source, a);
            const q = reactFlowEnd(target, b);
            return Math.hypot(q.x - p.x, q.y - p.y);
          }),
        );
        // The side is chosen from the centres, so it may miss the shortest pair by at most a box's size.
        expect(chosen - best).toBeLessThanOrEqual(NODE_WIDTH + NODE_HEIGHT);
      }),
    );
  });
});
