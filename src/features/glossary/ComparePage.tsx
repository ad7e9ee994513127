import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { Markdown } from '../../components/ui/Markdown.tsx';
import { compareQuery, contentIndexQuery, termQuery } from '../../content/glossary.ts';
import { PrefetchLink } from './PrefetchLink.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

export function ComparePage() {
  const { compareId = '' } = useParams();
  const { data: page, error, isPending } = useQuery(compareQuery(compareId));
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle(page ? page.title : null);
  const nameOf = (id: string) => index?.terms.find((t) => t.id === id)?.term ?? id.replace(/-/g, ' ');
  if (isPending) return <p className="mx-auto max-w-3xl px-6 py-10 text-slate-500 dark:text-slate-400">Loading…</p>;
  if (error || !page) {
    return <MessagePage title="This comparison could not be opened" message={error?.message} linkTo="/glossary" linkText="Browse the glossary" />;
  }
  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-4xl px-5 py-8 sm:px-6 sm:py-10">
        <p className="text-sm font-medium text-blue-800 dark:text-blue-300">
          <Link to="/glossary" className="underline">
            Glossary
          </Link>{' '}
          · Compare
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{page.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-200">{page.summary}</p>
        <TitledSection id="comparison" title="Side by side" className="mt-8" titleClassName="text-xl font-semibold">
          <Markdown>{page.comparison}</Markdown>
        </TitledSection>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {page.choose.map((c) => (
            <section key={c.label} aria-label={`Choose ${c.label} when`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h2 className="text-lg font-semibold">Choose {c.label} when</h2>
              <Markdown>{c.text}</Markdown>
            </section>
          ))}
        </div>
        <TitledSection id="practice" title="In practice" className="mt-8" titleClassName="text-xl font-semibold">
          <Markdown>{page.inPractice}</Markdown>
        </TitledSection>
        <TitledSection id="terms" title="Read more" className="mt-8" titleClassName="text-xl font-semibold">
          <ul className="mt-2 flex flex-wrap gap-2">
            {[...new Set([...page.options.map((o) => o.term), ...page.related])].map((id) => (
              <li key={id}>
                <PrefetchLink to={`/glossary/${id}`} query={(client) => client.prefetchQuery(termQuery(id))} className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                  {nameOf(id)}
                </PrefetchLink>
              </li>
            ))}
          </ul>
        </TitledSection>
      </main>
    </div>
  );
}
