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
 * In a design with populated boundaries, each boundary's members are packed
 * the same way into a block, for a few shapes of canvas (the whole, half,
 * a third...); the blocks and the other components are then ranked by dagre
 * and shelved in rows (or columns), a long rank on several, and again the
 * arrangement seen largest with the fewest faults wins.
 *
 * Reaching names at 11 px on screen outweighs any number of labels on boxes:
 * a drawing whose names cannot be read is not tidied by clear labels.
 * dagre is loaded on first use so it never weighs on the initial load.
 */
import type Dagre from '@dagrejs/dagre';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Design, DesignEdge, Position } from '../../domain/diagram/schema.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { edgeLabel } from './edge-visuals.ts';
import { componentBox, endsBetween, labelBox, labelSizeOf, labelSpot } from './flow/edge-geometry.ts';
import { boundsOfBoxes, FIT_PADDING, fitViewport, type Box } from './view-fit.ts';

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

/** What a candidate layout pays, in zoom, for a label with no clear spot along its line, and for a line over a box. */
const FAULT_WEIGHT = { label: 0.01, line: 0.005 };

/**
 * How readable a zoom is: up to names at 11 px every bit counts, reaching 11 px outweighs every fault a
 * layout can have, and beyond it a little more size is worth a little (tidiness matters more then).
 */
const readability = (zoom: number) =>
  Math.min(zoom, READABLE_ZOOM) + (zoom >= READABLE_ZOOM ? 1 : 0) + 0.25 * Math.max(0, Math.min(zoom, 1) - READABLE_ZOOM);

/** Above this many components, candidates are judged on size alone (checking labels is quadratic). */
const CHECK_LABELS_UP_TO = 200;
/** The same with boundaries, where there are many more candidates (a few thousand on 60 components). */
const CHECK_BLOCK_LABELS_UP_TO = 60;

const labelWidth = (text: string) => labelSizeOf(text, false).width;

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
function rankComponents(dagre: Dagre, design: Pick<Design, 'nodes' | 'edges'>): { ranks: string[][]; cross: Map<string, number> } {
  const connected = new Set(design.edges.flatMap((e) => (e.source === e.target ? [] : [e.source, e.target])));
  // One edge per pair, weighed by how many connections it stands for: dagre slows down on parallel edges.
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: CROSS_GAP.down, ranksep: RANK_GAP.down.plain });
  for (const node of design.nodes) if (connected.has(node.id)) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of design.edges) {
    if (edge.source === edge.target || !g.hasNode(edge.source) || !g.hasNode(edge.target)) continue;
    const label = g.edge(edge.source, edge.target) as { weight: number } | undefined;
    if (label) label.weight++;
    else g.setEdge(edge.source, edge.target, { weight: 1 });
  }
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
 * given top-left corners: the same geometry the canvas draws with. Counting
 * stops once the faults cost more than `worth` (a candidate that can no
 * longer win).
 */
export function layoutFaults(design: Design, positions: ReadonlyMap<string, Position>, badged: ReadonlySet<string> = new Set(), worth = Infinity): LayoutFaults {
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
    if (faultCost({ labelHits, linesThroughBoxes }) > worth) break;
  }
  return { labelHits, linesThroughBoxes };
}

/** What faults cost a candidate layout, in zoom. */
const faultCost = (faults: LayoutFaults) => FAULT_WEIGHT.label * faults.labelHits + FAULT_WEIGHT.line * faults.linesThroughBoxes;

/**
 * How large a design of these bounds is seen in the canvas once fitted, kept
 * clear of the minimap and buttons; with its component boxes (and boundary
 * frames), a drawing that
 * leaves that corner empty is not shrunk for it.
 */
export function fittedZoom(bounds: Box, options: LayoutOptions = {}, positions?: ReadonlyMap<string, Position>, frames: readonly Box[] = []): number {
  const items = positions && [...[...positions.values()].map((p) => ({ x: p.x, y: p.y, width: NODE_WIDTH, height: NODE_HEIGHT })), ...frames];
  return fitViewport(bounds, options.viewport ?? DEFAULT_VIEWPORT, { padding: FIT_PADDING, minZoom: 0.02, maxZoom: FIT_MAX_ZOOM, obstacles: options.obstacles ?? [], ...(items ? { items } : {}) }).zoom;
}

/** What packing a design needs that does not depend on the canvas: its ranks, and the connections with findings (badged). */
interface Prepared {
  ranks: string[][];
  cross: Map<string, number>;
  badged: ReadonlySet<string>;
}

function prepare(dagre: Dagre, design: Design, badged?: ReadonlySet<string>): Prepared {
  const small = design.nodes.length <= CHECK_LABELS_UP_TO;
  return { ...rankComponents(dagre, design), badged: badged ?? (small ? new Set(analyzeDesign(design).flatMap((f) => f.elementIds)) : new Set()) };
}

