import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../domain/rules/types.ts';
import { ElementFindingsStore } from './findings-context.tsx';

const finding = (id: string, severity: Finding['severity'], elementIds: string[]) => ({ id, ruleId: id, severity, elementIds }) as unknown as Finding;

describe('element findings', () => {
  it('call back only the elements whose count or worst severity changed', () => {
    const store = new ElementFindingsStore();
    const calls: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) store.subscribe(id, () => calls.push(id));
    store.update([finding('f1', 'warning', ['a', 'b']), finding('f2', 'info', ['c'])]);
    expect(calls.sort()).toEqual(['a', 'b', 'c']);
    calls.length = 0;
    // Same counts for a and c, b worse, d new; nothing about c changed.
    store.update([finding('f1', 'warning', ['a']), finding('f3', 'error', ['b', 'd']), finding('f2', 'info', ['c'])]);
    expect(calls.sort()).toEqual(['b', 'd']);
    expect(store.get('b')).toEqual({ count: 1, worst: 'error' });
    calls.length = 0;
    store.update([]);
    expect(calls.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(store.get('a')).toBeUndefined();
  });

  it('stops calling a listener once it unsubscribes', () => {
    const store = new ElementFindingsStore();
    let calls = 0;
    const stop = store.subscribe('a', () => calls++);
    store.update([finding('f1', 'warning', ['a'])]);
    stop();
    store.update([]);
    expect(calls).toBe(1);
  });
});
