import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, tagSpot, viewForStart, viewForStep } from './walk-view.ts';

const screen = { size: { width: 800, height: 500 }, obstacles: [] };
const box = (x: number, y: number) => ({ x, y, width: 184, height: 60 });

describe('the view while stepping through a flow', () => {
  it('shows the whole flow when it reads, else the first step', () => {
    const pair = [box(0, 0), box(260, 0)];
    expect(viewForStart([...pair, box(520, 0)], pair, screen).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // Twelve components in a row do not read at 800 px: the first step is shown instead, at 100%.
    const long = Array.from({ length: 12 }, (_, i) => box(i * 260, 0));
    expect(viewForStart(long, pair, screen).zoom).toBe(1);
  });

  it('stays put while the step is on screen and readable, else centres it or fits it', () => {
    const pair = [box(0, 0), box(260, 0)];
    expect(viewForStep(pair, { x: 100, y: 100, zoom: 1 }, screen)).toBeNull();
    // Off screen at a readable zoom: centred, at the same zoom.
    const centred = viewForStep(pair, { x: -2000, y: 100, zoom: 0.8 }, screen)!;
    expect(centred.zoom).toBe(0.8);
    expect(centred.x + (222 * 0.8)).toBeCloseTo(400);
    // On screen but too small to read: fitted up to 100%.
    expect(viewForStep(pair, { x: 100, y: 100, zoom: 0.3 }, screen)!.zoom).toBe(1);
    // Components too far apart to fit at the chosen zoom: fitted, smaller.
    const far = [box(0, 0), box(3000, 0)];
    expect(viewForStep(far, { x: 0, y: 0, zoom: 1 }, screen)!.zoom).toBeLessThan(0.3);
  });

  it('puts the tag above the connection, or where it covers neither component', () => {
    const tag = { width: 100, height: 20 };
    expect(tagSpot({ x: 300, y: 300 }, tag, [])).toEqual({ x: 250, y: 268 });
    // A component just above the middle: the tag goes below.
    expect(tagSpot({ x: 300, y: 300 }, tag, [{ x: 260, y: 250, width: 184, height: 40 }])).toEqual({ x: 250, y: 312 });
  });
});
