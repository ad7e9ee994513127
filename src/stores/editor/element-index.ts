/**
 * Lookups by id in the design's element lists. The design is immutable, so
 * an index built for one version of a list serves every lookup in it until
 * an edit replaces the list: a box or an inspector field that reads its own
 * element on every store change costs O(1), not a scan of 1,000 components.
 */
const indexes = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

/** The element with `id` in `list`; the index is built once per version of the list. */
export function elementById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  let index = indexes.get(list) as Map<string, T> | undefined;
  if (!index) {
    index = new Map(list.map((element) => [element.id, element]));
    indexes.set(list, index);
  }
  return index.get(id);
}
