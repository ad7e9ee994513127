import { AlertTriangle } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Conflict, DesignStorage } from '../../storage/design-storage.ts';
import { useEditorStore } from '../../stores/editor/editor-store.ts';
import { clearHistory } from '../../stores/editor/history.ts';

const buttonClass = 'rounded-md border border-current/30 px-2.5 py-1 text-sm font-medium hover:bg-black/5 dark:hover:bg-white/10';

/**
 * Says plainly when this tab's changes are not being saved: the design is
 * open in another tab, was deleted, or the browser gives no storage. Offers
 * the way out; taking the design back never writes over newer saved work.
 */
export function StorageNotice({ storage, onSaveCopy, onExport }: { storage: DesignStorage; onSaveCopy?: () => void; onExport(): void }) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => storage.watchConflict(setConflict), [storage]);

  if (!conflict && !storage.warning) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <AlertTriangle aria-hidden className="size-4 shrink-0" />
      <p className="min-w-[min(100%,18rem)] flex-1">{conflict ? conflict.message : storage.warning}</p>
      {conflict ? (
        <div className="flex gap-2">
          <button
            type="button"
            disabled={busy}
            className={buttonClass}
            onClick={() => {
              setBusy(true);
              const store = useEditorStore.getState();
              void storage
                .takeOver(store.design)
                .then((result) => {
                  if (result.design !== store.design) {
                    store.loadDesign(result.design);
                    clearHistory();
                  }
                  if (result.message) store.announce(result.message, result.copy || conflict.kind === 'deleted' ? 'success' : 'info');
                })
                .finally(() => setBusy(false));
            }}
          >
            {conflict.kind === 'deleted' ? 'Restore it' : 'Edit here instead'}
          </button>
          {onSaveCopy && (
            <button type="button" className={buttonClass} onClick={onSaveCopy}>
              Save mine as a copy
            </button>
          )}
        </div>
      ) : (
        <button type="button" className={buttonClass} onClick={onExport}>
          Export as JSON
        </button>
      )}
    </div>
  );
}
