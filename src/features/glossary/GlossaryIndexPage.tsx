import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchField } from '../../components/ui/SearchField.tsx';
import { compareQuery, contentIndexQuery, contentSearchQuery, termQuery } from '../../content/glossary.ts';
import { TERM_CATEGORIES } from '../../domain/glossary/term.ts';
import { PrefetchLink } from './PrefetchLink.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { SearchResults } from './SearchResults.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

export function GlossaryIndexPage() {
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle('Glossary');
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';

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
          placeholder="Search terms, comparisons, hubs and problems, e.g. Kafka or DLQ"
          // The full-text index is fetched once someone sets out to search.
          onFocus={() => void client.prefetchQuery(contentSearchQuery)}
        />
        {searching ? (
          <SearchResults query={query.trim()} onSuggestion={setQuery} />
        ) : !index ? (
          <p className="mt-6 text-slate-500 dark:text-slate-400">Loading…</p>
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
