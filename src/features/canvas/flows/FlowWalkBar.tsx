/**
 * The bar above the canvas while a flow is stepped through: the flow, the
 * step in words (read out by screen readers as it changes), whether it
 * happens during the request or after the response, and Previous / Next.
 * ← and → step, Escape leaves; the view follows the step.
 */
import { useReactFlow } from '@xyflow/react';
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { describeStep } from '../../../domain/diagram/flow-words.ts';
import { useEditorStore } from '../../../stores/editor/editor-store.ts';
import { canvasGeometry } from '../canvas-context.tsx';
import { designBoxes } from '../view-fit.ts';
import { viewForStart, viewForStep } from './walk-view.ts';
import { useWalkView } from './use-flows.ts';
import { useWalkStore } from './walk-store.ts';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Keeps the step in view: the whole flow when a walk starts (or its first
 * step, when the whole would be too small to read), then each step's two
 * components whenever they go off screen or too small to read.
 */
function useFollowStep(walk: unknown, flowNodes: readonly string[] | undefined, source: string | undefined, target: string | undefined) {
  const { getViewport, setViewport } = useReactFlow();
  const started = useRef<unknown>(null);
  useEffect(() => {
    if (!walk || !flowNodes || !source || !target) return;
    const geometry = canvasGeometry();
    if (!geometry || geometry.size.width === 0) return;
    const design = useEditorStore.getState().design;
    const pair = designBoxes(design, new Set([source, target]));
    if (pair.length === 0) return;
    let view;
    if (started.current !== walk) {
      started.current = walk;
      view = viewForStart(designBoxes(design, new Set(flowNodes)), pair, geometry);
    } else view = viewForStep(pair, getViewport(), geometry);
    if (view) void setViewport(view, { duration: 250 });
  }, [walk, flowNodes, source, target, getViewport, setViewport]);
}

export function FlowWalkBar() {
  const view = useWalkView();
  const walk = useWalkStore((s) => s.walk);
  const go = useWalkStore((s) => s.go);
  const stop = useWalkStore((s) => s.stop);
  const next = useRef<HTMLButtonElement>(null);

  // A flow that loses every step (its connections deleted) ends the walk.
  useEffect(() => {
    if (walk && !view) {
      stop();
      useEditorStore.getState().announce('The flow being stepped through has no steps left.');
    }
  }, [walk, view, stop]);

  // A new walk: the whole flow in view, and the keyboard on Next.
  useEffect(() => {
    if (walk) next.current?.focus({ preventScroll: true });
  }, [walk]);
  // Another design, or leaving the canvas, ends the walk.
  const designId = useEditorStore((s) => s.design.id);
  useEffect(() => () => useWalkStore.getState().stop(), [designId]);

  const current = view ? view.flow.steps[view.index] : undefined;
  useFollowStep(walk, view?.flow.nodes, current?.edge.source, current?.edge.target);

  const index = view?.index ?? 0;
  const count = view?.flow.steps.length ?? 0;
  useEffect(() => {
    if (!walk) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog')) return;
      const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (move === 0 && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'Escape') stop();
      else go(Math.min(count - 1, Math.max(0, index + move)));
    };
    // Capture: ahead of the canvas's own arrow keys (moving the selection) and Escape (clearing it).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [walk, index, count, go, stop]);

  if (!view || !current) return null;
  const sentence = describeStep(current, view.names);
  const phase = current.afterResponse ? 'After the response' : 'During the request';
  const tone = current.afterResponse
    ? 'border-violet-700 bg-violet-50 text-violet-950 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-50'
    : 'border-blue-700 bg-blue-50 text-blue-950 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-50';
  const button =
    'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-50 aria-disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800';
  return (
    <section aria-label="Flow step-through" className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-slate-200 bg-white px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-0 flex-1 basis-64">
        <p className="truncate text-xs text-slate-600 dark:text-slate-300">
          <span className="font-semibold text-slate-900 dark:text-slate-50">{view.flow.flow.name}</span>
          {view.walk.source === 'proposed' ? ' (proposed)' : ''}
        </p>
        <p role="status" className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-semibold tabular-nums">
            Step {view.index + 1} of {count}:
          </span>{' '}
          <span>{sentence}.</span>{' '}
          <span className={`rounded border px-1.5 text-xs font-semibold ${tone}`}>{phase}</span>
        </p>
      </div>
      <div className="flex items-center gap-1.5">
        <button type="button" className={button} onClick={() => view.index > 0 && go(view.index - 1)} aria-disabled={view.index === 0} aria-keyshortcuts="ArrowLeft">
          <ChevronLeft aria-hidden className="size-4" />
          Previous step
        </button>
        <button ref={next} type="button" className={button} onClick={() => view.index < count - 1 && go(view.index + 1)} aria-disabled={view.index >= count - 1} aria-keyshortcuts="ArrowRight">
          Next step
          <ChevronRight aria-hidden className="size-4" />
        </button>
        <button type="button" className={button} onClick={stop} aria-keyshortcuts="Escape" aria-label="Done stepping through">
          <X aria-hidden className="size-4" />
          Done
        </button>
        <span className="hidden text-xs text-slate-500 lg:inline dark:text-slate-400">← → step · Esc leaves</span>
      </div>
    </section>
  );
}
