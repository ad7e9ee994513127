/** Loads problems: each file is its own lazily loaded chunk, cached by TanStack Query. */
import { queryOptions } from '@tanstack/react-query';
import type { Problem } from '../domain/rubric/problem.ts';

const problemFiles = import.meta.glob<string>('/problems/*/problem.yaml', { query: '?raw', import: 'default' });

export class ProblemNotFound extends Error {
  constructor(readonly problemId: string) {
    super(`There is no problem called "${problemId}".`);
  }
}

export async function loadProblem(id: string): Promise<Problem> {
  const load = problemFiles[`/problems/${id}/problem.yaml`];
  if (!load) throw new ProblemNotFound(id);
  const { parseProblemFile } = await import('./parse-problem.ts');
  const result = parseProblemFile(await load());
  if (!result.ok) throw new Error(`The problem "${id}" is damaged: ${result.problems.join('; ')}`);
  return result.problem;
}

export const problemQuery = (id: string) =>
  queryOptions({ queryKey: ['problems', id], queryFn: () => loadProblem(id), staleTime: Infinity, retry: false });
