import { Menu, Monitor, Moon, Sun } from 'lucide-react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { MenuButton } from '../components/ui/MenuButton.tsx';
import { useSettingsStore, type ThemeSetting } from '../stores/settings-store.ts';

const NAV = [
  { to: '/problems', label: 'Problems', end: false },
  { to: '/canvas', label: 'Canvas', end: false },
  { to: '/designs', label: 'My designs', end: false },
  { to: '/interview', label: 'Interview', end: false },
  { to: '/learn', label: 'Learn', end: false },
  { to: '/glossary', label: 'Glossary', end: false },
  { to: '/rules', label: 'Rules', end: false },
];

const NEXT_THEME: Record<ThemeSetting, ThemeSetting> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_LABEL: Record<ThemeSetting, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function ThemeToggle() {
  const theme = useSettingsStore((s) => s.theme);
  const setTheme = useSettingsStore((s) => s.setTheme);
  const Icon = theme === 'dark' ? Moon : theme === 'light' ? Sun : Monitor;
  return (
    <button
      type="button"
      onClick={() => setTheme(NEXT_THEME[theme])}
      aria-label={`Colour theme: ${THEME_LABEL[theme]}. Switch to ${THEME_LABEL[NEXT_THEME[theme]]}`}
      title={`Theme: ${THEME_LABEL[theme]} (click for ${THEME_LABEL[NEXT_THEME[theme]]})`}
      className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <Icon aria-hidden className="size-4" />
      <span className="hidden sm:inline">{THEME_LABEL[theme]}</span>
    </button>
  );
}

export function AppShell() {
  const navigate = useNavigate();
  return (
    <div className="flex h-full flex-col">
      <a href="#main" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-blue-700 px-3 py-2 text-white">
        Skip to content
      </a>
      <header className="print:hidden flex h-12 shrink-0 items-center gap-2 border-b sm:gap-4 border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-900">
        <NavLink to="/" className="flex items-center gap-2 font-semibold tracking-tight" aria-label="Skyline home">
          <img src="/favicon.svg" alt="" className="size-6" />
          <span className="hidden sm:inline">Skyline</span>
        </NavLink>
        <div className="sm:hidden">
          <MenuButton label="Menu" icon={Menu} align="left" items={NAV.map((item) => ({ label: item.label, onSelect: () => void navigate(item.to) }))} />
        </div>
        <nav aria-label="Main" className="hidden min-w-0 items-center gap-1 overflow-x-auto sm:flex">
          {NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `shrink-0 rounded-md px-2 py-1.5 text-sm sm:px-2.5 ${isActive ? 'bg-slate-100 font-medium text-slate-900 dark:bg-slate-800 dark:text-white' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto shrink-0">
          <ThemeToggle />
        </div>
      </header>
      <div id="main" className="flex min-h-0 flex-1 flex-col">
        <Outlet />
      </div>
    </div>
  );
}
