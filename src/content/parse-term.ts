import { Term, TERM_SECTIONS } from '../domain/glossary/term.ts';
import { splitContentFile } from './front-matter.ts';

export type TermParseResult = { ok: true; term: Term } | { ok: false; problems: string[] };

export function parseTermFile(text: string): TermParseResult {
  const split = splitContentFile(text);
  if (!split.ok) return { ok: false, problems: [split.message] };
  const { data, sections } = split.file;
  const problems: string[] = [];
  const known = new Set<string>(TERM_SECTIONS.map(([heading]) => heading));
  for (const heading of sections.keys()) {
    if (!known.has(heading)) problems.push(`unexpected section "## ${heading}"; expected ${TERM_SECTIONS.map(([h]) => `"${h}"`).join(', ')}`);
  }
  const fields = Object.fromEntries(TERM_SECTIONS.map(([heading, field]) => [field, sections.get(heading) ?? '']));
  const result = Term.safeParse({ ...(typeof data === 'object' && data !== null ? data : {}), sections: fields });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      problems.push(`${where}${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, term: result.data };
}
