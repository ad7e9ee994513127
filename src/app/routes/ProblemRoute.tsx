import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
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
import { ReferenceDialog } from '../../features/problems/ReferenceDialog.tsx';
import { createLocalDesignStorage } from '../../storage/design-storage.ts';
import { recordAttempt } from '../../storage/progress-storage.ts';

interface Comparison {
  mine: RubricScore;
  reference: RubricScore;
  design: Design;
}

function Workspace({ problem }: { problem: Problem }) {
  const storage = useMemo(() => createLocalDesignStorage(`problem:${problem.id}`), [problem.id]);
  const fresh = useCallback(
    () => createDesign({ id: `attempt-${problem.id}-${Date.now().toString(36)}`, title: problem.title, now: new Date().toISOString(), problemId: problem.id }),
    [problem],
  );
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const compare = useCallback(
    async (mine: RubricScore) => {
      recordAttempt(problem.id, mine.score);
      const built = referenceDesign(problem);
      const { positions, groups } = await layoutDesign(built);
      const design = applyPositions(built, positions, groups);
      setComparison({ mine, reference: scoreDesign(problem, design, analyzeDesign(design)), design });
    },
    [problem],
  );

  const sidePanel = useMemo(() => ({ label: 'Problem', content: <ProblemPanel problem={problem} onCompare={(s) => void compare(s)} /> }), [problem, compare]);

  return (
    <>
      <CanvasPage storage={storage} freshDesign={fresh} sidePanel={sidePanel} capabilities={problem.capabilities} />
      {comparison && (
        <ReferenceDialog
          problem={problem}
          mine={comparison.mine}
          reference={comparison.reference}
          preview={<DesignPreview design={comparison.design} label={`Reference design for ${problem.title}`} />}
          onClose={() => setComparison(null)}
        />
      )}
    </>
  );
}

export function ProblemRoute() {
  const { problemId = '' } = useParams();
  const { data: problem, error, isPending } = useQuery(problemQuery(problemId));
  if (isPending) return <p className="p-6 text-slate-500">Loading the problem…</p>;
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
