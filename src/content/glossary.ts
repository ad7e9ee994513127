/**
 * Loads glossary terms. Each term file is its own lazily loaded chunk, so the
 * glossary never weighs on the canvas's first load; TanStack Query caches
 * them for the session.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Term } from '../domain/glossary/term.ts';
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
