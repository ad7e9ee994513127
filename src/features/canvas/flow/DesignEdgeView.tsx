import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { edgeLabel, FAMILY_STROKE, SELECTED_STROKE } from '../edge-visuals.ts';
import { facingEnds } from './edge-geometry.ts';
import type { FlowEdge } from './to-flow.ts';
import { useElementFindings } from '../findings/findings-context.tsx';
import { plural } from '../../../components/ui/plural.ts';
import { EdgeHeat } from '../simulator/heat.tsx';

const EDGE_BADGE = { error: '#dc2626', warning: '#d97706', info: '#0284c7' } as const;

function DesignEdgeViewInner({ id, data, selected, markerEnd, markerStart, sourceX, sourceY, targetX, targetY }: EdgeProps<FlowEdge>) {
  const found = useElementFindings(id);
  if (!data) return null;
  const [path, labelX, labelY] = getBezierPath(facingEnds(sourceX, sourceY, targetX, targetY));
  const edge = data.edge;
  const stroke = FAMILY_STROKE[edge.family];
  const badges = edgeLabel(edge, data.source, data.target);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        markerStart={markerStart}
        style={{ stroke: selected ? SELECTED_STROKE : stroke.colour, strokeWidth: selected ? 2.5 : 1.75, strokeDasharray: stroke.dash, strokeLinecap: 'round' }}
        interactionWidth={16}
      />
      {found && (
        <g className="lod-detail pointer-events-none" transform={`translate(${labelX} ${labelY - 16})`}>
          <title>{plural(found.count, 'finding')}</title>
          <rect x={-13} y={-8} width={26} height={16} rx={8} fill={EDGE_BADGE[found.worst]} />
          <text textAnchor="middle" dominantBaseline="central" className="fill-white text-[10px] font-bold">
            {`!${found.count}`}
          </text>
        </g>
      )}
      <EdgeHeat id={id} x={labelX} y={labelY} />
      {badges && (
        <text
          x={labelX}
          y={labelY}
          textAnchor="middle"
          dominantBaseline="central"
          className="lod-text pointer-events-none fill-slate-700 stroke-white text-[11px] font-medium dark:fill-slate-200 dark:stroke-slate-950"
          style={{ paintOrder: 'stroke', strokeWidth: 4, strokeLinejoin: 'round' }}
        >
          {badges}
        </text>
      )}
    </>
  );
}

export const DesignEdgeView = memo(DesignEdgeViewInner);
