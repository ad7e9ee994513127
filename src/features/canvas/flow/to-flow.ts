/**
 * Maps the design to React Flow's nodes and edges. Each element is converted
 * once and cached by identity, so a drag that changes one node hands React
 * Flow a new array in which every other entry is the very same object.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { getKind } from '../../../domain/diagram/catalog.ts';
import { NODE_HEIGHT, NODE_WIDTH, NOTE_SIZE } from '../../../domain/diagram/edit-operations.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, DesignNote } from '../../../domain/diagram/schema.ts';
import { arrowEnds, describeEdge, FAMILY_STROKE } from '../edge-visuals.ts';
import { COMPONENT_HANDLES, REPORTED } from './edge-geometry.ts';

export type ComponentFlowNode = Node<{ node: DesignNode }, 'component'>;
export type GroupFlowNode = Node<{ group: DesignGroup }, 'group'>;
export type NoteFlowNode = Node<{ note: DesignNote }, 'note'>;
export type FlowNode = ComponentFlowNode | GroupFlowNode | NoteFlowNode;
export type FlowEdge = Edge<{ edge: DesignEdge; source: DesignNode | undefined; target: DesignNode | undefined }, 'design'>;

/**
 * Every element's size is known from the design (components have a fixed
 * size), and so are a component's four connection points: handing both to
 * React Flow means it never measures them in the page. Without them, each
 * step of a drag dropped the moved component's connection points, unmounted
 * its edges for a frame and measured it again; and a design opened zoomed
 * out measured a thousand components before drawing an edge.
 */
const COMPONENT_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };

interface Cached<T> {
  selected: boolean;
  value: T;
}

const nodeCache = new WeakMap<object, Cached<FlowNode>>();
const edgeCache = new WeakMap<
  object,
  Cached<FlowEdge> & { sourceName: string | undefined; targetName: string | undefined; sourceKind: string | undefined; targetKind: string | undefined }
>();

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
        measured: { width: group.size.width, height: group.size.height },
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
        measured: COMPONENT_SIZE,
        handles: COMPONENT_HANDLES,
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
        measured: note.size ?? NOTE_SIZE,
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

/**
 * React Flow edges, all attached to the REPORTED connection points (the edge
 * view picks the facing sides). An edge object is rebuilt only when its data,
 * selection or end names and kinds change, and `previous` (the caller's last
 * result) is returned as it is when nothing changed, so a drag does not make
 * React Flow re-index thousands of edges.
 */
export function toFlowEdges(
  design: Pick<Design, 'edges'>,
  selection: ReadonlySet<string>,
  nodeById: ReadonlyMap<string, DesignNode>,
  previous: FlowEdge[] = [],
): FlowEdge[] {
  let changed = design.edges.length !== previous.length;
  const next = design.edges.map((edge, i) => {
    const selected = selection.has(edge.id);
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    const hit = edgeCache.get(edge);
    if (
      hit &&
      hit.selected === selected &&
      hit.sourceName === source?.name &&
      hit.targetName === target?.name &&
      hit.sourceKind === source?.kind &&
      hit.targetKind === target?.kind
    ) {
      if (previous[i] !== hit.value) changed = true;
      return hit.value;
    }
    changed = true;
    const ends = arrowEnds(edge);
    const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: FAMILY_STROKE[edge.family].colour };
    const value: FlowEdge = {
      id: edge.id,
      type: 'design',
      source: edge.source,
      target: edge.target,
      sourceHandle: REPORTED.source,
      targetHandle: REPORTED.target,
      data: { edge, source, target },
      selected,
      ariaLabel: describeEdge(edge, source, target),
      ...(ends.end ? { markerEnd: marker } : {}),
      ...(ends.start ? { markerStart: marker } : {}),
    };
    edgeCache.set(edge, { selected, value, sourceName: source?.name, targetName: target?.name, sourceKind: source?.kind, targetKind: target?.kind });
    return value;
  });
  return changed ? next : previous;
}
