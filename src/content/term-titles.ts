/**
 * Glossary terms by their title ("Synchronous vs asynchronous communication"),
 * for every link to a term, from the content index built at build time.
 */
import { useQuery } from '@tanstack/react-query';
import type { ContentIndex } from './content-index.ts';
import { contentIndexQuery } from './glossary.ts';

const titlesOf = new WeakMap<ContentIndex, Map<string, string>>();

function titles(index: ContentIndex): Map<string, string> {
  let map = titlesOf.get(index);
  if (!map) {
    map = new Map(index.terms.map((t) => [t.id, t.term]));
    titlesOf.set(index, map);
  }
  return map;
}

/** The title of term `id`; while the index loads (or for an unknown id), the id in words. */
export function useTermTitle(id: string): string {
  const { data } = useQuery({ ...contentIndexQuery, select: titles });
  return data?.get(id) ?? fallbackTitle(id);
}

/** "Shared database" from "shared-database": what shows until the index has loaded. */
export function fallbackTitle(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
}
