/**
 * Auto-layout: a layered drawing packed for the canvas it will be seen in.
 *
 * dagre ranks the components by their connections and orders each rank to
 * limit crossings. The ranks are then laid out top to bottom or left to
 * right, a long rank wrapped onto several rows, a long run of ranks folded
 * into side-by-side bands, and the arrangement seen largest in the canvas,
 * with the fewest connection labels on boxes or on each other, wins. A
 * design of twenty components comes out about as wide as the canvas is,
 * instead of one long row of tiny boxes.
 *
 * Designs with populated boundaries use dagre's compound layout (boundaries
 * as clusters around their members), in whichever direction is seen larger.
 * dagre is loaded on first use so it never weighs on the initial load.
 */
import type Dagre from '@dagrejs/dagre';
import type { graphlib } from '@dagrejs/dagre';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Design, DesignEdge, Position } from '../../domain/diagram/schema.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { edgeLabel } from './edge-visuals.ts';
import { componentBox, endsBetween, labelBox, labelSizeOf, labelSpot } from './flow/edge-geometry.ts';
import { fitViewport, type Box } from './view-fit.ts';

type Dagre = typeof Dagre;

export type Direction = 'down' | 'across';

export interface LayoutResult {
  positions: Map<string, Position>;
  groups: Map<string, Position & { width: number; height: number }>;
  /** Which way the design reads. */
  direction: Direction;
  /** Whether it reads like lines of text: along a row, then the next row (or column by column). */
  wrapped: boolean;
}

export interface LayoutOptions {
  /** The canvas the design will be seen in, in screen pixels. */
  viewport?: { width: number; height: number };
  /** Parts of that canvas covered by the minimap and buttons. */
  obstacles?: readonly Box[];
}

/** The canvas at 1280x800 with every panel closed. */
const DEFAULT_VIEWPORT = { width: 1280, height: 756 };
/** The room the canvas's Fit view leaves around a design, in screen pixels. */
export const FIT_PADDING = 24;
/** Fit view never zooms in further than this. */
export const FIT_MAX_ZOOM = 1;

const GROUP_TITLE = 32;
const GROUP_PAD = 24;

/** Extent of a component along the ranks (main) and across them (cross). */
const EXTENT: Record<Direction, { main: number; cross: number }> = {
  down: { main: NODE_HEIGHT, cross: NODE_WIDTH },
  across: { main: NODE_WIDTH, cross: NODE_HEIGHT },
};
const CROSS_GAP: Record<Direction, number> = { down: 40, across: 32 };
/** Between two bands of ranks. */
const BAND_GAP = 80;
/** Between two ranks: room for a label line and its badge, or less when no label crosses. */
const RANK_GAP = { down: { labelled: 72, plain: 40 }, across: { min: 64, plain: 56, max: 280 } };

/** The zoom at which a component's name (14 px) is 11 px on screen. */
export const READABLE_ZOOM = 11 / 14;

/** How much a zoom is worth: everything up to readable, little beyond (tidiness matters more then). */
/** What a candidate layout pays, in zoom, for a label with no clear spot along its line, and for a line over a box. */
const FAULT_WEIGHT = { label: 0.01, line: 0.005 };

/** How readable a zoom is: up to names at 11 px every bit counts, and reaching 11 px is worth a label without a clear spot. */
const readability = (zoom: number) =>
  Math.min(zoom, READABLE_ZOOM) + (zoom >= READABLE_ZOOM ? FAULT_WEIGHT.label : 0) + 0.25 * Math.max(0, Math.min(zoom, 1) - READABLE_ZOOM);

/** Above this many components, candidates are judged on size alone (checking labels is quadratic). */
const CHECK_LABELS_UP_TO = 200;

const labelWidth = (text: string) => labelSizeOf(text, false).width;
const LABEL_HEIGHT = labelSizeOf('', false).height;

interface Candidate {
  positions: Map<string, Position>;
  bounds: Box;
  /** Which way the design reads: ranks that share a row read along it, then row after row. */
  direction: Direction;
  /** Whether ranks share rows (or columns), read in turn like lines of text. */
  wrapped: boolean;
  bands: number;
}

