import { useEffect } from 'react';
import { resolvedTheme, useSettingsStore } from '../stores/settings-store.ts';

/** Keeps the `dark` class on <html> in step with the setting and, for "system", the OS. */
export function useThemeClass() {
  const theme = useSettingsStore((s) => s.theme);
  useEffect(() => {
    const apply = () => {
      const dark = resolvedTheme(theme) === 'dark';
      document.documentElement.classList.toggle('dark', dark);
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