function packed(dagre: Dagre, design: Design, options: LayoutOptions, { ranks, cross, badged }: Prepared = prepare(dagre, design)): Candidate {
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

  const candidates: { laid: Candidate; worth: number }[] = [];
  for (const direction of ['across', 'down'] as const) {
    for (const perRow of perRowChoices) {
      for (const [bandCount, merge] of [[1, false], [2, false], [3, false], [1, true], [2, true]] as const) {
        // Rows longer than the longest rank only make sense when ranks share them.
        if (!merge && perRow > longest) continue;
        const laid = arrange(ranks, cross, labels, direction, perRow, bandCount, options, merge);
        if (laid.bands < bandCount) continue;
        // Seen larger is better; a label on a box or a line over a box costs a little of that, and so does each fold.
        candidates.push({ laid, worth: readability(fittedZoom(laid.bounds, options, laid.positions)) - 0.02 * (laid.bands - 1) });
      }
    }
  }
  return bestOf(candidates, (positions, worth) => (small ? faultCost(layoutFaults(design, positions, badged, worth)) : 0));
}

/**
 * The candidate whose worth less the cost of its faults is highest. Faults
 * only ever lower a score, so candidates are tried from the most worth down
 * and the search ends at one worth no more than the best score so far.
 */
function bestOf<T extends { positions: ReadonlyMap<string, Position> }>(candidates: { laid: T; worth: number }[], faults: (positions: ReadonlyMap<string, Position>, worth: number) => number): T {
  candidates.sort((a, b) => b.worth - a.worth);
  let best = candidates[0]!.laid;
  let bestScore = -Infinity;
  for (const { laid, worth } of candidates) {
    if (worth <= bestScore + 1e-9) break;
    const score = worth - faults(laid.positions, worth - bestScore);
    if (score > bestScore + 1e-9) {
      best = laid;
      bestScore = score;
    }
  }
  return best;
}

/** A boundary with its members laid out inside it, or a component on its own: the top level places it whole. */
interface Block {
  id: string;
  width: number;
  height: number;
  /** Top-left corners of the components in it, from the block's top-left corner. */
  members: Map<string, Position>;
  /** Set when the block is a boundary's frame. */
  group?: string;
}

/** Above this many blocks, ranks come from a longest-path walk instead of dagre. */
const DAGRE_RANKS_UP_TO = 200;

/** At most this many row lengths are tried for one packing of the boundaries. */
const ROW_LENGTHS = 200;

/** Between two blocks side by side, and between two rows of blocks: room for a label line and its badge. */
const BLOCK_GAP = { cross: 48, main: 72 };

/** A populated boundary's members as a design of their own, with the connections between them. */
interface Inside {
  group: string;
  design: Design;
  prepared: Prepared;
}

function insides(dagre: Dagre, design: Design, badged: ReadonlySet<string>): Inside[] {
  return design.groups.flatMap((group) => {
    const members = design.nodes.filter((n) => n.groupId === group.id);
    if (members.length === 0) return [];
    const ids = new Set(members.map((n) => n.id));
    const sub: Design = {
      ...design,
      nodes: members.map(({ groupId: _, ...n }) => n),
      edges: design.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      groups: [],
      notes: [],
      flows: [],
    };
    return [{ group: group.id, design: sub, prepared: prepare(dagre, sub, badged) }];
  });
}

/** Each populated boundary's members packed for `inner` (a part of the canvas), framed; every other component a block of its own. */
function blocksOf(dagre: Dagre, design: Design, inside: readonly Inside[], inner: LayoutOptions): Block[] {
  const blocks: Block[] = [];
  for (const { group, design: sub, prepared } of inside) {
    const laid = packed(dagre, sub, inner, prepared);
    const offset = new Map<string, Position>();
    for (const [id, p] of laid.positions) offset.set(id, { x: p.x - laid.bounds.x + GROUP_PAD, y: p.y - laid.bounds.y + GROUP_PAD + GROUP_TITLE });
    blocks.push({ id: group, group, width: laid.bounds.width + 2 * GROUP_PAD, height: laid.bounds.height + 2 * GROUP_PAD + GROUP_TITLE, members: offset });
  }
  for (const node of design.nodes) {
    if (node.groupId === undefined) blocks.push({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT, members: new Map([[node.id, { x: 0, y: 0 }]]) });
  }
  // A boundary with nothing in it keeps its size, with the unconnected components.
  const filled = new Set(inside.map((i) => i.group));
  for (const group of design.groups) {
    if (!filled.has(group.id)) blocks.push({ id: group.id, group: group.id, width: group.size.width, height: group.size.height, members: new Map() });
  }
  return blocks;
}

