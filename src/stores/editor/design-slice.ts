/** The design being edited and every action that changes it. */
import type { StateCreator } from 'zustand';
import { getKind, type KindId } from '../../domain/diagram/catalog.ts';
import { checkConnection, defaultFamily, type Family } from '../../domain/diagram/connections.ts';
import {
  addNodeAt,
  applyPositions,
  copySelection,
  deleteElements,
  freshId,
  groupElements,
  NOTE_SIZE,
  pasteClipboard,
  ungroup,
} from '../../domain/diagram/edit-operations.ts';
import { changeEdgeFamily, createEdge } from '../../domain/diagram/factory.ts';
import { cleanDisplayName } from '../../domain/diagram/display-name.ts';
import { pruneFlows } from '../../domain/diagram/flows.ts';
import type { Design, DesignEdge, DesignGroup, DesignNode, DesignNote, Position } from '../../domain/diagram/schema.ts';
import type { EditorState } from './editor-store.ts';

export type ConnectResult = { ok: true; id: string } | { ok: false; reason: string };

type Patch<T> = Partial<Omit<T, 'id'>>;

export interface DesignSlice {
  design: Design;
  /** Increases on every structural change (anything but a move); analyses key on it. */
  structure: number;
  markStructural(): void;
  loadDesign(design: Design): void;
  setTitle(title: string): void;
  addNode(kind: KindId, center: Position): string;
  updateNode(id: string, patch: Patch<DesignNode>): void;
  connect(sourceId: string, targetId: string, family?: Family): ConnectResult;
  updateEdge(id: string, patch: Partial<Omit<DesignEdge, 'id' | 'family' | 'source' | 'target'>>): void;
  setEdgeFamily(id: string, family: Family): ConnectResult;
  updateGroup(id: string, patch: Patch<DesignGroup>): void;
  updateNote(id: string, patch: Patch<DesignNote>): void;
  addNote(center: Position): string;
  /** Positions relative to each element's parent, as React Flow reports them. */
  moveElements(moves: ReadonlyMap<string, Position>): void;
  resizeElement(id: string, size: { width: number; height: number }, position?: Position): void;
  deleteSelection(): number;
  copySelection(): number;
  paste(offset?: Position): number;
  duplicateSelection(): number;
  groupSelection(name?: string): string | null;
  ungroupElement(groupId: string): void;
  removeFromGroup(id: string): void;
  applyLayout(positions: ReadonlyMap<string, Position>, groups: ReadonlyMap<string, Position & { width: number; height: number }>): void;
  replaceDesign(next: Design): void;
}

const touch = (design: Design): Design => ({ ...design, updatedAt: new Date().toISOString() });

