import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeBadges, FAMILY_STROKE } from '../edge-visuals.ts';
import type { FlowEdge } from './to-flow.ts';

function DesignEdgeViewInner({ id, data, selected, markerEnd, markerStart, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<FlowEdge>) {
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
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
          className="lod-detail pointer-events-none fill-slate-700 stroke-white text-[11px] font-medium dark:fill-slate-200 dark:stroke-slate-950"
          style={{ paintOrder: 'stroke', strokeWidth: 4, strokeLinejoin: 'round' }}
        >
          {badges}
        </text>
      )}
    </>
  );
}

export const DesignEdgeView = memo(DesignEdgeViewInner);
