import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { SHORTCUT_GROUPS } from './shortcuts.ts';

export function CheatSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="cheat-sheet-title"
      className="m-auto max-h-[85vh] w-[min(640px,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3 dark:border-slate-700">
        <h2 id="cheat-sheet-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <button type="button" onClick={onClose} aria-label="Close keyboard shortcuts" className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800">
          <X aria-hidden className="size-5" />
        </button>
      </div>
      <div className="grid gap-5 overflow-y-auto px-5 py-4 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title} className="min-w-0">
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{group.title}</h3>
            <dl className="space-y-1.5 text-sm">
              {group.shortcuts.map((s) => (
                <div key={s.keys} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)] gap-2">
                  <dt>
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{s.keys}</kbd>
                  </dt>
                  <dd className="text-slate-700 dark:text-slate-300">{s.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
