import { CATEGORY_COLOUR } from '../../../components/ui/category-colours.ts';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
  type Viewport,
} from '@xyflow/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { getKind, isKindId } from '../../../domain/diagram/catalog.ts';
import { checkConnection } from '../../../domain/diagram/connections.ts';
import type { Position } from '../../../domain/diagram/schema.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { beginGesture, coalesced, endGesture } from '../../../stores/editor/history.ts';
import { useSettingsStore, resolvedTheme } from '../../../stores/settings-store.ts';
import { CANVAS_ELEMENT_ID, MIN_ZOOM, useFitDesign } from '../canvas-context.tsx';
import { ComponentNode } from './ComponentNode.tsx';
import { DesignEdgeView } from './DesignEdgeView.tsx';
import { FlowMinimap, MINIMAP_WIDTH } from './FlowMinimap.tsx';
import { GroupNode } from './GroupNode.tsx';
import { NoteNode } from './NoteNode.tsx';
import { toFlowEdges, toFlowNodes, type FlowEdge, type FlowNode } from './to-flow.ts';
import { LiveDesign } from './live-design.ts';
import { selectDetail, selectPlainLines } from './detail.ts';
import { FlowWalkHighlight } from '../flows/FlowWalkHighlight.tsx';

const nodeTypes = { component: ComponentNode, group: GroupNode, note: NoteNode };
const edgeTypes = { design: DesignEdgeView };
const SNAP: [number, number] = [16, 16];
// Props React Flow copies into its store: kept identical between renders so a
// re-render does not trigger store updates that every node and edge re-checks.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_BUTTONS = [1, 2];
const PRO_OPTIONS = { hideAttribution: true };
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select this component. Arrow keys move it. Delete removes it.',
  'edge.a11yDescription.default': 'Press Enter or Space to select this connection. Delete removes it.',
  'handle.ariaLabel': 'Connection point: drag to another component to connect',
};
export const KIND_DRAG_TYPE = 'application/x-skyline-kind';

const selectCanvasState = (s: ReturnType<typeof useEditorStore.getState>) => ({
  edges: s.design.edges,
  selection: s.selection,
});
const selectElementCount = (s: ReturnType<typeof useEditorStore.getState>) => ({
  components: s.design.nodes.length,
  all: s.design.nodes.length + s.design.groups.length + s.design.notes.length,
});

function minimapColor(node: FlowNode): string {
  if (node.type === 'component') return CATEGORY_COLOUR[getKind(node.data.node.kind).category];
  if (node.type === 'note') return '#facc15';
  return 'transparent';
}

/** From this many components on, only what is on screen is rendered. */
export const LARGE_DESIGN = 300;
const FIRST_FIT = { maxZoom: 1 };
/** The zoom buttons sit left of the minimap, so the two cover one corner between them. */
const BESIDE_MINIMAP = { marginRight: 15 + MINIMAP_WIDTH + 8 };

/** Whether a connection between two components of the current design makes sense; undefined if one is missing. */
function connectionVerdict(sourceId: string, targetId: string) {
  const nodes = useEditorStore.getState().design.nodes;
  const source = nodes.find((n) => n.id === sourceId);
  const target = nodes.find((n) => n.id === targetId);
  return source && target ? checkConnection(source.kind, target.kind, null, source.id === target.id) : undefined;
}

/**
 * Dropping a component from the palette, for the whole canvas area: a drop on
 * anything drawn over the canvas (a message, the legend) still adds the
 * component where it was dropped. Returns whether the event was a component.
 */
export function useComponentDrop() {
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return false;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    return true;
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return false;
      event.preventDefault();
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (!isKindId(kind)) return true;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const store = useEditorStore.getState();
      store.addNode(kind, { x: at.x, y: at.y });
      store.announce(`Added ${getKind(kind).label}`, 'success');
      return true;
    },
    [screenToFlowPosition],
  );
  return { onDragOver, onDrop };
}

export interface DesignCanvasProps {
  coarsePointer: boolean;
  initialViewport: Viewport | null;
  onViewportSaved(viewport: Viewport): void;
}

