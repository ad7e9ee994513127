import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitViewport, type Box } from './view-fit.ts';

const size = { width: 736, height: 540 };
/** The minimap in the top-right corner and the zoom buttons in the bottom-right one. */
const obstacles: Box[] = [
  { x: 736 - 223, y: 0, width: 223, height: 173 },
  { x: 736 - 49, y: 540 - 105, width: 49, height: 105 },
];
const onScreen = (b: Box, v: { x: number; y: number; zoom: number }): Box => ({ x: b.x * v.zoom + v.x, y: b.y * v.zoom + v.y, width: b.width * v.zoom, height: b.height * v.zoom });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('fitting the drawing around the minimap', () => {
  it('centres a drawing that is clear of everything, at its largest zoom', () => {
    const v = fitViewport({ x: 0, y: 0, width: 200, height: 100 }, size, { padding: 20, minZoom: 0.05, maxZoom: 1, obstacles });
    expect(v.zoom).toBe(1);
    expect(onScreen({ x: 0, y: 0, width: 200, height: 100 }, v)).toEqual({ x: 268, y: 220, width: 200, height: 100 });
  });

  it('keeps any drawing clear of the minimap and the zoom buttons, inside the canvas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 6000 }), fc.integer({ min: 50, max: 6000 }), fc.integer({ min: -500, max: 500 }), (width, height, x) => {
        const bounds = { x, y: -x, width, height };
        const v = fitViewport(bounds, size, { padding: 16, minZoom: 0.02, maxZoom: 1.2, obstacles });
        const screen = onScreen(bounds, v);
        for (const o of obstacles) expect(overlaps(screen, o)).toBe(false);
        expect(screen.x).toBeGreaterThanOrEqual(-1e-6);
        expect(screen.y).toBeGreaterThanOrEqual(-1e-6);
        expect(screen.x + screen.width).toBeLessThanOrEqual(size.width + 1e-6);
        expect(screen.y + screen.height).toBeLessThanOrEqual(size.height + 1e-6);
      }),
    );
  });

  it('gives up less zoom than a plain fit needs to: beside the minimap for a tall drawing, below it for a wide one', () => {
    const tall = fitViewport({ x: 0, y: 0, width: 300, height: 2000 }, size, { padding: 16, minZoom: 0.05, maxZoom: 1, obstacles });
    expect(tall.zoom).toBeCloseTo((540 - 32) / 2000, 5);
    const wide = fitViewport({ x: 0, y: 0, width: 4000, height: 300 }, size, { padding: 16, minZoom: 0.05, maxZoom: 1, obstacles });
    expect(wide.zoom).toBeGreaterThan(0.15);
  });
});
