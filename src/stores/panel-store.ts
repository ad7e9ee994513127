/**
 * The panels around the canvas: whether each is open and how large, kept
 * across visits; and focus mode, which gives the whole window to the drawing
 * for as long as the page is open.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The side panel (palette or a problem's brief), the inspector, and the Review panel under the canvas. */
export type PanelId = 'side' | 'inspector' | 'review';

/** Sizes in pixels: widths of the side panels, height of Review. */
export const PANEL_LIMITS: Record<PanelId, { min: number; max: number }> = {
  side: { min: 200, max: 520 },
  inspector: { min: 240, max: 520 },
  review: { min: 96, max: 560 },
};

export const DEFAULT_PANEL_SIZE: Record<PanelId, number> = { side: 256, inspector: 288, review: 176 };

export interface PanelState {
  open: Record<PanelId, boolean>;
  /** Null until the user resizes it: the panel's default size (the side panel's depends on what it shows). */
  size: Record<PanelId, number | null>;
  /** Focus mode: no header, no panels, only the canvas and its tools. */
  focus: boolean;
  setOpen(panel: PanelId, open: boolean): void;
  toggle(panel: PanelId): void;
  resize(panel: PanelId, size: number): void;
  setFocus(focus: boolean): void;
}

export const clampPanel = (panel: PanelId, size: number) => Math.round(Math.min(PANEL_LIMITS[panel].max, Math.max(PANEL_LIMITS[panel].min, size)));

export const usePanelStore = create<PanelState>()(
  persist(
    (set) => ({
      open: { side: true, inspector: true, review: true },
      size: { side: null, inspector: null, review: null },
      focus: false,
      setOpen: (panel, open) => set((s) => ({ open: { ...s.open, [panel]: open }, focus: open ? false : s.focus })),
      toggle: (panel) => set((s) => ({ open: { ...s.open, [panel]: !s.open[panel] || s.focus }, focus: false })),
      resize: (panel, size) => set((s) => ({ size: { ...s.size, [panel]: clampPanel(panel, size) } })),
      setFocus: (focus) => set({ focus }),
    }),
    {
      name: 'skyline:panels',
      version: 1,
      // Focus mode lasts for the visit; a reload shows the panels again.
      partialize: (s) => ({ open: s.open, size: s.size }),
    },
  ),
);
