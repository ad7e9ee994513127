/**
 * Builds the small index of all content (names, aliases, categories, one-line
 * summaries) that lists and search need, so pages never load every file.
 * Runs at build time (the Vite plugin in vite.config.ts) and in tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompareFile, parseHubFile } from './parse-guide.ts';
import { parseTermFile } from './parse-term.ts';
import { parseProblemFile } from './parse-problem.ts';

export interface TermSummary {
  id: string;
  term: string;
  aliases: string[];
  category: string;
  definition: string;
}
export interface CompareSummary {
  id: string;
  title: string;
  summary: string;
  terms: string[];
}
export interface HubSummary {
  id: string;
  title: string;
  summary: string;
  terms: string[];
}
export interface ProblemSummary {
  id: string;
  title: string;
  difficulty: string;
  category: string;
  order: number;
  tags: string[];
  summary: string;
  relatedTerms: string[];
}
export interface ContentIndex {
  terms: TermSummary[];
  compare: CompareSummary[];
  hubs: HubSummary[];
  problems: ProblemSummary[];
}

const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));

/** Reads glossary/ and returns the index; invalid files are skipped (the content tests report them). */
export function buildContentIndex(glossaryDir: string): ContentIndex {
  const terms: TermSummary[] = [];
  for (const text of mdFiles(join(glossaryDir, 'terms'))) {
    const r = parseTermFile(text);
    if (r.ok) terms.push({ id: r.term.id, term: r.term.term, aliases: r.term.aliases, category: r.term.category, definition: r.term.definition });
  }
  const compare: CompareSummary[] = [];
  for (const text of mdFiles(join(glossaryDir, 'compare'))) {
    const r = parseCompareFile(text);
    if (r.ok) compare.push({ id: r.value.id, title: r.value.title, summary: r.value.summary, terms: [...new Set(r.value.options.map((o) => o.term))] });
  }
  const hubs: HubSummary[] = [];
  for (const text of mdFiles(join(glossaryDir, 'hubs'))) {
    const r = parseHubFile(text);
    if (r.ok) hubs.push({ id: r.value.id, title: r.value.title, summary: r.value.summary, terms: r.value.terms });
  }
  const problems: ProblemSummary[] = [];
  const problemsDir = join(glossaryDir, '..', 'problems');
  for (const folder of readdirSync(problemsDir).sort()) {
    const file = join(problemsDir, folder, 'problem.yaml');
    if (!existsSync(file)) continue;
    const r = parseProblemFile(readFileSync(file, 'utf8'));
    if (!r.ok) continue;
    const p = r.problem;
    problems.push({ id: p.id, title: p.title, difficulty: p.difficulty, category: p.category, order: p.order, tags: p.tags, summary: p.summary, relatedTerms: p.relatedTerms });
  }
  problems.sort((a, b) => a.order - b.order);
  return { terms, compare, hubs, problems };
}
