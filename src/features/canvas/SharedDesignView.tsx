import { Copy, Eye } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { plural } from '../../components/ui/plural.ts';
import { SEVERITY_META, countLabel } from '../../components/ui/severity.ts';
import { getKind } from '../../domain/diagram/catalog.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { countBySeverity, SEVERITIES, type Finding } from '../../domain/rules/types.ts';
import { DesignPreview } from './DesignPreview.tsx';
import { TitledSection } from '../../components/ui/TitledSection.tsx';

/**
 * A design opened from a share link: shown read-only, with what it contains
 * and what the review says, and one way to make it your own.
 */
export function SharedDesignView({ design, onSaveCopy }: { design: Design; onSaveCopy(): Promise<string | null> }) {
  const findings = useReview(design);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [listed, setListed] = useState(false);
  return (
    <div className="flex min-h-0 flex-1 flex-col md:flex-row">
      <section aria-labelledby="shared-title" className="shrink-0 space-y-4 overflow-y-auto border-b border-slate-200 p-4 md:w-80 md:border-b-0 md:border-r dark:border-slate-800">
        <p className="inline-flex items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <Eye aria-hidden className="size-3.5" /> Shared design · read-only
        </p>
        <h1 id="shared-title" className="text-xl font-semibold break-words">
          {design.title}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {plural(design.nodes.length, 'component')}, {plural(design.edges.length, 'connection')}. This copy lives only in the link: save it to edit it.
        </p>
        <button
          type="button"
          disabled={saving}
          onClick={() => {
            setSaving(true);
            void onSaveCopy().then((problem) => {
              setSaving(false);
              setError(problem);
            });
          }}
          className="inline-flex items-center gap-1.5 rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          <Copy aria-hidden className="size-4" /> Save a copy
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <TitledSection id="shared-review" title="Review" titleClassName="text-sm font-semibold">
          {findings === null ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Reviewing the design…</p>
          ) : findings.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">No findings: nothing in this design breaks the rules Skyline checks.</p>
          ) : (
            <ReviewCounts findings={findings} />
          )}
        </TitledSection>
        {/* Listed once opened: a thousand components and their connections are thousands of rows nobody sees closed. */}
        <details className="text-sm" onToggle={(event) => event.currentTarget.open && setListed(true)}>
          <summary className="cursor-pointer font-semibold">What is in it</summary>
          {listed && <Contents design={design} />}
        </details>
      </section>
      <div className="relative min-h-[60vh] flex-1 md:min-h-0">
        <DesignPreview design={design} label={`Drawing of ${design.title}`} />
      </div>
    </div>
  );
}

/**
 * The review's findings, or null until they are ready: the engine runs after
 * the page is first drawn, so "Save a copy" does not wait for it.
 */
function useReview(design: Design): readonly Finding[] | null {
  const [review, setReview] = useState<{ design: Design; findings: readonly Finding[] } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setReview({ design, findings: analyzeDesign(design) }));
    return () => clearTimeout(timer);
  }, [design]);
  return review?.design === design ? review.findings : null;
}

function ReviewCounts({ findings }: { findings: readonly Finding[] }) {
  const bySeverity = countBySeverity(findings);
  return (
    <ul className="mt-1 flex flex-wrap gap-2 text-sm">
      {SEVERITIES.filter((severity) => bySeverity[severity] > 0).map((severity) => (
        <li key={severity} className={`rounded border px-2 py-0.5 ${SEVERITY_META[severity].chip}`}>
          {countLabel(bySeverity[severity], severity)}
        </li>
      ))}
    </ul>
  );
}

function Contents({ design }: { design: Design }) {
  const names = useMemo(() => new Map(design.nodes.map((n) => [n.id, n.name])), [design]);
  return (
    <>
      <ul aria-label="Components" className="mt-2 space-y-1">
        {design.nodes.map((n) => (
          <li key={n.id}>
            {n.name} <span className="text-slate-500 dark:text-slate-400">· {getKind(n.kind).label}</span>
          </li>
        ))}
      </ul>
      <ul aria-label="Connections" className="mt-2 space-y-1">
        {design.edges.map((e) => (
          <li key={e.id}>
            {names.get(e.source)} → {names.get(e.target)}
          </li>
        ))}
      </ul>
    </>
  );
}
