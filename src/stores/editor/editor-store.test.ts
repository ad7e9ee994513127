import { beforeEach, describe, expect, it } from 'vitest';
import { designOf } from '../../testing/designs.ts';
import { emptyDesign, useEditorStore } from './editor-store.ts';
import { beginGesture, breakCoalescing, clearHistory, coalesced, endGesture, history, redo, undo } from './history.ts';

const store = () => useEditorStore.getState();

beforeEach(() => {
  store().loadDesign(emptyDesign());
  clearHistory();
});

describe('editor store', () => {
  it('undoes and redoes at least 100 steps', () => {
    for (let i = 0; i < 120; i++) {
      store().addNode('service', { x: i * 10, y: 0 });
      breakCoalescing();
    }
    expect(store().design.nodes).toHaveLength(120);
    for (let i = 0; i < 100; i++) undo();
    expect(store().design.nodes).toHaveLength(20);
    for (let i = 0; i < 100; i++) redo();
    expect(store().design.nodes).toHaveLength(120);
  });

  it('makes a whole drag one undo step, and a click without movement no step', () => {
    const id = store().addNode('service', { x: 0, y: 0 });
    const start = store().design.nodes[0]!.position;
    const steps = history().getState().pastStates.length;
    beginGesture();
    for (let i = 1; i <= 30; i++) store().moveElements(new Map([[id, { x: i, y: i }]]));
    endGesture();
    expect(history().getState().pastStates.length).toBe(steps + 1);
    undo();
    expect(store().design.nodes[0]!.position).toEqual(start);
    const afterUndo = history().getState().pastStates.length;
    beginGesture();
    endGesture();
    expect(history().getState().pastStates.length).toBe(afterUndo);
  });

  it('merges quick edits of one field into one step', () => {
    const id = store().addNode('service', { x: 0, y: 0 });
    breakCoalescing();
    const steps = history().getState().pastStates.length;
    for (const name of ['B', 'Bi', 'Bil', 'Bill']) coalesced(`${id}:name`, () => store().updateNode(id, { name }));
    expect(history().getState().pastStates.length).toBe(steps + 1);
    undo();
    expect(store().design.nodes[0]!.name).toBe('Service');
  });

  it('refuses nonsense connections with a reason and defaults the family', () => {
    store().loadDesign(designOf({ web: 'web-client', api: 'service', db: 'relational-database', q: 'message-queue' }));
    expect(store().connect('db', 'web')).toMatchObject({ ok: false, reason: expect.stringContaining('nothing calls a client') });
    expect(store().connect('api', 'db')).toMatchObject({ ok: true });
    expect(store().connect('api', 'q')).toMatchObject({ ok: true });
    expect(store().design.edges.map((e) => e.family)).toEqual(['data', 'async']);
    expect(store().connect('api', 'db')).toMatchObject({ ok: false, reason: expect.stringContaining('already connected') });
  });

  it('moves change positions and the time of the last edit without counting as a structural change', () => {
    const id = store().addNode('service', { x: 0, y: 0 });
    const earlier = '2020-01-01T00:00:00.000Z';
    useEditorStore.setState({ design: { ...store().design, updatedAt: earlier } });
    const structure = store().structure;
    store().moveElements(new Map([[id, { x: 50, y: 50 }]]));
    expect(store().structure).toBe(structure);
    expect(store().design.nodes[0]!.position).toEqual({ x: 50, y: 50 });
    expect(store().design.updatedAt > earlier).toBe(true);
    store().updateNode(id, { name: 'Orders' });
    expect(store().structure).toBe(structure + 1);
  });
});

describe('findings', () => {
  it('are computed on structural edits only: dragging runs the engine zero times', async () => {
    const { engineRunCount, selectFindings } = await import('./findings.ts');
    store().loadDesign(designOf({ a: 'service', b: 'service' }, [['a', 'b']]));
    const first = selectFindings(store());
    expect(first.some((f) => f.ruleId === 'missing-timeout')).toBe(true);
    const runs = engineRunCount();
    beginGesture();
    for (let i = 0; i < 50; i++) {
      store().moveElements(new Map([['a', { x: i, y: i }]]));
      selectFindings(store());
    }
    endGesture();
    expect(engineRunCount()).toBe(runs);
    const edge = store().design.edges[0]!;
    store().updateEdge(edge.id, { timeoutMs: 1000 });
    const after = selectFindings(store());
    expect(engineRunCount()).toBe(runs + 1);
    expect(after.some((f) => f.ruleId === 'missing-timeout')).toBe(false);
  });
});