/** Ranks of the connected components, each in dagre's order, then the unconnected ones as a last rank. */
function rankComponents(dagre: Dagre, design: Design): { ranks: string[][]; cross: Map<string, number> } {
  const connected = new Set(design.edges.flatMap((e) => (e.source === e.target ? [] : [e.source, e.target])));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: CROSS_GAP.down, ranksep: RANK_GAP.down.plain });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of design.nodes) if (connected.has(node.id)) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of design.edges) if (edge.source !== edge.target && g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target, {}, edge.id);
  if (g.nodeCount() > 0) dagre.layout(g);
  const byRank = new Map<number, { id: string; x: number }[]>();
  const cross = new Map<string, number>();
  for (const id of g.nodes()) {
    const laid = g.node(id);
    const rank = Math.round(laid.y ?? 0);
    const row = byRank.get(rank);
    if (row) row.push({ id, x: laid.x ?? 0 });
    else byRank.set(rank, [{ id, x: laid.x ?? 0 }]);
    cross.set(id, laid.x ?? 0);
  }
  const ranks = [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row.sort((a, b) => a.x - b.x).map((r) => r.id));
  const loose = design.nodes.filter((n) => !connected.has(n.id)).map((n) => n.id);
  if (loose.length > 0) ranks.push(loose);
  return { ranks, cross };
}

/** `items` in `parts` contiguous runs of sizes differing by at most one. */
function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(items.length / parts) + (i < items.length % parts ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out.filter((part) => part.length > 0);
}

