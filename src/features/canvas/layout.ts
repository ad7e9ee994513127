/**
 * Auto-layout with dagre (layered drawing, left to right): components in
 * layers by their connections, boundaries as clusters around their members.
 * dagre is loaded on first use so it never weighs on the initial load.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Design, Position } from '../../domain/diagram/schema.ts';
import { edgeLabel } from './edge-visuals.ts';

export interface LayoutResult {
  positions: Map<string, Position>;
  groups: Map<string, Position & { width: number; height: number }>;
}

const GROUP_TITLE = 32;
const GROUP_PAD = 24;
/** Connection labels are 11 px text: about 6 px a character, plus the halo around them. */
const LABEL_CHAR_WIDTH = 6;
const LABEL_PAD = 12;
const LABEL_HEIGHT = 16;

export async function layoutDesign(design: Design): Promise<LayoutResult> {
  const dagre = (await import('@dagrejs/dagre')).default;
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 64, edgesep: 24, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));

  const populated = new Set(design.nodes.flatMap((n) => (n.groupId !== undefined ? [n.groupId] : [])));
  for (const group of design.groups) {
    if (populated.has(group.id)) g.setNode(group.id, { paddingTop: GROUP_TITLE, paddingLeft: GROUP_PAD, paddingRight: GROUP_PAD, paddingBottom: GROUP_PAD });
    else g.setNode(group.id, { width: group.size.width, height: group.size.height });
  }
  for (const node of design.nodes) {
    g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    if (node.groupId !== undefined) g.setParent(node.id, node.groupId);
  }
  // Room for each connection's label between the layers, so text is not hidden under the boxes it joins.
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  for (const edge of design.edges) {
    const label = edgeLabel(edge, byId.get(edge.source), byId.get(edge.target));
    g.setEdge(edge.source, edge.target, label ? { width: label.length * LABEL_CHAR_WIDTH + LABEL_PAD, height: LABEL_HEIGHT, labelpos: 'c' } : {}, edge.id);
  }

  dagre.layout(g);

  const positions = new Map<string, Position>();
  for (const node of design.nodes) {
    const laid = g.node(node.id);
    if (laid?.x !== undefined && laid.y !== undefined) positions.set(node.id, { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - NODE_HEIGHT / 2) });
  }
  const groups = new Map<string, Position & { width: number; height: number }>();
  for (const group of design.groups) {
    const laid = g.node(group.id);
    if (laid?.x === undefined || laid.y === undefined || laid.width === undefined || laid.height === undefined) continue;
    const box = { x: laid.x - laid.width / 2, y: laid.y - laid.height / 2, width: laid.width, height: laid.height };
    if (populated.has(group.id)) {
      // Fit the box to its members plus room for the title, whatever dagre's cluster padding did.
      const members = design.nodes.filter((n) => n.groupId === group.id).map((n) => positions.get(n.id)).filter((p): p is Position => !!p);
      const minX = Math.min(...members.map((p) => p.x)) - GROUP_PAD;
      const minY = Math.min(...members.map((p) => p.y)) - GROUP_PAD - GROUP_TITLE;
      const maxX = Math.max(...members.map((p) => p.x + NODE_WIDTH)) + GROUP_PAD;
      const maxY = Math.max(...members.map((p) => p.y + NODE_HEIGHT)) + GROUP_PAD;
      groups.set(group.id, { x: Math.round(minX), y: Math.round(minY), width: Math.round(maxX - minX), height: Math.round(maxY - minY) });
    } else {
      groups.set(group.id, { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) });
    }
  }
  return { positions, groups };
}
