/**
 * Derived analyses shared by several rules (request paths, call-graph
 * components, replica trees) are computed once per graph index, on first use,
 * and forgotten with the index.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';

export function perIndex<T>(compute: (index: GraphIndex) => T): (index: GraphIndex) => T {
  const cache = new WeakMap<GraphIndex, { value: T }>();
  return (index) => {
    const hit = cache.get(index);
    if (hit) return hit.value;
    const value = compute(index);
    cache.set(index, { value });
    return value;
  };
}
