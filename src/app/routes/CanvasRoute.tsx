import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { contentIndexQuery, termQuery } from '../../content/glossary.ts';
import { exampleToDesign } from '../../domain/glossary/example-design.ts';
import { getRule } from '../../domain/rules/registry.ts';
import { CanvasPage, type CanvasPageProps } from '../../features/canvas/CanvasPage.tsx';
import { createLibraryDesignStorage } from '../../storage/design-storage.ts';
import { getLibrary, saveNewDesign } from '../../storage/library.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { designPath, useLibraryDesign, useOpenAsNew } from './library-hooks.ts';

/** `/canvas`: opens the most recently edited free design, or starts one. */
export function CanvasHomeRoute() {
  const navigate = useNavigate();
  const { search } = useLocation();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const library = await getLibrary();
      let id = await library.latest(null);
      if (!id) {
        const made = await saveNewDesign('Untitled design');
        id = made.ok ? made.design.id : null;
      }
      if (!cancelled && id) void navigate(`${designPath({ id })}${search}`, { replace: true });
    })();
    return () => {
      cancelled = true;
    };
  }, [navigate, search]);
  return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening your design…</p>;
}

/**
 * `/canvas/:designId`: one design of the library. `?example=<rule id>` opens
 * the example that triggers a rule; `?term=<term id>` a glossary term's
 * example design. Either opens on top of the design, which stays one undo away.
 */
export function CanvasRoute() {
  const { designId = '' } = useParams();
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
  const [params, setParams] = useSearchParams();
  const ruleId = params.get('example');
  const termId = params.get('term');
  const rule = ruleId ? getRule(ruleId) : undefined;
  const term = useQuery({ ...termQuery(termId ?? ''), enabled: termId !== null });
  const onExampleOpened = useCallback(() => setParams({}, { replace: true }), [setParams]);
  // The design's title as it is edited; the store holds this design once it has loaded.
  const title = useEditorStore((s) => (s.design.id === designId ? s.design.title : null));
  usePageTitle(title === null ? null : `${title} · Canvas`);

  const example = useMemo((): Pick<CanvasPageProps, 'example' | 'exampleMissing'> => {
    if (rule) return { example: { design: rule.examples.failing, title: rule.title } };
    if (ruleId) return { exampleMissing: `There is no rule called “${ruleId}”, so no example was opened.` };
    if (termId && term.data?.exampleDesign) {
      const built = exampleToDesign(term.data.exampleDesign, `example-${termId}`, new Date().toISOString());
      if (built.ok) return { example: { design: built.design, title: term.data.exampleDesign.title } };
      return { exampleMissing: `The example for “${term.data.term}” could not be built: ${built.problem}` };
    }
    if (termId && (term.error || (term.data && !term.data.exampleDesign))) {
      return { exampleMissing: `There is no example design for “${termId}”, so nothing was opened.` };
    }
    return {};
  }, [rule, ruleId, termId, term.data, term.error]);

  return <CanvasPage storage={storage} {...example} onExampleOpened={onExampleOpened} onOpenAsNew={openAsNew} />;
}
