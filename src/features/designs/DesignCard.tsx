import { Copy, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { countLabel } from '../../components/ui/severity.ts';
import { cleanDisplayName, onlyInvisible } from '../../domain/diagram/display-name.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { designThumbnail } from './thumbnail.ts';

export interface DesignSummary {
  design: Design;
  revision: number;
  /** Where "Open" goes: the problem workspace or the free canvas. */
  href: string;
  problemTitle: string | null;
  /** Rubric score out of 100, for designs of a known problem once it has loaded. */
  score: number | null;
  findings: { error: number; warning: number; info: number };
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return 'just now';
}

const actionClass =
  'inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

export function DesignCard({ summary, dark, onRename, onDuplicate, onDelete }: {
  summary: DesignSummary;
  dark: boolean;
  onRename(title: string): Promise<string | null>;
  onDuplicate(): void;
  onDelete(): void;
}) {
  const { design } = summary;
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(design.title);
  const [error, setError] = useState<string | null>(null);
  const titleId = `design-${design.id}-title`;

  const submit = async () => {
    if (onlyInvisible(draft)) return setError('The title must contain a visible character.');
    const title = cleanDisplayName(draft);
    if (!title) return setError('The title must not be empty.');
    if (title.length > 120) return setError('The title must be at most 120 characters.');
    const problem = title === design.title ? null : await onRename(title);
    setError(problem);
    if (!problem) setRenaming(false);
  };

  return (
    <li className="flex flex-col overflow-hidden rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <article aria-labelledby={titleId} className="flex flex-1 flex-col">
        <Link to={summary.href} tabIndex={-1} aria-hidden className="block border-b border-slate-200 dark:border-slate-800">
          <img src={designThumbnail(design, dark)} alt="" className="aspect-[16/9] w-full" />
        </Link>
        <div className="flex flex-1 flex-col gap-1 p-3">
          {renaming ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
              className="space-y-1"
            >
              <label className="block text-xs font-medium" htmlFor={`${titleId}-input`}>
                New title for “{design.title}”
              </label>
              <input
                id={`${titleId}-input`}
                value={draft}
                autoFocus
                maxLength={120}
                aria-invalid={error !== null}
                aria-describedby={error ? `${titleId}-error` : undefined}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    setRenaming(false);
                    setError(null);
                  }
                }}
                className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
              />
              {error && (
                <p id={`${titleId}-error`} className="text-xs text-red-700 dark:text-red-400">
                  {error}
                </p>
              )}
              <div className="flex gap-2">
                <button type="submit" className="rounded-md bg-blue-700 px-2 py-1 text-xs font-medium text-white hover:bg-blue-800">
                  Save title
                </button>
                <button type="button" onClick={() => (setRenaming(false), setError(null))} className={actionClass}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <h2 id={titleId} className="font-semibold break-words">
              <Link to={summary.href} className="hover:underline">
                {design.title}
              </Link>
            </h2>
          )}
          <p className="text-xs text-slate-600 dark:text-slate-400">{summary.problemTitle ? `Problem: ${summary.problemTitle}` : 'Free design'}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {summary.score !== null && <span className="mr-2 font-semibold text-slate-800 dark:text-slate-100">Score {summary.score}/100</span>}
            {design.nodes.length} components ·{' '}
            {summary.findings.error + summary.findings.warning === 0 ? 'no errors or warnings' : `${countLabel(summary.findings.error, 'error')}, ${countLabel(summary.findings.warning, 'warning')}`}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Edited <time dateTime={design.updatedAt} title={new Date(design.updatedAt).toLocaleString()}>{timeAgo(design.updatedAt)}</time>
          </p>
          <div className="mt-auto flex flex-wrap gap-1 pt-2">
            <button type="button" className={actionClass} aria-label={`Rename ${design.title}`} onClick={() => (setDraft(design.title), setRenaming(true))}>
              <Pencil aria-hidden className="size-3.5" /> Rename
            </button>
            <button type="button" className={actionClass} aria-label={`Duplicate ${design.title}`} onClick={onDuplicate}>
              <Copy aria-hidden className="size-3.5" /> Duplicate
            </button>
            <button type="button" className={`${actionClass} text-red-700 dark:text-red-400`} aria-label={`Delete ${design.title}`} onClick={onDelete}>
              <Trash2 aria-hidden className="size-3.5" /> Delete
            </button>
          </div>
        </div>
      </article>
    </li>
  );
}
