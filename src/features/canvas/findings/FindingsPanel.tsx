import { ChevronDown, ChevronUp, Crosshair, GraduationCap, Wand2 } from 'lucide-react';
import { memo, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { countBySeverity, SEVERITIES, type Finding, type Severity } from '../../../domain/rules/types.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { useAnalysis } from '../../../stores/editor/findings.ts';
import { countLabel, SEVERITY_META } from '../../../components/ui/severity.ts';
import { TermTitle } from '../../../components/ui/TermTitle.tsx';
import { SeeItHappenButton } from '../simulator/SeeItHappenButton.tsx';

type Filter = 'all' | Severity;

const NO_FINDINGS: readonly Finding[] = [];

/**
 * Findings listed per level before a "Show more" button. A generated design
 * of 1,000 components has over 2,000 findings: drawn at once, they were 90,000
 * elements that every frame of a drag on the canvas had to walk past.
 */
const PAGE = 50;
const FIRST_PAGE: Record<Severity, number> = { error: PAGE, warning: PAGE, info: PAGE };

/** Memoised: a finding that did not change in an edit is the same object, and is not drawn again. */
const FindingItem = memo(function FindingItem({ finding, onShow }: { finding: Finding; onShow(finding: Finding): void }) {
  const meta = SEVERITY_META[finding.severity];
  const Icon = meta.icon;
  const applyFix = (fixId: string) => {
    const store = useEditorStore.getState();
    const fix = finding.quickFixes.find((f) => f.id === fixId);
    if (!fix) return;
    store.replaceDesign(fix.apply(store.design));
    store.announce(`${fix.label}: done. Undo (Ctrl+Z) reverses it.`, 'success');
  };
  return (
    <li className="border-b border-slate-200 px-3 py-2.5 last:border-b-0 dark:border-slate-800">
      <article aria-label={`${meta.label}: ${finding.title}`}>
        <div className="flex items-start gap-2">
          <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${meta.text}`} />
          <div className="min-w-0 flex-1">
            <h4 className="text-sm font-semibold">
              <span className="sr-only">{meta.label}: </span>
              {finding.title}
            </h4>
            <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-300">{finding.message}</p>
            <details className="mt-1 text-sm">
              <summary className="cursor-pointer text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">Why it matters and how to fix it</summary>
              <p className="mt-1 text-slate-700 dark:text-slate-300">{finding.why}</p>
              <p className="mt-1 text-slate-700 dark:text-slate-300">
                <strong>Fix: </strong>
                {finding.fix}
              </p>
            </details>
            <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
              <button
                type="button"
                onClick={() => onShow(finding)}
                className="inline-flex items-center gap-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                aria-label={`Show on canvas: ${finding.title}`}
              >
                <Crosshair aria-hidden className="size-3.5" />
                Show
              </button>
              {finding.quickFixes.map((fix) => (
                <button
                  key={fix.id}
                  type="button"
                  onClick={() => applyFix(fix.id)}
                  className="inline-flex items-center gap-1 rounded border border-blue-300 bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900 hover:bg-blue-100 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100 dark:hover:bg-blue-900"
                >
                  <Wand2 aria-hidden className="size-3.5" />
                  {fix.label}
                </button>
              ))}
              <SeeItHappenButton finding={finding} />
              <Link
                to={`/glossary/${finding.glossaryTerm}`}
                className="inline-flex items-center gap-1 text-xs text-blue-800 underline dark:text-blue-300"
              >
                <GraduationCap aria-hidden className="size-3.5" />
                Learn: <TermTitle id={finding.glossaryTerm} />
              </Link>
            </div>
          </div>
        </div>
      </article>
    </li>
  );
});

/** The Review panel: its header (and the counts) always, the list when open, scrolling inside the height it is given. */
function FindingsPanelView({ onShow, open, onOpenChange }: { onShow(finding: Finding): void; open: boolean; onOpenChange(open: boolean): void }) {
  const analysis = useAnalysis();
  const findings = analysis?.findings ?? NO_FINDINGS;
  const [filter, setFilter] = useState<Filter>('all');
  const [limits, setLimits] = useState(FIRST_PAGE);
  const filterId = useId();
  const listId = useId();
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);

  return (
    <section aria-label="Findings" className={`canvas-review-panel flex flex-col bg-white dark:bg-slate-900 ${open ? 'h-full' : 'border-t border-slate-200 dark:border-slate-800'}`}>
      <div className="flex h-10 shrink-0 items-center gap-2 px-3">
        <button
          type="button"
          onClick={() => onOpenChange(!open)}
          aria-expanded={open}
          aria-controls={listId}
          className="inline-flex items-center gap-1.5 rounded px-1 py-0.5 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {open ? <ChevronDown aria-hidden className="size-4" /> : <ChevronUp aria-hidden className="size-4" />}
          Review
        </button>
        <ul className="flex min-w-0 flex-1 items-center gap-1.5 overflow-hidden" aria-label="Finding counts">
          {analysis === null ? (
            <li className="text-xs text-slate-500 dark:text-slate-400">Reviewing the design…</li>
          ) : findings.length === 0 ? (
            <li className="text-xs text-slate-500 dark:text-slate-400">No findings: nothing in this design breaks the rules Skyline checks.</li>
          ) : (
            SEVERITIES.filter((s) => counts[s] > 0).map((s) => {
              const Icon = SEVERITY_META[s].icon;
              return (
                <li key={s} className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-1.5 text-xs font-medium ${SEVERITY_META[s].chip}`}>
                  <Icon aria-hidden className="size-3" />
                  {countLabel(counts[s], s)}
                </li>
              );
            })
          )}
        </ul>
        {open && findings.length > 0 && (
          <>
            <label htmlFor={filterId} className="sr-only">
              Show findings
            </label>
            <select
              id={filterId}
              value={filter}
              onChange={(e) => setFilter(e.target.value as Filter)}
              className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="all">All ({findings.length})</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_META[s].label}s ({counts[s]})
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {open && (
        <div id={listId} className="min-h-0 flex-1 overflow-y-auto border-t border-slate-200 dark:border-slate-800">
          {SEVERITIES.map((severity) => {
            const group = shown.filter((f) => f.severity === severity);
            if (group.length === 0) return null;
            const hidden = group.length - limits[severity];
            return (
              <section key={severity} aria-label={`${SEVERITY_META[severity].label}s`}>
                <h3 className={`sticky top-0 z-[1] bg-slate-50 px-3 py-1 text-xs font-semibold uppercase tracking-wide dark:bg-slate-950 ${SEVERITY_META[severity].text}`}>
                  {SEVERITY_META[severity].label}s · {group.length}
                </h3>
                <ul>
                  {group.slice(0, limits[severity]).map((f) => (
                    <FindingItem key={f.id} finding={f} onShow={onShow} />
                  ))}
                </ul>
                {hidden > 0 && (
                  <button
                    type="button"
                    onClick={() => setLimits((l) => ({ ...l, [severity]: l[severity] + PAGE * 4 }))}
                    className="m-2 rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
                  >
                    {hidden <= PAGE * 4
                      ? `Show the other ${hidden} ${SEVERITY_META[severity].plural}`
                      : `Show ${PAGE * 4} more ${SEVERITY_META[severity].plural} (${hidden} not shown)`}
                  </button>
                )}
              </section>
            );
          })}
          {findings.length > 0 && shown.length === 0 && <p className="px-3 py-3 text-sm text-slate-500">Nothing at this level.</p>}
        </div>
      )}
    </section>
  );
}

/** Memoised: the canvas page re-renders when the save status changes, the review does not need to. */
export const FindingsPanel = memo(FindingsPanelView);
