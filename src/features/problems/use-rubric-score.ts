import { useMemo } from 'react';
import type { Problem } from '../../domain/rubric/problem.ts';
import { scoreDesign, type RubricScore } from '../../domain/rubric/scorer.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { useFindings } from '../../stores/editor/findings.ts';

/** The live rubric score: recomputed when the findings are, i.e. on structural edits only. */
export function useRubricScore(problem: Problem): RubricScore {
  const findings = useFindings();
  const structure = useEditorStore((s) => s.structure);
  return useMemo(
    () => scoreDesign(problem, useEditorStore.getState().design, findings),
    // The design is read at the moment the structure changes; moves do not change the score.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [problem, findings, structure],
  );
}
