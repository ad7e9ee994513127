import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProblemFile } from '../../content/parse-problem.ts';
import { absolutePosition, applyPositions, NODE_HEIGHT, NODE_WIDTH } from '../../domain/diagram/edit-operations.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { referenceDesign } from '../../domain/rubric/reference.ts';
import { arbitraryDesign } from '../../testing/arbitraries.ts';
import { fittedZoom, layoutDesign, READABLE_ZOOM } from './layout.ts';

/** The canvas at 1280x800 in focus mode, with the minimap and zoom buttons in the bottom-right corner. */
const FOCUS = { width: 1280, height: 756 };
const obstacles = (size: { width: number; height: number }) => [
  { x: size.width - 191, y: size.height - 143, width: 184, height: 136 },
  { x: size.width - 225, y: size.height - 105, width: 42, height: 98 },
];

const problemsDir = join(import.meta.dirname, '../../../problems');
const references: Design[] = readdirSync(problemsDir)
  .sort()
  .map((folder) => {
    const parsed = parseProblemFile(readFileSync(join(problemsDir, folder, 'problem.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error(folder);
    return referenceDesign(parsed.problem);
  });

async function seenAt(design: Design, size: { width: number; height: number }) {
  const { positions } = await layoutDesign(design, { viewport: size, obstacles: obstacles(size) });
  const xs = [...positions.values()];
  const bounds = { x: Math.min(...xs.map((p) => p.x)), y: Math.min(...xs.map((p) => p.y)), width: 0, height: 0 };
  bounds.width = Math.max(...xs.map((p) => p.x + NODE_WIDTH)) - bounds.x;
  bounds.height = Math.max(...xs.map((p) => p.y + NODE_HEIGHT)) - bounds.y;
  return fittedZoom(bounds, { viewport: size, obstacles: obstacles(size) }, positions);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('auto-layout', () => {
  it('places every component, and no two boxes overlap', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDesign({ maxNodes: 25 }), async (design) => {
        const { positions, groups } = await layoutDesign(design);
        const laid = applyPositions(design, positions, groups);
        expect(positions.size).toBe(design.nodes.length);
        const boxes = laid.nodes.map((n) => absolutePosition(laid, n));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('lays the reference designs (11 to 25 components) out so that names read at 11 px or more in a 1280x800 window', async () => {
    const zooms = await Promise.all(references.map((design) => seenAt(design, FOCUS)));
    // Names are 14 px: 11 px on screen at READABLE_ZOOM.
    expect(median(zooms)).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(zooms.filter((z) => z >= READABLE_ZOOM).length).toBeGreaterThanOrEqual(34);
    // Before, laid out in one long row: median zoom 0.20 (names 3 px).
    expect(Math.min(...zooms)).toBeGreaterThan(0.4);
  }, 60_000);

  it('fits a small design whole at full size, wherever its boxes started', async () => {
    const design = references.find((d) => d.id === 'reference-url-shortener')!;
    expect(await seenAt(design, FOCUS)).toBeGreaterThanOrEqual(0.95);
    expect(await seenAt(design, { width: 734, height: 531 })).toBeGreaterThanOrEqual(0.6);
  });
});
