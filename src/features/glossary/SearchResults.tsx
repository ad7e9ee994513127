import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { contentSearchQuery } from '../../content/glossary.ts';
import type { SearchKind } from '../../content/search-index.ts';
import { plural } from '../../components/ui/plural.ts';
import { Link } from 'react-router';

const KIND_LABEL: Record<SearchKind, string> = { term: 'Term', compare: 'Comparison', hub: 'Learning hub', problem: 'Problem' };
const KIND_CHIP: Record<SearchKind, string> = {
  term: 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  compare: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200',
  hub: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  problem: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
};

/** Full-text results for `query`, best first; on none, other words that would find something. */
export function SearchResults({ query, onSuggestion }: { query: string; onSuggestion(query: string): void }) {
  // The index arrives with the first search.
  const { data: search, error } = useQuery(contentSearchQuery);
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => (search ? search.search(deferred) : []), [search, deferred]);
  const suggestions = useMemo(() => (search && hits.length === 0 ? search.suggest(deferred) : []), [search, hits, deferred]);

  return (
    <section aria-label="Search results" className="mt-6">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {error ? 'Search could not be loaded. Reload the page to try again.' : !search ? 'Loading the search index…' : `${plural(hits.length, 'result')} for “${deferred}”`}
      </p>
      {search && hits.length === 0 && (
        <div className="mt-3 text-sm">
          {suggestions.length > 0 ? (
            <p>
              Try{' '}
              {suggestions.map((s, i) => (
                <span key={s}>
                  {i > 0 && (i === suggestions.length - 1 ? ' or ' : ', ')}
                  <button type="button" onClick={() => onSuggestion(s)} className="font-medium text-blue-800 underline dark:text-blue-300">
                    {s}
                  </button>
                </span>
              ))}
              .
            </p>
          ) : (
            <p>Nothing matches. Try fewer or shorter words, or clear the search to browse every term by category.</p>
          )}
        </div>
      )}
      <ol className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
        {hits.map((hit) => (
          <li key={`${hit.kind}:${hit.slug}`} className="py-2.5">
            <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${KIND_CHIP[hit.kind]}`}>{KIND_LABEL[hit.kind]}</span>
            <Link to={hit.path} className="font-medium text-blue-800 underline dark:text-blue-300">
              {hit.title}
            </Link>
            {hit.via && <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">(also called {hit.via})</span>}
            <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-300">{hit.summary}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
