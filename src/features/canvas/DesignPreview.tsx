/**
 * A read-only drawing of a design (a reference solution, a shared design),
 * fitted to its box. `readable` never fits smaller than names can be read
 * (11 px): a larger design opens at its top-left corner, to be panned, and
 * the zoom buttons still show it whole. `marked` components and connections
 * are outlined and tagged with `markLabel` (what the reference has that yours
 * lacks, say).
 */
import { Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, ReactFlowProvider, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useId, useMemo, useRef, type CSSProperties } from 'react';
import { READABLE_ZOOM } from './layout.ts';
import { boundsOfBoxes, designBoxes, fitViewport } from './view-fit.ts';
import type { FlowEdge, FlowNode } from './flow/to-flow.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { resolvedTheme, useSettingsStore } from '../../stores/settings-store.ts';
import { ComponentNode } from './flow/ComponentNode.tsx';
import { DesignEdgeView } from './flow/DesignEdgeView.tsx';
import { GroupNode } from './flow/GroupNode.tsx';
import { NoteNode } from './flow/NoteNode.tsx';
import { toFlowEdges, toFlowNodes } from './flow/to-flow.ts';

const nodeTypes = { component: ComponentNode, group: GroupNode, note: NoteNode };
const edgeTypes = { design: DesignEdgeView };
const NONE: ReadonlySet<string> = new Set();
const PRO = { hideAttribution: true };

const PADDING = 24;

export function DesignPreview({ design, label, readable = false, marked = NONE, markLabel = '' }: {
  design: Design;
  label: string;
  readable?: boolean;
  marked?: ReadonlySet<string>;
  markLabel?: string;
}) {
  const theme = useSettingsStore((s) => s.theme);
  const box = useRef<HTMLDivElement>(null);
  const flowId = useId();
  const nodes = useMemo(
    () => toFlowNodes(design, NONE, flowId).map((n): FlowNode => (marked.has(n.id) ? { ...n, className: 'preview-marked', style: { '--preview-mark': JSON.stringify(markLabel) } as CSSProperties } : n)),
    [design, marked, markLabel, flowId],
  );
  const edges = useMemo(
    () => toFlowEdges(design, NONE, new Map(design.nodes.map((n) => [n.id, n])), flowId).map((e): FlowEdge => (marked.has(e.id) ? { ...e, className: 'preview-marked' } : e)),
    [design, marked, flowId],
  );
  const fit = useCallback(
    (flow: ReactFlowInstance<FlowNode, FlowEdge>) => {
      const element = box.current;
      const boxes = designBoxes(design);
      if (!element || boxes.length === 0) return;
      const size = { width: element.clientWidth, height: element.clientHeight };
      const bounds = boundsOfBoxes(boxes);
      const whole = fitViewport(bounds, size, { padding: PADDING, minZoom: 0.05, maxZoom: 1, obstacles: [] });
      // Too large to read whole: at the readable zoom, centred along a side that fits, else from its start (top, left).
      const z = READABLE_ZOOM;
      const along = (start: number, extent: number, room: number) => (extent * z + 2 * PADDING <= room ? (room - extent * z) / 2 - start * z : PADDING - start * z);
      const viewport =
        readable && whole.zoom < z ? { zoom: z, x: along(bounds.x, bounds.width, size.width), y: along(bounds.y, bounds.height, size.height) } : whole;
      void flow.setViewport(viewport);
    },
    [design, readable],
  );
  return (
    // A figure, not an image: it holds the zoom buttons, and a screen reader can read its components.
    <div ref={box} className="absolute inset-0" aria-label={label} role="figure">
      <ReactFlowProvider>
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
          onInit={(flow) => requestAnimationFrame(() => fit(flow))}
          minZoom={0.05}
          colorMode={resolvedTheme(theme)}
          proOptions={PRO}
        >
          <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
