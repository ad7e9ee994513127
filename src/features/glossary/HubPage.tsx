import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { Markdown } from '../../components/ui/Markdown.tsx';
import { HUB_SECTIONS } from '../../domain/glossary/guide.ts';
import { compareQuery, contentIndexQuery, hubQuery, termQuery } from '../../content/glossary.ts';
import { PrefetchLink } from './PrefetchLink.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

export function HubPage() {
  const { hubId = '' } = useParams();
  const { data: hub, error, isPending } = useQuery(hubQuery(hubId));
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle(hub ? hub.title : null);
  if (isPending) return <p className="mx-auto max-w-3xl px-6 py-10 text-slate-500 dark:text-slate-400">Loading…</p>;
  if (error || !hub) {
    return <MessagePage title="This learning hub could not be opened" message={error?.message} linkTo="/learn" linkText="All learning hubs" />;
  }
  const term = (id: string) => index?.terms.find((t) => t.id === id);
  const hubTerms = new Set(hub.terms);
  const practice = (index?.problems ?? [])
    .map((p) => ({ p, overlap: p.relatedTerms.filter((t) => hubTerms.has(t)).length }))
    .filter((x) => x.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.p.order - b.p.order)
    .slice(0, 8)
    .sort((a, b) => a.p.order - b.p.order);
  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-3xl px-5 py-8 sm:px-6 sm:py-10">
        <p className="text-sm font-medium text-blue-800 dark:text-blue-300">
          <Link to="/learn" className="underline">
            Learn
          </Link>
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{hub.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-200">{hub.summary}</p>
        <nav aria-label="On this page" className="mt-6 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
          <ol className="grid gap-1 sm:grid-cols-2">
            {HUB_SECTIONS.map(([heading, key]) => (
              <li key={key}>
                <a href={`#${key}`} className="text-blue-800 underline dark:text-blue-300">
                  {heading}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {HUB_SECTIONS.map(([heading, key]) => (
          <section key={key} id={key} aria-labelledby={`${key}-title`} className="mt-8 scroll-mt-4">
            <h2 id={`${key}-title`} className="text-xl font-semibold">
              {heading}
            </h2>
            <Markdown>{hub.sections[key]}</Markdown>
            {key === 'practicePath' && practice.length > 0 && (
              <>
                <h3 className="mt-4 font-semibold">Problems that exercise it, in order</h3>
                <ol className="mt-2 list-decimal space-y-1 pl-6">
                  {practice.map(({ p }) => (
                    <li key={p.id}>
                      <Link to={`/problems/${p.id}`} className="text-blue-800 underline dark:text-blue-300">
                        {p.title}
                      </Link>
                      <span className="text-sm text-slate-500 dark:text-slate-400"> · {p.difficulty}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        ))}
        <TitledSection id="concepts" title="Concepts in this hub" className="mt-8" titleClassName="text-xl font-semibold">
          <ul className="mt-2 space-y-2">
            {hub.terms.map((id) => (
              <li key={id}>
                <PrefetchLink to={`/glossary/${id}`} query={(client) => client.prefetchQuery(termQuery(id))} className="font-medium text-blue-800 underline dark:text-blue-300">
                  {term(id)?.term ?? id}
                </PrefetchLink>
                <span className="text-sm text-slate-600 dark:text-slate-300"> — {term(id)?.definition}</span>
              </li>
            ))}
          </ul>
          {hub.compare.length > 0 && (
            <>
              <h3 className="mt-5 font-semibold">Comparisons</h3>
              <ul className="mt-2 space-y-1">
                {hub.compare.map((id) => (
                  <li key={id}>
                    <PrefetchLink to={`/compare/${id}`} query={(client) => client.prefetchQuery(compareQuery(id))} className="text-blue-800 underline dark:text-blue-300">
                      {index?.compare.find((c) => c.id === id)?.title ?? id}
                    </PrefetchLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </TitledSection>
      </main>
    </div>
  );
}

export function LearnIndexPage() {
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle('Learn');
  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-4xl px-5 py-8 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Learn</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Guided tours of the big topics in system design: what each is, when it pays off, the trade-offs, the mistakes, and a path to practise it on the
          canvas.
        </p>
        {!index ? (
          <p className="mt-6 text-slate-500 dark:text-slate-400">Loading…</p>
        ) : (
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {index.hubs.map((hub) => (
              <li key={hub.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <PrefetchLink to={`/learn/${hub.id}`} query={(client) => client.prefetchQuery(hubQuery(hub.id))} className="text-lg font-semibold text-blue-800 underline dark:text-blue-300">
                  {hub.title}
                </PrefetchLink>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{hub.summary}</p>
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{hub.terms.length} concepts</p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
