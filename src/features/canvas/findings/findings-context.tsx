/**
 * Which elements have findings, for the badges on boxes and lines. Each box
 * and line listens to its own entry only: when the findings change (on
 * structural edits, never during a drag), only the elements whose count or
 * worst severity changed draw again, not every box and line of the design.
 */
import { createContext, useCallback, useContext, useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Finding, Severity } from '../../../domain/rules/types.ts';
import { SEVERITY_RANK } from '../../../domain/rules/types.ts';
import { useFindings } from '../../../stores/editor/findings.ts';

export interface ElementFindings {
  count: number;
  worst: Severity;
}

/**
 * Counts by element id; an entry whose count and worst severity are as in
 * `previous` is that very object, so listeners can compare by identity.
 */
export function byElement(findings: readonly Finding[], previous: ReadonlyMap<string, ElementFindings> = new Map()): Map<string, ElementFindings> {
  const counts = new Map<string, { count: number; worst: Severity }>();
  for (const finding of findings) {
    for (const id of finding.elementIds) {
      const current = counts.get(id);
      if (!current) counts.set(id, { count: 1, worst: finding.severity });
      else {
        current.count++;
        if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[current.worst]) current.worst = finding.severity;
      }
    }
  }
  const map = new Map<string, ElementFindings>();
  for (const [id, entry] of counts) {
    const before = previous.get(id);
    map.set(id, before && before.count === entry.count && before.worst === entry.worst ? before : entry);
  }
  return map;
}

/** Listeners by element id: new findings call only those of the elements whose entry changed. */
export class ElementFindingsStore {
  private map: ReadonlyMap<string, ElementFindings> = new Map();
  private readonly listeners = new Map<string, Set<() => void>>();
  subscribe(id: string, listener: () => void): () => void {
    let mine = this.listeners.get(id);
    if (!mine) this.listeners.set(id, (mine = new Set()));
    mine.add(listener);
    return () => {
      mine.delete(listener);
      if (mine.size === 0) this.listeners.delete(id);
    };
  }
  get = (id: string) => this.map.get(id);
  update(findings: readonly Finding[]) {
    const before = this.map;
    this.map = byElement(findings, before);
    // A rename of one of 1,000 components changes a few entries; the other 4,000 boxes and lines are not called.
    for (const [id, mine] of this.listeners) {
      if (before.get(id) !== this.map.get(id)) for (const listener of mine) listener();
    }
  }
}

const ElementFindingsContext = createContext(new ElementFindingsStore());

export function FindingsProvider({ children }: { children: ReactNode }) {
  const findings = useFindings();
  const [store] = useState(() => new ElementFindingsStore());
  useLayoutEffect(() => store.update(findings), [store, findings]);
  return <ElementFindingsContext.Provider value={store}>{children}</ElementFindingsContext.Provider>;
}

export function useElementFindings(id: string): ElementFindings | undefined {
  const store = useContext(ElementFindingsContext);
  const subscribe = useCallback((listener: () => void) => store.subscribe(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.get(id));
}