export const createDesignSlice: StateCreator<EditorState, [['temporal', unknown]], [], DesignSlice> = (set, get) => {
  /** Commit a structural change; flow steps whose connection went away go with it. */
  const commit = (next: Design, extra: Partial<EditorState> = {}) =>
    set((state) => ({ design: touch(pruneFlows(next)), structure: state.structure + 1, ...extra }));

  const mapNodes = (fn: (n: DesignNode) => DesignNode) => get().design.nodes.map(fn);

  return {
    design: {
      format: 'skyline.design',
      version: 2,
      id: 'new',
      title: 'Untitled design',
      problemId: null,
      createdAt: new Date(0).toISOString(),
      updatedAt: new Date(0).toISOString(),
      nodes: [],
      edges: [],
      groups: [],
      notes: [],
      flows: [],
    },
    structure: 0,
    markStructural: () => set((s) => ({ structure: s.structure + 1 })),
    loadDesign: (design) => set((s) => ({ design, structure: s.structure + 1, selection: new Set() })),
    replaceDesign: (next) => commit(next),
    setTitle: (title) => {
      const trimmed = cleanDisplayName(title);
      if (trimmed && trimmed !== get().design.title) commit({ ...get().design, title: trimmed.slice(0, 120) });
    },
    addNode: (kind, center) => {
      const { design, id } = addNodeAt(get().design, kind, center);
      commit(design, { selection: new Set([id]) });
      return id;
    },
    updateNode: (id, patch) => {
      commit({ ...get().design, nodes: mapNodes((n) => (n.id === id ? { ...n, ...patch } : n)) });
    },
    connect: (sourceId, targetId, family) => {
      const design = get().design;
      const source = design.nodes.find((n) => n.id === sourceId);
      const target = design.nodes.find((n) => n.id === targetId);
      if (!source || !target) return { ok: false, reason: 'Both ends of a connection must be components.' };
      const chosen = family ?? defaultFamily(source.kind, target.kind);
      const verdict = checkConnection(source.kind, target.kind, chosen, source.id === target.id);
      if (!verdict.ok) return verdict;
      if (chosen === null) return { ok: false, reason: 'These components cannot be connected.' };
      const duplicate = design.edges.find((e) => e.source === sourceId && e.target === targetId && e.family === chosen);
      if (duplicate) return { ok: false, reason: `${source.name} is already connected to ${target.name}.` };
      const id = freshId(design, 'e');
      commit({ ...design, edges: [...design.edges, createEdge(chosen, id, source, target)] }, { selection: new Set([id]) });
      return { ok: true, id };
    },
    updateEdge: (id, patch) => {
      const design = get().design;
      commit({ ...design, edges: design.edges.map((e) => (e.id === id ? ({ ...e, ...patch } as DesignEdge) : e)) });
    },
    setEdgeFamily: (id, family) => {
      const design = get().design;
      const edge = design.edges.find((e) => e.id === id);
      const source = design.nodes.find((n) => n.id === edge?.source);
      const target = design.nodes.find((n) => n.id === edge?.target);
      if (!edge || !source || !target) return { ok: false, reason: 'That connection no longer exists.' };
      const verdict = checkConnection(source.kind, target.kind, family);
      if (!verdict.ok) return verdict;
      commit({ ...design, edges: design.edges.map((e) => (e.id === id ? changeEdgeFamily(e, family, source, target) : e)) });
      return { ok: true, id };
    },
    updateGroup: (id, patch) => {
      const design = get().design;
      commit({ ...design, groups: design.groups.map((g) => (g.id === id ? { ...g, ...patch } : g)) });
    },
    updateNote: (id, patch) => {
      const design = get().design;
      commit({ ...design, notes: design.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) });
    },
    addNote: (center) => {
      const design = get().design;
      const id = freshId(design, 't');
      const note: DesignNote = {
        id,
        text: '',
        position: { x: Math.round(center.x - NOTE_SIZE.width / 2), y: Math.round(center.y - NOTE_SIZE.height / 2) },
      };
      commit({ ...design, notes: [...design.notes, note] }, { selection: new Set([id]) });
      return id;
    },
    moveElements: (moves) => {
      if (moves.size === 0) return;
      const design = get().design;
      const move = <T extends { id: string; position: Position }>(el: T): T => {
        const p = moves.get(el.id);
        return p && (p.x !== el.position.x || p.y !== el.position.y) ? { ...el, position: p } : el;
      };
      // Positions change, structure does not: analyses are not re-run. It is still an edit ("last edited").
      set({
        design: touch({
          ...design,
          nodes: design.nodes.map(move),
          groups: design.groups.some((g) => moves.has(g.id)) ? design.groups.map(move) : design.groups,
          notes: design.notes.some((n) => moves.has(n.id)) ? design.notes.map(move) : design.notes,
        }),
      });
    },
    resizeElement: (id, size, position) => {
      const design = get().design;
      const rounded = { width: Math.round(size.width), height: Math.round(size.height) };
      const place = position ? { position: { x: Math.round(position.x), y: Math.round(position.y) } } : {};
      set({
        design: touch({
          ...design,
          groups: design.groups.map((g) => (g.id === id ? { ...g, size: rounded, ...place } : g)),
          notes: design.notes.map((n) => (n.id === id ? { ...n, size: rounded, ...place } : n)),
        }),
      });
    },
    deleteSelection: () => {
      const { selection, design } = get();
      if (selection.size === 0) return 0;
      const next = deleteElements(design, selection);
      commit(next, { selection: new Set() });
      return selection.size;
    },
    copySelection: () => {
      const clipboard = copySelection(get().design, get().selection);
      if (!clipboard) return 0;
      set({ clipboard });
      return clipboard.nodes.length + clipboard.notes.length;
    },
    paste: (offset = { x: 40, y: 40 }) => {
      const clipboard = get().clipboard;
      if (!clipboard) return 0;
      const { design, ids } = pasteClipboard(get().design, clipboard, offset);
      // The next paste lands a further step away, as in most editors.
      const shifted = {
        nodes: clipboard.nodes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })),
        edges: clipboard.edges,
        notes: clipboard.notes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })),
      };
      commit(design, { selection: new Set(ids), clipboard: shifted });
      return ids.length;
    },
    duplicateSelection: () => {
      const clipboard = copySelection(get().design, get().selection);
      if (!clipboard) return 0;
      const { design, ids } = pasteClipboard(get().design, clipboard, { x: 40, y: 40 });
      commit(design, { selection: new Set(ids) });
      return ids.length;
    },
    groupSelection: (name) => {
      const design = get().design;
      const result = groupElements(design, get().selection, name ?? `Boundary ${design.groups.length + 1}`);
      if (!result) return null;
      commit(result.design, { selection: new Set([result.id]) });
      return result.id;
    },
    ungroupElement: (groupId) => commit(ungroup(get().design, groupId), { selection: new Set() }),
    removeFromGroup: (id) => {
      const design = get().design;
      const node = design.nodes.find((n) => n.id === id);
      if (!node || node.groupId === undefined) return;
      const group = design.groups.find((g) => g.id === node.groupId);
      const { groupId: _groupId, ...rest } = node;
      const released: DesignNode = {
        ...rest,
        position: { x: node.position.x + (group?.position.x ?? 0), y: node.position.y + (group?.position.y ?? 0) + (group?.size.height ?? 0) + 24 },
      };
      commit({ ...design, nodes: design.nodes.map((n) => (n.id === id ? released : n)) });
    },
    applyLayout: (positions, groups) => commit(applyPositions(get().design, positions, groups)),
  };
};

export function describeNode(node: DesignNode): string {
  return `${node.name} (${getKind(node.kind).label})`;
}
