/**
 * The reference for `npm run bench`: the same generated design on a plain
 * React Flow page (default nodes and edges, the state-hook pattern from React
 * Flow's documentation), so the canvas is compared with the library alone.
 * `?n=` sets the number of components; `?minZoom=` React Flow's minimum zoom
 * (0.5 is its default, at which fitView shows part of a large design).
 */
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { generateDesign } from '../../src/testing/generate-design.ts';

const params = new URLSearchParams(location.search);
const design = generateDesign(Number(params.get('n') ?? 1000));
const minZoom = Number(params.get('minZoom') ?? 0.5);
const initialNodes: Node[] = design.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.name } }));
const edges: Edge[] = design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

function Reference() {
  const [nodes, setNodes] = useState(initialNodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  return <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} fitView minZoom={minZoom} />;
}

createRoot(document.getElementById('root')!).render(<Reference />);
