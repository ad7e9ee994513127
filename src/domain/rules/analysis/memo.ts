/**
 * Derived analyses shared by several rules (the dense view, request paths,
 * call-graph components, replica trees) are computed once per graph index, on
 * first use. Each cache holds one entry, for the index being analysed: an
 * analysis runs every rule against one index, so that is all it needs, and the
 * engine empties the caches when it is done (`forgetDerived`) so nothing
 * outlives the analysis and the garbage collector finds it all young.
 */
import type { GraphIndex } from '../../diagram/graph-index.ts';

const forgetters: (() => void)[] = [];

export function perIndex<T>(compute: (index: GraphIndex) => T): (index: GraphIndex) => T {
  let lastIndex: GraphIndex | undefined;
  let lastValue: T | undefined;
  forgetters.push(() => {
    lastIndex = undefined;
    lastValue = undefined;
  });
  return (index) => {
    if (index !== lastIndex || lastValue === undefined) {
      lastValue = compute(index);
      lastIndex = index;
    }
    return lastValue;
  };
}

/** Drop every cached analysis. */
export function forgetDerived(): void {
  for (const forget of forgetters) forget();
}
