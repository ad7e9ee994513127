/**
 * The canvas's level of detail. Text too small to read is hidden by CSS
 * (`data-detail` on the canvas, index.css). Below DETAIL_ZOOM a component is
 * not even built with its icon and its four connection points: a thousand
 * boxes carried four thousand connection points, each listening to React
 * Flow's store, and opening such a design took half as long again without
 * them. An image export asks for every detail whatever the zoom.
 */
import { useStore } from '@xyflow/react';
import { create } from 'zustand';

/** Below this zoom, 11-12 px text (connection labels, a component's kind) is under 7 px on screen: not drawn. */
export const TEXT_ZOOM = 0.6;
/** Below this zoom, icons and badges are too small to read as well: plain boxes and lines. */
export const DETAIL_ZOOM = 0.45;

/** Below this zoom an arrowhead is under 4 px and a dash under 2 px: lines are drawn solid and plain (index.css). */
export const LINE_ZOOM = 0.25;

type Transform = { transform: [number, number, number] };

export const selectDetail = (s: Transform) => (s.transform[2] < DETAIL_ZOOM ? 'low' : s.transform[2] < TEXT_ZOOM ? 'medium' : 'high');
const selectPlain = (s: Transform) => s.transform[2] < DETAIL_ZOOM;
export const selectPlainLines = (s: Transform) => s.transform[2] < LINE_ZOOM;

/** Set while an image is being made: every box is drawn in full. */
export const useFullDetail = create<{ full: boolean }>(() => ({ full: false }));

/** True when components are drawn as plain boxes (no icon, no badges, no connection points). */
export function usePlainBoxes(): boolean {
  const plain = useStore(selectPlain);
  const full = useFullDetail((s) => s.full);
  return plain && !full;
}
