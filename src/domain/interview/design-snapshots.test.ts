import { describe, expect, it } from 'vitest';
import { designStructureSignature, needsSnapshot, recordSnapshot } from './design-snapshots.ts';
import { checkoutDesign, MINUTE, T0 } from './interview-test-fixtures.ts';
import { createInterviewSession, endSession, moveToPhase } from './session-clock.ts';

const moved = {
  ...checkoutDesign,
  updatedAt: '2026-02-02T00:00:00.000Z',
  nodes: checkoutDesign.nodes.map((n) => ({ ...n, position: { x: n.position.x + 50, y: n.position.y } })),
  notes: [{ id: 'n1', text: 'A note', position: { x: 0, y: 0 } }],
};
const retimed = { ...checkoutDesign, edges: checkoutDesign.edges.map((e) => (e.family === 'sync' ? { ...e, timeoutMs: 900 } : e)) };
const renamed = { ...checkoutDesign, nodes: checkoutDesign.nodes.map((n) => (n.id === 'payment' ? { ...n, name: 'Payments' } : n)) };
const reordered = { ...checkoutDesign, nodes: [...checkoutDesign.nodes].reverse() };

describe('design snapshots', () => {
  it('signs the structure, not the layout', () => {
    const signature = designStructureSignature(checkoutDesign);
    expect(signature).toMatch(/^n7e6-[0-9a-f]{16}$/);
    expect(designStructureSignature(moved)).toBe(signature);
    expect(designStructureSignature(reordered)).toBe(signature);
    expect(designStructureSignature(retimed)).not.toBe(signature);
    expect(designStructureSignature(renamed)).not.toBe(signature);
  });

  it('records a snapshot only when the structure changed, with the phase it was taken in', () => {
    let s = createInterviewSession({ id: 's', problemId: 'shop', durationMinutes: 30, now: T0 });
    const first = designStructureSignature(checkoutDesign);
    expect(needsSnapshot(s, first)).toBe(true);
    s = recordSnapshot(s, { snapshotId: 'snap-1', signature: first }, T0 + MINUTE);
    expect(needsSnapshot(s, designStructureSignature(moved))).toBe(false);
    expect(recordSnapshot(s, { snapshotId: 'snap-2', signature: first }, T0 + 2 * MINUTE)).toBe(s);
    s = moveToPhase(s, 'high-level', T0 + 3 * MINUTE);
    s = recordSnapshot(s, { snapshotId: 'snap-2', signature: designStructureSignature(retimed) }, T0 + 4 * MINUTE);
    expect(s.snapshots.map((x) => [x.snapshotId, x.phase, x.at])).toEqual([
      ['snap-1', 'requirements', T0 + MINUTE],
      ['snap-2', 'high-level', T0 + 4 * MINUTE],
    ]);
    const ended = endSession(s, T0 + 5 * MINUTE);
    expect(needsSnapshot(ended, 'anything')).toBe(false);
  });
});