/**
 * Blocks in dagre's ranks, shelved: top to bottom, each rank a row (or
 * several, where it is longer than `limit`), or with `merge` consecutive
 * ranks sharing a row; left to right the same with rows as columns. Rows
 * are centred, or start at the same edge (which leaves the far corner, where
 * the minimap sits, empty when the last rows are short).
 */
function shelve(ranks: readonly string[][], byId: ReadonlyMap<string, Block>, direction: Direction, limit: number, merge: boolean, centred: boolean): Map<string, Position> {
  const main = (b: Block) => (direction === 'down' ? b.height : b.width);
  const cross = (b: Block) => (direction === 'down' ? b.width : b.height);
  const rows: { blocks: Block[]; length: number }[] = [];
  for (const rank of ranks) {
    let row = merge ? rows[rows.length - 1] : undefined;
    for (const id of rank) {
      const block = byId.get(id)!;
      if (!row || row.length + BLOCK_GAP.cross + cross(block) > limit) {
        row = { blocks: [block], length: cross(block) };
        rows.push(row);
      } else {
        row.blocks.push(block);
        row.length += BLOCK_GAP.cross + cross(block);
      }
    }
  }
  const widest = Math.max(...rows.map((row) => row.length));
  const positions = new Map<string, Position>();
  let at = 0;
  for (const { blocks: row, length } of rows) {
    let along = centred ? (widest - length) / 2 : 0;
    const deepest = Math.max(...row.map(main));
    for (const block of row) {
      // Centred across the row's depth, so a short block lines up with its taller neighbours' middles.
      const m = at + (deepest - main(block)) / 2;
      positions.set(block.id, direction === 'down' ? { x: Math.round(along), y: Math.round(m) } : { x: Math.round(m), y: Math.round(along) });
      along += cross(block) + BLOCK_GAP.cross;
    }
    at += deepest + BLOCK_GAP.main;
  }
  return positions;
}

interface Laid {
  positions: Map<string, Position>;
  groups: Map<string, Position & { width: number; height: number }>;
  direction: Direction;
}

/**
 * The blocks in dagre's ranks, joined where any of their components are.
 * Above a few hundred blocks dagre takes many seconds (long edges between
 * the boundaries make it order thousands of dummy boxes): each block then
 * goes one rank below the lowest block calling it, in the order found.
 */
function rankBlocks(dagre: Dagre, design: Design, blocks: readonly Block[]): string[][] {
  const blockOf = new Map<string, string>();
  for (const b of blocks) for (const id of b.members.keys()) blockOf.set(id, b.id);
  const edges = design.edges.flatMap((e) => {
    const source = blockOf.get(e.source);
    const target = blockOf.get(e.target);
    return source && target && source !== target ? [{ ...e, source, target }] : [];
  });
  if (blocks.length <= DAGRE_RANKS_UP_TO) return rankComponents(dagre, { nodes: blocks.map((b) => ({ id: b.id })) as Design['nodes'], edges }).ranks;
  return longestPathRanks(blocks.map((b) => b.id), edges);
}

/** Ranks by the longest path from a block nothing calls, the calls that close a cycle left out. */
function longestPathRanks(ids: readonly string[], edges: readonly { source: string; target: string }[]): string[][] {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) out.get(e.source)!.push(e.target);
  // Depth-first, without recursion: a call to a block still being walked closes a cycle and is left out.
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.id)!;
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        if (!state.has(target)) {
          state.set(target, 'open');
          stack.push({ id: target, next: 0 });
        } else if (state.get(target) === 'open') targets.splice(--top.next, 1);
      } else {
        state.set(top.id, 'done');
        order.push(top.id);
        stack.pop();
      }
    }
  }
  const rank = new Map<string, number>();
  for (const id of order.reverse()) {
    const r = rank.get(id) ?? 0;
    rank.set(id, r);
    for (const target of out.get(id)!) rank.set(target, Math.max(rank.get(target) ?? 0, r + 1));
  }
  const ranks: string[][] = [];
  for (const id of ids) (ranks[rank.get(id)!] ??= []).push(id);
  return ranks.filter((r) => r !== undefined);
}