function arrange(
  ranks: readonly string[][],
  cross: ReadonlyMap<string, number>,
  labels: ReadonlyMap<string, { edge: DesignEdge; width: number }>,
  direction: Direction,
  perRow: number,
  bandCount: number,
  viewportOf: LayoutOptions,
  /** Whether consecutive short ranks share a row (a chain reads along the row, then on the next). */
  merge = false,
): Candidate {
  const extent = EXTENT[direction];
  const gap = CROSS_GAP[direction];
  // dagre's cross positions were computed for boxes side by side (top to bottom); scaled for the other direction.
  const scale = (extent.cross + gap) / (NODE_WIDTH + CROSS_GAP.down);

  // Long ranks wrap onto several rows, each centred where the rank was; short ones may share a row.
  const rows: { ids: string[]; desired: number[]; segments: number[] }[] = [];
  for (const rank of ranks) {
    const parts = Math.ceil(rank.length / perRow);
    const centre = rank.reduce((sum, id) => sum + (cross.get(id) ?? 0), 0) / rank.length;
    for (const ids of split(rank, parts)) {
      const desired = ids.map((id) => (parts === 1 && cross.has(id) ? cross.get(id)! : centre) * scale);
      const last = rows[rows.length - 1];
      if (merge && last && last.ids.length + ids.length <= perRow) {
        last.segments.push(last.ids.length);
        last.ids.push(...ids);
        last.desired.push(...desired);
      } else rows.push({ ids: [...ids], desired, segments: [0] });
    }
  }
  // Between two ranks sharing a row: room for the labels of the lines between them.
  const segmentGaps = rows.map((row) =>
    row.segments.slice(1).map((start, k) => {
      const before = new Set(row.ids.slice(row.segments[k], start));
      const after = new Set(row.ids.slice(start, row.segments[k + 2] ?? row.ids.length));
      let widest = 0;
      for (const { edge, width } of labels.values()) {
        if ((before.has(edge.source) && after.has(edge.target)) || (after.has(edge.source) && before.has(edge.target))) widest = Math.max(widest, width);
      }
      if (direction === 'across') return widest > 0 ? RANK_GAP.down.labelled : RANK_GAP.down.plain;
      return widest > 0 ? Math.min(RANK_GAP.across.max, Math.max(RANK_GAP.across.min, widest + 40)) : RANK_GAP.across.plain;
    }),
  );
  /** Offsets of a row's boxes along it, from its start, and its length. */
  const rowLayout = rows.map((row, i) => {
    const offsets: number[] = [];
    let at = 0;
    row.ids.forEach((_, k) => {
      if (k > 0) {
        const segment = row.segments.indexOf(k);
        at += extent.cross + (segment > 0 ? segmentGaps[i]![segment - 1]! : gap);
      }
      offsets.push(at);
    });
    return { offsets, length: at + extent.cross };
  });
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => row.ids.forEach((id) => rowOf.set(id, i)));

  // The gap after each row: room for the labels of the lines whose middle falls in it.
  const widest = new Array<number>(rows.length).fill(0);
  for (const { edge, width } of labels.values()) {
    const a = rowOf.get(edge.source);
    const b = rowOf.get(edge.target);
    if (a === undefined || b === undefined || a === b || (a + b) % 2 === 0) continue;
    const at = Math.floor((a + b) / 2);
    widest[at] = Math.max(widest[at]!, width);
  }
  const gapAfter = (i: number) =>
    direction === 'down'
      ? widest[i]! > 0
        ? RANK_GAP.down.labelled
        : RANK_GAP.down.plain
      : widest[i]! > 0
        ? Math.min(RANK_GAP.across.max, Math.max(RANK_GAP.across.min, widest[i]! + 40))
        : RANK_GAP.across.plain;

  // Rows fold into bands side by side (top to bottom: columns; left to right: stacked), cut where
  // the whole is seen largest: a long thin chain of ranks takes little room in a band of its own.
  const rowExtent = rowLayout.map((r) => r.length);
  const bandSize = (from: number, to: number) => {
    let main = 0;
    let across = 0;
    for (let i = from; i < to; i++) {
      main += extent.main + (i === to - 1 ? 0 : gapAfter(i));
      across = Math.max(across, rowExtent[i]!);
    }
    return { main, across };
  };
  const count = Math.min(bandCount, rows.length);
  let cuts: number[] = [0, rows.length];
  let bestZoom = -1;
  const consider = (candidate: number[]) => {
    const sizes = candidate.slice(1).map((to, b) => bandSize(candidate[b]!, to));
    const main = Math.max(...sizes.map((z) => z.main));
    const across = sizes.reduce((sum, z) => sum + z.across, 0) + (sizes.length - 1) * BAND_GAP;
    const box = direction === 'down' ? { x: 0, y: 0, width: across, height: main } : { x: 0, y: 0, width: main, height: across };
    const zoom = fittedZoom(box, viewportOf);
    if (zoom > bestZoom + 1e-9) {
      bestZoom = zoom;
      cuts = candidate;
    }
  };
  if (count === 1) consider([0, rows.length]);
  else if (count === 2) for (let a = 1; a < rows.length; a++) consider([0, a, rows.length]);
  else for (let a = 1; a < rows.length - 1; a++) for (let b = a + 1; b < rows.length; b++) consider([0, a, b, rows.length]);

  const positions = new Map<string, Position>();
  let crossOffset = 0;
  for (let band = 0; band + 1 < cuts.length; band++) {
    const from = cuts[band]!;
    const to = cuts[band + 1]!;
    const across = bandSize(from, to).across;
    let main = 0;
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      // One band: where dagre wanted each box (lines run straight), pushed apart where they would
      // overlap. Several: each row centred in its band, so the bands stay narrow.
      const starts: number[] = [];
      if (cuts.length === 2 && row.segments.length === 1) {
        row.desired.forEach((d, k) => starts.push(k === 0 ? d - extent.cross / 2 : Math.max(d - extent.cross / 2, starts[k - 1]! + extent.cross + gap)));
      } else {
        row.ids.forEach((_, k) => starts.push(crossOffset + (across - rowExtent[i]!) / 2 + rowLayout[i]!.offsets[k]!));
      }
      row.ids.forEach((id, k) => {
        const c = starts[k]!;
        positions.set(id, direction === 'down' ? { x: Math.round(c), y: Math.round(main) } : { x: Math.round(main), y: Math.round(c) });
      });
      main += extent.main + (i === to - 1 ? 0 : gapAfter(i));
    }
    crossOffset += across + BAND_GAP;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  const wrapped = rows.some((row) => row.segments.length > 1);
  return {
    positions,
    bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    direction: wrapped ? (direction === 'down' ? 'across' : 'down') : direction,
    wrapped,
    bands: cuts.length - 1,
  };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Does the segment (ax, ay)-(bx, by) cross the box? (Liang-Barsky clipping.) */
