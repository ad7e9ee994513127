/** User settings that persist across visits: theme, snap to grid, minimap, legend, live rubric. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface SettingsState {
  theme: ThemeSetting;
  snapToGrid: boolean;
  showMinimap: boolean;
  showLegend: boolean;
  /** Practice problems show the rubric as you draw instead of on "Check my design". */
  liveRubric: boolean;
  setTheme(theme: ThemeSetting): void;
  toggleSnap(): void;
  toggleMinimap(): void;
  toggleLegend(): void;
  toggleLiveRubric(): void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      theme: 'system',
      snapToGrid: true,
      showMinimap: true,
      showLegend: false,
      liveRubric: false,
      setTheme: (theme) => set({ theme }),
      toggleSnap: () => set((s) => ({ snapToGrid: !s.snapToGrid })),
      toggleMinimap: () => set((s) => ({ showMinimap: !s.showMinimap })),
      toggleLegend: () => set((s) => ({ showLegend: !s.showLegend })),
      toggleLiveRubric: () => set((s) => ({ liveRubric: !s.liveRubric })),
    }),
    { name: 'skyline:settings', version: 1 },
  ),
);

export function prefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function resolvedTheme(theme: ThemeSetting): 'light' | 'dark' {
  return theme === 'system' ? (prefersDark() ? 'dark' : 'light') : theme;
}
