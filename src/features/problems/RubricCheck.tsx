import { CheckCircle2, CircleX, ClipboardCheck, RefreshCw } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { Problem } from '../../domain/rubric/problem.ts';
import type { RubricScore } from '../../domain/rubric/scorer.ts';
import { getLibrary } from '../../storage/library.ts';
import { useSettingsStore } from '../../stores/settings-store.ts';

/** The last check per problem, kept while the page is open (the phone drawer unmounts the panel). */
const lastCheck = new Map<string, RubricScore>();

function RubricItems({ score }: { score: RubricScore }) {
  return (
    <ul className="mt-2 space-y-2" aria-label="Rubric items">
      {score.results.map((r) => (
        <li key={r.criterion.id} aria-label={`${r.met ? 'Met' : 'Missed'}: ${r.criterion.description} (${r.earned} of ${r.criterion.points} points)`} className="flex gap-2">
          {r.met ? (
            <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
          ) : (
            <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500 dark:text-slate-400" />
          )}
          <div className="min-w-0">
            <p>
              <span className={`mr-1 text-xs font-semibold uppercase tracking-wide ${r.met ? 'text-emerald-800 dark:text-emerald-300' : 'text-slate-600 dark:text-slate-300'}`}>
                {r.met ? 'Met' : 'Missed'}
              </span>
              {r.criterion.description}{' '}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                ({r.earned}/{r.criterion.points} pts)
              </span>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">{r.detail}</p>
            {!r.met && (
              <details className="text-xs">
                <summary className="cursor-pointer text-blue-800 underline dark:text-blue-300">How to earn it</summary>
                <p className="mt-0.5 text-slate-700 dark:text-slate-300">{r.criterion.hint}</p>
              </details>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function ScoreLine({ score, label }: { score: RubricScore; label: string }) {
  return (
    <>
      <p className="mt-1 text-base font-semibold tabular-nums">
        <span className="sr-only">{label}: </span>
        {score.score}
        <span className="text-xs font-normal text-slate-600 dark:text-slate-400"> / 100</span>
      </p>
      <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden>
        <div className="h-full bg-blue-600 transition-[width]" style={{ width: `${score.score}%` }} />
      </div>
    </>
  );
}

/**
 * The rubric in practice: hidden until the learner checks the design (so the
 * brief, not a checklist, leads the design), or shown live when the setting
 * says so. A check records an attempt in the problem's progress.
 */
export function RubricCheck({ problem, score }: { problem: Problem; score: RubricScore }) {
  const live = useSettingsStore((s) => s.liveRubric);
  const toggleLive = useSettingsStore((s) => s.toggleLiveRubric);
  const [checked, setChecked] = useState<RubricScore | null>(() => lastCheck.get(problem.id) ?? null);
  const liveId = useId();
  // The best score is kept only for scores the learner has seen.
  useEffect(() => {
    if (live && score.score > 0) void getLibrary().then((library) => library.noteScore(problem.id, score.score));
  }, [live, problem.id, score.score]);

  const check = () => {
    lastCheck.set(problem.id, score);
    setChecked(score);
    void getLibrary().then((library) => library.noteScore(problem.id, score.score, true));
  };
  const stale = checked !== null && checked !== score;

  return (
    <section aria-labelledby="rubric-title" className="rounded-lg border border-slate-200 p-2.5 dark:border-slate-700">
      <h3 id="rubric-title" className="font-semibold">
        Rubric
      </h3>
      <label htmlFor={liveId} className="mt-1 flex items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
        <input id={liveId} type="checkbox" checked={live} onChange={toggleLive} className="size-4" />
        Show the rubric live as I draw
      </label>
      {live ? (
        <>
          <div aria-live="polite">
            <ScoreLine score={score} label="Score" />
          </div>
          <RubricItems score={score} />
        </>
      ) : (
        <>
          {!checked && (
            <p className="mt-2 text-slate-700 dark:text-slate-300">
              Design from the brief first. When you are ready, check your design: each rubric item shows as met or missed, with its points.
            </p>
          )}
          <button
            type="button"
            onClick={check}
            className="mt-2 inline-flex w-full items-center justify-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 font-medium text-white hover:bg-blue-800"
          >
            {checked ? <RefreshCw aria-hidden className="size-4" /> : <ClipboardCheck aria-hidden className="size-4" />}
            {checked ? 'Check again' : 'Check my design'}
          </button>
          <div role="status">
            {checked && (
              <>
                {stale && <p className="mt-2 text-xs font-medium text-amber-800 dark:text-amber-300">You have changed the design since this check.</p>}
                <ScoreLine score={checked} label="Score at the last check" />
              </>
            )}
          </div>
          {checked && <RubricItems score={checked} />}
        </>
      )}
    </section>
  );
}
