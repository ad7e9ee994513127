import { useEffect, useId, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  icon?: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
  onSelect(): void;
  /** Shown but not chosen; it stays reachable with the arrow keys, as menus do. */
  disabled?: boolean;
  /** An on/off setting: the item says whether it is on. */
  checked?: boolean;
  /** Shown after the label, e.g. a keyboard shortcut. */
  hint?: string;
}

const ITEM = '[role^="menuitem"]';

/**
 * A button that opens a menu, keyboard included: arrows move between items,
 * Home and End jump, Escape closes and returns focus to the button.
 */
export function MenuButton({ label, icon: Icon, items, showLabel = true, align = 'right' }: {
  label: string;
  icon?: MenuItem['icon'];
  items: readonly MenuItem[];
  showLabel?: boolean;
  align?: 'left' | 'right';
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();

  const focusItem = (index: number) => {
    const all = menu.current?.querySelectorAll<HTMLButtonElement>(ITEM);
    if (!all || all.length === 0) return;
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusItem(0);
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLButtonElement>(ITEM) ?? [])];
    const current = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key] ?? 0);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={showLabel ? undefined : label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-expanded:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-expanded:bg-slate-800"
      >
        {Icon && <Icon aria-hidden className="size-4" />}
        {showLabel && <span>{label}</span>}
      </button>
      {open && (
        <ul
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          className={`absolute top-full z-50 mt-1 min-w-56 rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'}`}
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={item.checked}
                aria-disabled={item.disabled || undefined}
                tabIndex={-1}
                onClick={() => {
                  if (item.disabled) return;
                  close(true);
                  item.onSelect();
                }}
                className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-45 aria-disabled:hover:bg-transparent dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
              >
                {item.icon && <item.icon aria-hidden className="size-4 text-slate-500" />}
                <span className="flex-1">{item.label}</span>
                {item.hint && <span className="text-xs text-slate-500 dark:text-slate-400">{item.hint}</span>}
                {item.checked !== undefined && (
                  <span aria-hidden className={`text-xs font-medium ${item.checked ? 'text-blue-700 dark:text-blue-300' : 'text-slate-500 dark:text-slate-400'}`}>{item.checked ? 'On' : 'Off'}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
