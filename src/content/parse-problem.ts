import { load } from 'js-yaml';
import { Problem } from '../domain/rubric/problem.ts';

export type ProblemParseResult = { ok: true; problem: Problem } | { ok: false; problems: string[] };

export function parseProblemFile(text: string): ProblemParseResult {
  let raw: unknown;
  try {
    raw = load(text);
  } catch (error) {
    return { ok: false, problems: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  const result = Problem.safeParse(raw);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((i) => `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`) };
  }
  return { ok: true, problem: result.data };
}
