/**
 * Helpers for testing rules, kept free of any test framework so they stay
 * inside the pure core: run one rule, and check that a finding's quick fixes
 * behave (new valid design, input untouched, finding gone).
 */
import { Design } from '../diagram/schema.ts';
import { runRules } from './engine.ts';
import type { Finding, RuleDefinition } from './types.ts';

/** Findings of one rule on a design, with optional threshold overrides. */
export function checkRule(rule: RuleDefinition, design: Design, thresholds?: Record<string, number>): Finding[] {
  return runRules([rule], design, thresholds ? { config: { [rule.id]: { thresholds } } } : {});
}

/**
 * Apply every quick fix of `finding` to `design` and describe what went wrong:
 * an empty list means each fix returned a new, valid design without touching
 * the input, and the finding (same id) is gone afterwards.
 */
export function quickFixProblems(rule: RuleDefinition, design: Design, finding: Finding): string[] {
  const problems: string[] = [];
  for (const fix of finding.quickFixes) {
    const before = JSON.stringify(design);
    const fixed = fix.apply(design);
    if (JSON.stringify(design) !== before) problems.push(`${fix.id}: changed the input design`);
    if (fixed === design) problems.push(`${fix.id}: returned the same design object`);
    const parsed = Design.safeParse(fixed);
    if (!parsed.success) problems.push(`${fix.id}: invalid design: ${parsed.error.issues[0]?.message ?? ''}`);
    if (checkRule(rule, fixed).some((f) => f.id === finding.id)) problems.push(`${fix.id}: finding ${finding.id} is still reported`);
  }
  return problems;
}

/** Every quick fix of every finding the rule reports on `design`; see quickFixProblems. */
export function allQuickFixProblems(rule: RuleDefinition, design: Design): string[] {
  return checkRule(rule, design).flatMap((finding) => quickFixProblems(rule, design, finding));
}
