import { ChevronRight, Lightbulb, Scale } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Markdown } from '../../components/ui/Markdown.tsx';
import type { Problem } from '../../domain/rubric/problem.ts';
import type { RubricScore } from '../../domain/rubric/scorer.ts';
import { DIFFICULTY_META } from './difficulty.ts';
import { RubricCheck } from './RubricCheck.tsx';
import { useRubricScore } from './use-rubric-score.ts';

const HINTS_KEY = (id: string) => `skyline:hints:${id}`;

function readHints(id: string): number {
  const n = Number(localStorage.getItem(HINTS_KEY(id)) ?? '0');
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

const SCALE_LABELS: [keyof Problem['scale'], string][] = [
  ['users', 'Users'],
  ['requestsPerSecond', 'Requests per second'],
  ['readWriteRatio', 'Read : write'],
  ['storage', 'Storage'],
  ['latency', 'Latency'],
  ['availability', 'Availability'],
];

export function ProblemPanel({ problem, onCompare }: { problem: Problem; onCompare(score: RubricScore): void }) {
  const score = useRubricScore(problem);
  const [hintsShown, setHintsShown] = useState(() => readHints(problem.id));
  const revealHint = () => {
    const next = Math.min(problem.hints.length, hintsShown + 1);
    setHintsShown(next);
    try {
      localStorage.setItem(HINTS_KEY(problem.id), String(next));
    } catch {
      // Remembering hints is a convenience.
    }
  };
  const meta = DIFFICULTY_META[problem.difficulty];
  return (
    <div className="space-y-5 p-3 text-sm">
      <div>
        <p className="text-xs">
          <Link to="/problems" className="text-blue-800 underline dark:text-blue-300">
            Problems
          </Link>
          <span className={`ml-2 rounded-full px-2 font-medium ${meta.chip}`}>{meta.label}</span>
        </p>
        <h2 className="mt-1 text-lg font-semibold leading-tight">{problem.title}</h2>
      </div>

      <section aria-label="Brief">
        <h3 className="font-semibold">The brief</h3>
        <p className="mt-1 text-slate-600 dark:text-slate-300">{problem.summary}</p>
        <Markdown>{problem.statement}</Markdown>
        <h4 className="mt-3 font-semibold">What it must do</h4>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {problem.functional.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        <h4 className="mt-3 font-semibold">Scale</h4>
        <dl className="mt-1 space-y-1">
          {SCALE_LABELS.map(([key, label]) => (
            <div key={key}>
              <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{label}</dt>
              <dd>{problem.scale[key]}</dd>
            </div>
          ))}
        </dl>
        {problem.nonFunctional.length > 0 && (
          <>
            <h4 className="mt-3 font-semibold">Also</h4>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {problem.nonFunctional.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </>
        )}
        <h4 className="mt-3 font-semibold">Capabilities the rubric looks for</h4>
        <p className="text-xs text-slate-500 dark:text-slate-400">Name your boxes after them, or assign them in the inspector.</p>
        <ul className="mt-1 space-y-0.5">
          {problem.capabilities.map((c) => (
            <li key={c.id} className="flex items-center gap-1">
              <ChevronRight aria-hidden className="size-3 text-slate-400" />
              {c.label}
            </li>
          ))}
        </ul>
      </section>

      <RubricCheck problem={problem} score={score} />

      <section aria-label="Hints">
        <h3 className="font-semibold">Hints</h3>
        {hintsShown === 0 && <p className="mt-1 text-slate-500 dark:text-slate-400">Stuck? Hints go from a nudge to something specific.</p>}
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {problem.hints.slice(0, hintsShown).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
        {hintsShown < problem.hints.length ? (
          <button
            type="button"
            onClick={revealHint}
            className="mt-2 inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            <Lightbulb aria-hidden className="size-4" />
            Show hint {hintsShown + 1} of {problem.hints.length}
          </button>
        ) : (
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">All hints shown.</p>
        )}
      </section>

      <button
        type="button"
        onClick={() => onCompare(score)}
        className="inline-flex w-full items-center justify-center gap-1.5 rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        <Scale aria-hidden className="size-4" />
        Compare with the reference
      </button>
    </div>
  );
}
