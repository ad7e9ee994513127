import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Plus, Upload } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { downloadFile } from '../../components/ui/download.ts';
import { DESIGN_FILE, useFilePicker } from '../../components/ui/file-picker.tsx';
import { SearchField } from '../../components/ui/SearchField.tsx';
import { contentIndexQuery } from '../../content/glossary.ts';
import { problemQuery } from '../../content/problems.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { scoreDesign } from '../../domain/rubric/scorer.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { countBySeverity } from '../../domain/rules/types.ts';
import type { DamagedEntry, StoredDesign } from '../../storage/design-library.ts';
import { getLibrary, libraryQuery, progressQuery, saveAsNew, saveNewDesign } from '../../storage/library.ts';
import { readDesignFile } from '../../storage/read-design-file.ts';
import { distinctTitle, libraryTitles } from '../../storage/distinct-title.ts';
import { resolvedTheme, useSettingsStore } from '../../stores/settings-store.ts';
import { DesignCard, timeAgo, type DesignSummary } from './DesignCard.tsx';
import { plural } from '../../components/ui/plural.ts';
import { TitledSection } from '../../components/ui/TitledSection.tsx';
import { usePageTitle } from '../../components/ui/use-page-title.ts';

type SortKey = 'edited' | 'created' | 'title' | 'score';
const SORTS: { id: SortKey; label: string }[] = [
  { id: 'edited', label: 'Last edited' },
  { id: 'created', label: 'Newest first' },
  { id: 'title', label: 'Title (A–Z)' },
  { id: 'score', label: 'Score (highest first)' },
];
const UNDO_MS = 8000;
const UNTITLED = 'Untitled design';

/** A free design that was never given a title or anything to show. */
function isBlankUntitled(design: Design): boolean {
  return design.problemId === null && design.title === UNTITLED && design.nodes.length + design.edges.length + design.groups.length + design.notes.length === 0;
}

function compareBy(key: SortKey): (a: DesignSummary, b: DesignSummary) => number {
  switch (key) {
    case 'edited':
      return (a, b) => b.design.updatedAt.localeCompare(a.design.updatedAt);
    case 'created':
      return (a, b) => b.design.createdAt.localeCompare(a.design.createdAt);
    case 'title':
      return (a, b) => a.design.title.localeCompare(b.design.title, 'en', { sensitivity: 'base' });
    case 'score':
      return (a, b) => (b.score ?? -1) - (a.score ?? -1) || b.design.updatedAt.localeCompare(a.design.updatedAt);
  }
}

function downloadRaw(entry: DamagedEntry) {
  downloadFile(`damaged-design-${entry.id.replace(/[^\w-]/g, '_')}.json`, JSON.stringify(entry.raw, null, 2) ?? 'null', 'application/json');
}

const buttonClass = 'inline-flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium';

