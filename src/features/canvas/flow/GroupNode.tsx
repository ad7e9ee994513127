import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { beginGesture, endGesture } from '../../../stores/editor/history.ts';
import type { GroupFlowNode } from './to-flow.ts';

const TYPE_LABEL = { 'bounded-context': 'Bounded context', team: 'Team', region: 'Region', other: 'Boundary' } as const;

function GroupNodeView({ data, selected }: NodeProps<GroupFlowNode>) {
  const group = data.group;
  return (
    <div
      className={`h-full w-full rounded-xl border-2 border-dashed ${
        selected ? 'border-blue-500 bg-blue-50/40 dark:bg-blue-950/30' : 'border-slate-400 bg-slate-50/50 dark:border-slate-600 dark:bg-slate-900/40'
      }`}
    >
      <NodeResizer isVisible={selected} minWidth={120} minHeight={80} onResizeStart={beginGesture} onResizeEnd={endGesture} />
      <div className="group-drag-handle flex cursor-move items-baseline gap-2 rounded-t-xl px-3 py-1.5">
        <span className="truncate text-sm font-semibold text-slate-700 dark:text-slate-200">{group.name}</span>
        <span className="shrink-0 text-[11px] uppercase tracking-wide text-slate-500 dark:text-slate-400">{TYPE_LABEL[group.type]}</span>
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
