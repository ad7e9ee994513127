/**
 * A read-only drawing of a design (a reference solution, a shared design),
 * fitted to its box. `readable` never fits smaller than names can be read
 * (11 px): a larger design opens at its top-left corner, to be panned, and
 * the zoom buttons still show it whole. `marked` components and connections
 * are outlined and tagged with `markLabel` (what the reference has that yours
 * lacks, say).
 *
 * The box is measured before the drawing is made, so React Flow starts at
 * the fitted zoom: a large design seen whole is built once, as the plain
 * boxes and lines of that zoom (flow/detail.ts), instead of in full detail
 * at 100% and then again once fitted. Fitted below LINE_ZOOM, where nothing
 * on a box can be read, it is first drawn as a sketch of the same boxes and
 * lines (DesignSketch), and React Flow is built when the learner reaches for
 * the drawing (points at it, touches it, or zooms in).
 */
import { Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, ReactFlowProvider, useStore, type ReactFlowInstance } from '@xyflow/react';
import { Plus } from 'lucide-react';
import '@xyflow/react/dist/style.css';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { READABLE_ZOOM } from './layout.ts';
import { boundsOfBoxes, designBoxes, fitViewport, type Viewport } from './view-fit.ts';
import type { FlowEdge, FlowNode } from './flow/to-flow.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { resolvedTheme, useSettingsStore } from '../../stores/settings-store.ts';
import { ComponentNode } from './flow/ComponentNode.tsx';
import { DesignEdgeView } from './flow/DesignEdgeView.tsx';
import { GroupNode } from './flow/GroupNode.tsx';
import { NoteNode } from './flow/NoteNode.tsx';
import { toFlowEdges, toFlowNodes } from './flow/to-flow.ts';
import { LINE_ZOOM, selectDetail, selectPlainLines } from './flow/detail.ts';
import { DesignSketch } from './DesignSketch.tsx';

const nodeTypes = { component: ComponentNode, group: GroupNode, note: NoteNode };
const edgeTypes = { design: DesignEdgeView };
const NONE: ReadonlySet<string> = new Set();
const PRO = { hideAttribution: true };

const PADDING = 24;

/** Where the drawing starts in a box of `size`: fitted whole, or at the readable zoom from its start when `readable` and it is too large. */
function fittedViewport(design: Design, size: { width: number; height: number }, readable: boolean): Viewport | null {
  const boxes = designBoxes(design);
  if (boxes.length === 0 || size.width === 0 || size.height === 0) return null;
  const bounds = boundsOfBoxes(boxes);
  const whole = fitViewport(bounds, size, { padding: PADDING, minZoom: 0.05, maxZoom: 1, obstacles: [] });
  // Too large to read whole: at the readable zoom, centred along a side that fits, else from its start (top, left).
  const z = READABLE_ZOOM;
  const along = (start: number, extent: number, room: number) => (extent * z + 2 * PADDING <= room ? (room - extent * z) / 2 - start * z : PADDING - start * z);
  return readable && whole.zoom < z ? { zoom: z, x: along(bounds.x, bounds.width, size.width), y: along(bounds.y, bounds.height, size.height) } : whole;
}

export function DesignPreview(props: { design: Design; label: string; readable?: boolean; marked?: ReadonlySet<string>; markLabel?: string }) {
  return (
    <ReactFlowProvider>
      <Preview {...props} />
    </ReactFlowProvider>
  );
}

/** The figure, drawn at the detail its zoom can show (the canvas's rules, index.css). */
function Frame({ box, label, onReach, children }: { box: React.RefObject<HTMLDivElement | null>; label: string; onReach?: (() => void) | undefined; children: ReactNode }) {
  const detail = useStore(selectDetail);
  const plainLines = useStore(selectPlainLines);
  return (
    // A figure, not an image: it holds the zoom buttons, and a screen reader can read its components.
    <div
      ref={box}
      className="design-preview absolute inset-0"
      data-detail={detail}
      data-lines={plainLines ? 'plain' : 'styled'}
      aria-label={label}
      role="figure"
      onPointerEnter={onReach}
      onPointerDown={onReach}
      onWheel={onReach}
    >
      {children}
    </div>
  );
}

function Preview({ design, label, readable = false, marked = NONE, markLabel = '' }: {
  design: Design;
  label: string;
  readable?: boolean;
  marked?: ReadonlySet<string>;
  markLabel?: string;
}) {
  const theme = useSettingsStore((s) => s.theme);
  const box = useRef<HTMLDivElement>(null);
  const flowId = useId();
  // Measured before the first paint; undefined until then, null when the box has no size yet (fitted once drawn).
  const [initial, setInitial] = useState<Viewport | null | undefined>(undefined);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) setInitial(fittedViewport(design, { width: element.clientWidth, height: element.clientHeight }, readable));
    // Once: the drawing keeps the view the learner gives it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const nodes = useMemo(
    () => toFlowNodes(design, NONE, flowId).map((n): FlowNode => (marked.has(n.id) ? { ...n, className: 'preview-marked', style: { '--preview-mark': JSON.stringify(markLabel) } as CSSProperties } : n)),
    [design, marked, markLabel, flowId],
  );
  const edges = useMemo(
    () => toFlowEdges(design, NONE, new Map(design.nodes.map((n) => [n.id, n])), flowId).map((e): FlowEdge => (marked.has(e.id) ? { ...e, className: 'preview-marked' } : e)),
    [design, marked, flowId],
  );
  // A sketch until the learner reaches for the drawing; `zoomIn` when they asked for it with the button.
  const [reached, setReached] = useState<false | 'look' | 'zoomIn'>(false);
  const sketched = !reached && !!initial && initial.zoom < LINE_ZOOM;
  const fitLate = useCallback(
    (flow: ReactFlowInstance<FlowNode, FlowEdge>) => {
      const element = box.current;
      const viewport = element && fittedViewport(design, { width: element.clientWidth, height: element.clientHeight }, readable);
      if (viewport) void flow.setViewport(viewport);
    },
    [design, readable],
  );
  return (
    <Frame box={box} label={label} onReach={sketched ? () => setReached('look') : undefined}>
      {sketched && initial && (
        <>
          <DesignSketch design={design} viewport={initial} />
          <button
            type="button"
            aria-label="Zoom in"
            title="Zoom in"
            onClick={() => setReached('zoomIn')}
            className="absolute right-[15px] bottom-[15px] flex size-[27px] items-center justify-center border border-slate-200 bg-white text-slate-800 shadow-sm hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            <Plus aria-hidden className="size-3.5" />
          </button>
        </>
      )}
      {initial !== undefined && !sketched && (
        <ReactFlow<FlowNode, FlowEdge>
          id={flowId}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          connectionMode={ConnectionMode.Loose}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          defaultViewport={initial ?? undefined}
          onInit={(flow) => {
            if (!initial) requestAnimationFrame(() => fitLate(flow));
            else if (reached === 'zoomIn') {
              void flow.zoomIn();
              // The button pressed is gone: focus goes on to the drawing's own.
              box.current?.querySelector<HTMLElement>('.react-flow__controls-zoomin')?.focus();
            }
          }}
          minZoom={0.05}
          colorMode={resolvedTheme(theme)}
          proOptions={PRO}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
      )}
    </Frame>
  );
}
