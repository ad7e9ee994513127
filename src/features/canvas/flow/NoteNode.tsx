import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { beginGesture, endGesture } from '../../../stores/editor/history.ts';
import type { NoteFlowNode } from './to-flow.ts';

function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const note = data.note;
  return (
    <div
      className={`note-drag-handle flex h-full w-full cursor-move flex-col rounded-md border bg-yellow-50 p-2.5 text-sm shadow-sm dark:bg-yellow-950/60 ${
        selected ? 'border-blue-500 ring-2 ring-blue-500/40' : 'border-yellow-300 dark:border-yellow-800'
      }`}
    >
      <NodeResizer isVisible={selected} minWidth={100} minHeight={60} onResizeStart={beginGesture} onResizeEnd={endGesture} />
      <p className={`overflow-hidden whitespace-pre-wrap break-words ${note.text ? 'text-slate-800 dark:text-yellow-50' : 'italic text-slate-500 dark:text-yellow-200/70'}`}>
        {note.text || 'Empty note — type in the inspector'}
      </p>
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
