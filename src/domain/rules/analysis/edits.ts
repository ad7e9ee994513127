/**
 * Pure design edits for quick fixes. Every function returns a new design and
 * leaves its input untouched; unchanged nodes and edges are shared, not copied.
 */
import type { KindId } from '../../diagram/catalog.ts';
import { createNode } from '../../diagram/factory.ts';
import { pruneFlows } from '../../diagram/flows.ts';
import type { AsyncEdge, DataEdge, Design, DesignEdge, DesignNode, Position, SyncEdge } from '../../diagram/schema.ts';

export type SyncPatch = Partial<Pick<SyncEdge, 'timeoutMs' | 'retry' | 'circuitBreaker' | 'idempotent' | 'callsPerRequest' | 'readOnly'>>;
export type AsyncPatch = Partial<Pick<AsyncEdge, 'deadLetterQueue' | 'retry' | 'delivery' | 'outbox'>>;

/** Every id in use in a design (nodes, edges, groups, notes): new ids must avoid all of them. */
export function takenIds(design: Design): Set<string> {
  const taken = new Set<string>();
  for (const list of [design.nodes, design.edges, design.groups, design.notes]) {
    for (const element of list) taken.add(element.id);
  }
  return taken;
}

/** "Payments API" -> "payments-api"; valid as (part of) an element id. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or `base-2`, `base-3`... whichever is free; the id is reserved in `taken`. */
export function freshId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Names are limited to 80 characters. */
export function clampName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length <= 80 ? trimmed : `${trimmed.slice(0, 79).trimEnd()}…`;
}

/** A node's position on the canvas (node positions are relative to their group). */
export function absolutePosition(design: Design, node: DesignNode): Position {
  if (node.groupId === undefined) return node.position;
  const group = design.groups.find((g) => g.id === node.groupId);
  return group ? { x: group.position.x + node.position.x, y: group.position.y + node.position.y } : node.position;
}

export function centroid(points: readonly Position[]): Position {
  if (points.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: Math.round(x / points.length), y: Math.round(y / points.length) };
}

/** A free spot below everything on the canvas, `slot` steps to the right. */
export function belowEverything(design: Design, slot = 0): Position {
  let minX = Infinity;
  let maxY = -Infinity;
  for (const node of design.nodes) {
    const p = absolutePosition(design, node);
    minX = Math.min(minX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  for (const group of design.groups) {
    minX = Math.min(minX, group.position.x);
    maxY = Math.max(maxY, group.position.y + group.size.height);
  }
  if (!Number.isFinite(minX)) return { x: slot * 220, y: 0 };
  return { x: minX + slot * 220, y: maxY + 160 };
}

export function newNode(kind: KindId, id: string, position: Position, name?: string): DesignNode {
  return createNode(kind, id, position, name === undefined ? undefined : clampName(name));
}

export function findNode(design: Design, id: string): DesignNode | undefined {
  return design.nodes.find((n) => n.id === id);
}

export function patchSyncEdges(design: Design, edgeIds: Iterable<string>, patch: SyncPatch | ((edge: SyncEdge) => SyncPatch)): Design {
  const ids = new Set(edgeIds);
  return {
    ...design,
    edges: design.edges.map((edge) =>
      edge.family === 'sync' && ids.has(edge.id) ? { ...edge, ...(typeof patch === 'function' ? patch(edge) : patch) } : edge,
    ),
  };
}

export function patchAsyncEdges(design: Design, edgeIds: Iterable<string>, patch: AsyncPatch): Design {
  const ids = new Set(edgeIds);
  return { ...design, edges: design.edges.map((edge) => (edge.family === 'async' && ids.has(edge.id) ? { ...edge, ...patch } : edge)) };
}

export function patchNode(design: Design, nodeId: string, patch: Partial<Pick<DesignNode, 'instances' | 'saga'>>): Design {
  return { ...design, nodes: design.nodes.map((node) => (node.id === nodeId ? { ...node, ...patch } : node)) };
}

/**
 * Add nodes and edges and drop edges by id, in one new design. Flow steps on
 * a dropped edge go, with the steps that hung from them (as when the learner
 * deletes a connection).
 */
export function rewire(
  design: Design,
  change: { addNodes?: readonly DesignNode[]; addEdges?: readonly DesignEdge[]; removeEdgeIds?: Iterable<string> },
): Design {
  const removed = new Set(change.removeEdgeIds ?? []);
  const kept = removed.size > 0 ? design.edges.filter((e) => !removed.has(e.id)) : design.edges;
  const next = {
    ...design,
    nodes: change.addNodes && change.addNodes.length > 0 ? [...design.nodes, ...change.addNodes] : design.nodes,
    edges: change.addEdges && change.addEdges.length > 0 ? [...kept, ...change.addEdges] : kept === design.edges ? design.edges : kept,
  };
  return removed.size > 0 ? pruneFlows(next) : next;
}

/** Remove nodes and every edge that touches them, and the flow steps on those edges. */
export function removeNodes(design: Design, nodeIds: Iterable<string>): Design {
  const ids = new Set(nodeIds);
  return pruneFlows({
    ...design,
    nodes: design.nodes.filter((n) => !ids.has(n.id)),
    edges: design.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)),
  });
}

export function dataEdgeLike(id: string, source: string, target: string, from?: DataEdge): DataEdge {
  return {
    id,
    source,
    target,
    label: from?.label ?? '',
    notes: '',
    family: 'data',
    access: from?.access ?? 'read-write',
    database: from?.database ?? '',
  };
}
