import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { contentIndexQuery, termQuery } from '../../content/glossary.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { exampleToDesign } from '../../domain/glossary/example-design.ts';
import { getRule } from '../../domain/rules/registry.ts';
import { CanvasPage, type CanvasNotice } from '../../features/canvas/CanvasPage.tsx';
import { createLibraryDesignStorage } from '../../storage/design-storage.ts';
import { getLibrary, saveAsNew, saveNewDesign } from '../../storage/library.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { designPath, useLibraryDesign, useOpenAsNew } from './library-hooks.ts';

type Example = { ok: true; design: Design; title: string } | { ok: false; message: string };

/** The example a link asks for (`?example=<rule id>` or `?term=<term id>`), or null when it asks for none. */
async function requestedExample(params: URLSearchParams, queryClient: QueryClient): Promise<Example | null> {
  const ruleId = params.get('example');
  const termId = params.get('term');
  if (ruleId !== null) {
    const rule = getRule(ruleId);
    return rule ? { ok: true, design: rule.examples.failing, title: rule.title } : { ok: false, message: `There is no rule called “${ruleId}”, so no example was opened.` };
  }
  if (termId === null) return null;
  const term = await queryClient.fetchQuery(termQuery(termId)).catch(() => null);
  if (!term?.exampleDesign) return { ok: false, message: `There is no example design for “${termId}”, so nothing was opened.` };
  const built = exampleToDesign(term.exampleDesign, `example-${termId}`, new Date().toISOString());
  return built.ok ? { ok: true, design: built.design, title: term.exampleDesign.title } : { ok: false, message: `The example for “${term.term}” could not be built: ${built.problem}` };
}

/**
 * Opens an example as a design of its own, never over the design that was
 * open: a copy opened before and not edited since is opened again instead
 * of making another.
 */
async function openExampleAsNew(example: Extract<Example, { ok: true }>): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const title = `Example: ${example.title}`.slice(0, 120);
  const { entries } = await (await getLibrary()).list();
  const untouched = entries.find((e) => e.design.title === title && e.design.problemId === null && e.design.createdAt === e.design.updatedAt);
  if (untouched) return { ok: true, id: untouched.design.id };
  const saved = await saveAsNew({ ...example.design, problemId: null }, { title });
  return saved.ok ? { ok: true, id: saved.design.id } : { ok: false, message: saved.message };
}

/**
 * Where a link to the canvas leads: the example it asks for, opened as a new
 * design, or else `fallback` (the design it named, or the latest one), with
 * a notice saying why no example opened.
 */
async function resolveCanvasLink(params: URLSearchParams, queryClient: QueryClient, fallback: () => Promise<string | null>): Promise<{ id: string | null; notice: CanvasNotice | null }> {
  const example = await requestedExample(params, queryClient);
  if (example?.ok) {
    const opened = await openExampleAsNew(example);
    if (opened.ok) {
      return { id: opened.id, notice: { text: `Opened the example “${example.title}” as a design of its own. Your other designs are unchanged in My designs.`, tone: 'success' } };
    }
    return { id: await fallback(), notice: { text: `The example was not opened: ${opened.message}`, tone: 'error' } };
  }
  return { id: await fallback(), notice: example ? { text: example.message, tone: 'error' } : null };
}

/** `/canvas`: opens the most recently edited free design, or starts one; `?example=` and `?term=` open an example as a new design. */
export function CanvasHomeRoute() {
  useOpenCanvasLink(null);
  return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening your design…</p>;
}

/** The most recently edited free design, or a new one. */
async function latestOrNew(): Promise<string | null> {
  const id = await (await getLibrary()).latest(null);
  if (id) return id;
  const made = await saveNewDesign('Untitled design');
  return made.ok ? made.design.id : null;
}

/** Resolves the address's example link and goes to the design it opens; without one, to `designId` (or, if null, the latest design). */
function useOpenCanvasLink(designId: string | null) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const { id, notice } = await resolveCanvasLink(params, queryClient, designId === null ? latestOrNew : async () => designId);
      if (!cancelled && id) void navigate(designPath({ id }), { replace: true, state: notice ? { notice } : null });
    })();
    return () => {
      cancelled = true;
    };
  }, [navigate, params, queryClient, designId]);
}

/**
 * `/canvas/:designId`: one design of the library. `?example=<rule id>` and
 * `?term=<term id>` (older links) open the example as a new design, leaving
 * this one as it is.
 */
export function CanvasRoute() {
  const { designId = '' } = useParams();
  const [params] = useSearchParams();
  if (params.has('example') || params.has('term')) return <ExampleLink designId={designId} />;
  return <LibraryDesignRoute designId={designId} />;
}

function ExampleLink({ designId }: { designId: string }) {
  useOpenCanvasLink(designId);
  return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening the example…</p>;
}

function LibraryDesignRoute({ designId }: { designId: string }) {
  const opened = useLibraryDesign(designId);
  const index = useQuery(contentIndexQuery);
  if (opened.status === 'loading' || (opened.status === 'loaded' && opened.design.problemId && index.isPending)) {
    return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening your design…</p>;
  }
  if (opened.status === 'missing') {
    return <MessagePage title="No such design" message="It may have been deleted, or the address was mistyped." linkTo="/designs" linkText="My designs" />;
  }
  if (opened.status === 'damaged') {
    return (
      <MessagePage
        title="This design could not be opened"
        message={`${opened.message} It is kept as it was: in My designs you can download its raw data or delete it.`}
        linkTo="/designs"
        linkText="My designs"
      />
    );
  }
  const problemId = opened.design.problemId;
  if (problemId && index.data?.problems.some((p) => p.id === problemId)) {
    return <Navigate to={`/problems/${problemId}?design=${encodeURIComponent(designId)}`} replace />;
  }
  return <LibraryCanvas key={designId} designId={designId} opened={opened} />;
}

function LibraryCanvas({ designId, opened }: { designId: string; opened: Extract<ReturnType<typeof useLibraryDesign>, { status: 'loaded' }> }) {
  const storage = useMemo(() => createLibraryDesignStorage(opened.library, designId), [opened.library, designId]);
  const openAsNew = useOpenAsNew();
  const navigate = useNavigate();
  // The design's title as it is edited; the store holds this design once it has loaded.
  const title = useEditorStore((s) => (s.design.id === designId ? s.design.title : null));
  usePageTitle(title === null ? null : `${title} · Canvas`);
  const location = useLocation();
  const notice = (location.state as { notice?: CanvasNotice } | null)?.notice;
  // Shown once: the address keeps no state, so a reload does not repeat it.
  const onNoticeShown = useCallback(() => void navigate(location.pathname, { replace: true, state: null }), [navigate, location.pathname]);
  return <CanvasPage storage={storage} {...(notice ? { notice } : {})} onNoticeShown={onNoticeShown} onOpenAsNew={openAsNew} />;
}
