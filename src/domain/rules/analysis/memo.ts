/**
 * Derived analyses shared by several rules (the dense view, request paths,
 * call-graph components, replica trees) are computed once per graph index, on
 * first use. The cache remembers the most recent index only: an analysis runs
 * every rule against one index, so that is all it needs, and unlike a WeakMap
 * it costs the garbage collector nothing.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';

export function perIndex<T>(compute: (index: GraphIndex) => T): (index: GraphIndex) => T {
  let lastIndex: GraphIndex | undefined;
  let lastValue: T | undefined;
  return (index) => {
    if (index !== lastIndex || lastValue === undefined) {
      lastValue = compute(index);
      lastIndex = index;
    }
    return lastValue;
  };
}
