/**
 * Loads glossary terms. Each term file is its own lazily loaded chunk, so the
 * glossary never weighs on the canvas's first load; TanStack Query caches
 * them for the session.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Term } from '../domain/glossary/term.ts';
import type { ContentIndex } from './content-index.ts';
import { parseTermFile } from './parse-term.ts';

const termFiles = import.meta.glob<string>('/glossary/terms/*.md', { query: '?raw', import: 'default' });

export class TermNotFound extends Error {
  constructor(readonly termId: string) {
    super(`There is no glossary term "${termId}".`);
  }
}

export function termExists(id: string): boolean {
  return `/glossary/terms/${id}.md` in termFiles;
}

export async function loadTerm(id: string): Promise<Term> {
  const load = termFiles[`/glossary/terms/${id}.md`];
  if (!load) throw new TermNotFound(id);
  const result = parseTermFile(await load());
  if (!result.ok) throw new Error(`The glossary entry "${id}" is damaged: ${result.problems.join('; ')}`);
  return result.term;
}

export const termQuery = (id: string) =>
  queryOptions({ queryKey: ['glossary', 'term', id], queryFn: () => loadTerm(id), staleTime: Infinity, retry: false });

const compareFiles = import.meta.glob<string>('/glossary/compare/*.md', { query: '?raw', import: 'default' });
const hubFiles = import.meta.glob<string>('/glossary/hubs/*.md', { query: '?raw', import: 'default' });

export class ContentNotFound extends Error {}

export const compareQuery = (id: string) =>
  queryOptions({
    queryKey: ['glossary', 'compare', id],
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const load = compareFiles[`/glossary/compare/${id}.md`];
      if (!load) throw new ContentNotFound(`There is no comparison called "${id}".`);
      const { parseCompareFile } = await import('./parse-guide.ts');
      const result = parseCompareFile(await load());
      if (!result.ok) throw new Error(`The comparison "${id}" is damaged: ${result.problems.join('; ')}`);
      return result.value;
    },
  });

export const hubQuery = (id: string) =>
  queryOptions({
    queryKey: ['glossary', 'hub', id],
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const load = hubFiles[`/glossary/hubs/${id}.md`];
      if (!load) throw new ContentNotFound(`There is no learning hub called "${id}".`);
      const { parseHubFile } = await import('./parse-guide.ts');
      const result = parseHubFile(await load());
      if (!result.ok) throw new Error(`The learning hub "${id}" is damaged: ${result.problems.join('; ')}`);
      return result.value;
    },
  });

/** Names and summaries of everything, for lists and search (built at build time). */
export const contentIndexQuery = queryOptions({
  queryKey: ['glossary', 'index'],
  staleTime: Infinity,
  queryFn: async () => (await import('virtual:content-index')).default as ContentIndex,
});

/** The full-text search over all content; its index (about 160 KB gzip) is fetched on the first search. */
export const contentSearchQuery = queryOptions({
  queryKey: ['glossary', 'search'],
  staleTime: Infinity,
  queryFn: async () => {
    const [{ default: json }, { loadSearchIndex }] = await Promise.all([import('virtual:search-index'), import('./search-index.ts')]);
    return loadSearchIndex(json);
  },
});
