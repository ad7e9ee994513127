import { useQuery } from '@tanstack/react-query';
import { Dices, Play } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { contentIndexQuery } from '../../content/glossary.ts';
import { planPhases, SESSION_DURATIONS, type SessionDuration } from '../../domain/interview/phases.ts';
import { isEnded } from '../../domain/interview/session-clock.ts';
import { DIFFICULTIES } from '../../domain/rubric/problem.ts';
import { listInterviews } from '../../storage/interview-storage.ts';
import { startInterview } from './start-interview.ts';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

const SURPRISE = '__surprise__';

export function InterviewStartPage() {
  const navigate = useNavigate();
  const index = useQuery(contentIndexQuery);
  usePageTitle('Mock interview');
  const history = useQuery({ queryKey: ['library', 'interviews'], queryFn: listInterviews, staleTime: 0 });
  const problems = useMemo(() => [...(index.data?.problems ?? [])].sort((a, b) => a.order - b.order), [index.data]);
  const titles = useMemo(() => new Map(problems.map((p) => [p.id, p.title])), [problems]);
  const [choice, setChoice] = useState(SURPRISE);
  const [difficulty, setDifficulty] = useState<string>('medium');
  const [minutes, setMinutes] = useState<SessionDuration>(45);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const start = async () => {
    const pool = choice === SURPRISE ? problems.filter((p) => p.difficulty === difficulty) : problems.filter((p) => p.id === choice);
    const problem = pool[Math.floor(Math.random() * pool.length)];
    if (!problem) return setError('There is no problem of that difficulty.');
    setStarting(true);
    const started = await startInterview(problem, minutes);
    setStarting(false);
    if (started.ok) void navigate(`/interview/${started.id}`);
    else setError(started.message);
  };

  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 overflow-y-auto px-4 py-6 sm:px-6">
      <h1 className="text-2xl font-semibold">Mock interview</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
        A timed session like the real thing: clarify requirements, estimate, sketch the API, draw the design and defend it. The interviewer asks about your own diagram as you draw, and a
        scorecard at the end shows what to work on.
      </p>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
        className="mt-5 space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
      >
        <div className="flex flex-wrap gap-4">
          <label className="text-sm">
            <span className="mb-1 block font-medium">Problem</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value)} className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900">
              <option value={SURPRISE}>Surprise me</option>
              {DIFFICULTIES.map((d) => (
                <optgroup key={d} label={d[0]?.toUpperCase() + d.slice(1)}>
                  {problems
                    .filter((p) => p.difficulty === d)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          {choice === SURPRISE && (
            <label className="text-sm">
              <span className="mb-1 block font-medium">Difficulty</span>
              <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900">
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {d[0]?.toUpperCase() + d.slice(1)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Length</legend>
          <div className="flex gap-2">
            {SESSION_DURATIONS.map((m) => (
              <label key={m} className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-500 ${minutes === m ? 'border-blue-600 bg-blue-50 font-medium dark:bg-blue-950' : 'border-slate-300 dark:border-slate-700'}`}>
                <input type="radio" name="minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} className="sr-only" />
                {m} minutes
              </label>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Plan: {planPhases(minutes).map((p) => `${p.label} ${p.minutes} min`).join(' · ')}
          </p>
        </fieldset>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <button type="submit" disabled={starting || problems.length === 0} className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {choice === SURPRISE ? <Dices aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />} Start interview
        </button>
      </form>

      <TitledSection id="history-title" title="Past interviews" className="mt-8">
        {history.data && history.data.records.length === 0 && <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">None yet. Your sessions and their scorecards will be listed here.</p>}
        {history.data && history.data.damaged > 0 && (
          <p className="mt-2 text-sm text-red-700 dark:text-red-400">{history.data.damaged} saved session(s) could not be read and are not shown.</p>
        )}
        <ul aria-label="Past interviews" className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
          {history.data?.records.map(({ session, result }) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div>
                <p className="font-medium">{titles.get(session.problemId) ?? session.problemId}</p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {new Date(session.startedAt).toLocaleString()} · {session.durationMinutes} minutes
                  {result ? ` · score ${result.score}/100` : ''}
                </p>
              </div>
              <div className="flex gap-3">
                {isEnded(session) ? (
                  <>
                    <Link to={`/interview/${session.id}/scorecard`} className="text-blue-800 underline dark:text-blue-300" aria-label={`Scorecard of ${titles.get(session.problemId) ?? session.problemId}, ${new Date(session.startedAt).toLocaleString()}`}>
                      Scorecard
                    </Link>
                    <Link to={`/interview/${session.id}/replay`} className="text-blue-800 underline dark:text-blue-300" aria-label={`Replay of ${titles.get(session.problemId) ?? session.problemId}, ${new Date(session.startedAt).toLocaleString()}`}>
                      Replay
                    </Link>
                  </>
                ) : (
                  <Link to={`/interview/${session.id}`} className="text-blue-800 underline dark:text-blue-300">
                    Continue
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ul>
      </TitledSection>
    </main>
  );
}
