import { BaseEdge, getBezierPath, Position, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';
import { edgeBadges, FAMILY_STROKE } from '../edge-visuals.ts';
import type { FlowEdge } from './to-flow.ts';

/** Where the line from one node's centre towards another's crosses its border. */
function borderPoint(node: InternalNode, other: InternalNode) {
  const w = (node.measured.width ?? 0) / 2;
  const h = (node.measured.height ?? 0) / 2;
  const cx = node.internals.positionAbsolute.x + w;
  const cy = node.internals.positionAbsolute.y + h;
  const ox = other.internals.positionAbsolute.x + (other.measured.width ?? 0) / 2;
  const oy = other.internals.positionAbsolute.y + (other.measured.height ?? 0) / 2;
  if (w === 0 || h === 0) return { x: cx, y: cy, side: Position.Top };
  const xx = (ox - cx) / (2 * w) - (oy - cy) / (2 * h);
  const yy = (ox - cx) / (2 * w) + (oy - cy) / (2 * h);
  const a = 1 / (Math.abs(xx) + Math.abs(yy) || 1);
  const x = w * (a * xx + a * yy) + cx;
  const y = h * (-a * xx + a * yy) + cy;
  const left = node.internals.positionAbsolute.x;
  const top = node.internals.positionAbsolute.y;
  const side =
    x <= left + 1 ? Position.Left : x >= left + 2 * w - 1 ? Position.Right : y <= top + 1 ? Position.Top : Position.Bottom;
  return { x, y, side };
}

function DesignEdgeViewInner({ id, source, target, data, selected, markerEnd, markerStart }: EdgeProps<FlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode || !data) return null;
  const s = borderPoint(sourceNode, targetNode);
  const t = borderPoint(targetNode, sourceNode);
  const [path, labelX, labelY] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: s.side,
    targetX: t.x,
    targetY: t.y,
    targetPosition: t.side,
  });
  const edge = data.edge;
  const stroke = FAMILY_STROKE[edge.family];
  const badges = edgeBadges(edge, data.source, data.target).join(' · ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        markerStart={markerStart}
        className={`${stroke.className} ${selected ? '!stroke-blue-500' : ''}`}
        style={{ strokeWidth: selected ? 2.5 : 1.75, strokeDasharray: stroke.dash, strokeLinecap: 'round' }}
        interactionWidth={16}
      />
      {badges && (
        <text
          x={labelX}
          y={labelY}
          textAnchor="middle"
          dominantBaseline="central"
          className="pointer-events-none fill-slate-700 stroke-white text-[11px] font-medium dark:fill-slate-200 dark:stroke-slate-950"
          style={{ paintOrder: 'stroke', strokeWidth: 4, strokeLinejoin: 'round' }}
        >
          {badges}
        </text>
      )}
    </>
  );
}

export const DesignEdgeView = memo(DesignEdgeViewInner);
