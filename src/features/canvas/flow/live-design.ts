/**
 * What a box or a line of the editing canvas shows is read from the editor's
 * store by id, not from the React Flow element that places it. React Flow's
 * elements change only when placement changes (a move, a new end, a
 * selection): renaming a component, or any edit of its figures, redraws that
 * box and its lines and leaves React Flow's thousands of elements alone.
 * Read-only drawings (a reference, a shared design) are not live and show
 * the element's own copy.
 */
import { useStore } from '@xyflow/react';
import { createContext, useContext } from 'react';
import type { DesignEdge, DesignNode } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';

/** True inside the editing canvas. */
export const LiveDesign = createContext(false);

const indexes = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

/** The element with `id` in `list`; the index is built once per version of the list, so every box's lookup is O(1). */
function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list) as Map<string, T> | undefined;
  if (!index) {
    index = new Map(list.map((element) => [element.id, element]));
    indexes.set(list, index);
  }
  return index.get(id);
}

/** The component `id` as the store has it now, when drawn on the editing canvas. */
export function useLiveNode(id: string | undefined): DesignNode | undefined {
  const live = useContext(LiveDesign);
  return useEditorStore((s) => (live && id !== undefined ? byId(s.design.nodes, id) : undefined));
}

/** The connection `id` as the store has it now, when drawn on the editing canvas. */
export function useLiveEdge(id: string): DesignEdge | undefined {
  const live = useContext(LiveDesign);
  return useEditorStore((s) => (live ? byId(s.design.edges, id) : undefined));
}

/** The id of the hidden element that names a box or line: React Flow's wrapper is labelled by it (aria-labelledby). */
export function labelId(flowId: string, id: string): string {
  return `${flowId}-label-${id}`;
}

const selectFlowId = (s: { rfId: string }) => s.rfId;

/** labelId for the element `id` of the React Flow drawing this is rendered in. */
export function useLabelId(id: string): string {
  return labelId(useStore(selectFlowId), id);
}