function segmentCrossesBox(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  const ps = [-dx, dx, -dy, dy];
  const qs = [ax - box.x, box.x + box.width - ax, ay - box.y, box.y + box.height - ay];
  for (let i = 0; i < 4; i++) {
    const p = ps[i]!;
    const q = qs[i]!;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

export interface LayoutFaults {
  /** Labels or line badges over a box, or over each other. */
  labelHits: number;
  /** Lines that pass over a box they do not join. */
  linesThroughBoxes: number;
}

/**
 * Where connection labels (and the finding badges above them) would land on
 * boxes or on each other, and lines that pass over other boxes, for the
 * given top-left corners: the same geometry the canvas draws with.
 */
export function layoutFaults(design: Design, positions: ReadonlyMap<string, Position>, badged: ReadonlySet<string> = new Set()): LayoutFaults {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const corner = (id: string) => positions.get(id) ?? byId.get(id)?.position;
  const boxes: Box[] = [];
  const owners: string[] = [];
  for (const node of design.nodes) {
    const p = corner(node.id)!;
    boxes.push(componentBox(p.x, p.y));
    owners.push(node.id);
  }
  const marks: Box[] = [];
  let labelHits = 0;
  let linesThroughBoxes = 0;
  for (const edge of design.edges) {
    const s = corner(edge.source);
    const t = corner(edge.target);
    if (!s || !t || edge.source === edge.target) continue;
    const text = edgeLabel(edge, byId.get(edge.source), byId.get(edge.target));
    if (text || badged.has(edge.id)) {
      // Placed as the canvas places it: off the boxes when there is a spot along the line.
      const size = labelSizeOf(text, badged.has(edge.id));
      const spot = labelSpot(endsBetween(s, t), size, boxes);
      if (!spot.clear) labelHits++;
      const mark = labelBox(spot, size);
      for (const other of marks) if (overlaps(mark, other)) labelHits++;
      marks.push(mark);
    }
    const centre = (p: Position) => ({ x: p.x + NODE_WIDTH / 2, y: p.y + NODE_HEIGHT / 2 });
    boxes.forEach((box, k) => {
      if (owners[k] === edge.source || owners[k] === edge.target) return;
      const inner = { x: box.x + 16, y: box.y + 16, width: box.width - 32, height: box.height - 16 };
      if (segmentCrossesBox(centre(s).x, centre(s).y, centre(t).x, centre(t).y, inner)) linesThroughBoxes++;
    });
  }
  return { labelHits, linesThroughBoxes };
}

/**
 * How large a design of these bounds is seen in the canvas once fitted, kept
 * clear of the minimap and buttons; with its component boxes, a drawing that
 * leaves that corner empty is not shrunk for it.
 */
export function fittedZoom(bounds: Box, options: LayoutOptions = {}, positions?: ReadonlyMap<string, Position>): number {
  const items = positions && [...positions.values()].map((p) => ({ x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT }));
  return fitViewport(bounds, options.viewport ?? DEFAULT_VIEWPORT, { padding: FIT_PADDING, minZoom: 0.02, maxZoom: FIT_MAX_ZOOM, obstacles: options.obstacles ?? [], ...(items ? { items } : {}) }).zoom;
}

function packed(dagre: Dagre, design: Design, options: LayoutOptions): Candidate {
  const { ranks, cross } = rankComponents(dagre, design);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const labels = new Map<string, { edge: DesignEdge; width: number }>();
  for (const edge of design.edges) {
    const text = edgeLabel(edge, byId.get(edge.source), byId.get(edge.target));
    if (text) labels.set(edge.id, { edge, width: labelWidth(text) });
  }
  const small = design.nodes.length <= CHECK_LABELS_UP_TO;
  const longest = Math.max(1, ...ranks.map((r) => r.length));
  const perRowChoices = small
    ? Array.from({ length: Math.max(longest, 8) }, (_, i) => Math.max(longest, 8) - i).filter((k) => k >= 2 || longest === 1)
    : [...new Set([longest, Math.ceil(Math.sqrt(design.nodes.length)), Math.ceil(Math.sqrt(design.nodes.length) * 2)])];
  const badged = small ? new Set(analyzeDesign(design).flatMap((f) => f.elementIds)) : new Set<string>();

  let best: { candidate: Candidate; score: number } | null = null;
  for (const direction of ['across', 'down'] as const) {
    for (const perRow of perRowChoices) {
      for (const [bandCount, merge] of [[1, false], [2, false], [3, false], [1, true], [2, true]] as const) {
        // Rows longer than the longest rank only make sense when ranks share them.
        if (!merge && perRow > longest) continue;
        const candidate = arrange(ranks, cross, labels, direction, perRow, bandCount, options, merge);
        if (candidate.bands < bandCount) continue;
        const zoom = fittedZoom(candidate.bounds, options, candidate.positions);
        const faults = small ? layoutFaults(design, candidate.positions, badged) : { labelHits: 0, linesThroughBoxes: 0 };
        // Seen larger is better; a label on a box or a line over a box costs a little of that, and so does each fold.
        const score = readability(zoom) - FAULT_WEIGHT.label * faults.labelHits - FAULT_WEIGHT.line * faults.linesThroughBoxes - 0.02 * (candidate.bands - 1);
        if (!best || score > best.score + 1e-9) best = { candidate, score };
      }
    }
  }
  return best!.candidate;
}

/** dagre's compound layout, for designs whose boundaries hold components. */
function clustered(dagre: Dagre, design: Design, rankdir: 'TB' | 'LR', ranker: 'network-simplex' | 'tight-tree', labelRoom = true): { graph: graphlib.Graph; bounds: Box } {
  const populated = new Set(design.nodes.flatMap((n) => (n.groupId !== undefined ? [n.groupId] : [])));
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir, ranker, nodesep: 40, ranksep: rankdir === 'TB' ? 56 : 64, edgesep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
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
    g.setEdge(edge.source, edge.target, label && labelRoom ? { width: labelWidth(label), height: LABEL_HEIGHT, labelpos: 'c' } : {}, edge.id);
  }
  dagre.layout(g);
  const graph = g.graph();
  return { graph: g, bounds: { x: 0, y: 0, width: graph.width ?? 0, height: graph.height ?? 0 } };
}

export async function layoutDesign(design: Design, options: LayoutOptions = {}): Promise<LayoutResult> {
  const dagre = (await import('@dagrejs/dagre')).default;
  const groups = new Map<string, Position & { width: number; height: number }>();
  const populated = new Set(design.nodes.flatMap((n) => (n.groupId !== undefined ? [n.groupId] : [])));
  if (populated.size === 0) {
    const best = packed(dagre, design, options);
    // Empty boundaries keep their size and go in a row under the drawing.
    let x = best.bounds.x;
    for (const group of design.groups) {
      groups.set(group.id, { x, y: best.bounds.y + best.bounds.height + 48, width: group.size.width, height: group.size.height });
      x += group.size.width + 32;
    }
    return { positions: best.positions, groups, direction: best.direction, wrapped: best.wrapped };
  }

  // Both directions with both of dagre's rankers that keep edges short; the one seen largest wins. Room for the
  // connections' labels takes a rank of its own between components: on a wide design (26 components in six
  // boundaries) that made it a third smaller on screen, so a top-down layout whose labels sit in the usual gap
  // between ranks is taken instead when it is seen a quarter larger or more.
  const zoomOf = (c: { bounds: Box }) => fittedZoom(c.bounds, options);
  const largest = <T extends { bounds: Box }>(cs: T[]) => cs.reduce((best, c) => (zoomOf(c) > zoomOf(best) ? c : best));
  const rankers = ['network-simplex', 'tight-tree'] as const;
  const roomy = largest((['across', 'down'] as const).flatMap((dir) => rankers.map((ranker) => ({ direction: dir, ...clustered(dagre, design, dir === 'down' ? 'TB' : 'LR', ranker) }))));
  const tight = largest(rankers.map((ranker) => ({ direction: 'down' as const, ...clustered(dagre, design, 'TB', ranker, false) })));
  const { graph: g, direction } = zoomOf(tight) >= 1.25 * zoomOf(roomy) ? tight : roomy;
  const positions = new Map<string, Position>();
  for (const node of design.nodes) {
    const laid = g.node(node.id);
    if (laid?.x !== undefined && laid.y !== undefined) positions.set(node.id, { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - NODE_HEIGHT / 2) });
  }
  for (const group of design.groups) {
    const laid = g.node(group.id);
    if (laid?.x === undefined || laid.y === undefined || laid.width === undefined || laid.height === undefined) continue;
    if (populated.has(group.id)) {
      // Fit the box to its members plus room for the title, whatever dagre's cluster padding did.
      const members = design.nodes.filter((n) => n.groupId === group.id).map((n) => positions.get(n.id)).filter((p): p is Position => !!p);
      const minX = Math.min(...members.map((p) => p.x)) - GROUP_PAD;
      const minY = Math.min(...members.map((p) => p.y)) - GROUP_PAD - GROUP_TITLE;
      const maxX = Math.max(...members.map((p) => p.x + NODE_WIDTH)) + GROUP_PAD;
      const maxY = Math.max(...members.map((p) => p.y + NODE_HEIGHT)) + GROUP_PAD;
      groups.set(group.id, { x: Math.round(minX), y: Math.round(minY), width: Math.round(maxX - minX), height: Math.round(maxY - minY) });
    } else {
      groups.set(group.id, { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2), width: Math.round(laid.width), height: Math.round(laid.height) });
    }
  }
  return { positions, groups, direction, wrapped: false };
}
