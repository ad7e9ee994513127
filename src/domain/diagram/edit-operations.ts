/**
 * Pure operations on a design used by the editor: ids, positions inside
 * groups, clipboard, grouping. Kept out of the store so they are unit-tested
 * without React.
 */
import { createNode } from './factory.ts';
import type { KindId } from './catalog.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, DesignNote, Position } from './schema.ts';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 60;
export const NOTE_SIZE = { width: 200, height: 120 };
export const GROUP_PADDING = 32;

/** A new id with the prefix that no element of the design uses yet. */
export function freshId(design: Design, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set<string>([
    ...design.nodes.map((n) => n.id),
    ...design.edges.map((e) => e.id),
    ...design.groups.map((g) => g.id),
    ...design.notes.map((n) => n.id),
    ...taken,
  ]);
  let i = used.size + 1;
  while (used.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

/** A readable, unique name for a new node: "Service", "Service 2"… */
export function freshName(design: Design, name: string): string {
  const names = new Set(design.nodes.map((n) => n.name));
  if (!names.has(name)) return name;
  const base = name.replace(/ \d+$/, '');
  let i = 2;
  while (names.has(`${base} ${i}`)) i++;
  return `${base} ${i}`;
}

export function groupOrigin(design: Design, groupId: string | undefined): Position {
  if (groupId === undefined) return { x: 0, y: 0 };
  const group = design.groups.find((g) => g.id === groupId);
  return group ? group.position : { x: 0, y: 0 };
}

export function absolutePosition(design: Design, element: { position: Position; groupId?: string | undefined }): Position {
  const origin = groupOrigin(design, element.groupId);
  return { x: element.position.x + origin.x, y: element.position.y + origin.y };
}

export function addNodeAt(design: Design, kind: KindId, center: Position): { design: Design; id: string } {
  const id = freshId(design, 'n');
  const node = createNode(kind, id, { x: Math.round(center.x - NODE_WIDTH / 2), y: Math.round(center.y - NODE_HEIGHT / 2) });
  const named = { ...node, name: freshName(design, node.name) };
  return { design: { ...design, nodes: [...design.nodes, named] }, id };
}

export interface Clipboard {
  nodes: DesignNode[];
  edges: DesignEdge[];
  notes: DesignNote[];
}

/** Copy the selected nodes and notes, and the edges between copied nodes. Positions become absolute. */
export function copySelection(design: Design, selected: ReadonlySet<string>): Clipboard | null {
  const nodes = design.nodes
    .filter((n) => selected.has(n.id) || (n.groupId !== undefined && selected.has(n.groupId)))
    .map(({ groupId: _groupId, ...n }) => ({ ...n, position: absolutePosition(design, n) }));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = design.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const notes = design.notes
    .filter((n) => selected.has(n.id))
    .map(({ groupId: _groupId, ...n }) => ({ ...n, position: absolutePosition(design, n) }));
  if (nodes.length === 0 && notes.length === 0) return null;
  return { nodes, edges, notes };
}

/** Paste a clipboard with fresh ids, offset from the originals; returns the new ids. */
export function pasteClipboard(design: Design, clipboard: Clipboard, offset: Position): { design: Design; ids: string[] } {
  const taken = new Set<string>();
  const mapping = new Map<string, string>();
  const take = (prefix: string) => {
    const id = freshId(design, prefix, taken);
    taken.add(id);
    return id;
  };
  const move = (p: Position) => ({ x: p.x + offset.x, y: p.y + offset.y });
  let working = design;
  const nodes = clipboard.nodes.map((n) => {
    const id = take('n');
    mapping.set(n.id, id);
    const copy = { ...n, id, position: move(n.position), name: freshName(working, n.name) };
    working = { ...working, nodes: [...working.nodes, copy] };
    return copy;
  });
  const edges = clipboard.edges.flatMap((e) => {
    const source = mapping.get(e.source);
    const target = mapping.get(e.target);
    return source && target ? [{ ...e, id: take('e'), source, target }] : [];
  });
  const notes = clipboard.notes.map((n) => ({ ...n, id: take('t'), position: move(n.position) }));
  return {
    design: {
      ...design,
      nodes: [...design.nodes, ...nodes],
      edges: [...design.edges, ...edges],
      notes: [...design.notes, ...notes],
    },
    ids: [...nodes.map((n) => n.id), ...notes.map((n) => n.id)],
  };
}

/** Delete elements; deleting a node deletes its edges; deleting a group keeps its members in place. */
export function deleteElements(design: Design, ids: ReadonlySet<string>): Design {
  const groupsGone = design.groups.filter((g) => ids.has(g.id));
  const release = <T extends { position: Position; groupId?: string | undefined }>(element: T): T => {
    if (element.groupId === undefined || !ids.has(element.groupId)) return element;
    const { groupId: _groupId, ...rest } = element;
    return { ...rest, position: absolutePosition(design, element) } as T;
  };
  const nodes = design.nodes.filter((n) => !ids.has(n.id));
  const kept = new Set(nodes.map((n) => n.id));
  return {
    ...design,
    nodes: groupsGone.length ? nodes.map(release) : nodes,
    edges: design.edges.filter((e) => !ids.has(e.id) && kept.has(e.source) && kept.has(e.target)),
    groups: design.groups.filter((g) => !ids.has(g.id)),
    notes: design.notes.filter((n) => !ids.has(n.id)).map(release),
  };
}

/** Put the selected nodes and notes into a new group sized around them. */
export function groupElements(design: Design, ids: ReadonlySet<string>, name: string): { design: Design; id: string } | null {
  const members = [
    ...design.nodes.filter((n) => ids.has(n.id)).map((n) => ({ el: n, size: { width: NODE_WIDTH, height: NODE_HEIGHT } })),
    ...design.notes.filter((n) => ids.has(n.id)).map((n) => ({ el: n, size: n.size ?? NOTE_SIZE })),
  ];
  if (members.length === 0) return null;
  const boxes = members.map(({ el, size }) => ({ ...absolutePosition(design, el), ...size }));
  const minX = Math.min(...boxes.map((b) => b.x)) - GROUP_PADDING;
  const minY = Math.min(...boxes.map((b) => b.y)) - GROUP_PADDING - 16;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + GROUP_PADDING;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + GROUP_PADDING;
  const id = freshId(design, 'g');
  const group: DesignGroup = {
    id,
    name,
    type: 'bounded-context',
    position: { x: Math.round(minX), y: Math.round(minY) },
    size: { width: Math.round(maxX - minX), height: Math.round(maxY - minY) },
    notes: '',
  };
  const adopt = <T extends { id: string; position: Position; groupId?: string | undefined }>(el: T): T => {
    if (!ids.has(el.id)) return el;
    const abs = absolutePosition(design, el);
    return { ...el, groupId: id, position: { x: abs.x - group.position.x, y: abs.y - group.position.y } };
  };
  return {
    design: { ...design, groups: [...design.groups, group], nodes: design.nodes.map(adopt), notes: design.notes.map(adopt) },
    id,
  };
}

export function ungroup(design: Design, groupId: string): Design {
  return deleteElements(design, new Set([groupId]));
}

/** Apply new absolute positions (from auto-layout or a move) to nodes and groups. */
export function applyPositions(design: Design, positions: ReadonlyMap<string, Position>, groupBoxes: ReadonlyMap<string, DesignGroup['position'] & DesignGroup['size']> = new Map()): Design {
  const groups = design.groups.map((g) => {
    const box = groupBoxes.get(g.id);
    return box ? { ...g, position: { x: box.x, y: box.y }, size: { width: box.width, height: box.height } } : g;
  });
  const next = { ...design, groups };
  const place = <T extends { id: string; position: Position; groupId?: string | undefined }>(el: T): T => {
    const abs = positions.get(el.id);
    if (!abs) return el;
    const origin = groupOrigin(next, el.groupId);
    return { ...el, position: { x: Math.round(abs.x - origin.x), y: Math.round(abs.y - origin.y) } };
  };
  return { ...next, nodes: design.nodes.map(place), notes: design.notes.map(place) };
}
