/** A read-only drawing of a design (for example a reference solution), fitted to its box. */
import { Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
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

export function DesignPreview({ design, label }: { design: Design; label: string }) {
  const theme = useSettingsStore((s) => s.theme);
  const nodes = useMemo(() => toFlowNodes(design, NONE), [design]);
  const edges = useMemo(() => toFlowEdges(design, NONE, new Map(design.nodes.map((n) => [n.id, n]))), [design]);
  return (
    // A figure, not an image: it holds the zoom buttons, and a screen reader can read its components.
    <div className="absolute inset-0" aria-label={label} role="figure">
      <ReactFlowProvider>
        <ReactFlow
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
          fitView
          onInit={(flow) => setTimeout(() => void flow.fitView({ padding: 0.1, maxZoom: 1 }), 80)}
          minZoom={0.1}
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