/** Boundaries packed inside, then shelved as blocks: one candidate per part of the canvas they are packed for, direction, row length and merging. */
function blockCandidates(dagre: Dagre, design: Design, options: LayoutOptions, badged: ReadonlySet<string>): Laid[] {
  const inside = insides(dagre, design, badged);
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const parts = [
    { width: viewport.width, height: viewport.height },
    { width: viewport.width / 2, height: viewport.height },
    { width: viewport.width, height: viewport.height / 2 },
    { width: viewport.width / 3, height: viewport.height },
    { width: viewport.width / 2, height: viewport.height / 2 },
    { width: viewport.width / 3, height: viewport.height / 2 },
  ];
  const out: Laid[] = [];
  const shapes = new Set<string>();
  let ranks: string[][] | undefined;
  for (const part of parts) {
    const blocks = blocksOf(dagre, design, inside, { viewport: part });
    // Two parts of the canvas may pack every boundary the same way.
    const shape = blocks.map((b) => `${b.width}x${b.height}`).join(' ');
    if (shapes.has(shape)) continue;
    shapes.add(shape);
    const byId = new Map(blocks.map((b) => [b.id, b]));
    ranks ??= rankBlocks(dagre, design, blocks);
    for (const direction of ['down', 'across'] as const) {
      const cross = (b: Block) => (direction === 'down' ? b.width : b.height);
      // Row lengths to try: every length a row can take (a run of blocks in the order they are shelved), or a
      // spread of them when there are many.
      const order = ranks.flat().map((id) => cross(byId.get(id)!));
      const runs = new Set<number>();
      for (let i = 0; i < order.length; i++) {
        let length = -BLOCK_GAP.cross;
        for (let j = i; j < order.length; j++) runs.add((length += order[j]! + BLOCK_GAP.cross));
      }
      const sorted = [...runs].sort((a, b) => a - b);
      const limits = sorted.length <= ROW_LENGTHS ? sorted : Array.from({ length: ROW_LENGTHS }, (_, k) => sorted[Math.round((k * (sorted.length - 1)) / (ROW_LENGTHS - 1))]!);
      const seen = new Set<string>();
      for (const limit of limits) {
        for (const [merge, centred] of [[false, true], [true, true], [false, false], [true, false]] as const) {
          const at = shelve(ranks, byId, direction, limit, merge, centred);
          const key = [...at.values()].map((p) => `${p.x},${p.y}`).join(' ');
          if (seen.has(key)) continue;
          seen.add(key);
          const positions = new Map<string, Position>();
          const groups = new Map<string, Position & { width: number; height: number }>();
          for (const block of blocks) {
            const corner = at.get(block.id)!;
            for (const [id, p] of block.members) positions.set(id, { x: corner.x + p.x, y: corner.y + p.y });
            if (block.group) groups.set(block.group, { ...corner, width: Math.round(block.width), height: Math.round(block.height) });
          }
          out.push({ positions, groups, direction });
        }
      }
    }
  }
  return out;
}

export async function layoutDesign(design: Design, options: LayoutOptions = {}): Promise<LayoutResult> {
  const dagre = (await import('@dagrejs/dagre')).default;
  const populated = new Set(design.nodes.flatMap((n) => (n.groupId !== undefined ? [n.groupId] : [])));
  if (populated.size === 0) {
    const best = packed(dagre, design, options);
    return { positions: best.positions, groups: emptyGroupsUnder(design, best.bounds, new Map()), direction: best.direction, wrapped: best.wrapped };
  }

  // The boundaries packed on their own, then shelved with the other components: the arrangement seen largest,
  // with the fewest labels on boxes and lines over boxes, wins. (dagre's compound layout lays boundaries out in
  // one long layer: the two references with boundaries came out at 6 and 7 px.)
  const small = design.nodes.length <= CHECK_BLOCK_LABELS_UP_TO;
  const badged = small ? new Set(analyzeDesign(design).flatMap((f) => f.elementIds)) : new Set<string>();
  const candidates = blockCandidates(dagre, design, options, badged).map((laid) => ({ laid, worth: readability(fittedZoom(boundsOfBoxes(drawnBoxes(laid)), options, laid.positions, [...laid.groups.values()])) }));
  const best = bestOf(candidates, (positions, worth) => (small ? faultCost(layoutFaults(design, positions, badged, worth)) : 0));
  const { positions, groups, direction } = best;
  return { positions, groups: emptyGroupsUnder(design, boundsOfBoxes(drawnBoxes(best)), groups), direction, wrapped: false };
}

/** Boundaries with nothing in them keep their size and go in a row under the drawing. */
function emptyGroupsUnder(design: Design, bounds: Box, placed: Map<string, Position & { width: number; height: number }>) {
  let x = bounds.x;
  for (const group of design.groups) {
    if (placed.has(group.id)) continue;
    placed.set(group.id, { x, y: bounds.y + bounds.height + 48, width: group.size.width, height: group.size.height });
    x += group.size.width + 32;
  }
  return placed;
}

/** Everything drawn: the components and the boundaries' frames. */
const drawnBoxes = (laid: Laid): Box[] => [...[...laid.positions.values()].map((p) => ({ ...p, width: NODE_WIDTH, height: NODE_HEIGHT })), ...laid.groups.values()];
