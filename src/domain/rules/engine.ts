/**
 * The rules engine: design in, findings out. Pure and deterministic: the same
 * design always gives the same findings in the same order (severity, then rule
 * id, then finding id). The graph index is built once and shared by every
 * rule, and so are the analyses rules derive from it (see analysis/), which
 * are dropped when the analysis ends.
 */
import { buildGraphIndex, type GraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';
import { forgetDerived } from './analysis/memo.ts';
import { resolveThresholds } from './config.ts';
import { RULES } from './registry.ts';
import { SEVERITY_RANK, type Finding, type RuleDefinition, type RulesConfig } from './types.ts';

export interface AnalyzeOptions {
  /** Turn rules off, change their severity or thresholds, by rule id. */
  config?: RulesConfig;
  /** A prebuilt index of this same design; ignored if it indexes another design. */
  index?: GraphIndex;
}

export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function analyzeDesign(design: Design, options: AnalyzeOptions = {}): Finding[] {
  return runRules(RULES, design, options);
}

/** Run a given list of rules; `analyzeDesign` runs the registry. */
export function runRules(rules: readonly RuleDefinition[], design: Design, options: AnalyzeOptions = {}): Finding[] {
  const index = options.index && options.index.design === design ? options.index : buildGraphIndex(design);
  const config = options.config;
  const findings: Finding[] = [];
  try {
    for (const rule of rules) {
      const settings = config?.[rule.id];
      if (settings?.enabled === false) continue;
      const thresholds = resolveThresholds(rule.thresholds, settings?.thresholds);
      const severity = settings?.severity;
      const batch = rule.check({ design, index, thresholds });
      let mixed = false;
      for (const finding of batch) {
        if (severity) finding.severity = severity;
        else if (finding.severity !== batch[0]!.severity) mixed = true;
        findings.push(finding);
      }
      // Equal ids of one severity end up side by side when sorted (numberRepeats); of two, they may not.
      if (mixed) numberRepeatsOf(batch);
    }
  } finally {
    forgetDerived();
  }
  findings.sort(compareFindings);
  return numberRepeats(findings) ? findings.sort(compareFindings) : findings;
}

/** Suffix repeated ids in one rule's findings, in report order, whatever their order. */
function numberRepeatsOf(batch: readonly Finding[]): void {
  const seen = new Set<string>();
  for (const finding of batch) {
    if (seen.has(finding.id)) {
      let n = 2;
      while (seen.has(`${finding.id}#${n}`)) n++;
      finding.id = `${finding.id}#${n}`;
    }
    seen.add(finding.id);
  }
}

/**
 * Give repeated finding ids a suffix: the second `x` becomes `x#2`, the third
 * `x#3`, in the order the rules reported them. `findings` is sorted, so equal
 * ids are neighbours, and the sort is stable, so they are still in report
 * order (a finding id starts with its rule id, so only one rule's findings can
 * share an id, and a rule whose findings have several severities was handled
 * by numberRepeatsOf). Element ids cannot contain '#', so a suffixed id is new.
 * Returns whether any id changed (the list then needs sorting again).
 */
function numberRepeats(findings: Finding[]): boolean {
  let changed = false;
  let i = 1;
  while (i < findings.length) {
    const id = findings[i - 1]!.id;
    if (findings[i]!.id !== id) {
      i++;
      continue;
    }
    for (let n = 2; i < findings.length && findings[i]!.id === id; i++, n++) findings[i]!.id = `${id}#${n}`;
    changed = true;
  }
  return changed;
}
