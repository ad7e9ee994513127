/**
 * Full-text search over everything Skyline teaches: glossary terms, compare
 * pages, learning hubs and problems. The index is built at build time (the
 * Vite plugin in vite.config.ts, from search-documents.ts) and shipped as
 * JSON that the browser loads on the first search. Build and search share the
 * options below, so a query is processed exactly as the text was.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

export type SearchKind = 'term' | 'compare' | 'hub' | 'problem';

export interface SearchDocument {
  /** `<kind>:<slug>`, unique across kinds. */
  id: string;
  kind: SearchKind;
  slug: string;
  title: string;
  aliases: string[];
  summary: string;
  /** The body as plain words. */
  text: string;
}

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  title: string;
  summary: string;
  /** The other name that matched the query ("DLQ"), when a term was found by one. */
  via: string | null;
  path: string;
}

const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from has have how if in into is it its of on or not so than that the their then there these they this to was were what when which while who will with without you your'.split(' '),
);

/** Lower case; common words and numbers are not indexed (they find everything, and weigh). */
const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) || /^\d+$/.test(t) ? null : t;
};

const OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'aliases', 'summary', 'text'],
  storeFields: ['kind', 'slug', 'title', 'aliases', 'summary'],
  extractField: (doc, field) => {
    const value = (doc as unknown as Record<string, unknown>)[field];
    return Array.isArray(value) ? value.join('\n') : (value as string);
  },
  processTerm,
};

export const PATHS: Record<SearchKind, (slug: string) => string> = {
  term: (slug) => `/glossary/${slug}`,
  compare: (slug) => `/compare/${slug}`,
  hub: (slug) => `/learn/${slug}`,
  problem: (slug) => `/problems/${slug}`,
};

/** Markdown reduced to its words: link targets, code fences and markup go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#>*_`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The serialised index, as shipped to the browser. */
export function buildSearchIndex(documents: readonly SearchDocument[]): string {
  const search = new MiniSearch<SearchDocument>(OPTIONS);
  search.addAll(documents);
  return JSON.stringify(search);
}

export interface ContentSearch {
  search(query: string): SearchHit[];
  /** Other queries that would find something, best first (for a query that finds nothing). */
  suggest(query: string): string[];
}

function toHit(result: SearchResult, queryTerms: readonly string[]): SearchHit {
  const kind = result.kind as SearchKind;
  const aliases = ((result.aliases as string | undefined) ?? '').split('\n').filter(Boolean);
  const byAlias = Object.values(result.match).some((fields) => fields.includes('aliases')) && !Object.values(result.match).some((fields) => fields.includes('title'));
  const via = byAlias ? (aliases.find((a) => queryTerms.some((q) => a.toLowerCase().includes(q))) ?? null) : null;
  return { kind, slug: result.slug as string, title: result.title as string, summary: result.summary as string, via, path: PATHS[kind](result.slug as string) };
}

/** Reads the index in slices, so the page stays responsive while it loads. */
export async function loadSearchIndex(json: string): Promise<ContentSearch> {
  const index = await MiniSearch.loadJSONAsync<SearchDocument>(json, OPTIONS);
  return {
    search(query) {
      const results = index.search(query, {
        boost: { title: 4, aliases: 3, summary: 1.5 },
        // The word being typed may be unfinished; the others are taken as they are, with room for a typo.
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
      });
      const queryTerms = query.toLowerCase().split(/\s+/).filter(Boolean);
      return results.map((r) => toHit(r, queryTerms));
    },
    suggest(query) {
      return index
        .autoSuggest(query, { fuzzy: 0.4, prefix: true, combineWith: 'OR' })
        .map((s) => s.suggestion)
        .filter((s) => s !== query.trim().toLowerCase())
        .slice(0, 3);
    },
  };
}
