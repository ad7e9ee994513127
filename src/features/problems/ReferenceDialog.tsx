import { X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Markdown } from '../../components/ui/Markdown.tsx';
import { TermTitle } from '../../components/ui/TermTitle.tsx';
import { getKind } from '../../domain/diagram/catalog.ts';
import { describeFamily } from '../../domain/diagram/connections.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { compareWithReference } from '../../domain/rubric/reference-comparison.ts';
import type { RubricScore } from '../../domain/rubric/scorer.ts';

type View = 'both' | 'reference' | 'yours';
const VIEWS: { id: View; label: string }[] = [
  { id: 'both', label: 'Side by side' },
  { id: 'reference', label: 'Reference' },
  { id: 'yours', label: 'Yours' },
];

/** What a drawing of a design looks like here; the app provides the canvas's read-only drawing. */
export type DrawDesign = (design: Design, label: string, marked: ReadonlySet<string>, markLabel: string) => ReactNode;

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const NONE: ReadonlySet<string> = new Set();

/**
 * The learner's design and the reference, side by side or one at a time,
 * each drawn large enough to read, with what the reference has that the
 * learner's lacks marked on its drawing and said in words; then the rubric
 * item by item, and how the reference works.
 */
export function ReferenceDialog({ problem, mine, reference, yours, referenceDesign, draw, onClose }: {
  problem: Problem;
  mine: RubricScore;
  reference: RubricScore;
  yours: Design;
  referenceDesign: Design;
  draw: DrawDesign;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The drawing is mounted once the dialog is on screen, so it can measure itself.
  const [shown, setShown] = useState(false);
  // Side by side where two drawings can each be read; one at a time on smaller screens.
  const [view, setView] = useState<View>(() => (window.innerWidth >= 1500 ? 'both' : 'reference'));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    setShown(true);
  }, []);
  const comparison = useMemo(() => compareWithReference(yours, referenceDesign, problem.capabilities), [yours, referenceDesign, problem.capabilities]);
  const marked = useMemo(
    () => new Set([...comparison.missingComponents.map((m) => m.node.id), ...comparison.missingConnections.map((m) => m.edge.id)]),
    [comparison],
  );
  const refNames = new Map(referenceDesign.nodes.map((n) => [n.id, n.name]));
  const drawing = (which: 'reference' | 'yours') => (
    <section aria-labelledby={`drawing-${which}`} className="relative flex min-h-0 min-w-0 flex-1 flex-col">
      <h3 id={`drawing-${which}`} className="shrink-0 border-b border-slate-200 px-3 py-1.5 text-sm font-semibold dark:border-slate-700">
        {which === 'reference' ? `Reference${marked.size > 0 ? ` · ${marked.size} marked “Not in yours”` : ''}` : `Yours: ${yours.title}`}
      </h3>
      <div className="relative min-h-0 flex-1">
        {shown &&
          (which === 'reference'
            ? draw(referenceDesign, `Reference design for ${problem.title}`, marked, 'Not in yours')
            : yours.nodes.length > 0
              ? draw(yours, `Your design for ${problem.title}`, NONE, '')
              : <p className="p-4 text-sm text-slate-600 dark:text-slate-300">Your design is empty.</p>)}
      </div>
    </section>
  );

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="reference-title"
      className="m-auto h-[calc(100dvh-1rem)] max-h-none w-[calc(100vw-1rem)] max-w-none rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex h-full flex-col">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id="reference-title" className="text-lg font-semibold">
            Your design and the reference
          </h2>
          <div role="group" aria-label="Show" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-600">
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                aria-pressed={view === v.id}
                onClick={() => setView(v.id)}
                className="px-2.5 py-1 hover:bg-slate-100 aria-pressed:bg-blue-700 aria-pressed:text-white dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-600"
              >
                {v.label}
              </button>
            ))}
          </div>
          <button type="button" onClick={onClose} aria-label="Close the comparison" className="ml-auto rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800">
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <div className="grid min-h-0 flex-1 grid-rows-[minmax(60dvh,1fr)_auto] overflow-y-auto md:grid-cols-[minmax(0,1fr)_24rem] md:grid-rows-1">
          <div className={`flex min-h-[60dvh] border-b border-slate-200 md:min-h-0 md:border-b-0 md:border-r dark:border-slate-700 ${view === 'both' ? 'flex-col divide-y divide-slate-200 lg:flex-row lg:divide-x lg:divide-y-0 dark:divide-slate-700' : ''}`}>
            {view !== 'reference' && drawing('yours')}
            {view !== 'yours' && drawing('reference')}
          </div>
          <div className="space-y-4 overflow-y-auto p-4 text-sm">
            <section aria-labelledby="reference-missing">
              <h3 id="reference-missing" className="font-semibold">
                What the reference has that yours lacks
              </h3>
              {comparison.missingComponents.length === 0 && comparison.missingConnections.length === 0 ? (
                <p className="mt-1">Nothing: every component of the reference has a counterpart of the same kind or role in yours, connected the same way.</p>
              ) : (
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {comparison.missingComponents.map(({ node, connectedTo }) => (
                    <li key={node.id}>
                      {`${getKind(node.kind).label}: the reference’s “${node.name}”`}
                      {connectedTo.length > 0 ? `, connected to ${connectedTo.map((n) => `“${n}”`).join(', ')}` : ''}
                    </li>
                  ))}
                  {comparison.missingConnections.map(({ edge, from, to }) => (
                    <li key={edge.id}>
                      {`${capital(describeFamily(edge.family))}, from your “${from.name}” to your “${to.name}” (the reference’s ${refNames.get(edge.source)} → ${refNames.get(edge.target)})`}
                    </li>
                  ))}
                </ul>
              )}
              {comparison.substitutes.length > 0 && (
                <p className="mt-2 text-slate-600 dark:text-slate-300">
                  Done another way:{' '}
                  {comparison.substitutes
                    .map((s) => `your “${s.yours.name}” (${getKind(s.yours.kind).label.toLowerCase()}) where the reference has “${s.reference.name}” (${getKind(s.reference.kind).label.toLowerCase()})`)
                    .join('; ')}
                  .
                </p>
              )}
            </section>
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
                      <TermTitle id={id} />
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
