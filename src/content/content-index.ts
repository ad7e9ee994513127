/**
 * Builds the small index of all content (names, aliases, categories, one-line
 * summaries) that lists and search need, so pages never load every file.
 * Runs at build time (the Vite plugin in vite.config.ts) and in tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompareFile, parseHubFile } from './parse-guide.ts';
import { parseTermFile } from './parse-term.ts';

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
export interface ContentIndex {
  terms: TermSummary[];
  compare: CompareSummary[];
  hubs: HubSummary[];
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
  return { terms, compare, hubs };
}
