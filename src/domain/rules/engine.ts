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
import { SEVERITIES, SEVERITY_RANK, type Finding, type RuleDefinition, type RulesConfig, type Severity } from './types.ts';

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
  const groups: FindingGroup[] = [];
  try {
    for (const rule of rules) {
      const settings = config?.[rule.id];
      if (settings?.enabled === false) continue;
      const thresholds = resolveThresholds(rule.thresholds, settings?.thresholds);
      const severity = settings?.severity;
      const batch = rule.check({ design, index, thresholds });
      if (batch.length === 0) continue;
      let mixed = false;
      for (const finding of batch) {
        if (severity) finding.severity = severity;
        else if (finding.severity !== batch[0]!.severity) mixed = true;
      }
      if (!mixed) {
        groups.push({ severity: batch[0]!.severity, ruleId: rule.id, findings: batch });
        continue;
      }
      // Equal ids of one severity end up side by side when sorted (numberRepeats); of two, they may not.
      numberRepeatsOf(batch);
      for (const level of SEVERITIES) {
        const some = batch.filter((f) => f.severity === level);
        if (some.length > 0) groups.push({ severity: level, ruleId: rule.id, findings: some });
      }
    }
  } finally {
    forgetDerived();
  }
  const findings = sortedFindings(groups);
  return numberRepeats(findings) ? findings.sort(compareFindings) : findings;
}

/** One rule's findings of one severity, in report order. */
interface FindingGroup {
  severity: Severity;
  ruleId: string;
  findings: Finding[];
}

const byId = (a: Finding, b: Finding): number => (a.id < b.id ? -1 : a.id === b.id ? 0 : 1);

/**
 * The findings of every group in `compareFindings` order. Findings of one
 * severity and one rule differ only by id, so each group is sorted by id
 * alone and the groups are put in order of severity and rule id: the same
 * order a stable sort of all findings by `compareFindings` gives (groups of
 * the same severity and rule, from a rule listed twice, are joined in report
 * order), with fewer and cheaper comparisons.
 */
function sortedFindings(groups: FindingGroup[]): Finding[] {
  groups.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  let total = 0;
  for (const group of groups) total += group.findings.length;
  const findings = new Array<Finding>(total);
  let at = 0;
  for (let g = 0; g < groups.length; g++) {
    let members = groups[g]!.findings;
    // A rule that appears twice in the list: its groups of one severity sort as one.
    while (g + 1 < groups.length && groups[g + 1]!.severity === groups[g]!.severity && groups[g + 1]!.ruleId === groups[g]!.ruleId) {
      members = members.concat(groups[++g]!.findings);
    }
    members.sort(byId);
    for (const finding of members) findings[at++] = finding;
  }
  return findings;
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
