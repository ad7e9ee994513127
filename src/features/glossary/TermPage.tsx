import { useQuery } from '@tanstack/react-query';
import { ExternalLink, PenLine } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { Markdown } from '../../components/ui/Markdown.tsx';
import { TERM_CATEGORIES } from '../../domain/glossary/term.ts';
import { RULES } from '../../domain/rules/registry.ts';
import { compareQuery, contentIndexQuery, TermNotFound, termQuery } from '../../content/glossary.ts';
import { PrefetchLink } from './PrefetchLink.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

const SECTION_TITLES = [
  ['explanation', 'Explanation'],
  ['whenToUse', 'When to use it'],
  ['whenNotToUse', 'When not to'],
  ['tradeOffs', 'Trade-offs'],
  ['commonMistakes', 'Common mistakes'],
  ['example', 'Example'],
] as const;

export function TermPage() {
  const { termId = '' } = useParams();
  const { data: term, error, isPending } = useQuery(termQuery(termId));
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle(term ? term.term : null);
  const nameOf = (id: string) => index?.terms.find((t) => t.id === id)?.term ?? id.replace(/-/g, ' ');
  const rules = RULES.filter((r) => r.glossaryTerm === termId);
  const comparisons = index?.compare.filter((c) => c.terms.includes(termId)) ?? [];
  const problems = index?.problems.filter((p) => p.relatedTerms.includes(termId)) ?? [];

  if (isPending) return <p className="mx-auto max-w-3xl px-6 py-10 text-slate-500 dark:text-slate-400">Loading…</p>;
  if (error || !term) {
    return (
      <MessagePage
        title={error instanceof TermNotFound ? 'No such term' : 'This entry could not be opened'}
        message={error?.message}
        linkTo="/glossary"
        linkText="Browse the glossary"
      />
    );
  }
  const category = TERM_CATEGORIES.find((c) => c.id === term.category)?.label ?? term.category;
  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-3xl px-5 py-8 sm:px-6 sm:py-10">
        <p className="text-sm font-medium text-blue-800 dark:text-blue-300">
          <Link to="/glossary" className="underline">
            Glossary
          </Link>{' '}
          · {category}
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{term.term}</h1>
        {term.aliases.length > 0 && <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Also called: {term.aliases.join(', ')}</p>}
        <p className="mt-4 text-lg text-slate-700 dark:text-slate-200">{term.definition}</p>
        {term.exampleDesign && (
          <Link
            to={`/canvas?term=${term.id}`}
            className="mt-5 inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800"
          >
            <PenLine aria-hidden className="size-4" />
            Open the example on the canvas: {term.exampleDesign.title}
          </Link>
        )}
        {SECTION_TITLES.map(([key, title]) => (
          <section key={key} aria-labelledby={`section-${key}`} className="mt-8">
            <h2 id={`section-${key}`} className="text-xl font-semibold">
              {title}
            </h2>
            <Markdown>{term.sections[key]}</Markdown>
          </section>
        ))}
        <TitledSection id="related" title="Related terms" className="mt-8" titleClassName="text-xl font-semibold">
          <ul className="mt-2 flex flex-wrap gap-2">
            {term.related.map((id) => (
              <li key={id}>
                <PrefetchLink
                  to={`/glossary/${id}`}
                  query={(client) => client.prefetchQuery(termQuery(id))}
                  className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                >
                  {nameOf(id)}
                </PrefetchLink>
              </li>
            ))}
          </ul>
        </TitledSection>
        {rules.length > 0 && (
          <TitledSection id="rules" title="Rules that check this" className="mt-8" titleClassName="text-xl font-semibold">
            <ul className="mt-2 space-y-1">
              {rules.map((r) => (
                <li key={r.id}>
                  <Link to={`/rules#${r.id}`} className="text-blue-800 underline dark:text-blue-300">
                    {r.title}
                  </Link>
                  <span className="text-sm text-slate-600 dark:text-slate-300"> — {r.summary}</span>
                </li>
              ))}
            </ul>
          </TitledSection>
        )}
        {problems.length > 0 && (
          <TitledSection id="problems" title="Problems that practise this" className="mt-8" titleClassName="text-xl font-semibold">
            <ul className="mt-2 space-y-1">
              {problems.map((p) => (
                <li key={p.id}>
                  <Link to={`/problems/${p.id}`} className="text-blue-800 underline dark:text-blue-300">
                    {p.title}
                  </Link>
                  <span className="text-sm text-slate-500 dark:text-slate-400"> · {p.difficulty}</span>
                </li>
              ))}
            </ul>
          </TitledSection>
        )}
        {comparisons.length > 0 && (
          <TitledSection id="comparisons" title="Compare" className="mt-8" titleClassName="text-xl font-semibold">
            <ul className="mt-2 space-y-1">
              {comparisons.map((c) => (
                <li key={c.id}>
                  <PrefetchLink to={`/compare/${c.id}`} query={(client) => client.prefetchQuery(compareQuery(c.id))} className="text-blue-800 underline dark:text-blue-300">
                    {c.title}
                  </PrefetchLink>
                </li>
              ))}
            </ul>
          </TitledSection>
        )}
        <TitledSection id="reading" title="Further reading" className="mt-8" titleClassName="text-xl font-semibold">
          <ul className="mt-2 space-y-1">
            {term.reading.map((r) => (
              <li key={r.url}>
                <a href={r.url} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 text-blue-800 underline dark:text-blue-300">
                  {r.title}
                  <ExternalLink aria-hidden className="size-3.5" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </TitledSection>
      </main>
    </div>
  );
}
