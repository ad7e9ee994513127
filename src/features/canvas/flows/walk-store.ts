/**
 * Stepping through one request flow on the canvas: which flow (one of the
 * design's, by id, or a proposal, kept as it was proposed) and which step.
 * Not part of the design and never undone.
 */
import { create } from 'zustand';
import { sameSteps } from '../../../domain/diagram/flow-edits.ts';
import type { Flow } from '../../../domain/diagram/schema.ts';

export type WalkedFlow = { source: 'drawn'; flowId: string } | { source: 'proposed'; flow: Flow };

interface WalkState {
  walk: WalkedFlow | null;
  step: number;
  /** What had the keyboard when the walk began; it gets it back when the walk ends. */
  opener: HTMLElement | null;
  /** The design's flow open in the flows panel's editor: the canvas shows it, the inspector offers its next steps. */
  editing: string | null;
  setEditing(flowId: string | null): void;
  start(walk: WalkedFlow, step?: number): void;
  go(step: number): void;
  stop(): void;
}

export const useWalkStore = create<WalkState>()((set, get) => ({
  walk: null,
  step: 0,
  opener: null,
  editing: null,
  setEditing: (editing) => set({ editing }),
  start: (walk, step = 0) => {
    const active = document.activeElement;
    set({ walk, step, opener: active instanceof HTMLElement && active !== document.body ? active : get().opener });
  },
  go: (step) => set({ step: Math.max(0, step) }),
  stop: () => {
    const { opener, walk } = get();
    if (!walk) return;
    set({ walk: null, step: 0, opener: null });
    if (opener?.isConnected) opener.focus();
  },
}));

/** Whether this flow is the one being stepped through. */
export function isWalked(walk: WalkedFlow | null, flow: Flow, source: 'drawn' | 'proposed'): boolean {
  if (!walk || walk.source !== source) return false;
  return walk.source === 'drawn' ? walk.flowId === flow.id : walk.flow === flow || sameSteps(walk.flow, flow);
}
