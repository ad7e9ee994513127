/**
 * Maps the design to React Flow's nodes and edges. Each element is converted
 * once and cached by identity, so a drag that changes one node hands React
 * Flow a new array in which every other entry is the very same object.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { getKind } from '../../../domain/diagram/catalog.ts';
import { NOTE_SIZE } from '../../../domain/diagram/edit-operations.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, DesignNote } from '../../../domain/diagram/schema.ts';
import { arrowEnds, describeEdge } from '../edge-visuals.ts';

export type ComponentFlowNode = Node<{ node: DesignNode }, 'component'>;
export type GroupFlowNode = Node<{ group: DesignGroup }, 'group'>;
export type NoteFlowNode = Node<{ note: DesignNote }, 'note'>;
export type FlowNode = ComponentFlowNode | GroupFlowNode | NoteFlowNode;
export type FlowEdge = Edge<{ edge: DesignEdge; source: DesignNode | undefined; target: DesignNode | undefined }, 'design'>;

const MARKER_COLOR = { sync: '#64748b', async: '#d97706', data: '#059669' } as const;

interface Cached<T> {
  selected: boolean;
  value: T;
}

const nodeCache = new WeakMap<object, Cached<FlowNode>>();
const edgeCache = new WeakMap<object, Cached<FlowEdge> & { source: DesignNode | undefined; target: DesignNode | undefined }>();

function cachedNode(element: object, selected: boolean, build: () => FlowNode): FlowNode {
  const hit = nodeCache.get(element);
  if (hit && hit.selected === selected) return hit.value;
  const value = build();
  nodeCache.set(element, { selected, value });
  return value;
}

export function toFlowNodes(design: Design, selection: ReadonlySet<string>): FlowNode[] {
  const out: FlowNode[] = [];
  for (const group of design.groups) {
    const selected = selection.has(group.id);
    out.push(
      cachedNode(group, selected, () => ({
        id: group.id,
        type: 'group',
        position: group.position,
        width: group.size.width,
        height: group.size.height,
        data: { group },
        selected,
        zIndex: -1,
        ariaLabel: `${group.name}, boundary`,
        dragHandle: '.group-drag-handle',
      })),
    );
  }
  for (const node of design.nodes) {
    const selected = selection.has(node.id);
    out.push(
      cachedNode(node, selected, () => ({
        id: node.id,
        type: 'component',
        position: node.position,
        data: { node },
        selected,
        ariaLabel: `${node.name}, ${getKind(node.kind).label}`,
        ...(node.groupId !== undefined ? { parentId: node.groupId } : {}),
      })),
    );
  }
  for (const note of design.notes) {
    const selected = selection.has(note.id);
    out.push(
      cachedNode(note, selected, () => ({
        id: note.id,
        type: 'note',
        position: note.position,
        width: note.size?.width ?? NOTE_SIZE.width,
        height: note.size?.height ?? NOTE_SIZE.height,
        data: { note },
        selected,
        ariaLabel: `Note: ${note.text.slice(0, 60) || 'empty'}`,
        dragHandle: '.note-drag-handle',
        ...(note.groupId !== undefined ? { parentId: note.groupId } : {}),
      })),
    );
  }
  return out;
}

export function toFlowEdges(design: Design, selection: ReadonlySet<string>, nodeById: ReadonlyMap<string, DesignNode>): FlowEdge[] {
  return design.edges.map((edge) => {
    const selected = selection.has(edge.id);
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    const hit = edgeCache.get(edge);
    // Names appear in the accessible label, so a rename refreshes the edge too.
    if (hit && hit.selected === selected && hit.source === source && hit.target === target) return hit.value;
    const ends = arrowEnds(edge);
    const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: MARKER_COLOR[edge.family] };
    const value: FlowEdge = {
      id: edge.id,
      type: 'design',
      source: edge.source,
      target: edge.target,
      data: { edge, source, target },
      selected,
      ariaLabel: describeEdge(edge, source, target),
      ...(ends.end ? { markerEnd: marker } : {}),
      ...(ends.start ? { markerStart: marker } : {}),
    };
    edgeCache.set(edge, { selected, value, source, target });
    return value;
  });
}
