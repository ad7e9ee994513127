/**
 * Findings are derived from the design, never stored beside it. The engine
 * re-runs only when the design's structure changes (the store's `structure`
 * counter); moving or resizing things reuses the last result.
 */
import { useSyncExternalStore } from 'react';
import { analyzeDesign } from '../../domain/rules/engine.ts';
import type { Finding } from '../../domain/rules/types.ts';
import { useEditorStore, type EditorState } from './editor-store.ts';

let cached: { structure: number; designId: string; findings: readonly Finding[] } | null = null;
let runs = 0;

/** How many times the engine has run in this page: lets tests prove a drag runs it zero times. */
export function engineRunCount(): number {
  return runs;
}

export function selectFindings(state: Pick<EditorState, 'structure' | 'design'>): readonly Finding[] {
  if (cached && cached.structure === state.structure && cached.designId === state.design.id) return cached.findings;
  runs++;
  const findings = analyzeDesign(state.design);
  cached = { structure: state.structure, designId: state.design.id, findings };
  return findings;
}

export function useFindings(): readonly Finding[] {
  return useSyncExternalStore(useEditorStore.subscribe, () => selectFindings(useEditorStore.getState()));
}
