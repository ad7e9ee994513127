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
  const seen = new Set<string>();
  try {
    for (const rule of rules) {
      const settings = config?.[rule.id];
      if (settings?.enabled === false) continue;
      const thresholds = resolveThresholds(rule.thresholds, settings?.thresholds);
      const severity = settings?.severity;
      for (const finding of rule.check({ design, index, thresholds })) {
        if (severity) finding.severity = severity;
        if (seen.has(finding.id)) {
          let n = 2;
          while (seen.has(`${finding.id}#${n}`)) n++;
          finding.id = `${finding.id}#${n}`;
        }
        seen.add(finding.id);
        findings.push(finding);
      }
    }
  } finally {
    forgetDerived();
  }
  return findings.sort(compareFindings);
}
