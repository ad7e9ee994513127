/**
 * The step being walked through, drawn on the canvas: its connection thick
 * and coloured, its two components outlined, the steps already taken half
 * dimmed and everything else dimmed. A tag beside the connection says which
 * step it is and whether it happens after the response, so colour is never
 * the only signal. Drawn with a style sheet keyed on element ids, so the
 * canvas's nodes and edges are not rebuilt for it.
 */
import { getBezierPath, useInternalNode, useStore } from '@xyflow/react';
import { CANVAS_ELEMENT_ID } from '../canvas-context.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../domain/diagram/edit-operations.ts';
import { endsBetween } from '../flow/edge-geometry.ts';
import { tagSpot } from './walk-view.ts';
import { useMemo } from 'react';
import { nextStepCandidates } from '../../../domain/diagram/flow-edits.ts';
import { useStructuralDesign } from '../../../stores/editor/structural-design.ts';
import { resolverFor, useWalkView } from './use-flows.ts';
import { useWalkStore } from './walk-store.ts';

/** In request, and after the response: blue-600 / violet-700, and blue-400 / violet-400 in dark mode. */
const STROKE = { request: ['#2563eb', '#60a5fa'], after: ['#6d28d9', '#a78bfa'] } as const;

function ids(list: Iterable<string>, element: 'node' | 'edge', suffix = '') {
  return [...list].map((id) => `#${CANVAS_ELEMENT_ID} .react-flow__${element}[data-id="${CSS.escape(id)}"]${suffix}`).join(',\n');
}

export function walkStyles(current: { edge: string; source: string; target: string; after: boolean }, walkedNodes: Iterable<string>, walkedEdges: Iterable<string>): string {
  const scope = `#${CANVAS_ELEMENT_ID}:not([data-exporting])`;
  const [light, dark] = current.after ? STROKE.after : STROKE.request;
  const walkedN = [...walkedNodes];
  const walkedE = [...walkedEdges];
  const here = [current.source, current.target];
  return `
${scope} .react-flow__node, ${scope} .react-flow__edge { opacity: 0.22; transition: opacity 150ms; }
${walkedN.length > 0 ? `${ids(walkedN, 'node')} { opacity: 0.6; }` : ''}
${walkedE.length > 0 ? `${ids(walkedE, 'edge')} { opacity: 0.6; }` : ''}
${ids(here, 'node')}, ${ids([current.edge], 'edge')} { opacity: 1; }
${ids(here, 'node', ' > *')} { outline: 3px solid ${light}; outline-offset: 3px; }
.dark ${ids(here, 'node', ' > *')} { outline-color: ${dark}; }
${ids([current.edge], 'edge', ' .react-flow__edge-path')} { stroke: ${light} !important; stroke-width: 4px !important; }
.dark ${ids([current.edge], 'edge', ' .react-flow__edge-path')} { stroke: ${dark} !important; }
`;
}

/** While a flow is edited: its steps and components stand out, the connections that can come next stay clear, the rest fades. */
export function editStyles(flowEdges: Iterable<string>, flowNodes: Iterable<string>, candidates: Iterable<string>): string {
  const scope = `#${CANVAS_ELEMENT_ID}:not([data-exporting])`;
  const edges = [...flowEdges];
  const nodes = [...flowNodes];
  const next = [...candidates];
  const [light, dark] = STROKE.request;
  return `
${scope} .react-flow__node, ${scope} .react-flow__edge { opacity: 0.4; transition: opacity 150ms; }
${[...nodes.length > 0 ? [ids(nodes, 'node')] : [], ...edges.length + next.length > 0 ? [ids([...edges, ...next], 'edge')] : []].join(',\n')} { opacity: 1; }
${edges.length > 0 ? `${ids(edges, 'edge', ' .react-flow__edge-path')} { stroke: ${light} !important; stroke-width: 3px !important; }
.dark ${ids(edges, 'edge', ' .react-flow__edge-path')} { stroke: ${dark} !important; }` : ''}
`;
}

const selectTransform = (s: { transform: [number, number, number] }) => s.transform;

/** About 7 px a character at 12 px semibold, plus the padding and border. */
const tagSize = (text: string) => ({ width: text.length * 7 + 16, height: 22 });

function StepTag({ source, target, text, after }: { source: string; target: string; text: string; after: boolean }) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const [x, y, zoom] = useStore(selectTransform);
  if (!from || !to) return null;
  const a = from.internals.positionAbsolute;
  const b = to.internals.positionAbsolute;
  const [, midX, midY] = getBezierPath(endsBetween(a, b));
  const onScreen = (p: { x: number; y: number }) => ({ x: p.x * zoom + x, y: p.y * zoom + y, width: NODE_WIDTH * zoom, height: NODE_HEIGHT * zoom });
  const spot = tagSpot({ x: midX * zoom + x, y: midY * zoom + y }, tagSize(text), [onScreen(a), onScreen(b)]);
  const tone = after
    ? 'border-violet-700 bg-violet-50 text-violet-950 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-50'
    : 'border-blue-700 bg-blue-50 text-blue-950 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-50';
  return (
    <div
      aria-hidden
      data-walk-tag
      className={`pointer-events-none absolute left-0 top-0 z-[6] whitespace-nowrap rounded-md border-2 px-1.5 py-0.5 text-xs font-semibold shadow-sm ${tone}`}
      style={{ transform: `translate(${Math.round(spot.x)}px, ${Math.round(spot.y)}px)` }}
    >
      {text}
    </div>
  );
}

function EditedFlow({ flowId }: { flowId: string }) {
  const design = useStructuralDesign();
  const styles = useMemo(() => {
    const flow = design.flows.find((f) => f.id === flowId);
    const resolved = flow ? resolverFor(design)(flow) : null;
    if (!flow || !resolved) return null;
    const candidates = nextStepCandidates(design, flow.steps).map((e) => e.id);
    const last = resolved.steps.at(-1);
    return {
      css: editStyles(resolved.steps.map((s) => s.edge.id), resolved.nodes, candidates),
      last: last ? { source: last.edge.source, target: last.edge.target, text: `Last step: ${last.index + 1}`, after: last.afterResponse } : null,
    };
  }, [design, flowId]);
  if (!styles) return null;
  return (
    <>
      <style>{styles.css}</style>
      {styles.last && <StepTag {...styles.last} />}
    </>
  );
}

export function FlowWalkHighlight() {
  const view = useWalkView();
  const editing = useWalkStore((s) => s.editing);
  if (!view) return editing ? <EditedFlow flowId={editing} /> : null;
  const { flow, index } = view;
  const current = flow.steps[index]!;
  const walkedEdges = flow.steps.slice(0, index).map((s) => s.edge.id);
  const walkedNodes = new Set<string>([flow.entry]);
  for (const s of flow.steps.slice(0, index)) walkedNodes.add(s.edge.target);
  const edge = current.edge;
  const parts = [`Step ${index + 1} of ${flow.steps.length}`];
  if (current.step.when === 'on-miss') parts.push('on a miss');
  if (current.afterResponse) parts.push('after the response');
  return (
    <>
      <style>{walkStyles({ edge: edge.id, source: edge.source, target: edge.target, after: current.afterResponse }, walkedNodes, walkedEdges)}</style>
      <StepTag source={edge.source} target={edge.target} text={parts.join(' · ')} after={current.afterResponse} />
    </>
  );
}
