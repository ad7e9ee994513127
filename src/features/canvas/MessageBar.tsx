import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor/editor-store.ts';

const TONE = {
  info: 'border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

/** The editor's one live region: confirmations and refusals, read out by screen readers. */
export function MessageBar() {
  const message = useEditorStore((s) => s.message);
  const dismiss = useEditorStore((s) => s.dismissMessage);
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(dismiss, 5000);
    return () => clearTimeout(timer);
  }, [message, dismiss]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 top-3 z-20 flex justify-center px-3">
      {message && (
        <div className={`pointer-events-auto flex max-w-xl items-start gap-2 rounded-lg border px-3 py-2 text-sm shadow-md ${TONE[message.tone]}`}>
          <span className="sr-only">{message.tone === 'error' ? 'Problem: ' : ''}</span>
          <p>{message.text}</p>
          <button type="button" onClick={dismiss} aria-label="Dismiss message" className="rounded p-0.5 hover:bg-black/5 dark:hover:bg-white/10">
            <X aria-hidden className="size-4" />
          </button>
        </div>
      )}
    </div>
  );
}
