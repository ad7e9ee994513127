import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getKind } from '../../../domain/diagram/catalog.ts';
import { CATEGORY_STRIPE, CATEGORY_TILE, FallbackIcon, ICONS } from '../kind-visuals.ts';
import type { ComponentFlowNode } from './to-flow.ts';
import { FindingBadge } from '../findings/FindingBadge.tsx';
import { NodeHeat } from '../simulator/heat.tsx';
import { useLabelId, useLiveNode } from './live-design.ts';
import { usePlainBoxes } from './detail.ts';

/** 10 px (`size-2.5`), centred on each side: React Flow is told where they are (COMPONENT_HANDLES in edge-geometry.ts) instead of measuring them. */
const HANDLE = '!size-2.5 !border-2 !border-white !bg-slate-500 dark:!border-slate-900 dark:!bg-slate-300 opacity-0 group-hover:opacity-100 group-[.selected]:opacity-100';

/**
 * Where the points are, for a plain box: React Flow reads a box's connection
 * points from the page when it first draws it, and a box first drawn plain
 * (a design opened zoomed out) had none, so none of its lines was drawn. Plain
 * elements in the same place, with none of a point's listeners.
 */
const POINT_PLACE = {
  top: 'left-1/2 top-0 -translate-x-1/2 -translate-y-1/2',
  right: 'right-0 top-1/2 translate-x-1/2 -translate-y-1/2',
  bottom: 'bottom-0 left-1/2 -translate-x-1/2 translate-y-1/2',
  left: 'left-0 top-1/2 -translate-x-1/2 -translate-y-1/2',
} as const;
const PLAIN_POINTS = (['top', 'right', 'bottom', 'left'] as const).map((side) => (
  <div key={side} aria-hidden className={`source invisible absolute size-2.5 ${POINT_PLACE[side]}`} data-handleid={side[0]} data-handlepos={side} />
));

function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const node = useLiveNode(id) ?? data.node;
  const label = useLabelId(id);
  const plain = usePlainBoxes();
  const kind = getKind(node.kind);
  const Icon = ICONS[kind.icon] ?? FallbackIcon;
  return (
    <div
      className={`group flex h-[60px] w-[184px] items-center gap-2 rounded-lg border border-l-4 bg-white px-2 shadow-sm [.design-canvas[data-detail=low]_&]:shadow-none dark:bg-slate-900 ${CATEGORY_STRIPE[kind.category]} ${
        selected ? 'selected border-blue-500 ring-2 ring-blue-500/40 dark:border-blue-400' : 'border-slate-300 dark:border-slate-700'
      }`}
    >
      {/* The box's accessible name: React Flow's wrapper is labelled by it. */}
      <span id={label} hidden>{`${node.name}, ${kind.label}`}</span>
      <div className={`lod-detail flex size-7 shrink-0 items-center justify-center rounded-md ${CATEGORY_TILE[kind.category]}`}>
        {!plain && <Icon aria-hidden className="size-5" />}
      </div>
      {/* Names wrap instead of being cut ("Relational database", "Redirect service"). A name on three lines
          fills the box, and the kind line below it falls outside and is not shown (the title and the
          component's accessible name keep it). Only this box clips: the name is clamped to three lines
          without a clip of its own, since a clip inside a clip made every keystroke of a rename re-layerize
          the whole canvas (6-7 ms a key at 1,000 components, 2 ms without it). */}
      <div className="max-h-[53px] min-w-0 flex-1 overflow-hidden">
        <div
          className="break-words text-sm font-semibold leading-tight text-slate-900 [-webkit-box-orient:vertical] [-webkit-line-clamp:3] [display:-webkit-box] dark:text-slate-50"
          title={node.name}
        >
          {node.name}
        </div>
        <div className="lod-text truncate text-xs leading-tight text-slate-500 dark:text-slate-400">
          {[node.name === kind.label ? '' : kind.label, node.technology].filter(Boolean).join(' · ') || kind.label}
        </div>
      </div>
      {node.instances > 1 && !plain && (
        <span
          className="lod-detail absolute -right-2 -top-2 rounded-full border border-slate-300 bg-white px-1.5 text-[10px] font-semibold text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
          title={`${node.instances} instances`}
        >
          ×{node.instances}
        </span>
      )}
      {!plain && <FindingBadge id={node.id} className="absolute -left-2 -top-2" />}
      <NodeHeat id={node.id} />
      {/* Lines attach to the points React Flow is told of (to-flow.ts), drawn or not. */}
      {plain && PLAIN_POINTS}
      {!plain && (
        <>
          <Handle type="source" position={Position.Top} id="t" className={HANDLE} />
          <Handle type="source" position={Position.Right} id="r" className={HANDLE} />
          <Handle type="source" position={Position.Bottom} id="b" className={HANDLE} />
          <Handle type="source" position={Position.Left} id="l" className={HANDLE} />
        </>
      )}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
