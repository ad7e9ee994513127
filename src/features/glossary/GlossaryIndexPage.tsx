import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { SearchField } from '../../components/ui/SearchField.tsx';
import { compareQuery, contentIndexQuery, termQuery } from '../../content/glossary.ts';
import type { TermSummary } from '../../content/content-index.ts';
import { TERM_CATEGORIES } from '../../domain/glossary/term.ts';
import { PrefetchLink } from './PrefetchLink.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

/** Best matches first: name, then alias, then definition. */
export function searchTerms(terms: readonly TermSummary[], query: string): { term: TermSummary; via: string | null }[] {
  const q = query.trim().toLowerCase();
  if (!q) return terms.map((term) => ({ term, via: null }));
  const out: { term: TermSummary; via: string | null; score: number }[] = [];
  for (const term of terms) {
    const name = term.term.toLowerCase();
    const alias = term.aliases.find((a) => a.toLowerCase().includes(q));
    if (name === q) out.push({ term, via: null, score: 0 });
    else if (name.startsWith(q)) out.push({ term, via: null, score: 1 });
    else if (term.aliases.some((a) => a.toLowerCase() === q)) out.push({ term, via: alias ?? null, score: 1 });
    else if (name.includes(q)) out.push({ term, via: null, score: 2 });
    else if (alias) out.push({ term, via: alias, score: 3 });
    else if (term.definition.toLowerCase().includes(q)) out.push({ term, via: null, score: 4 });
  }
  return out.sort((a, b) => a.score - b.score || a.term.term.localeCompare(b.term.term));
}

export function GlossaryIndexPage() {
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle('Glossary');
  const [query, setQuery] = useState('');
  const results = useMemo(() => (index ? searchTerms(index.terms, query) : []), [index, query]);

  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-4xl px-5 py-8 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Glossary</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Every concept the canvas, the review rules and the problems use, explained with when to use it, when not to, and the mistakes people make.
        </p>
        <SearchField
          className="mt-6"
          large
          label="Search the glossary"
          value={query}
          onChange={setQuery}
          placeholder="Search terms and their other names, e.g. DLQ or CQRS"
        />
        {!index ? (
          <p className="mt-6 text-slate-500 dark:text-slate-400">Loading…</p>
        ) : query.trim() ? (
          <section aria-label="Search results" className="mt-6">
            <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
              {results.length} term{results.length === 1 ? '' : 's'} match “{query.trim()}”
            </p>
            <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
              {results.map(({ term, via }) => (
                <li key={term.id} className="py-2.5">
                  <PrefetchLink to={`/glossary/${term.id}`} query={(client) => client.prefetchQuery(termQuery(term.id))} className="font-medium text-blue-800 underline dark:text-blue-300">
                    {term.term}
                  </PrefetchLink>
                  {via && <span className="ml-2 text-sm text-slate-500 dark:text-slate-400">(also called {via})</span>}
                  <p className="text-sm text-slate-600 dark:text-slate-300">{term.definition}</p>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <>
            {index.compare.length > 0 && (
              <TitledSection id="comparisons" title="Comparisons" className="mt-8" titleClassName="text-xl font-semibold">
                <ul className="mt-3 grid gap-2 sm:grid-cols-2">
                  {index.compare.map((c) => (
                    <li key={c.id}>
                      <PrefetchLink to={`/compare/${c.id}`} query={(client) => client.prefetchQuery(compareQuery(c.id))} className="text-blue-800 underline dark:text-blue-300">
                        {c.title}
                      </PrefetchLink>
                    </li>
                  ))}
                </ul>
              </TitledSection>
            )}
            {TERM_CATEGORIES.map((category) => {
              const inCategory = index.terms.filter((t) => t.category === category.id).sort((a, b) => a.term.localeCompare(b.term));
              if (inCategory.length === 0) return null;
              return (
                <section key={category.id} aria-labelledby={`cat-${category.id}`} className="mt-8">
                  <h2 id={`cat-${category.id}`} className="text-xl font-semibold">
                    {category.label}
                  </h2>
                  <ul className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
                    {inCategory.map((term) => (
                      <li key={term.id}>
                        <PrefetchLink to={`/glossary/${term.id}`} query={(client) => client.prefetchQuery(termQuery(term.id))} className="font-medium text-blue-800 underline dark:text-blue-300">
                          {term.term}
                        </PrefetchLink>
                        <p className="text-sm text-slate-600 dark:text-slate-300">{term.definition}</p>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </>
        )}
      </main>
    </div>
  );
}
