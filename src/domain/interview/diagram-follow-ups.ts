/**
 * Follow-up questions generated from the live diagram, in the order an
 * interviewer should ask them:
 *
 *   0. findings of severity error
 *   1. findings of severity warning (about what the learner has drawn)
 *   2. rubric criteria still missing, in rubric order
 *   3. failure probes: a datastore, broker or compute node that runs one
 *      instance and has something depending on it
 *   4. findings of severity info
 *
 * Ids are stable across re-generation (`finding:<finding id>`,
 * `missing:<criterion id>`, `failure:<node id>`), so a question already asked
 * is recognised however the design changes.
 */
import type { Role } from '../diagram/catalog.ts';
import { buildGraphIndex, type GraphIndex } from '../diagram/graph-index.ts';
import type { Design } from '../diagram/schema.ts';
import type { Criterion, Problem } from '../rubric/problem.ts';
import type { RubricScore } from '../rubric/scorer.ts';
import type { Finding, Severity } from '../rules/types.ts';
import { findingQuestion } from './finding-questions.ts';
import { asQuestion, type InterviewQuestion } from './interview-question.ts';

/** The glossary term failure probes link to (glossary/terms/single-point-of-failure.md). */
export const FAILURE_PROBE_TERM = 'single-point-of-failure';

export const FOLLOW_UP_PRIORITY = { error: 0, warning: 1, missing: 2, failure: 3, info: 4 } as const;

export interface DiagramFollowUp extends InterviewQuestion {
  source: 'missing' | 'finding' | 'failure';
  /** Lower is asked first; see FOLLOW_UP_PRIORITY. */
  priority: number;
}

/** Roles whose single instance hurts when it fails. */
const PROBED_ROLES: ReadonlySet<Role> = new Set(['datastore', 'broker', 'compute']);
/** Scaled by the platform: "one instance" means nothing for them. */
const UNPROBED_KINDS: ReadonlySet<string> = new Set(['serverless-function']);

/**
 * The generic question for a criterion without its own `question`, built from
 * capability labels; null for `no-finding` criteria, whose findings are asked
 * about one by one instead. Never the hint.
 */
export function criterionQuestion(criterion: Criterion, label: (capabilityId: string) => string): string | null {
  switch (criterion.type) {
    case 'capability':
      return `How does your design handle ${label(criterion.capability)}?`;
    case 'reaches': {
      const from = label(criterion.from);
      const to = label(criterion.to);
      switch (criterion.via) {
        case 'sync':
          return `How does ${from} get an answer from ${to} while the request waits?`;
        case 'async':
          return `How does ${to} hear about work from ${from} without ${from} waiting for it?`;
        case 'not-sync':
          return `Does ${from} have to wait for ${to}? What happens to ${from} when ${to} is slow?`;
        case 'any':
          return `How does ${from} reach ${to} in your design?`;
      }
      break;
    }
    case 'component':
      return criterion.position === 'in-front-of'
        ? `What stands in front of ${label(criterion.capability)}, and what does it protect it from?`
        : `What does ${label(criterion.capability)} rely on behind it to do its job fast enough?`;
    case 'instances':
      return `What happens to ${label(criterion.capability)} when one instance fails?`;
    case 'replicated':
      return `What happens to the data of ${label(criterion.capability)} when its database server dies?`;
    case 'single-owner':
      return criterion.capability
        ? `Which service owns the data of ${label(criterion.capability)}, and who else writes to it?`
        : 'Which service owns each datastore, and who else writes to it?';
    case 'entry-through':
      return 'How does client traffic enter your system, and what does it pass through first?';
    case 'slo':
      return `At ${criterion.rps.toLocaleString('en-US')} requests a second, what p99 latency and error rate does ${label(criterion.capability)} give, and which component runs out of room first?`;
    case 'no-finding':
      return null;
  }
  return null;
}

function missingCriterionFollowUps(problem: Problem, score: RubricScore): DiagramFollowUp[] {
  const labels = new Map(problem.capabilities.map((c) => [c.id, c.label]));
  const label = (id: string) => labels.get(id) ?? id;
  const out: DiagramFollowUp[] = [];
  for (const result of score.results) {
    if (result.met) continue;
    const c = result.criterion;
    const text = c.question ?? criterionQuestion(c, label);
    if (text === null) continue;
    out.push({
      id: `missing:${c.id}`,
      source: 'missing',
      text: asQuestion(text),
      link: { type: 'criterion', criterionId: c.id },
      priority: FOLLOW_UP_PRIORITY.missing,
    });
  }
  return out;
}

function findingFollowUp(finding: Finding, index: GraphIndex): DiagramFollowUp {
  const priority: Record<Severity, number> = FOLLOW_UP_PRIORITY;
  return {
    id: `finding:${finding.id}`,
    source: 'finding',
    text: asQuestion(findingQuestion(finding, index)),
    link: { type: 'term', termId: finding.glossaryTerm },
    priority: priority[finding.severity],
  };
}

/** Nodes whose single instance hurts: probed role, one instance, something depends on them. */
export function failureProbes(index: GraphIndex, findings: readonly Finding[] = []): DiagramFollowUp[] {
  // A single-point-of-failure finding already asks about its node.
  const covered = new Set(findings.filter((f) => f.ruleId === 'single-point-of-failure').flatMap((f) => f.elementIds));
  const out: DiagramFollowUp[] = [];
  for (const node of index.design.nodes) {
    const role = index.roleOf(node.id);
    if (!role || !PROBED_ROLES.has(role) || UNPROBED_KINDS.has(node.kind) || node.instances !== 1) continue;
    if (index.incoming(node.id).length === 0 || covered.has(node.id)) continue;
    out.push({
      id: `failure:${node.id}`,
      source: 'failure',
      text: `Your ${node.name} has one instance. What happens when it fails?`,
      link: { type: 'term', termId: FAILURE_PROBE_TERM },
      priority: FOLLOW_UP_PRIORITY.failure,
    });
  }
  return out;
}

export interface DiagramFollowUpInput {
  problem: Problem;
  design: Design;
  /** The findings of this design, as the rules engine returns them. */
  findings: readonly Finding[];
  /** The rubric score of this design. */
  score: RubricScore;
  /** A prebuilt index of this same design, if the caller has one. */
  index?: GraphIndex;
}

/** Every follow-up the diagram suggests right now, in asking order (see the module comment). */
export function diagramFollowUps(input: DiagramFollowUpInput): DiagramFollowUp[] {
  const index = input.index && input.index.design === input.design ? input.index : buildGraphIndex(input.design);
  const all = [
    ...input.findings.map((f) => findingFollowUp(f, index)),
    ...missingCriterionFollowUps(input.problem, input.score),
    ...failureProbes(index, input.findings),
  ];
  // Array.prototype.sort is stable: within a priority, findings keep the engine's order and criteria the rubric's.
  return all.sort((a, b) => a.priority - b.priority);
}
