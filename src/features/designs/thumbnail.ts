/**
 * A small picture of a design for the library: boxes in their category
 * colours and lines styled by family, no text. Built as SVG markup from the
 * design itself, so it is always current and carries no user text.
 */
import { CATEGORY_COLOUR } from '../../components/ui/category-colours.ts';
import { getKind } from '../../domain/diagram/catalog.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Design } from '../../domain/diagram/schema.ts';

const WIDTH = 320;
const HEIGHT = 180;
const DASH = { sync: '', async: ' stroke-dasharray="10 8"', data: ' stroke-dasharray="3 6"' } as const;

export function designThumbnail(design: Design, dark: boolean): string {
  const groups = new Map(design.groups.map((g) => [g.id, g]));
  const boxes = new Map(
    design.nodes.map((n) => {
      const g = n.groupId ? groups.get(n.groupId) : undefined;
      return [n.id, { x: n.position.x + (g?.position.x ?? 0), y: n.position.y + (g?.position.y ?? 0), colour: CATEGORY_COLOUR[getKind(n.kind).category] }];
    }),
  );
  const rects = [...boxes.values()].map((b) => ({ x: b.x, y: b.y, w: NODE_WIDTH, h: NODE_HEIGHT }));
  for (const g of design.groups) rects.push({ x: g.position.x, y: g.position.y, w: g.size.width, h: g.size.height });
  const background = dark ? '#0f172a' : '#f8fafc';
  if (rects.length === 0) {
    return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="${background}"/></svg>`)}`;
  }
  const minX = Math.min(...rects.map((r) => r.x));
  const minY = Math.min(...rects.map((r) => r.y));
  const maxX = Math.max(...rects.map((r) => r.x + r.w));
  const maxY = Math.max(...rects.map((r) => r.y + r.h));
  const pad = 40;
  let w = maxX - minX + 2 * pad;
  let h = maxY - minY + 2 * pad;
  // Keep the thumbnail's aspect ratio so nothing is stretched.
  if (w / h > WIDTH / HEIGHT) h = (w * HEIGHT) / WIDTH;
  else w = (h * WIDTH) / HEIGHT;
  const x0 = (minX + maxX) / 2 - w / 2;
  const y0 = (minY + maxY) / 2 - h / 2;
  const stroke = dark ? '#94a3b8' : '#64748b';
  const width = Math.max(2, w / 200);
  const parts = [`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${background}"/>`];
  for (const g of design.groups) {
    parts.push(`<rect x="${g.position.x}" y="${g.position.y}" width="${g.size.width}" height="${g.size.height}" rx="16" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-dasharray="12 8"/>`);
  }
  for (const e of design.edges) {
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) continue;
    parts.push(`<line x1="${a.x + NODE_WIDTH / 2}" y1="${a.y + NODE_HEIGHT / 2}" x2="${b.x + NODE_WIDTH / 2}" y2="${b.y + NODE_HEIGHT / 2}" stroke="${stroke}" stroke-width="${width}"${DASH[e.family]}/>`);
  }
  for (const b of boxes.values()) {
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="10" fill="${b.colour}" fill-opacity="0.85"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${w} ${h}" preserveAspectRatio="xMidYMid meet">${parts.join('')}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
