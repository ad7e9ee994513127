/**
 * A title for a design that arrives from outside (an imported file, a shared
 * link saved as a copy) that no design in the library already has, so two
 * cards in My designs never look the same: "Shop", then "Shop (imported)",
 * "Shop (imported 2)", ...
 */
import { getLibrary } from './library.ts';

const MAX_TITLE = 120;

export function distinctTitle(title: string, taken: ReadonlySet<string>): string {
  if (!taken.has(title)) return title;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (imported)' : ` (imported ${n})`;
    const candidate = `${title.slice(0, MAX_TITLE - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The titles of every readable design in the library. */
export async function libraryTitles(): Promise<Set<string>> {
  const { entries } = await (await getLibrary()).list();
  return new Set(entries.map((e) => e.design.title));
}
