/** Building findings the same way in every rule. */
import type { Finding, QuickFix, RuleDefinition, Severity } from '../types.ts';

export type RuleHeader = Pick<RuleDefinition, 'id' | 'title' | 'severity' | 'glossaryTerm'>;

export interface FindingDraft {
  message: string;
  why: string;
  fix: string;
  /** Nodes, edges and groups involved; duplicates are dropped, order is kept. */
  elementIds: readonly string[];
  severity?: Severity;
  title?: string;
  glossaryTerm?: string;
  quickFixes?: QuickFix[];
  /** Replaces the sorted element ids in the finding id, for design-wide findings. */
  key?: string;
}

export function findingKey(elementIds: readonly string[]): string {
  return [...new Set(elementIds)].sort().join('+');
}

export function makeFinding(rule: RuleHeader, draft: FindingDraft): Finding {
  const elementIds = [...new Set(draft.elementIds)];
  return {
    id: `${rule.id}:${draft.key ?? findingKey(elementIds)}`,
    ruleId: rule.id,
    severity: draft.severity ?? rule.severity,
    title: draft.title ?? rule.title,
    message: draft.message,
    why: draft.why,
    fix: draft.fix,
    glossaryTerm: draft.glossaryTerm ?? rule.glossaryTerm,
    elementIds,
    quickFixes: draft.quickFixes ?? [],
  };
}
