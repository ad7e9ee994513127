/** Building findings the same way in every rule. */
import type { Design } from '../../diagram/schema.ts';
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

/** Element ids without repeats, first occurrence kept. */
function unique(ids: readonly string[]): string[] {
  if (ids.length <= 8) {
    const out: string[] = [];
    for (const id of ids) if (!out.includes(id)) out.push(id);
    return out;
  }
  return [...new Set(ids)];
}

export function makeFinding(rule: RuleHeader, draft: FindingDraft): Finding {
  const elementIds = unique(draft.elementIds);
  return {
    id: `${rule.id}:${draft.key ?? [...elementIds].sort().join('+')}`,
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

/** A quick fix; a plain function so hot paths create no named closures. */
export function quickFix(id: string, label: string, apply: (design: Design) => Design): QuickFix {
  return { id, label, apply };
}
