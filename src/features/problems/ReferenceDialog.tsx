import { X } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Markdown } from '../../components/ui/Markdown.tsx';
import type { Problem } from '../../domain/rubric/problem.ts';
import type { RubricScore } from '../../domain/rubric/scorer.ts';

/** The reference solution beside the learner's own result, criterion by criterion. */
export function ReferenceDialog({ problem, mine, reference, preview, onClose }: {
  problem: Problem;
  mine: RubricScore;
  reference: RubricScore;
  preview: ReactNode;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The drawing is mounted once the dialog is on screen, so it can measure itself.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    setShown(true);
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="reference-title"
      className="m-auto h-[min(92vh,900px)] w-[min(1200px,calc(100vw-1rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5 dark:border-slate-700">
          <h2 id="reference-title" className="text-lg font-semibold">
            Your design and the reference
          </h2>
          <button type="button" onClick={onClose} aria-label="Close the comparison" className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <div className="grid min-h-0 flex-1 grid-rows-[minmax(260px,1fr)_auto] overflow-y-auto md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] md:grid-rows-1">
          <section aria-label="Reference design" className="relative min-h-[260px] border-b border-slate-200 md:border-b-0 md:border-r dark:border-slate-700">
            {shown && preview}
          </section>
          <div className="space-y-4 overflow-y-auto p-4 text-sm">
            <section aria-label="Scores">
              <p className="text-base">
                Your score: <strong className="tabular-nums">{mine.score}</strong> / 100 · Reference: <strong className="tabular-nums">{reference.score}</strong> / 100
              </p>
              <table className="mt-2 w-full border-collapse text-left">
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-700">
                    <th className="py-1 pr-2 font-medium">Rubric item</th>
                    <th className="py-1 pr-2 font-medium">You</th>
                    <th className="py-1 font-medium">Reference</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.results.map((r, i) => (
                    <tr key={r.criterion.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                      <td className="py-1 pr-2">{r.criterion.description}</td>
                      <td className="py-1 pr-2">{r.met ? 'Met' : 'Missed'}</td>
                      <td className="py-1">{reference.results[i]?.met ? 'Met' : 'Missed'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-label="How the reference works">
              <h3 className="font-semibold">How the reference works</h3>
              <Markdown>{problem.reference.explanation}</Markdown>
            </section>
            <section aria-label="Trade-offs to discuss">
              <h3 className="font-semibold">Trade-offs to discuss</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {problem.tradeOffs.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </section>
            <section aria-label="Questions an interviewer would ask">
              <h3 className="font-semibold">Questions an interviewer would ask</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {problem.followUps.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </section>
            <section aria-label="Concepts">
              <h3 className="font-semibold">Concepts</h3>
              <ul className="mt-1 flex flex-wrap gap-2">
                {problem.relatedTerms.map((id) => (
                  <li key={id}>
                    <Link to={`/glossary/${id}`} className="text-blue-800 underline dark:text-blue-300">
                      {id.replace(/-/g, ' ')}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
      </div>
    </dialog>
  );
}
