/**
 * The shapes the rules engine speaks: findings, rules and their settings.
 * Pure types; the engine lives in engine.ts and the rules in rules/.
 */
import type { GraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** How many findings there are of each severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A mechanical one-click change that resolves a finding. */
export interface QuickFix {
  /** Unique within its finding, e.g. "set-timeout". */
  id: string;
  /** What the button says, e.g. "Set a 2,000 ms timeout". */
  label: string;
  /** Pure: returns a NEW design and never mutates the one it is given. */
  apply(design: Design): Design;
}

export interface Finding {
  /** Stable and unique within one analysis: `${ruleId}:${sorted element ids joined by '+'}`. */
  id: string;
  ruleId: string;
  severity: Severity;
  /** Short, e.g. "Shared database". */
  title: string;
  /** Names elements by their names: "Orders and Billing both write to Orders DB." */
  message: string;
  /** Why it matters, two or three sentences. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** Id of the glossary term that explains the concept. */
  glossaryTerm: string;
  /** Ids of the nodes, edges and groups involved; every id exists in the design. */
  elementIds: string[];
  quickFixes: QuickFix[];
}

export interface RuleContext<T> {
  design: Design;
  /** Built once per analysis and shared by every rule. */
  index: GraphIndex;
  thresholds: T;
}

export interface RuleDefinition<T extends Record<string, number> = Record<string, number>> {
  /** Kebab-case and stable forever: it appears in saved scorecards and URLs. */
  id: string;
  title: string;
  /** The default severity; a rule may report some findings at another level. */
  severity: Severity;
  glossaryTerm: string;
  /** What it checks, one sentence, for learners. */
  summary: string;
  /** The graph condition, precisely, for the docs and the rules page. */
  condition: string;
  /** Defaults; a RulesConfig may override them. */
  thresholds: T;
  check(ctx: RuleContext<T>): Finding[];
  /** A design that triggers the rule and a close variant that must not. */
  examples: { failing: Design; passing: Design };
}

export interface RulesConfig {
  [ruleId: string]: { enabled?: boolean; severity?: Severity; thresholds?: Record<string, number> };
}
