import { useMemo } from 'react';

const NONE: readonly never[] = [];
import type { Problem } from '../../domain/rubric/problem.ts';
import { scoreDesign, type RubricScore } from '../../domain/rubric/scorer.ts';
import { useAnalysis, type Analysis } from '../../stores/editor/findings.ts';
import { useStructuralDesign } from '../../stores/editor/structural-design.ts';

/**
 * The live rubric score: recomputed when the review of a structural edit is
 * in (never during a drag, and never per keystroke while the review is still
 * running), on the version of the design that review is for.
 */
export function useRubricScore(problem: Problem): RubricScore {
  const analysis = useAnalysis();
  const design = useStructuralDesign();
  const scored: Analysis = analysis ?? { design, findings: NONE };
  return useMemo(() => scoreDesign(problem, scored.design, scored.findings), [problem, scored.design, scored.findings]);
}

