import { ArrowRight, BookOpen, Boxes, Cable, SearchCheck } from 'lucide-react';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

const POINTS = [
  {
    icon: Boxes,
    title: 'Draw with real building blocks',
    text: 'Thirty-four components — gateways, services, queues, caches, databases, observability — each with the properties that matter in a design review.',
  },
  {
    icon: Cable,
    title: 'Say how parts talk',
    text: 'Synchronous requests with timeouts, retries and circuit breakers; asynchronous messages through queues and topics; reads and writes to data.',
  },
  {
    icon: SearchCheck,
    title: 'Get a senior engineer’s review',
    text: 'As you draw, twenty-three rules point out shared databases, call cycles, missing timeouts, retry storms and more, and offer one-click fixes.',
  },
  {
    icon: BookOpen,
    title: 'Learn every concept',
    text: 'Each finding links to a plain-language explanation; over a hundred glossary entries, side-by-side comparisons and guided learning hubs.',
  },
];

export function HomePage() {
  usePageTitle('');
  return (
    <main className="overflow-y-auto">
      <section className="mx-auto max-w-4xl px-6 pb-10 pt-14 sm:pt-20">
        <p className="text-sm font-medium uppercase tracking-wider text-blue-700 dark:text-blue-300">System-design studio</p>
        <h1 className="mt-3 text-4xl font-semibold tracking-tight sm:text-5xl">Design systems the way a senior engineer reviews them.</h1>
        <p className="mt-5 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Skyline is a canvas for software architecture. Drag services, gateways, queues, caches and databases onto it,
          wire them together, and describe every call precisely enough to reason about failure, latency and scale. Skyline reviews the
          design as you go and explains every concept it uses. Everything stays in your browser.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            to="/canvas"
            className="inline-flex items-center gap-2 rounded-lg bg-blue-700 px-5 py-3 font-medium text-white shadow-sm hover:bg-blue-800 focus-visible:outline-offset-4"
          >
            Start drawing
            <ArrowRight aria-hidden className="size-4" />
          </Link>
          <Link
            to="/learn"
            className="inline-flex items-center gap-2 rounded-lg border border-slate-300 px-5 py-3 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            Learn the concepts
          </Link>
        </div>
      </section>
      <section aria-label="What you can do" className="mx-auto grid max-w-4xl gap-4 px-6 pb-16 sm:grid-cols-2">
        {POINTS.map(({ icon: Icon, title, text }) => (
          <article key={title} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
            <Icon aria-hidden className="size-6 text-blue-700 dark:text-blue-300" />
            <h2 className="mt-3 font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{text}</p>
          </article>
        ))}
      </section>
    </main>
  );
}