export function DesignsPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const library = useQuery(libraryQuery());
  usePageTitle('My designs');
  const index = useQuery(contentIndexQuery);
  const progress = useQuery(progressQuery());
  const dark = resolvedTheme(useSettingsStore((s) => s.theme)) === 'dark';
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('edited');
  const [notice, setNotice] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [deleted, setDeleted] = useState<{ record: StoredDesign; title: string } | null>(null);
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: ['library'] }), [client]);

  const problemTitles = useMemo(() => new Map(index.data?.problems.map((p) => [p.id, p.title]) ?? []), [index.data]);
  const problemIds = useMemo(
    () => [...new Set((library.data?.entries ?? []).map((e) => e.design.problemId).filter((id): id is string => id !== null && problemTitles.has(id)))],
    [library.data, problemTitles],
  );
  const problems = useQueries({ queries: problemIds.map((id) => problemQuery(id)) });
  const loadedProblems = problems.map((p) => p.data);
  const problemsKey = loadedProblems.map((p) => (p ? p.id : '')).join(',');

  const summaries = useMemo((): DesignSummary[] => {
    const byId = new Map(loadedProblems.filter((p) => p !== undefined).map((p) => [p.id, p]));
    return (library.data?.entries ?? []).map(({ design, revision }) => {
      const findings = analyzeDesign(design);
      const problem = design.problemId ? byId.get(design.problemId) : undefined;
      const known = design.problemId !== null && problemTitles.has(design.problemId);
      return {
        design,
        revision,
        href: known ? `/problems/${design.problemId}?design=${encodeURIComponent(design.id)}` : `/canvas/${encodeURIComponent(design.id)}`,
        problemTitle: known && design.problemId ? (problemTitles.get(design.problemId) ?? null) : null,
        score: problem ? scoreDesign(problem, design, findings).score : null,
        findings: countBySeverity(findings),
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- problemsKey stands for the loaded problems
  }, [library.data, problemTitles, problemsKey]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = q ? summaries.filter((s) => s.design.title.toLowerCase().includes(q) || (s.problemTitle ?? '').toLowerCase().includes(q)) : summaries;
    return [...matches].sort(compareBy(sort));
  }, [summaries, query, sort]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const createNew = async () => {
    // A blank untitled design already waiting (from "Start drawing", say) is opened rather than joined by another.
    const blank = library.data?.entries.find(({ design: d }) => isBlankUntitled(d));
    if (blank) return void navigate(`/canvas/${encodeURIComponent(blank.design.id)}`);
    const made = await saveNewDesign(UNTITLED);
    if (made.ok) void navigate(`/canvas/${made.design.id}`);
    else setNotice({ tone: 'error', text: made.message });
  };

  const importFile = async (file: File) => {
    const parsed = await readDesignFile(file);
    if (!parsed.ok) return setNotice({ tone: 'error', text: `“${file.name}” was not opened. ${parsed.message}` });
    // A file whose design is already here (exported from this library, say) gets a title of its own, so the two cards can be told apart.
    const saved = await saveAsNew(parsed.design, { title: distinctTitle(parsed.design.title, await libraryTitles()) });
    if (!saved.ok) return setNotice({ tone: 'error', text: saved.message });
    void refresh();
    void navigate(`/canvas/${saved.design.id}`);
  };

  const filePicker = useFilePicker((file) => void importFile(file), DESIGN_FILE);

  const rename = async (summary: DesignSummary, title: string): Promise<string | null> => {
    const lib = await getLibrary();
    const result = await lib.save({ ...summary.design, title, updatedAt: new Date().toISOString() }, summary.revision);
    void refresh();
    return result.ok ? null : result.message;
  };

  const duplicate = async (design: Design) => {
    const saved = await saveAsNew(design, { title: `${design.title} (copy)`.slice(0, 120) });
    if (!saved.ok) setNotice({ tone: 'error', text: saved.message });
    else setNotice({ tone: 'info', text: `Made “${saved.design.title}”.` });
    void refresh();
  };

  /** Deletes the record stored under `key` (a damaged record's key may differ from the id inside it). */
  const remove = async (key: string, title: string) => {
    const result = await (await getLibrary()).remove(key);
    if (!result.ok) setNotice({ tone: 'error', text: result.message });
    else if (result.record) setDeleted({ record: result.record, title });
    void refresh();
  };

  const undoDelete = async () => {
    if (!deleted) return;
    const result = await (await getLibrary()).restore(deleted.record);
    setDeleted(null);
    if (!result.ok) setNotice({ tone: 'error', text: result.message });
    void refresh();
  };

  const attempted = [...(progress.data?.values() ?? [])].filter((p) => problemTitles.has(p.problemId)).sort((a, b) => b.best - a.best);
  const total = summaries.length;

  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 overflow-y-auto px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">My designs</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Everything you draw is kept in this browser, saved as you work. Nothing is uploaded.</p>
        </div>
        <div className="flex gap-2">
          <button type="button" onClick={filePicker.open} className={`${buttonClass} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`}>
            <Upload aria-hidden className="size-4" /> Import design file…
          </button>
          <button type="button" onClick={() => void createNew()} className={`${buttonClass} bg-blue-700 text-white hover:bg-blue-800`}>
            <Plus aria-hidden className="size-4" /> New design
          </button>
        </div>
        {filePicker.input}
      </div>

      {library.data?.warning && (
        <p role="alert" className="mt-4 flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" /> {library.data.warning}
        </p>
      )}
      <div role="status" aria-live="polite">
        {notice && (
          <p className={`mt-4 rounded-md border p-3 text-sm ${notice.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100' : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'}`}>
            {notice.tone === 'error' && <span className="sr-only">Problem: </span>}
            {notice.text}{' '}
            <button type="button" className="ml-2 underline" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
      </div>

      {total > 0 && (
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <SearchField label="Search designs" value={query} onChange={setQuery} placeholder="Search by title or problem" className="w-full sm:w-72" />
          <label className="flex items-center gap-2 text-sm">
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900">
              {SORTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <p className="text-sm text-slate-500 dark:text-slate-400">{query ? `${shown.length} of ${total} designs` : plural(total, 'design')}</p>
        </div>
      )}

      {library.isPending ? (
        <p className="mt-6 text-sm text-slate-500 dark:text-slate-400">Loading your designs…</p>
      ) : total === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <p className="font-semibold">No designs yet</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Start a <button type="button" className="text-blue-800 underline dark:text-blue-300" onClick={() => void createNew()}>new design</button>, pick a{' '}
            <Link to="/problems" className="text-blue-800 underline dark:text-blue-300">problem</Link> to practise, or import a design file.
          </p>
        </div>
      ) : shown.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600 dark:text-slate-300">No design matches “{query}”.</p>
      ) : (
        <ul aria-label="Designs" className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((s) => (
            <DesignCard
              key={s.design.id}
              summary={s}
              dark={dark}
              onRename={(title) => rename(s, title)}
              onDuplicate={() => void duplicate(s.design)}
              onDelete={() => void remove(s.design.id, s.design.title)}
            />
          ))}
        </ul>
      )}

      {(library.data?.damaged.length ?? 0) > 0 && (
        <TitledSection id="damaged-title" title={library.data?.damaged.length === 1 ? 'One design could not be read' : `${library.data?.damaged.length} designs could not be read`} className="mt-8 rounded-xl border border-red-300 p-4 dark:border-red-800" titleClassName="font-semibold">
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">The rest of your library is fine. Download the raw data to repair it by hand, or delete it.</p>
          <ul className="mt-3 space-y-2">
            {library.data?.damaged.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{d.title ?? d.id}</span>
                <span className="text-slate-600 dark:text-slate-400">{d.message}</span>
                <button type="button" className="underline" onClick={() => downloadRaw(d)} aria-label={`Download raw data of ${d.title ?? d.id}`}>
                  Download raw data
                </button>
                <button type="button" className="text-red-700 underline dark:text-red-400" onClick={() => void remove(d.id, d.title ?? d.id)} aria-label={`Delete ${d.title ?? d.id}`}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </TitledSection>
      )}

      {attempted.length > 0 && (
        <TitledSection id="progress-title" title="Problem progress" className="mt-8">
          <table className="mt-2 w-full max-w-2xl text-left text-sm">
            <thead className="text-slate-500 dark:text-slate-400">
              <tr>
                <th className="py-1 font-medium">Problem</th>
                <th className="py-1 font-medium">Best score</th>
                <th className="py-1 font-medium">Checks</th>
                <th className="py-1 font-medium">Last checked</th>
              </tr>
            </thead>
            <tbody>
              {attempted.map((p) => (
                <tr key={p.problemId} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1.5">
                    <Link to={`/problems/${p.problemId}`} className="text-blue-800 underline dark:text-blue-300">
                      {problemTitles.get(p.problemId)}
                    </Link>
                  </td>
                  <td className="py-1.5">{p.best}/100</td>
                  <td className="py-1.5">{p.attempts.length}</td>
                  <td className="py-1.5">{p.attempts.at(-1) ? timeAgo(p.attempts.at(-1)?.at ?? '') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TitledSection>
      )}

      {deleted && (
        <div role="status" className="fixed inset-x-0 bottom-4 z-40 flex justify-center px-3">
          <div className="flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">
            <span>Deleted “{deleted.title}”.</span>
            <button type="button" onClick={() => void undoDelete()} className="font-semibold underline">
              Undo
            </button>
          </div>
        </div>
      )}
    </main>
  );
}
