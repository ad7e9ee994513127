import { useMemo } from 'react';
import type { Problem } from '../../domain/rubric/problem.ts';
import { scoreDesign, type RubricScore } from '../../domain/rubric/scorer.ts';
import { useFindings } from '../../stores/editor/findings.ts';
import { useStructuralDesign } from '../../stores/editor/structural-design.ts';

/** The live rubric score: recomputed on structural edits only, never during a drag. */
export function useRubricScore(problem: Problem): RubricScore {
  const findings = useFindings();
  const design = useStructuralDesign();
  return useMemo(() => scoreDesign(problem, design, findings), [problem, design, findings]);
}
