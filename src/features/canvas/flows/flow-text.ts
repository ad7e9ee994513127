/** Small pieces of wording shared by the flows panel and its editor. */
import { describeStep, type FlowNames } from '../../../domain/diagram/flow-words.ts';
import type { DesignEdge, Flow } from '../../../domain/diagram/schema.ts';
import type { BindingSource } from '../../../domain/rubric/bindings.ts';
import type { Problem } from '../../../domain/rubric/problem.ts';

export const formatRate = (rps: number) => `${rps.toLocaleString('en-US', { maximumFractionDigits: 1 })}/s`;

/** The flow's rate as the learner set it, else the figure of the operation it serves. */
export function rateText(flow: Flow, problem: Problem | null): string {
  if (flow.rateRps !== undefined) return `${formatRate(flow.rateRps)} at peak`;
  const op = problem?.operations.find((o) => o.id === flow.operation);
  return op ? `${formatRate(op.rateRps)} at peak (the brief’s figure)` : 'no rate set';
}

/** A connection as the step it would be: "Redirect service reads Link cache". */
export function connectionAsStep(edge: DesignEdge, names: FlowNames): string {
  return describeStep({ step: { edge: edge.id, when: 'always', share: 1, parallel: false }, edge, index: 0, afterResponse: false }, names);
}

export function bindingText(source: BindingSource | undefined): string {
  return source === 'responsibility' ? 'confirmed' : source === 'name' ? 'suggested by its name' : source === 'kind' ? 'suggested by its kind' : '';
}

export const PANEL_BUTTON =
  'inline-flex items-center justify-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800';
export const PRIMARY_BUTTON =
  'inline-flex items-center justify-center gap-1 rounded-md bg-blue-700 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50';
