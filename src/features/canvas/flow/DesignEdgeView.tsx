import { BaseEdge, getBezierPath, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { describeEdge, edgeLabel, FAMILY_STROKE, SELECTED_STROKE } from '../edge-visuals.ts';
import { componentBox, facingEnds, labelSizeOf, labelSpot, type Box, type EdgeEnds } from './edge-geometry.ts';
import type { FlowEdge, FlowNode } from './to-flow.ts';
import { useElementFindings } from '../findings/findings-context.tsx';
import { plural } from '../../../components/ui/plural.ts';
import { EdgeHeat } from '../simulator/heat.tsx';
import { useLabelId, useLiveEdge, useLiveNode } from './live-design.ts';

const EDGE_BADGE = { error: '#dc2626', warning: '#d97706', info: '#0284c7' } as const;

/** Up to this many components, a label steps along its line off any box it would land on (a check against every box). */
const AVOID_BOXES_UP_TO = 300;

/**
 * Where the label goes: the middle of the line, or the nearest spot along it
 * clear of every component box. Boxes are read from React Flow's store when
 * this line is drawn, not followed: a box dragged onto a still label does not
 * redraw every line.
 */
function placeLabel(store: ReturnType<typeof useStoreApi<FlowNode, FlowEdge>>, ends: EdgeEnds, text: string, badged: boolean, middle: { x: number; y: number }) {
  if (!text && !badged) return middle;
  const lookup = store.getState().nodeLookup;
  if (lookup.size > AVOID_BOXES_UP_TO) return middle;
  const boxes: Box[] = [];
  for (const node of lookup.values()) {
    if (node.type !== 'component') continue;
    const p = node.internals.positionAbsolute;
    boxes.push(componentBox(p.x, p.y));
  }
  return labelSpot(ends, labelSizeOf(text, badged), boxes);
}

function DesignEdgeViewInner({ id, data, selected, markerEnd, markerStart, sourceX, sourceY, targetX, targetY }: EdgeProps<FlowEdge>) {
  const found = useElementFindings(id);
  const store = useStoreApi<FlowNode, FlowEdge>();
  const label = useLabelId(id);
  const liveEdge = useLiveEdge(id);
  const edge = liveEdge ?? data?.edge;
  const liveSource = useLiveNode(edge?.source);
  const liveTarget = useLiveNode(edge?.target);
  if (!data || !edge) return null;
  const source = liveSource ?? data.source;
  const target = liveTarget ?? data.target;
  const ends = facingEnds(sourceX, sourceY, targetX, targetY);
  const [path, middleX, middleY] = getBezierPath(ends);
  const stroke = FAMILY_STROKE[edge.family];
  const badges = edgeLabel(edge, source, target);
  const { x: labelX, y: labelY } = placeLabel(store, ends, badges, found !== undefined, { x: middleX, y: middleY });
  return (
    <>
      {/* The line's accessible name: React Flow's wrapper is labelled by it. */}
      <text id={label} display="none">
        {describeEdge(edge, source, target)}
      </text>
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
