/**
 * Maps the design to React Flow's nodes and edges. React Flow's elements
 * place things; what a component or connection shows (its name, kind line,
 * figures) its view reads from the editor's store (live-design.ts), and its
 * accessible name comes from a hidden label inside that view. So an element
 * is rebuilt only when where or how it is placed changes, and the previous
 * array is handed back as it is when nothing did: typing a component's name
 * does not make React Flow re-index a thousand boxes and three thousand lines.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH, NOTE_SIZE } from '../../../domain/diagram/edit-operations.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, DesignNote } from '../../../domain/diagram/schema.ts';
import { arrowEnds, FAMILY_STROKE } from '../edge-visuals.ts';
import { labelId } from './live-design.ts';
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

function cachedNode(element: object, selected: boolean, build: () => FlowNode): FlowNode {
  const hit = nodeCache.get(element);
  if (hit && hit.selected === selected) return hit.value;
  const value = build();
  nodeCache.set(element, { selected, value });
  return value;
}

/** `previous`'s element for a component placed as `node` is now: same place, boundary, kind (the minimap's colour) and selection. */
function samePlace(previous: FlowNode | undefined, node: DesignNode, selected: boolean, flowId: string): previous is ComponentFlowNode {
  return (
    previous?.type === 'component' &&
    previous.selected === selected &&
    previous.position.x === node.position.x &&
    previous.position.y === node.position.y &&
    previous.parentId === node.groupId &&
    previous.data.node.kind === node.kind &&
    previous.domAttributes?.['aria-labelledby'] === labelId(flowId, node.id)
  );
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((element) => [element.id, element]));
}

/**
 * React Flow's nodes for the design drawn by the React Flow instance
 * `flowId`; `previous` (the caller's last result) is returned as it is when
 * nothing is placed differently.
 */
export function toFlowNodes(design: Pick<Design, 'nodes' | 'groups' | 'notes'>, selection: ReadonlySet<string>, flowId: string, previous: FlowNode[] = []): FlowNode[] {
  const before = byId(previous);
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
    const was = before.get(node.id);
    out.push(
      samePlace(was, node, selected, flowId)
        ? was
        : {
            id: node.id,
            type: 'component',
            position: node.position,
            measured: COMPONENT_SIZE,
            handles: COMPONENT_HANDLES,
            data: { node },
            selected,
            domAttributes: { 'aria-labelledby': labelId(flowId, node.id) },
            ...(node.groupId !== undefined ? { parentId: node.groupId } : {}),
          },
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
  return unchanged(out, previous) ? previous : out;
}

function unchanged<T>(next: readonly T[], previous: readonly T[]): boolean {
  return next.length === previous.length && next.every((element, i) => element === previous[i]);
}

/**
 * React Flow edges, all attached to the REPORTED connection points (the edge
 * view picks the facing sides). An edge is rebuilt only when its ends, its
 * arrows or its selection change, and `previous` (the caller's last result)
 * is returned as it is when nothing changed, so a drag or a rename does not
 * make React Flow re-index thousands of edges.
 */
export function toFlowEdges(
  design: Pick<Design, 'edges'>,
  selection: ReadonlySet<string>,
  nodeById: ReadonlyMap<string, DesignNode>,
  flowId: string,
  previous: FlowEdge[] = [],
): FlowEdge[] {
  const before = byId(previous);
  const next = design.edges.map((edge): FlowEdge => {
    const selected = selection.has(edge.id);
    const ends = arrowEnds(edge);
    const was = before.get(edge.id);
    const colour = FAMILY_STROKE[edge.family].colour;
    if (
      was?.data &&
      was.selected === selected &&
      was.source === edge.source &&
      was.target === edge.target &&
      was.data.edge.family === edge.family &&
      (was.markerEnd !== undefined) === ends.end &&
      (was.markerStart !== undefined) === ends.start &&
      was.domAttributes?.['aria-labelledby'] === labelId(flowId, edge.id)
    ) {
      return was;
    }
    const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: colour };
    return {
      id: edge.id,
      type: 'design',
      source: edge.source,
      target: edge.target,
      sourceHandle: REPORTED.source,
      targetHandle: REPORTED.target,
      data: { edge, source: nodeById.get(edge.source), target: nodeById.get(edge.target) },
      selected,
      // Named by the hidden label its view draws (aria-labelledby wins over React Flow's "Edge from n1 to n2").
      domAttributes: { 'aria-labelledby': labelId(flowId, edge.id) },
      ...(ends.end ? { markerEnd: marker } : {}),
      ...(ends.start ? { markerStart: marker } : {}),
    };
  });
  return unchanged(next, previous) ? previous : next;
}
