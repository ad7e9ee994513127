import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { SearchField } from '../../components/ui/SearchField.tsx';
import { Link } from 'react-router';
import { contentIndexQuery } from '../../content/glossary.ts';
import { problemQuery } from '../../content/problems.ts';
import { DIFFICULTIES, PROBLEM_CATEGORIES, type Difficulty } from '../../domain/rubric/problem.ts';
import { progressQuery } from '../../storage/library.ts';
import { DIFFICULTY_META } from './difficulty.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

const SELECT = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900';

export function ProblemsIndexPage() {
  const { data: index } = useQuery(contentIndexQuery);
  usePageTitle('Problems');
  const client = useQueryClient();
  const [query, setQuery] = useState('');
  const [difficulty, setDifficulty] = useState<'all' | Difficulty>('all');
  const [category, setCategory] = useState('all');
  const [concept, setConcept] = useState('all');
  const ids = { difficulty: useId(), category: useId(), concept: useId() };
  const { data: progress } = useQuery(progressQuery());

  const concepts = useMemo(() => {
    const used = new Set(index?.problems.flatMap((p) => p.relatedTerms) ?? []);
    return (index?.terms ?? []).filter((t) => used.has(t.id)).sort((a, b) => a.term.localeCompare(b.term));
  }, [index]);

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (index?.problems ?? []).filter(
    (p) =>
      (difficulty === 'all' || p.difficulty === difficulty) &&
      (category === 'all' || p.category === category) &&
      (concept === 'all' || p.relatedTerms.includes(concept) || p.tags.includes(concept)) &&
      words.every((w) => `${p.title} ${p.summary} ${p.tags.join(' ')}`.toLowerCase().includes(w)),
  );

  return (
    <div className="overflow-y-auto">
      <main className="mx-auto max-w-4xl px-5 py-8 sm:px-6 sm:py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Problems</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Practise on real design questions. Each has a transparent rubric that scores your design as you draw, hints that unlock one at a time,
          and a reference solution to compare with. They are listed as a learning path, from foundations to expert.
        </p>
        <div className="mt-6 grid gap-3 sm:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
          <SearchField label="Search problems" value={query} onChange={setQuery} placeholder="Search problems" />
          <div>
            <label htmlFor={ids.difficulty} className="sr-only">
              Difficulty
            </label>
            <select id={ids.difficulty} value={difficulty} onChange={(e) => setDifficulty(e.target.value as 'all' | Difficulty)} className={`${SELECT} w-full`}>
              <option value="all">Any difficulty</option>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {DIFFICULTY_META[d].label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.category} className="sr-only">
              Category
            </label>
            <select id={ids.category} value={category} onChange={(e) => setCategory(e.target.value)} className={`${SELECT} w-full`}>
              <option value="all">Any category</option>
              {PROBLEM_CATEGORIES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.concept} className="sr-only">
              Concept
            </label>
            <select id={ids.concept} value={concept} onChange={(e) => setConcept(e.target.value)} className={`${SELECT} w-full`}>
              <option value="all">Any concept</option>
              {concepts.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.term}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="mt-3 text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {index ? `${shown.length} of ${index.problems.length} problems` : 'Loading…'}
        </p>
        <ol className="mt-3 space-y-3" aria-label="Learning path">
          {shown.map((p) => {
            const best = progress?.get(p.id)?.best;
            const meta = DIFFICULTY_META[p.difficulty as Difficulty];
            return (
              <li key={p.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <article aria-labelledby={`p-${p.id}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm tabular-nums text-slate-500 dark:text-slate-400">{index ? index.problems.indexOf(p) + 1 : ''}.</span>
                    <h2 id={`p-${p.id}`} className="font-semibold">
                      <Link
                        to={`/problems/${p.id}`}
                        onMouseEnter={() => void client.prefetchQuery(problemQuery(p.id))}
                        onFocus={() => void client.prefetchQuery(problemQuery(p.id))}
                        className="text-blue-800 underline dark:text-blue-300"
                      >
                        {p.title}
                      </Link>
                    </h2>
                    <span className={`rounded-full px-2 text-xs font-medium ${meta?.chip ?? ''}`}>{meta?.label ?? p.difficulty}</span>
                    <span className="text-xs text-slate-500 dark:text-slate-400">{PROBLEM_CATEGORIES.find((c) => c.id === p.category)?.label}</span>
                    <span className="ml-auto text-sm font-medium">{best !== undefined ? `Best score: ${best}` : 'Not attempted'}</span>
                  </div>
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{p.summary}</p>
                </article>
              </li>
            );
          })}
        </ol>
      </main>
    </div>
  );
}
