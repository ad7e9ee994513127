/**
 * Findings are derived from the design, never stored beside it. The engine
 * re-runs only when the design's structure changes (the store's `structure`
 * counter); moving or resizing things reuses the last result.
 *
 * In the browser the engine runs in a worker (analysis.worker.ts), so a
 * keystroke never waits for it: the page sends what changed and carries on,
 * and the findings follow a few milliseconds later. While the worker is busy,
 * newer edits wait and only the latest is sent. Where workers are missing
 * (tests in Node, a worker that failed to start) the engine runs here, as it
 * always did.
 */
import { useSyncExternalStore } from 'react';
import { diffDesign, fullDelta } from '../../domain/diagram/design-delta.ts';
import type { Design } from '../../domain/diagram/schema.ts';
import { analyzeDesign, runRules } from '../../domain/rules/engine.ts';
import { getRule } from '../../domain/rules/registry.ts';
import type { Finding } from '../../domain/rules/types.ts';
import { applyFindingsDelta, type AnalysisRequest, type AnalysisResult, type PlainFinding } from './analysis-protocol.ts';
import { useEditorStore, type EditorState } from './editor-store.ts';

/** The findings of one version of the design. */
export interface Analysis {
  design: Design;
  findings: readonly Finding[];
}

let cached: { structure: number; designId: string; findings: readonly Finding[] } | null = null;
let runs = 0;

/** How many times the engine has run on this page's main thread: lets tests prove a drag runs it zero times. */
export function engineRunCount(): number {
  return runs;
}

/** The findings for the store's design, computed here (the worker's fallback, and tests). */
export function selectFindings(state: Pick<EditorState, 'structure' | 'design'>): readonly Finding[] {
  if (cached && cached.structure === state.structure && cached.designId === state.design.id) return cached.findings;
  runs++;
  const findings = analyzeDesign(state.design);
  cached = { structure: state.structure, designId: state.design.id, findings };
  return findings;
}

/**
 * A finding from the worker, made whole: its quick fixes run the rule again
 * on the design they are given and apply that finding's fix (the same finding
 * by id), so nothing but data crosses from the worker.
 */
export function hydrateFinding(plain: PlainFinding): Finding {
  return {
    ...plain,
    quickFixes: plain.quickFixes.map(({ id, label }) => ({
      id,
      label,
      apply(design: Design): Design {
        const rule = getRule(plain.ruleId);
        const live = rule ? runRules([rule], design).find((f) => f.id === plain.id) : undefined;
        const fix = live?.quickFixes.find((q) => q.id === id);
        return fix ? fix.apply(design) : design;
      },
    })),
  };
}

let analysis: Analysis | null = null;
const listeners = new Set<() => void>();
const publish = (next: Analysis) => {
  analysis = next;
  for (const listener of listeners) listener();
};

/** undefined: not tried yet; null: unavailable, analyse on the main thread. */
let worker: Worker | null | undefined;
/** The design the worker holds (the last one sent). */
let sent: Design | null = null;
/** The findings the worker last answered with, whether shown or not: the base its next answer changes. */
let answered: readonly Finding[] = [];
let inflight: { seq: number; design: Design } | null = null;
let waiting: Design | null = null;
let seq = 0;

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<AnalysisResult>) => receive(event.data);
  worker.onerror = () => {
    // The worker could not run: analyse here from now on.
    worker?.terminate();
    worker = null;
    inflight = null;
    waiting = null;
    sent = null;
    answered = [];
    const state = useEditorStore.getState();
    publish({ design: state.design, findings: selectFindings(state) });
  };
  return worker;
}

function send(design: Design) {
  const target = startWorker();
  if (!target) {
    const state = useEditorStore.getState();
    publish({ design, findings: selectFindings(state) });
    return;
  }
  const fresh = sent === null;
  const request: AnalysisRequest = { seq: ++seq, delta: fresh ? fullDelta(design) : diffDesign(sent!, design), fresh };
  inflight = { seq, design };
  sent = design;
  target.postMessage(request);
}

function receive(result: AnalysisResult) {
  if (!inflight || result.seq !== inflight.seq) return;
  const { design } = inflight;
  inflight = null;
  const findings = applyFindingsDelta(answered, result, hydrateFinding);
  answered = findings;
  // A newer edit is waiting: its findings are what should be shown; these are only the base for them.
  if (waiting) {
    const next = waiting;
    waiting = null;
    send(next);
    return;
  }
  publish({ design, findings });
}

function request(design: Design) {
  if (inflight) waiting = design;
  else send(design);
}

let unsubscribeEditor: (() => void) | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!unsubscribeEditor) {
    unsubscribeEditor = useEditorStore.subscribe((state, previous) => {
      if (state.structure !== previous.structure || state.design.id !== previous.design.id) request(state.design);
    });
    const design = useEditorStore.getState().design;
    if (analysis?.design !== design) request(design);
  }
  return () => {
    listeners.delete(listener);
  };
}

/** The latest findings of the design being edited, and the version of the design they are for; null until the first arrive. */
export function useAnalysis(): Analysis | null {
  const current = useSyncExternalStore(subscribe, () => analysis);
  const designId = useEditorStore((s) => s.design.id);
  return current && current.design.id === designId ? current : null;
}

const NONE: readonly Finding[] = [];

/** The latest findings of the design being edited (none until the first analysis answers). */
export function useFindings(): readonly Finding[] {
  return useAnalysis()?.findings ?? NONE;
}