export function DesignCanvas({ coarsePointer, initialViewport, onViewportSaved }: DesignCanvasProps) {
  const { edges, selection } = useEditorStore(useShallow(selectCanvasState));
  const elementCount = useEditorStore(useShallow(selectElementCount));
  const { snapToGrid, showMinimap, theme } = useSettingsStore(
    useShallow((s) => ({ snapToGrid: s.snapToGrid, showMinimap: s.showMinimap, theme: s.theme })),
  );

  const flowId = useId();
  // Mapped inside the store's selector, so a rename (a new nodes array, every element placed as before)
  // does not re-render this component: re-rendering <ReactFlow> walked all its boxes and lines each key.
  const lastNodes = useRef<{ from: readonly unknown[]; nodes: FlowNode[] }>({ from: [], nodes: [] });
  const selectFlowNodes = useCallback(
    (s: ReturnType<typeof useEditorStore.getState>) => {
      const last = lastNodes.current;
      const from = [s.design.nodes, s.design.groups, s.design.notes, s.selection];
      if (from.every((input, i) => input === last.from[i])) return last.nodes;
      lastNodes.current = { from, nodes: toFlowNodes(s.design, s.selection, flowId, last.nodes) };
      return lastNodes.current.nodes;
    },
    [flowId],
  );
  const flowNodes = useEditorStore(selectFlowNodes);
  // Edges are remapped only when connections or the selection change: a rename or a move does not
  // touch them (each line reads its ends' names from the store). The ends copied into a new edge
  // are for a drawing that is not live.
  const lastEdges = useRef<FlowEdge[]>([]);
  const flowEdges = useMemo(() => {
    const ends = new Map(useEditorStore.getState().design.nodes.map((n) => [n.id, n]));
    lastEdges.current = toFlowEdges({ edges }, selection, ends, flowId, lastEdges.current);
    return lastEdges.current;
  }, [edges, selection, flowId]);

  const detail = useFlowStore(selectDetail);
  const plainLines = useFlowStore(selectPlainLines);
  const wrapper = useRef<HTMLDivElement>(null);
  // While dragging, nothing else needs hit-testing: skip it for thousands of shapes on every pointer move.
  const startGesture = useCallback(() => {
    if (wrapper.current) wrapper.current.dataset.dragging = 'true';
    beginGesture();
  }, []);
  const stopGesture = useCallback(() => {
    if (wrapper.current) delete wrapper.current.dataset.dragging;
    endGesture();
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const store = useEditorStore.getState();
    const moves = new Map<string, Position>();
    let dragging = false;
    let selectionChanged = false;
    const nextSelection = new Set(store.selection);
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        moves.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
        if (change.dragging) dragging = true;
      } else if (change.type === 'select') {
        selectionChanged = true;
        if (change.selected) nextSelection.add(change.id);
        else nextSelection.delete(change.id);
      } else if (change.type === 'dimensions' && change.resizing && change.dimensions) {
        store.resizeElement(change.id, change.dimensions);
      }
    }
    if (moves.size > 0) {
      if (dragging) {
        beginGesture();
        store.moveElements(moves);
      } else {
        coalesced('nudge', () => store.moveElements(moves));
      }
    }
    if (selectionChanged) store.select(nextSelection);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const store = useEditorStore.getState();
    const next = new Set(store.selection);
    let changed = false;
    for (const change of changes) {
      if (change.type === 'select') {
        changed = true;
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
    }
    if (changed) store.select(next);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const store = useEditorStore.getState();
    const result = store.connect(connection.source, connection.target);
    if (!result.ok) store.announce(result.reason, 'error');
  }, []);

  const isValidConnection: IsValidConnection = useCallback((connection) => connectionVerdict(connection.source, connection.target)?.ok ?? false, []);

  const onConnectEnd: OnConnectEnd = useCallback((_event, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.fromNode || !state.toNode) return;
    const verdict = connectionVerdict(state.fromNode.id, state.toNode.id);
    if (verdict && !verdict.ok) useEditorStore.getState().announce(verdict.reason, 'error');
  }, []);

  const dark = resolvedTheme(theme) === 'dark';
  const showsMinimap = showMinimap && !coarsePointer && elementCount.all > 0;
  const onMoveEnd = useCallback((_event: unknown, viewport: Viewport) => onViewportSaved(viewport), [onViewportSaved]);
  // Decided once: later changes to these props would make React Flow jump.
  const [viewportProps] = useState(() =>
    initialViewport
      ? { defaultViewport: initialViewport }
      : elementCount.components > 0
        ? { fitView: true, fitViewOptions: FIRST_FIT }
        : { defaultViewport: { x: 0, y: 0, zoom: 1 } },
  );
  // React Flow's first fit knows nothing of the minimap: once it is drawn, fit again around it.
  const fitDesign = useFitDesign();
  const fitsFirst = 'fitView' in viewportProps;
  useEffect(() => {
    if (!fitsFirst) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => fitDesign({ duration: 0, maxZoom: 1 }))));
    return () => cancelAnimationFrame(frame);
  }, [fitsFirst, fitDesign]);

  return (
    <div id={CANVAS_ELEMENT_ID} ref={wrapper} data-detail={detail} data-lines={plainLines ? 'plain' : 'styled'} className="design-canvas h-full w-full">
      <LiveDesign.Provider value>
        <ReactFlow<FlowNode, FlowEdge>
          id={flowId}
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDragStart={startGesture}
          onNodeDragStop={stopGesture}
          onSelectionDragStart={startGesture}
          onSelectionDragStop={stopGesture}
          onMoveEnd={onMoveEnd}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionOnDrag={!coarsePointer}
          panOnDrag={coarsePointer ? true : PAN_BUTTONS}
          panOnScroll={!coarsePointer}
          zoomOnScroll={coarsePointer}
          snapToGrid={snapToGrid}
          snapGrid={SNAP}
          colorMode={dark ? 'dark' : 'light'}
          onlyRenderVisibleElements={elementCount.components > LARGE_DESIGN}
          minZoom={MIN_ZOOM}
          maxZoom={2.5}
          {...viewportProps}
          proOptions={PRO_OPTIONS}
          ariaLabelConfig={ARIA_LABELS}
        >
          <Background variant={BackgroundVariant.Dots} gap={SNAP[0]} size={1} />
          <Controls showInteractive={false} position="bottom-right" style={showsMinimap ? BESIDE_MINIMAP : undefined} />
          {/* An overview of nothing is an empty grey box: shown once there is something to overview. */}
          {showsMinimap && <FlowMinimap colourOf={minimapColor} dark={dark} />}
          <FlowWalkHighlight />
        </ReactFlow>
      </LiveDesign.Provider>
    </div>
  );
}
