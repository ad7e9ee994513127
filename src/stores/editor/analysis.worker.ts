/// <reference lib="webworker" />
/**
 * Runs the rules engine off the main thread: keeps its own copy of the
 * design, updated by the deltas the page sends, and answers each with what
 * changed in the findings (analysis-protocol.ts).
 */
import { applyDelta } from '../../domain/diagram/design-delta.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import { diffFindings, type AnalysisRequest, type AnalysisResult } from './analysis-protocol.ts';

let design: Design | null = null;
const answered = new Map<string, { signature: string; severity: string }>();

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { seq, delta, fresh } = event.data;
  if (fresh) {
    design = null;
    answered.clear();
  }
  design = applyDelta(design, delta);
  const result: AnalysisResult = { seq, ...diffFindings(answered, analyzeDesign(design)) };
  self.postMessage(result);
};
