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
  const n = ids.length;
  if (n <= 8) {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      let j = out.length - 1;
      while (j >= 0 && out[j] !== id) j--;
      if (j < 0) out.push(id);
    }
    return out;
  }
  return [...new Set(ids)];
}

/**
 * The ids sorted as `[...ids].sort()` sorts strings (by UTF-16 code units) and
 * joined by '+'. An insertion sort: finding id lists are short, and the
 * built-in sort allocates far more than the finding itself.
 */
function sortedKey(ids: readonly string[]): string {
  const n = ids.length;
  if (n === 0) return '';
  const sorted = ids.slice();
  for (let i = 1; i < n; i++) {
    const id = sorted[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > id) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = id;
  }
  let key = sorted[0]!;
  for (let i = 1; i < n; i++) key += `+${sorted[i]!}`;
  return key;
}

export function makeFinding(rule: RuleHeader, draft: FindingDraft): Finding {
  const elementIds = unique(draft.elementIds);
  return {
    id: `${rule.id}:${draft.key ?? sortedKey(elementIds)}`,
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
