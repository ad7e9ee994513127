/**
 * The documents of the full-text search, read from glossary/ and problems/.
 * Runs at build time (vite.config.ts) and in tests; invalid files are
 * skipped (the content tests report them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompareFile, parseHubFile } from './parse-guide.ts';
import { parseProblemFile } from './parse-problem.ts';
import { parseTermFile } from './parse-term.ts';
import { plainText, type SearchDocument } from './search-index.ts';

const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));

export function buildSearchDocuments(glossaryDir: string): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const text of mdFiles(join(glossaryDir, 'terms'))) {
    const r = parseTermFile(text);
    if (!r.ok) continue;
    const t = r.term;
    docs.push({ id: `term:${t.id}`, kind: 'term', slug: t.id, title: t.term, aliases: t.aliases, summary: t.definition, text: plainText(Object.values(t.sections).join('\n')) });
  }
  for (const text of mdFiles(join(glossaryDir, 'compare'))) {
    const r = parseCompareFile(text);
    if (!r.ok) continue;
    const c = r.value;
    const body = [c.comparison, ...c.choose.map((x) => `${x.label} ${x.text}`), c.inPractice].join('\n');
    docs.push({ id: `compare:${c.id}`, kind: 'compare', slug: c.id, title: c.title, aliases: c.options.map((o) => o.label), summary: c.summary, text: plainText(body) });
  }
  for (const text of mdFiles(join(glossaryDir, 'hubs'))) {
    const r = parseHubFile(text);
    if (!r.ok) continue;
    const h = r.value;
    docs.push({ id: `hub:${h.id}`, kind: 'hub', slug: h.id, title: h.title, aliases: [], summary: h.summary, text: plainText(Object.values(h.sections).join('\n')) });
  }
  const problemsDir = join(glossaryDir, '..', 'problems');
  for (const folder of readdirSync(problemsDir).sort()) {
    const file = join(problemsDir, folder, 'problem.yaml');
    if (!existsSync(file)) continue;
    const r = parseProblemFile(readFileSync(file, 'utf8'));
    if (!r.ok) continue;
    const p = r.problem;
    // The brief only: the rubric, hints and reference would give answers away.
    const body = [p.statement, ...p.functional, ...p.nonFunctional, p.tags.join(' ')].join('\n');
    docs.push({ id: `problem:${p.id}`, kind: 'problem', slug: p.id, title: p.title, aliases: [], summary: p.summary, text: plainText(body) });
  }
  return docs;
}
