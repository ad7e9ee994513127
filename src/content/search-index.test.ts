import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseProblemFile } from './parse-problem.ts';
import { buildSearchDocuments } from './search-documents.ts';
import { buildSearchIndex, loadSearchIndex, plainText, type ContentSearch, type SearchDocument } from './search-index.ts';

const GLOSSARY = fileURLToPath(new URL('../../glossary', import.meta.url));
let docs: SearchDocument[];
let search: ContentSearch;

beforeAll(async () => {
  docs = buildSearchDocuments(GLOSSARY);
  search = await loadSearchIndex(buildSearchIndex(docs));
}, 60_000);

const ids = (query: string) => search.search(query).map((h) => `${h.kind}:${h.slug}`);

describe('content search', () => {
  it('indexes every term, compare page, hub and problem', () => {
    const kinds = new Set(docs.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['compare', 'hub', 'problem', 'term']);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('finds a word that only appears in the text, across every kind of page', () => {
    const mentions = docs.filter((d) => /\bkafka\b/i.test(`${d.title} ${d.summary} ${d.text}`)).map((d) => d.id);
    expect(mentions.length).toBeGreaterThan(5);
    const found = ids('kafka');
    for (const id of mentions) expect(found).toContain(id);
    expect(new Set(search.search('kafka').map((h) => h.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it('ranks the page named by the query first', () => {
    expect(ids('circuit breaker')[0]).toBe('term:circuit-breaker');
    expect(ids('saga')[0]).toBe('term:saga');
    expect(ids('URL shortener')[0]).toBe('problem:url-shortener');
  });

  it('finds a term by another name and says which', () => {
    const [first] = search.search('DLQ');
    expect(first).toMatchObject({ kind: 'term', slug: 'dead-letter-queue', via: 'DLQ', path: '/glossary/dead-letter-queue' });
  });

  it('treats the last word as unfinished while typing', () => {
    expect(ids('idempot')).toContain('term:idempotency');
  });

  it('suggests a word that exists when a query finds nothing', () => {
    expect(search.search('kafak')).toEqual([]);
    expect(search.suggest('kafak')).toContain('kafka');
  });

  it('keeps the rubric, hints and reference of a problem out of the index', () => {
    const parsed = parseProblemFile(readFileSync(join(GLOSSARY, '..', 'problems', 'url-shortener', 'problem.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const text = docs.find((d) => d.id === 'problem:url-shortener')!.text;
    for (const secret of [...parsed.problem.hints, ...parsed.problem.rubric.map((c) => c.description)]) expect(text).not.toContain(plainText(secret));
  });

  it('reduces Markdown to its words', () => {
    expect(plainText('## Head\n\nSee [the saga](/glossary/saga) and `code` at https://example.com/x.\n\n```ts\nconst a = 1;\n```')).toBe('Head See the saga and code at const a = 1;');
  });
});
