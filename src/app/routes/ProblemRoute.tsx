import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { MessagePage } from '../../components/ui/MessagePage.tsx';
import { ProblemNotFound, problemQuery } from '../../content/problems.ts';
import { applyPositions } from '../../domain/diagram/edit-operations.ts';
import { createDesign } from '../../domain/diagram/factory.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import type { Problem } from '../../domain/rubric/problem.ts';
import { referenceDesign } from '../../domain/rubric/reference.ts';
import { scoreDesign, type RubricScore } from '../../domain/rubric/scorer.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { CanvasPage } from '../../features/canvas/CanvasPage.tsx';
import { DesignPreview } from '../../features/canvas/DesignPreview.tsx';
import { layoutDesign } from '../../features/canvas/layout.ts';
import { ProblemPanel } from '../../features/problems/ProblemPanel.tsx';
import { ReferenceDialog, type DrawDesign } from '../../features/problems/ReferenceDialog.tsx';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { createLibraryDesignStorage } from '../../storage/design-storage.ts';
import { getLibrary, saveNewDesign } from '../../storage/library.ts';
import { usePageTitle } from '../../components/ui/use-page-title.ts';
import { useLibraryDesign, useOpenAsNew } from './library-hooks.ts';

interface Comparison {
  mine: RubricScore;
  reference: RubricScore;
  design: Design;
  yours: Design;
}

const drawDesign: DrawDesign = (design, label, marked, markLabel) => <DesignPreview design={design} label={label} readable marked={marked} markLabel={markLabel} />;

/** The design this workspace edits: `?design=<id>`, else the problem's latest attempt, else a new one. */
function useAttemptId(problem: Problem): string | null {
  const [params, setParams] = useSearchParams();
  const requested = params.get('design');
  const [resolved, setResolved] = useState<string | null>(null);
  useEffect(() => {
    if (requested) return;
    let cancelled = false;
    void (async () => {
      const library = await getLibrary();
      let id = await library.latest(problem.id);
      if (!id) {
        const made = await saveNewDesign(problem.title, problem.id);
        id = made.ok ? made.design.id : null;
      }
      if (!cancelled && id) {
        setResolved(id);
        setParams({ design: id }, { replace: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [requested, problem, setParams]);
  return requested ?? resolved;
}

function Workspace({ problem }: { problem: Problem }) {
  usePageTitle(problem.title);
  const designId = useAttemptId(problem);
  const opened = useLibraryDesign(designId);
  if (designId === null || opened.status === 'loading') return <p className="p-6 text-sm text-slate-500 dark:text-slate-400">Opening your attempt…</p>;
  if (opened.status === 'missing') {
    return <MessagePage title="No such design" message="This attempt may have been deleted." linkTo={`/problems/${problem.id}`} linkText={`Open ${problem.title}`} />;
  }
  if (opened.status === 'damaged') {
    return <MessagePage title="This attempt could not be opened" message={`${opened.message} It is kept as it was in My designs.`} linkTo="/designs" linkText="My designs" />;
  }
  return <AttemptCanvas key={designId} problem={problem} designId={designId} opened={opened} />;
}

function AttemptCanvas({ problem, designId, opened }: { problem: Problem; designId: string; opened: Extract<ReturnType<typeof useLibraryDesign>, { status: 'loaded' }> }) {
  const storage = useMemo(() => createLibraryDesignStorage(opened.library, designId), [opened.library, designId]);
  const openAsNew = useOpenAsNew();
  const fresh = useCallback(
    () => createDesign({ id: designId, title: problem.title, now: new Date().toISOString(), problemId: problem.id }),
    [problem, designId],
  );
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const compare = useCallback(
    async (mine: RubricScore) => {
      const yours = useEditorStore.getState().design;
      const built = referenceDesign(problem);
      // Laid out for the drawing's box in the comparison: the window less the list beside it.
      const viewport = { width: Math.max(320, window.innerWidth - (window.innerWidth >= 768 ? 420 : 16)), height: Math.max(320, window.innerHeight - 100) };
      const { positions, groups } = await layoutDesign(built, { viewport });
      const design = applyPositions(built, positions, groups);
      setComparison({ mine, reference: scoreDesign(problem, design, analyzeDesign(design)), design, yours });
    },
    [problem],
  );

  const sidePanel = useMemo(() => ({ label: 'Problem', content: <ProblemPanel problem={problem} onCompare={(s) => void compare(s)} /> }), [problem, compare]);

  return (
    <>
      <CanvasPage storage={storage} freshDesign={fresh} sidePanel={sidePanel} problem={problem} onOpenAsNew={openAsNew} />
      {comparison && (
        <ReferenceDialog
          problem={problem}
          mine={comparison.mine}
          reference={comparison.reference}
          yours={comparison.yours}
          referenceDesign={comparison.design}
          draw={drawDesign}
          onClose={() => setComparison(null)}
        />
      )}
    </>
  );
}

export function ProblemRoute() {
  const { problemId = '' } = useParams();
  const { data: problem, error, isPending } = useQuery(problemQuery(problemId));
  if (isPending) return <p className="p-6 text-slate-500 dark:text-slate-400">Loading the problem…</p>;
  if (error || !problem) {
    return (
      <MessagePage
        title={error instanceof ProblemNotFound ? 'No such problem' : 'This problem could not be opened'}
        message={error?.message}
        linkTo="/problems"
        linkText="All problems"
      />
    );
  }
  return <Workspace key={problem.id} problem={problem} />;
}
