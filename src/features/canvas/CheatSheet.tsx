import { Dialog } from '../../components/ui/Dialog.tsx';
import { SHORTCUT_GROUPS } from './shortcuts.ts';

export function CheatSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="grid gap-5 sm:grid-cols-2">
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
    </Dialog>
  );
}
