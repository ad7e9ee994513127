/**
 * A design seen whole from far out, as one SVG: what React Flow draws below
 * LINE_ZOOM (flow/detail.ts), plain boxes with their category's stripe and
 * solid lines in their family's colour, where names are a few pixels tall
 * and cannot be read. A box is a piece of a path, not an element: a
 * thousand components and three thousand connections are a dozen paths,
 * drawn in a few milliseconds, where React Flow builds and measures a
 * thousand boxes and three thousand lines first.
 */
import { getBezierPath } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { getKind } from '../../domain/diagram/catalog.ts';
import { absolutePosition, NODE_HEIGHT, NODE_WIDTH, NOTE_SIZE } from '../../domain/diagram/edit-operations.ts';
import type { CategoryId } from '../../domain/diagram/catalog.ts';
import type { Design, DesignEdge } from '../../domain/diagram/schema.ts';
import { FAMILY_STROKE } from './edge-visuals.ts';
import { CATEGORY_STRIPE_FILL } from './kind-visuals.ts';
import { endsBetween } from './flow/edge-geometry.ts';
import type { Viewport } from './view-fit.ts';

const STRIPE = 4;
const FAMILIES: readonly DesignEdge['family'][] = ['data', 'async', 'sync'];

/** A rectangle with rounded corners as a piece of path data. */
function rect(x: number, y: number, width: number, height: number, r: number): string {
  return `M${x + r} ${y}h${width - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${height - 2 * r}a${r} ${r} 0 0 1 -${r} ${r}h-${width - 2 * r}a${r} ${r} 0 0 1 -${r} -${r}v-${height - 2 * r}a${r} ${r} 0 0 1 ${r} -${r}z`;
}

function sketchPaths(design: Design) {
  const corner = new Map(design.nodes.map((n) => [n.id, absolutePosition(design, n)]));
  const boxes: string[] = [];
  const stripes = new Map<CategoryId, string[]>();
  for (const node of design.nodes) {
    const { x, y } = corner.get(node.id)!;
    boxes.push(rect(x, y, NODE_WIDTH, NODE_HEIGHT, 8));
    const category = getKind(node.kind).category;
    const list = stripes.get(category) ?? [];
    list.push(`M${x} ${y + 1}h${STRIPE}v${NODE_HEIGHT - 2}h-${STRIPE}z`);
    stripes.set(category, list);
  }
  const lines = new Map<DesignEdge['family'], string[]>();
  for (const edge of design.edges) {
    const source = corner.get(edge.source);
    const target = corner.get(edge.target);
    if (!source || !target) continue;
    const [path] = getBezierPath(endsBetween(source, target));
    const list = lines.get(edge.family) ?? [];
    list.push(path);
    lines.set(edge.family, list);
  }
  return {
    boxes: boxes.join(''),
    stripes: [...stripes].map(([category, parts]) => [category, parts.join('')] as const),
    lines: FAMILIES.map((family) => [family, (lines.get(family) ?? []).join('')] as const).filter(([, d]) => d),
  };
}

export const DesignSketch = memo(function DesignSketch({ design, viewport }: { design: Design; viewport: Viewport }) {
  const paths = useMemo(() => sketchPaths(design), [design]);
  return (
    <svg aria-hidden className="absolute inset-0 size-full">
      <g transform={`translate(${viewport.x} ${viewport.y}) scale(${viewport.zoom})`}>
        {design.groups.map((g) => (
          <rect
            key={g.id}
            x={g.position.x}
            y={g.position.y}
            width={g.size.width}
            height={g.size.height}
            rx={12}
            strokeWidth={2}
            strokeDasharray="6 4"
            className="fill-slate-50/50 stroke-slate-400 dark:fill-slate-900/40 dark:stroke-slate-600"
          />
        ))}
        {design.notes.map((n) => {
          const { x, y } = absolutePosition(design, n);
          const size = n.size ?? NOTE_SIZE;
          return <rect key={n.id} x={x} y={y} width={size.width} height={size.height} rx={6} className="fill-yellow-50 stroke-yellow-300 dark:fill-yellow-950/60 dark:stroke-yellow-800" />;
        })}
        {paths.lines.map(([family, d]) => (
          <path key={family} d={d} fill="none" stroke={FAMILY_STROKE[family].colour} strokeWidth={1.75} strokeLinecap="round" />
        ))}
        {/* A box's border and shadow, a fraction of a pixel here, still outline it in React Flow: a hairline does here. */}
        <path d={paths.boxes} strokeWidth={0.75} vectorEffect="non-scaling-stroke" className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-700" />
        {paths.stripes.map(([category, d]) => (
          <path key={category} d={d} className={CATEGORY_STRIPE_FILL[category]} />
        ))}
      </g>
    </svg>
  );
});
